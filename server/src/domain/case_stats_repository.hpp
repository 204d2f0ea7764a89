// Port: counting cases for statistics, from the rollups (domain/case_rollup.hpp) or from the
// cases themselves, and checking the rollups against a recount. Used inside a unit of work.
// The rollups are kept by CaseRepository's writes, not through this port.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "domain/case_stats.hpp"
#include "domain/port.hpp"

namespace minqing::domain {

/// A rollup row whose stored count differs from the recount ("" key parts are omitted).
struct RollupDifference {
    std::string row;  // "scope day origin holder lead category channel kind urgency state"
    std::int64_t stored = 0;
    std::int64_t recounted = 0;
};

struct RollupCheck {
    std::int64_t cases = 0;           // cases received in the range
    std::int64_t rows = 0;            // rollup rows the recount gives
    std::int64_t differing_rows = 0;  // rows (of both tables) whose counts differ
    /// The first few differences, for the report.
    std::vector<RollupDifference> differences;
};

class CaseStatsRepository : public Port {
  public:
    /// The counts of `query` from the rollup rows of `scope` (RollupScopeOf).
    virtual std::vector<StatsCell> CountFromRollups(const StatsQuery& query,
                                                    const std::string& scope) = 0;
    /// The counts of `query` from the cases, with every filter of the case list.
    virtual std::vector<StatsCell> CountCases(const StatsQuery& query) = 0;
    /// Recounts the rollups of the cases received on days [from, to) from the cases and their
    /// stakes and compares them with the stored rows; with `repair`, stores the recount. The
    /// monthly rollups are checked when the range is whole months; a repair needs whole months.
    virtual RollupCheck CheckRollups(DayNumber from, DayNumber to, bool repair) = 0;
    /// The days the first and the last case were received on; nullopt without cases.
    virtual std::optional<std::pair<DayNumber, DayNumber>> CaseDays() = 0;
    /// Whether any rollup row is stored.
    virtual bool HasRollups() = 0;
};

}  // namespace minqing::domain
