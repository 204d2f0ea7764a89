#include "domain/bulletin_draft.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>

namespace minqing::domain {
namespace {

// How many entries of a breakdown the text names; the chart shows a few more.
constexpr std::size_t kNamedInText = 3;
constexpr std::size_t kCharted = 10;
constexpr std::size_t kTopConcerns = 5;
constexpr std::size_t kWorstUnits = 5;
constexpr std::int64_t kTenthsOfPercent = 1000;

BulletinSection Titled(std::string_view key, std::string title) {
    BulletinSection section;
    section.key = key;
    section.title = std::move(title);
    return section;
}

std::string Count(std::int64_t n) {
    return std::to_string(n) + "件";
}

// A change as a percentage with one decimal, rounded half away from zero.
std::string Tenths(std::int64_t tenths) {
    return std::to_string(tenths / 10) + "." + std::to_string(tenths % 10) + "%";
}

std::int64_t ChangeTenths(std::int64_t now, std::int64_t before) {
    const double ratio = static_cast<double>(now - before) / static_cast<double>(before);
    return std::llround(ratio * static_cast<double>(kTenthsOfPercent));
}

double Percent(std::int64_t now, std::int64_t before) {
    if (before == 0) {
        return 0;
    }
    return static_cast<double>(ChangeTenths(now, before)) / 10.0;
}

std::vector<BulletinFigure> CountFigures(const PeriodCount& count, const std::string& prefix) {
    return {
        {prefix + "current", count.label, static_cast<double>(count.current), "件"},
        {prefix + "previous", count.label + "（上期）", static_cast<double>(count.previous), "件"},
        {prefix + "yearBefore", count.label + "（去年同期）",
         static_cast<double>(count.year_before), "件"}};
}

// "比上期增加7.2%，比去年同期减少3.0%" from a count's comparisons.
std::string Comparisons(const PeriodCount& count) {
    std::string text;
    if (count.previous > 0) {
        text +=
            "比上期（" + Count(count.previous) + "）" + ChangeText(count.current, count.previous);
    }
    if (count.year_before > 0) {
        text += std::string(text.empty() ? "" : "，") + "比去年同期（" + Count(count.year_before) +
                "）" + ChangeText(count.current, count.year_before);
    }
    return text;
}

BulletinChart BarsOf(std::string title, const std::vector<PeriodCount>& counts) {
    BulletinChart chart;
    chart.title = std::move(title);
    chart.unit = "件";
    chart.series_name = "本期";
    chart.comparison_name = "上期";
    for (std::size_t i = 0; i < counts.size() && i < kCharted; ++i) {
        chart.labels.push_back(counts[i].label);
        chart.values.push_back(static_cast<double>(counts[i].current));
        chart.comparison.push_back(static_cast<double>(counts[i].previous));
    }
    return chart;
}

// A breakdown's section: one figure per entry, the first few named in the text, a bar chart.
BulletinSection Breakdown(std::string_view key, std::string title, const BulletinFacts& facts,
                          const std::vector<PeriodCount>& counts, const std::string& what) {
    BulletinSection section = Titled(key, std::move(title));
    std::string text = facts.period + "，按" + what + "分，";
    for (std::size_t i = 0; i < counts.size(); ++i) {
        const PeriodCount& count = counts[i];
        section.figures.push_back({std::string(key) + "." + count.key, count.label,
                                   static_cast<double>(count.current), "件"});
        if (i < kNamedInText) {
            const double share =
                facts.total.current == 0
                    ? 0
                    : static_cast<double>(count.current) / static_cast<double>(facts.total.current);
            text +=
                std::string(i == 0 ? "" : "；") + count.label + Count(count.current) + "，占" +
                Tenths(std::llround(share * static_cast<double>(kTenthsOfPercent))) +
                (count.previous > 0 ? "，比上期" + ChangeText(count.current, count.previous) : "");
        }
    }
    section.text = counts.empty() ? facts.period + "，本项无数据。" : text + "。";
    if (!counts.empty()) {
        section.charts.push_back(BarsOf("按" + what + "分受理件数", counts));
    }
    return section;
}

BulletinSection Overview(const BulletinFacts& facts) {
    BulletinSection section = Titled(kOverviewSection, "总体情况");
    section.figures = CountFigures(facts.total, "total.");
    section.figures.push_back({"total.changePrevious", "环比变化",
                               Percent(facts.total.current, facts.total.previous), "%"});
    section.figures.push_back({"total.changeYearBefore", "同比变化",
                               Percent(facts.total.current, facts.total.year_before), "%"});
    const std::string comparisons = Comparisons(facts.total);
    section.text = facts.period + "，" + facts.area + "社情民意绿色通道共受理群众诉求" +
                   Count(facts.total.current) + (comparisons.empty() ? "" : "，" + comparisons) +
                   "。";
    return section;
}

BulletinSection Concerns(const BulletinFacts& facts) {
    BulletinSection section = Titled(kConcernsSection, "群众关注的热点问题");
    std::string text = facts.period + "，群众反映较多的问题依次是：";
    const std::size_t shown = std::min(facts.concerns.size(), kTopConcerns);
    for (std::size_t i = 0; i < shown; ++i) {
        const PeriodCount& count = facts.concerns[i];
        section.figures.push_back(
            {"concerns." + count.key, count.label, static_cast<double>(count.current), "件"});
        section.figures.push_back({"concerns." + count.key + ".previous", count.label + "（上期）",
                                   static_cast<double>(count.previous), "件"});
        const std::string change = ChangeText(count.current, count.previous);
        text += std::string(i == 0 ? "" : "；") + count.label + Count(count.current) +
                (change.empty() ? "" : "（比上期" + change + "）");
    }
    section.text = shown == 0 ? facts.period + "，本期无突出的热点问题。" : text + "。";
    return section;
}

BulletinSection Collective(const BulletinFacts& facts) {
    BulletinSection section = Titled(kCollectiveSection, "群体性问题");
    section.figures.push_back(
        {"collective.count", "群体性问题", static_cast<double>(facts.collective.size()), "件"});
    const std::string rule =
        "（同一事项在本期并案" + std::to_string(facts.collective_threshold) + "件以上）";
    if (facts.collective.empty()) {
        section.text = facts.period + "，未发现集中反映的群体性问题" + rule + "。";
        return section;
    }
    std::string text = facts.period + "，集中反映的群体性问题" +
                       std::to_string(facts.collective.size()) + "件" + rule + "：";
    for (std::size_t i = 0; i < facts.collective.size(); ++i) {
        const CollectiveMatter& matter = facts.collective[i];
        text += std::string(i == 0 ? "" : "；") + matter.title + "（" + matter.number + "，" +
                std::to_string(matter.reports) + "人次反映）";
    }
    section.text = text + "。";
    return section;
}

BulletinSection Overdue(const BulletinFacts& facts) {
    BulletinSection section = Titled(kOverdueSection, "超期和督办情况");
    section.figures = {
        {"overdue.count", "超期未办结", static_cast<double>(facts.overdue), "件"},
        {"overdue.redCards", "红牌督办", static_cast<double>(facts.red_cards), "件"}};
    std::string text = facts.period + "受理的诉求中，目前超期未办结" + Count(facts.overdue) +
                       "，亮红牌督办" + Count(facts.red_cards);
    const std::size_t shown = std::min(facts.overdue_units.size(), kWorstUnits);
    for (std::size_t i = 0; i < shown; ++i) {
        const PeriodCount& unit = facts.overdue_units[i];
        section.figures.push_back(
            {"overdue.unit." + unit.key, unit.label, static_cast<double>(unit.current), "件"});
        text +=
            std::string(i == 0 ? "。超期较多的单位是：" : "、") + unit.label + Count(unit.current);
    }
    section.text = text + "。";
    if (shown > 0) {
        section.charts.push_back(
            BarsOf("超期未办结件数较多的单位",
                   std::vector(facts.overdue_units.begin(),
                               facts.overdue_units.begin() + static_cast<std::ptrdiff_t>(shown))));
        section.charts.back().comparison.clear();
        section.charts.back().comparison_name.clear();
    }
    return section;
}

std::string Names(const std::vector<std::string>& names) {
    std::string text;
    for (const auto& name : names) {
        text += (text.empty() ? "" : "、") + name;
    }
    return text.empty() ? "无" : text;
}

BulletinSection Assessment(const BulletinFacts& facts) {
    BulletinSection section = Titled(kAssessmentSection, "考核情况");
    if (!facts.assessment) {
        section.text = facts.period + "的考核结果尚未发布，发布后重新生成本节。";
        return section;
    }
    const AssessmentHighlights& a = *facts.assessment;
    const bool districts = !a.top_districts.empty() || !a.bottom_districts.empty();
    section.text = facts.period + "考核中，" + (districts ? "市直" : "") + "成员单位排名靠前的是" +
                   Names(a.top_units) + "，排名靠后的是" + Names(a.bottom_units) +
                   (districts ? "；各县（市）区排名靠前的是" + Names(a.top_districts) +
                                    "，排名靠后的是" + Names(a.bottom_districts)
                              : "") +
                   "。";
    return section;
}

std::string TypicalIntro(const std::vector<BulletinCase>& cases) {
    return cases.empty() ? "本期未选取典型案例。" : "现将本期办理的典型案例摘报如下。";
}

BulletinSection Typical(const BulletinFacts& facts) {
    BulletinSection section = Titled(kTypicalSection, "典型案例");
    section.cases = facts.typical;
    section.text = TypicalIntro(facts.typical);
    return section;
}

}  // namespace

std::string ChangeText(std::int64_t now, std::int64_t before) {
    if (before == 0) {
        return "";
    }
    const std::int64_t tenths = ChangeTenths(now, before);
    if (tenths == 0) {
        return "持平";
    }
    return (tenths > 0 ? "增加" : "减少") + Tenths(std::llabs(tenths));
}

std::vector<BulletinSection> DraftSections(const BulletinFacts& facts) {
    std::vector<BulletinSection> sections;
    sections.push_back(Overview(facts));
    sections.push_back(
        Breakdown(kChannelsSection, "各渠道受理情况", facts, facts.channels, "受理渠道"));
    sections.push_back(
        Breakdown(kCategoriesSection, "诉求类别分布", facts, facts.categories, "诉求类别"));
    if (!facts.districts.empty()) {
        sections.push_back(Breakdown(kDistrictsSection, "各县（市）区受理情况", facts,
                                     facts.districts, "县（市）区"));
    }
    sections.push_back(Concerns(facts));
    sections.push_back(Collective(facts));
    sections.push_back(Overdue(facts));
    sections.push_back(Assessment(facts));
    sections.push_back(Typical(facts));
    return sections;
}

void SetTypicalCases(std::vector<BulletinSection>& sections, std::vector<BulletinCase> cases) {
    auto section = std::ranges::find(sections, kTypicalSection, &BulletinSection::key);
    if (section == sections.end()) {
        return;
    }
    if (!section->edited) {
        section->text = TypicalIntro(cases);
    }
    section->cases = std::move(cases);
}

Regeneration Regenerate(const std::vector<BulletinSection>& current,
                        const std::vector<BulletinSection>& fresh) {
    Regeneration result;
    for (BulletinSection section : fresh) {
        const auto old = std::ranges::find(current, section.key, &BulletinSection::key);
        const std::vector<BulletinFigure> no_figures;
        const auto& old_figures = old == current.end() ? no_figures : old->figures;
        for (const BulletinFigure& figure : section.figures) {
            const auto before = std::ranges::find(old_figures, figure.key, &BulletinFigure::key);
            if (before == old_figures.end()) {
                result.changes.push_back(
                    {section.key, figure.key, figure.label, std::nullopt, figure.value});
            } else if (before->value != figure.value) {
                result.changes.push_back(
                    {section.key, figure.key, figure.label, before->value, figure.value});
            }
        }
        for (const BulletinFigure& figure : old_figures) {
            if (std::ranges::find(section.figures, figure.key, &BulletinFigure::key) ==
                section.figures.end()) {
                result.changes.push_back(
                    {section.key, figure.key, figure.label, figure.value, std::nullopt});
            }
        }
        if (old != current.end() && old->edited) {
            section.text = old->text;
            section.edited = true;
        }
        result.sections.push_back(std::move(section));
    }
    return result;
}

}  // namespace minqing::domain
