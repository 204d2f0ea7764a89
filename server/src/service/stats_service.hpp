// Case statistics for a caller: counts of the cases they may list, grouped by one or two
// dimensions, with the same counts for the previous period and a year before, answered from the
// rollups where they hold what is asked and from the cases otherwise. Also checks and rebuilds
// the rollups (`minqing stats verify`). Thread-safe; blocks on the Store.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "common/clock.hpp"
#include "common/result.hpp"
#include "domain/case_stats.hpp"
#include "domain/case_stats_repository.hpp"
#include "domain/catalog.hpp"
#include "domain/principal.hpp"
#include "domain/store.hpp"
#include "service/case_query_service.hpp"
#include "service/org_tree_cache.hpp"

namespace minqing::service {

struct StatsRequest {
    /// The case list's filters (their `created_from`/`created_to` are ignored: see from/to).
    CaseFilters filters;
    /// Whole days received in, [from, to).
    domain::DayNumber from = 0;
    domain::DayNumber to = 0;
    std::vector<domain::StatsGrouping> groupings;
    bool previous = false;
    bool year_before = false;
};

/// The counts of one range of days.
struct StatsPart {
    domain::DayNumber from = 0;
    domain::DayNumber to = 0;
    domain::StatsResult result;
};

struct StatsReport {
    /// The query as run, with the caller's visibility.
    domain::CaseListQuery filters;
    StatsPart current;
    std::optional<StatsPart> previous;
    std::optional<StatsPart> year_before;
    /// The org units and categories the keys name.
    std::map<domain::OrgUnitId, domain::OrgUnit> units;
    std::map<std::string, std::string> category_names;
};

/// The range compared as "the previous period": for a range from a month's first day, the same
/// days as many months before as it spans (2026-12-01..12-08 → 2026-11-01..11-08; a whole
/// month → the month before); else as many days before as it has.
StatsPart PreviousRange(domain::DayNumber from, domain::DayNumber to);
/// The same days a year before.
StatsPart YearBeforeRange(domain::DayNumber from, domain::DayNumber to);

class StatsService {
  public:
    StatsService(domain::Store& store, const Clock& clock, OrgTreeCache& org_tree)
        : store_(store), clock_(clock), org_tree_(org_tree) {}

    /// Errors: those of ResolveCaseFilters; 403 "stats.forbidden" for callers who see no cases
    /// (administrators).
    Result<StatsReport> CaseCounts(const domain::Principal& caller, StatsRequest request);

    /// Recounts the rollups month by month from the cases and compares; with `repair`, stores
    /// the recount where it differs.
    domain::RollupCheck CheckRollups(bool repair);
    /// Builds the rollups of a database that has cases and none (cases from before they
    /// existed); true when it did.
    bool BuildMissingRollups();

  private:
    domain::Store& store_;
    const Clock& clock_;
    // Names the areas and units of the cells: hundreds of grids a question, read from memory.
    OrgTreeCache& org_tree_;
};

}  // namespace minqing::service
