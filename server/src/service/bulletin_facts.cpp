#include "service/bulletin_facts.hpp"

#include <algorithm>
#include <array>
#include <map>

#include "domain/case_access.hpp"
#include "domain/name_table.hpp"

namespace minqing::service {
namespace {

using domain::PeriodCount;
using domain::StatsDimension;

// The channels as the bulletin names them.
constexpr domain::NameTable<domain::Channel, 7> kChannelLabels{{
    {domain::Channel::kGrid, "网格采集"},
    {domain::Channel::kCadreReport, "社情民意报告单"},
    {domain::Channel::kDirectCard, "社情民意直通卡"},
    {domain::Channel::kHotline, "市长热线移交"},
    {domain::Channel::kWalkIn, "来访来电"},
    {domain::Channel::kMailbox, "网上信箱"},
    {domain::Channel::kMessageBoard, "留言板"},
}};

// Merged reports of a period read to find the collective matters; beyond this the period is
// read in part (a city's month has far fewer merges).
constexpr int kMergedReportsRead = 20000;
// The bulletin names the top and the bottom three of a ranking.
constexpr std::size_t kRankingEnds = 3;

std::int64_t CountOf(const std::optional<StatsPart>& part, const std::vector<std::string>& keys) {
    if (!part) {
        return 0;
    }
    const auto& cells = part->result.cells;
    const auto cell = std::ranges::find(cells, keys, &domain::StatsCell::keys);
    return cell == cells.end() ? 0 : cell->count;
}

std::string LabelOf(const domain::StatsGrouping& grouping, const std::string& key,
                    const StatsReport& report) {
    switch (grouping.dimension) {
        case StatsDimension::kArea:
        case StatsDimension::kUnit: {
            const auto id = std::stoll(key);
            const auto unit = report.units.find(id);
            if (unit != report.units.end()) {
                // Cases a division above the level recorded as its own (the city's).
                const bool own = grouping.dimension == StatsDimension::kArea &&
                                 unit->second.level < grouping.area_level;
                return own ? unit->second.name + "本级" : unit->second.name;
            }
            return grouping.dimension == StatsDimension::kUnit ? "未指定单位" : "市本级";
        }
        case StatsDimension::kCategory: {
            const auto name = report.category_names.find(key);
            return name == report.category_names.end() ? key : name->second;
        }
        case StatsDimension::kChannel: {
            const auto channel = domain::ParseChannel(key);
            return channel ? std::string(NameIn(kChannelLabels, *channel)) : key;
        }
        default:
            return key;
    }
}

// The counts of one grouping, largest first, each beside the previous period and the year
// before.
std::vector<PeriodCount> Breakdown(const StatsReport& report,
                                   const domain::StatsGrouping& grouping) {
    std::vector<PeriodCount> counts;
    for (const auto& cell : report.current.result.cells) {
        if (cell.keys.size() != 1) {
            continue;
        }
        counts.push_back({cell.keys[0], LabelOf(grouping, cell.keys[0], report), cell.count,
                          CountOf(report.previous, cell.keys),
                          CountOf(report.year_before, cell.keys)});
    }
    std::ranges::stable_sort(counts, std::ranges::greater{}, &PeriodCount::current);
    return counts;
}

class FactCounter {
  public:
    FactCounter(StatsService& stats, const domain::Principal& caller,
                const domain::Bulletin& bulletin)
        : stats_(stats), caller_(caller), bulletin_(bulletin) {}

    /// The counts grouped by `grouping` (none: the total), with comparisons.
    Result<StatsReport> Count(std::optional<domain::StatsGrouping> grouping,
                              CaseFilters filters = {}) {
        StatsRequest request;
        request.filters = std::move(filters);
        request.from = bulletin_.period_from;
        request.to = bulletin_.period_to;
        request.previous = true;
        request.year_before = true;
        if (grouping) {
            request.groupings.push_back(*grouping);
        }
        return stats_.CaseCounts(caller_, std::move(request));
    }

    Result<std::vector<PeriodCount>> By(const domain::StatsGrouping& grouping,
                                        CaseFilters filters = {}) {
        auto report = Count(grouping, std::move(filters));
        if (!report) {
            return Fail(std::move(report.error()));
        }
        return Breakdown(*report, grouping);
    }

  private:
    StatsService& stats_;
    const domain::Principal& caller_;
    const domain::Bulletin& bulletin_;
};

domain::StatsGrouping Grouping(StatsDimension dimension, int category_level = 1) {
    domain::StatsGrouping grouping;
    grouping.dimension = dimension;
    grouping.category_level = category_level;
    grouping.area_level = domain::OrgLevel::kDistrict;
    return grouping;
}

// Matters that gathered at least kCollectiveMergedReports merged reports in the period, most
// reported first.
std::vector<domain::CollectiveMatter> CollectiveMatters(domain::Repositories& repositories,
                                                        const domain::Principal& caller,
                                                        const domain::Bulletin& bulletin) {
    domain::CaseListQuery query;
    query.visibility = domain::VisibilityOf(caller);
    query.states = {domain::CaseState::kMerged};
    query.created_from = domain::StartOfDayNumber(bulletin.period_from);
    query.created_to = domain::StartOfDayNumber(bulletin.period_to);
    query.limit = kMergedReportsRead;
    std::map<domain::CaseId, std::int64_t> merged;
    for (const domain::Case& c : repositories.Cases().List(query)) {
        if (c.master_case_id) {
            ++merged[*c.master_case_id];
        }
    }
    std::vector<domain::CollectiveMatter> matters;
    for (const auto& [master_id, count] : merged) {
        if (count < kCollectiveMergedReports) {
            continue;
        }
        if (const auto master = repositories.Cases().FindById(master_id)) {
            matters.push_back({master->number, master->title, count + 1});
        }
    }
    std::ranges::stable_sort(matters, std::ranges::greater{}, &domain::CollectiveMatter::reports);
    return matters;
}

// The assessment period a bulletin covers: "2026-11" for a month, "2026-Q4" for a quarter.
std::optional<std::string> AssessmentLabel(const domain::Bulletin& bulletin) {
    const std::string from = domain::FormatDayNumber(bulletin.period_from);  // 2026-10-01
    if (bulletin.kind == domain::BulletinKind::kMonthly) {
        return from.substr(0, 7);
    }
    if (bulletin.kind == domain::BulletinKind::kQuarterly) {
        const int month = std::stoi(from.substr(5, 2));
        return from.substr(0, 4) + "-Q" + std::to_string((month - 1) / 3 + 1);
    }
    return std::nullopt;
}

// The best and the worst ranked of a peer group, by name.
std::pair<std::vector<std::string>, std::vector<std::string>> RankingEnds(
    const AssessmentResults& results) {
    std::vector<const domain::UnitAssessment*> ranked;
    for (const auto& unit : results.units) {
        if (unit.rank) {
            ranked.push_back(&unit);
        }
    }
    std::ranges::stable_sort(ranked, {}, [](const domain::UnitAssessment* u) { return *u->rank; });
    const auto name = [&](const domain::UnitAssessment* u) {
        const auto found = results.names.find(u->unit);
        return found == results.names.end() ? std::string() : found->second;
    };
    std::vector<std::string> top;
    std::vector<std::string> bottom;
    const std::size_t ends = std::min(kRankingEnds, ranked.size() / 2);
    for (std::size_t i = 0; i < ends; ++i) {
        top.push_back(name(ranked[i]));
        bottom.push_back(name(ranked[ranked.size() - 1 - i]));
    }
    return {top, bottom};
}

}  // namespace

std::optional<domain::AssessmentHighlights> PublishedAssessment(AssessmentService& assessments,
                                                                const domain::Principal& caller,
                                                                const domain::Bulletin& bulletin,
                                                                const domain::OrgUnit& issuer) {
    const auto label = AssessmentLabel(bulletin);
    if (!label) {
        return std::nullopt;
    }
    const bool city = issuer.level == domain::OrgLevel::kCity;
    ResultsFilter units{city ? domain::PeerGroup::kCityUnits : domain::PeerGroup::kDistrictUnits,
                        city ? std::nullopt : std::optional(issuer.id)};
    auto results = assessments.Results(caller, *label, units);
    if (!results || results->record.state == domain::AssessmentPeriodState::kOpen) {
        return std::nullopt;
    }
    domain::AssessmentHighlights highlights;
    std::tie(highlights.top_units, highlights.bottom_units) = RankingEnds(*results);
    if (city) {
        auto districts = assessments.Results(caller, *label, {domain::PeerGroup::kDistricts, {}});
        if (districts) {
            std::tie(highlights.top_districts, highlights.bottom_districts) =
                RankingEnds(*districts);
        }
    }
    return highlights;
}

Result<std::vector<domain::BulletinCase>> TypicalCases(domain::Repositories& repositories,
                                                       const domain::Principal& caller,
                                                       const std::vector<domain::CaseId>& ids) {
    std::vector<domain::BulletinCase> cases;
    std::vector<FieldError> problems;
    const auto visibility = domain::VisibilityOf(caller);
    for (std::size_t i = 0; i < ids.size(); ++i) {
        const auto found = repositories.Cases().IsVisible(ids[i], visibility)
                               ? repositories.Cases().FindById(ids[i])
                               : std::nullopt;
        if (!found) {
            problems.push_back({"typicalCaseIds[" + std::to_string(i) + "]", "not_found",
                                "No such case in your jurisdiction."});
            continue;
        }
        const std::string done = !found->answer_text.empty()        ? found->answer_text
                                 : domain::IsTerminal(found->state) ? "已办结。"
                                                                    : "正在办理中。";
        cases.push_back({found->id, found->number, found->title, done});
    }
    if (!problems.empty()) {
        return Fail(Validation(std::move(problems)));
    }
    return cases;
}

Result<domain::BulletinFacts> GatherBulletinFacts(StatsService& stats,
                                                  AssessmentService& assessments,
                                                  domain::Store& store,
                                                  const domain::Principal& caller,
                                                  const domain::Bulletin& bulletin,
                                                  const domain::OrgUnit& issuer) {
    domain::BulletinFacts facts;
    facts.area = issuer.level == domain::OrgLevel::kCity ? "全市" : issuer.name;
    facts.period = domain::PeriodText(bulletin);
    facts.collective_threshold = kCollectiveMergedReports;
    FactCounter counter(stats, caller, bulletin);
    const auto total = counter.Count(std::nullopt);
    if (!total) {
        return Fail(total.error());
    }
    facts.total = {"total", "受理总量", CountOf(total->current, {}), CountOf(total->previous, {}),
                   CountOf(total->year_before, {})};
    std::vector<std::pair<std::vector<PeriodCount>*, domain::StatsGrouping>> breakdowns = {
        {&facts.channels, Grouping(StatsDimension::kChannel)},
        {&facts.categories, Grouping(StatsDimension::kCategory)},
        {&facts.concerns, Grouping(StatsDimension::kCategory, 2)}};
    if (issuer.level == domain::OrgLevel::kCity) {
        breakdowns.emplace_back(&facts.districts, Grouping(StatsDimension::kArea));
    }
    for (auto& [target, grouping] : breakdowns) {
        auto counts = counter.By(grouping);
        if (!counts) {
            return Fail(std::move(counts.error()));
        }
        *target = std::move(*counts);
    }
    CaseFilters overdue;
    overdue.overdue_only = true;
    auto overdue_units = counter.By(Grouping(StatsDimension::kUnit), overdue);
    if (!overdue_units) {
        return Fail(std::move(overdue_units.error()));
    }
    facts.overdue_units = std::move(*overdue_units);
    for (const auto& unit : facts.overdue_units) {
        facts.overdue += unit.current;
    }
    CaseFilters red;
    red.query.warning = domain::Warning::kRed;
    const auto red_cards = counter.Count(std::nullopt, red);
    if (!red_cards) {
        return Fail(red_cards.error());
    }
    facts.red_cards = CountOf(red_cards->current, {});
    facts.assessment = PublishedAssessment(assessments, caller, bulletin, issuer);
    return domain::Query(
        store, [&](domain::Repositories& repositories) -> Result<domain::BulletinFacts> {
            facts.collective = CollectiveMatters(repositories, caller, bulletin);
            auto typical = TypicalCases(repositories, caller, bulletin.typical_case_ids);
            if (!typical) {
                return Fail(std::move(typical.error()));
            }
            facts.typical = std::move(*typical);
            return std::move(facts);
        });
}

}  // namespace minqing::service
