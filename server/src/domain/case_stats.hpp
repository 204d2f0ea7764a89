// Case statistics: what the counts are grouped by (one or two dimensions), the state groups and
// periods they are read in, and what a grouped count looks like. Pure; thread-safe.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/case.hpp"
#include "domain/case_repository.hpp"
#include "domain/case_rollup.hpp"
#include "domain/org_unit.hpp"

namespace minqing::domain {

enum class StatsDimension {
    kPeriod,
    kArea,
    kUnit,
    kCategory,
    kChannel,
    kKind,
    kUrgency,
    kState,
    kWarning
};
std::string_view StatsDimensionName(StatsDimension dimension);
std::optional<StatsDimension> ParseStatsDimension(std::string_view name);

enum class StatsPeriod { kDay, kWeek, kMonth, kQuarter, kYear };
std::string_view StatsPeriodName(StatsPeriod period);
std::optional<StatsPeriod> ParseStatsPeriod(std::string_view name);

/// The first day of the period that contains `day` (weeks start on Monday).
DayNumber PeriodStart(DayNumber day, StatsPeriod period);
/// The first day of the period after the one starting at `start`.
DayNumber NextPeriodStart(DayNumber start, StatsPeriod period);
/// `day` moved by whole months, the day of month kept where the month has it (else its last).
DayNumber AddMonths(DayNumber day, int months);
/// "2026-11-05" for a day.
std::string FormatDayNumber(DayNumber day);

/// States read together: 待受理, 办理中, 待办结 (answered, in follow-up), 已办结, and the cases
/// that ended without handling (declined, merged into another, withdrawn).
enum class StateGroup { kPending, kInProgress, kAnswered, kClosed, kEnded };
std::string_view StateGroupName(StateGroup group);
std::optional<StateGroup> ParseStateGroup(std::string_view name);
StateGroup StateGroupOf(CaseState state);
std::vector<CaseState> StatesIn(StateGroup group);

/// One dimension a count is grouped by, with its level where it has one.
struct StatsGrouping {
    StatsDimension dimension = StatsDimension::kPeriod;
    StatsPeriod period = StatsPeriod::kMonth;
    OrgLevel area_level = OrgLevel::kDistrict;
    /// Units: the lead member unit instead of the holder.
    bool lead_unit = false;
    /// Categories: 1 for the first level ("03"), 2 for the second ("0301").
    int category_level = 1;
};

/// A count grouped by the query's dimensions: `keys` in the order of the groupings. Keys are
/// wire names for enumerations, decimal ids for org units ("0": none), category codes, and the
/// first day of the period ("2026-11-01").
struct StatsCell {
    std::vector<std::string> keys;
    std::int64_t count = 0;

    bool operator==(const StatsCell&) const = default;
};

/// Cases received in [from, to) (whole days), inside `filters` (the case list's filters, with
/// the caller's visibility), grouped by up to two dimensions.
struct StatsQuery {
    CaseListQuery filters;
    DayNumber from = 0;
    DayNumber to = 0;
    std::vector<StatsGrouping> groupings;
};

/// How a count was answered: from the rollups, or by counting cases (filters the rollups do not
/// hold: keywords, warning cards, who holds or dispatched it …).
enum class StatsSource { kRollups, kCases };
std::string_view StatsSourceName(StatsSource source);

struct StatsResult {
    std::vector<StatsCell> cells;
    StatsSource source = StatsSource::kRollups;
};

/// A cell's key for `grouping` from the value storage grouped by: a day number for periods, an
/// area's id or the path of the division the case arose in, a state name for state groups; other
/// values are keys already.
std::string StatsKeyOf(const StatsGrouping& grouping, std::string_view grouped_value);

/// The subtree whose rollup rows hold exactly the cases of `filters` that the rollups can
/// count: "" for every case, else an org path. nullopt when the filters or the caller's
/// visibility need the cases themselves (several subtrees, keywords,
/// warning cards, who dispatched or recorded a case …). The caller's own recordings outside
/// the subtree are not in it; they are counted from the cases (see CaseListQuery::
/// excluded_paths).
std::optional<std::string> RollupScopeOf(const CaseListQuery& filters,
                                         const std::vector<StatsGrouping>& groupings);

}  // namespace minqing::domain
