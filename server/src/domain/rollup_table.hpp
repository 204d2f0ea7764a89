// Which rollup table answers a statistics question. Three tables sit beside the daily rollups
// (case_rollups): the daily counts by state alone, and two monthly ones for the questions a
// dashboard asks most, a whole month by area (down to grids) and a whole month by district and
// category. The monthly ones hold about a tenth of a month's daily rows and are kept only for
// the scopes with many cases ("" and the top two levels of the org tree); a question they cannot
// answer reads the daily rows. Pure; thread-safe.
#pragma once

#include <string_view>

#include "domain/case_stats.hpp"

namespace minqing::domain {

enum class RollupTable {
    kDaily,            // case_rollups: every dimension, by day
    kDays,             // case_rollup_days: day and state
    kMonthAreas,       // case_rollup_month_areas: month, district … grid, state
    kMonthCategories,  // case_rollup_month_categories: month, district, category, state
};

/// Whether the monthly tables hold rows for `scope`: "" and paths of depth one or two ("/1/",
/// "/1/4/"), where a month has thousands of daily rows; deeper scopes have few.
bool HasMonthRollups(std::string_view scope);

/// The smallest table that answers `query` in `scope` exactly. The monthly tables answer whole
/// months only ([from, to) from a month's first day to a month's first day).
RollupTable RollupTableFor(const StatsQuery& query, std::string_view scope);

}  // namespace minqing::domain
