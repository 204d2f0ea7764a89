#include "domain/bulletin.hpp"

#include <array>
#include <charconv>

#include "domain/assessment_period.hpp"
#include "domain/case_stats.hpp"
#include "domain/name_table.hpp"

namespace minqing::domain {
namespace {

constexpr NameTable<BulletinSeries, 2> kSeriesNames{{
    {BulletinSeries::kPeriodic, "periodic"},
    {BulletinSeries::kSpecial, "special"},
}};

constexpr NameTable<BulletinKind, 4> kKindNames{{
    {BulletinKind::kWeekly, "weekly"},
    {BulletinKind::kMonthly, "monthly"},
    {BulletinKind::kQuarterly, "quarterly"},
    {BulletinKind::kSpecial, "special"},
}};

constexpr NameTable<BulletinState, 4> kStateNames{{
    {BulletinState::kDraft, "draft"},
    {BulletinState::kSubmitted, "submitted"},
    {BulletinState::kIssued, "issued"},
    {BulletinState::kReturned, "returned"},
}};

constexpr int kIsoWeeksMax = 53;
constexpr int kDaysPerWeek = 7;
constexpr int kFourthOfJanuary = 3;  // days after the 1st: ISO week 1 holds 4 January

std::optional<int> Number(std::string_view text) {
    int value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc{} || end != text.data() + text.size() || text.empty()) {
        return std::nullopt;
    }
    return value;
}

// "2026-W47": the Monday of ISO week 47 of 2026 and the Monday after.
std::optional<std::pair<DayNumber, DayNumber>> IsoWeek(std::string_view label) {
    if (label.size() < 7 || label.substr(4, 2) != "-W") {
        return std::nullopt;
    }
    const auto year = ParseAssessmentPeriod(label.substr(0, 4));
    const auto week = Number(label.substr(6));
    if (!year || !week || *week < 1 || *week > kIsoWeeksMax) {
        return std::nullopt;
    }
    const DayNumber first_monday = PeriodStart(year->from + kFourthOfJanuary, StatsPeriod::kWeek);
    const DayNumber from = first_monday + kDaysPerWeek * (*week - 1);
    // Week 53 exists only in years whose ISO calendar has it.
    if (*week == kIsoWeeksMax &&
        PeriodStart(year->to + kFourthOfJanuary, StatsPeriod::kWeek) <= from) {
        return std::nullopt;
    }
    return std::pair{from, from + kDaysPerWeek};
}

struct Ymd {
    int year = 0;
    int month = 0;
    int day = 0;
};

Ymd YmdOf(DayNumber day) {
    const std::string text = FormatDayNumber(day);  // "2026-11-05"
    return {Number(text.substr(0, 4)).value_or(0), Number(text.substr(5, 2)).value_or(0),
            Number(text.substr(8, 2)).value_or(0)};
}

}  // namespace

std::string_view BulletinSeriesName(BulletinSeries series) {
    return NameIn(kSeriesNames, series);
}
std::optional<BulletinSeries> ParseBulletinSeries(std::string_view name) {
    return ParseIn(kSeriesNames, name);
}
std::string_view BulletinKindName(BulletinKind kind) {
    return NameIn(kKindNames, kind);
}
std::optional<BulletinKind> ParseBulletinKind(std::string_view name) {
    return ParseIn(kKindNames, name);
}
std::string_view BulletinStateName(BulletinState state) {
    return NameIn(kStateNames, state);
}
std::optional<BulletinState> ParseBulletinState(std::string_view name) {
    return ParseIn(kStateNames, name);
}

BulletinSeries SeriesOf(BulletinKind kind) {
    return kind == BulletinKind::kSpecial ? BulletinSeries::kSpecial : BulletinSeries::kPeriodic;
}

Result<std::pair<DayNumber, DayNumber>> ParseBulletinPeriod(BulletinKind kind,
                                                            std::string_view label) {
    std::optional<std::pair<DayNumber, DayNumber>> range;
    std::string_view expected = "A period such as 2026-11.";
    if (kind == BulletinKind::kWeekly) {
        range = IsoWeek(label);
        expected = "An ISO week such as 2026-W47.";
    } else {
        const auto period = ParseAssessmentPeriod(label);
        const auto wanted = kind == BulletinKind::kQuarterly ? AssessmentPeriodKind::kQuarter
                                                             : AssessmentPeriodKind::kMonth;
        if (kind == BulletinKind::kQuarterly) {
            expected = "A quarter such as 2026-Q4.";
        }
        if (period && period->kind == wanted) {
            range = std::pair{period->from, period->to};
        }
    }
    if (!range) {
        return Fail(Validation({{"period", "invalid", std::string(expected)}}));
    }
    return *range;
}

std::string PeriodText(const Bulletin& bulletin) {
    static constexpr std::array<std::string_view, 4> kQuarters = {"一", "二", "三", "四"};
    const Ymd from = YmdOf(bulletin.period_from);
    const Ymd last = YmdOf(bulletin.period_to - 1);
    const std::string year = std::to_string(from.year) + "年";
    if (bulletin.kind == BulletinKind::kMonthly) {
        return year + std::to_string(from.month) + "月";
    }
    if (bulletin.kind == BulletinKind::kQuarterly) {
        const auto quarter = static_cast<std::size_t>((from.month - 1) / 3);
        return year + "第" + std::string(kQuarters.at(quarter)) + "季度";
    }
    std::string text = year + std::to_string(from.month) + "月" + std::to_string(from.day) + "日至";
    if (last.year != from.year) {
        text += std::to_string(last.year) + "年";
    }
    return text + std::to_string(last.month) + "月" + std::to_string(last.day) + "日";
}

Status CheckEditable(const Bulletin& bulletin) {
    if (bulletin.state == BulletinState::kIssued) {
        return Fail(Conflict("bulletin.issued", "An issued bulletin cannot change."));
    }
    if (bulletin.state == BulletinState::kSubmitted) {
        return Fail(Conflict("bulletin.under_review",
                             "The bulletin is with the office head; it changes after a return."));
    }
    return Ok();
}

std::string IssueLabel(const Bulletin& bulletin) {
    if (!bulletin.number) {
        return "（草稿）";
    }
    const std::string series = bulletin.series == BulletinSeries::kSpecial ? "专报" : "";
    return std::to_string(bulletin.year) + "年" + series + "第" + std::to_string(*bulletin.number) +
           "期";
}

}  // namespace minqing::domain
