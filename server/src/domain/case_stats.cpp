#include "domain/case_stats.hpp"

#include <charconv>
#include <chrono>

#include "domain/name_table.hpp"
#include "domain/work_calendar.hpp"

namespace minqing::domain {
namespace {

using std::chrono::day;
using std::chrono::days;
using std::chrono::month;
using std::chrono::sys_days;
using std::chrono::year_month_day;

constexpr NameTable<StatsDimension, 9> kDimensionNames{{
    {StatsDimension::kPeriod, "period"},
    {StatsDimension::kArea, "area"},
    {StatsDimension::kUnit, "unit"},
    {StatsDimension::kCategory, "category"},
    {StatsDimension::kChannel, "channel"},
    {StatsDimension::kKind, "kind"},
    {StatsDimension::kUrgency, "urgency"},
    {StatsDimension::kState, "state"},
    {StatsDimension::kWarning, "warning"},
}};

constexpr NameTable<StatsPeriod, 5> kPeriodNames{{
    {StatsPeriod::kDay, "day"},
    {StatsPeriod::kWeek, "week"},
    {StatsPeriod::kMonth, "month"},
    {StatsPeriod::kQuarter, "quarter"},
    {StatsPeriod::kYear, "year"},
}};

constexpr NameTable<StateGroup, 5> kStateGroupNames{{
    {StateGroup::kPending, "pending"},
    {StateGroup::kInProgress, "in_progress"},
    {StateGroup::kAnswered, "answered"},
    {StateGroup::kClosed, "closed"},
    {StateGroup::kEnded, "ended"},
}};

constexpr NameTable<StatsSource, 2> kSourceNames{{
    {StatsSource::kRollups, "rollups"},
    {StatsSource::kCases, "cases"},
}};

year_month_day CivilOf(DayNumber d) {
    return year_month_day(sys_days(days(d)));
}

DayNumber DayOf(const year_month_day& date) {
    return static_cast<DayNumber>(sys_days(date).time_since_epoch().count());
}

}  // namespace

std::string_view StatsDimensionName(StatsDimension dimension) {
    return NameIn(kDimensionNames, dimension);
}
std::optional<StatsDimension> ParseStatsDimension(std::string_view name) {
    return ParseIn(kDimensionNames, name);
}
std::string_view StatsPeriodName(StatsPeriod period) {
    return NameIn(kPeriodNames, period);
}
std::optional<StatsPeriod> ParseStatsPeriod(std::string_view name) {
    return ParseIn(kPeriodNames, name);
}
std::string_view StateGroupName(StateGroup group) {
    return NameIn(kStateGroupNames, group);
}
std::optional<StateGroup> ParseStateGroup(std::string_view name) {
    return ParseIn(kStateGroupNames, name);
}
std::string_view StatsSourceName(StatsSource source) {
    return NameIn(kSourceNames, source);
}

DayNumber PeriodStart(DayNumber d, StatsPeriod period) {
    const auto date = CivilOf(d);
    switch (period) {
        case StatsPeriod::kDay:
            return d;
        case StatsPeriod::kWeek: {
            // 1970-01-01 was a Thursday: day 4 after a Monday.
            const DayNumber since_monday = ((d + 3) % 7 + 7) % 7;
            return d - since_monday;
        }
        case StatsPeriod::kMonth:
            return DayOf(date.year() / date.month() / day(1));
        case StatsPeriod::kQuarter: {
            const unsigned first = (static_cast<unsigned>(date.month()) - 1) / 3 * 3 + 1;
            return DayOf(date.year() / month(first) / day(1));
        }
        case StatsPeriod::kYear:
            return DayOf(date.year() / month(1) / day(1));
    }
    return d;
}

DayNumber NextPeriodStart(DayNumber start, StatsPeriod period) {
    switch (period) {
        case StatsPeriod::kDay:
            return start + 1;
        case StatsPeriod::kWeek:
            return start + 7;
        case StatsPeriod::kMonth:
            return AddMonths(start, 1);
        case StatsPeriod::kQuarter:
            return AddMonths(start, 3);
        case StatsPeriod::kYear:
            return AddMonths(start, 12);
    }
    return start + 1;
}

DayNumber AddMonths(DayNumber d, int months) {
    const auto date = CivilOf(d);
    const auto moved = date.year() / date.month() / day(1) + std::chrono::months(months);
    const auto last = year_month_day(moved.year() / moved.month() / std::chrono::last).day();
    return DayOf(moved.year() / moved.month() / std::min(date.day(), last));
}

std::string FormatDayNumber(DayNumber d) {
    return FormatLocalDay(LocalDay(days(d)));
}

StateGroup StateGroupOf(CaseState state) {
    switch (state) {
        case CaseState::kRegistered:
            return StateGroup::kPending;
        case CaseState::kAnswered:
        case CaseState::kFollowUp:
            return StateGroup::kAnswered;
        case CaseState::kClosed:
            return StateGroup::kClosed;
        case CaseState::kDeclined:
        case CaseState::kMerged:
        case CaseState::kWithdrawn:
            return StateGroup::kEnded;
        default:
            return StateGroup::kInProgress;
    }
}

std::vector<CaseState> StatesIn(StateGroup group) {
    std::vector<CaseState> states;
    for (const CaseState state : AllCaseStates()) {
        if (StateGroupOf(state) == group) {
            states.push_back(state);
        }
    }
    return states;
}

std::string StatsKeyOf(const StatsGrouping& grouping, std::string_view grouped_value) {
    switch (grouping.dimension) {
        case StatsDimension::kPeriod: {
            DayNumber d = 0;
            std::from_chars(grouped_value.data(), grouped_value.data() + grouped_value.size(), d);
            return FormatDayNumber(PeriodStart(d, grouping.period));
        }
        case StatsDimension::kArea:
            if (grouped_value.starts_with('/')) {
                return std::to_string(AreaAt(grouped_value, grouping.area_level));
            }
            return std::string(grouped_value);
        case StatsDimension::kState: {
            const auto state = ParseCaseState(grouped_value);
            return state ? std::string(StateGroupName(StateGroupOf(*state)))
                         : std::string(grouped_value);
        }
        default:
            return std::string(grouped_value);
    }
}

std::optional<std::string> RollupScopeOf(const CaseListQuery& filters,
                                         const std::vector<StatsGrouping>& groupings) {
    for (const StatsGrouping& grouping : groupings) {
        if (grouping.dimension == StatsDimension::kWarning) {
            return std::nullopt;
        }
    }
    const bool cases_only = filters.holder_path || !filters.holder_paths.empty() ||
                            !filters.dispatcher_ids.empty() || !filters.escalated_ids.empty() ||
                            !filters.last_actions.empty() || filters.created_by ||
                            filters.overdue_at || filters.warning || filters.without_card ||
                            !filters.terms.empty() || !filters.excluded_paths.empty();
    if (cases_only) {
        return std::nullopt;
    }
    const CaseVisibility& visibility = filters.visibility;
    std::string scope;
    if (!visibility.everything) {
        if (visibility.paths.size() != 1) {
            return std::nullopt;
        }
        scope = visibility.paths.front();
    }
    if (filters.within_path) {
        // Both conditions hold in the deeper of two nested subtrees; disjoint ones need cases.
        const std::string& within = *filters.within_path;
        if (scope.empty() || IsWithinPath(scope, within)) {
            scope = within;
        } else if (!IsWithinPath(within, scope)) {
            return std::nullopt;
        }
    }
    return scope;
}

}  // namespace minqing::domain
