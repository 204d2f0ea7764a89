#include "domain/rollup_table.hpp"

#include <algorithm>

namespace minqing::domain {
namespace {

bool WholeMonths(const StatsQuery& query) {
    return query.from < query.to && PeriodStart(query.from, StatsPeriod::kMonth) == query.from &&
           PeriodStart(query.to, StatsPeriod::kMonth) == query.to;
}

// Filters every rollup table holds: the state; and the place, for the tables that have it at
// that level (checked by the caller).
bool OnlyStateAndPlaceFilters(const CaseListQuery& f) {
    return f.holder_ids.empty() && f.lead_unit_ids.empty() && !f.channel && !f.kind && !f.urgency &&
           !f.origin_id;
}

bool MonthlyPeriod(const StatsGrouping& g) {
    return g.dimension == StatsDimension::kPeriod && g.period != StatsPeriod::kDay &&
           g.period != StatsPeriod::kWeek;
}

bool DistrictOrAbove(const std::optional<std::string>& path) {
    if (!path) {
        return true;
    }
    const auto level = DivisionLevelOf(*path);
    return level && (*level == OrgLevel::kCity || *level == OrgLevel::kDistrict);
}

bool MonthAreasAnswer(const StatsQuery& query) {
    return query.filters.category_prefix.empty() &&
           std::ranges::all_of(query.groupings, [](const StatsGrouping& g) {
               return MonthlyPeriod(g) || g.dimension == StatsDimension::kArea ||
                      g.dimension == StatsDimension::kState;
           });
}

bool MonthCategoriesAnswer(const StatsQuery& query) {
    return DistrictOrAbove(query.filters.origin_within) &&
           std::ranges::all_of(query.groupings, [](const StatsGrouping& g) {
               return MonthlyPeriod(g) || g.dimension == StatsDimension::kCategory ||
                      g.dimension == StatsDimension::kState ||
                      (g.dimension == StatsDimension::kArea && g.area_level == OrgLevel::kDistrict);
           });
}

bool DaysAnswer(const StatsQuery& query) {
    return query.filters.category_prefix.empty() && !query.filters.origin_within &&
           std::ranges::all_of(query.groupings, [](const StatsGrouping& g) {
               return g.dimension == StatsDimension::kPeriod ||
                      g.dimension == StatsDimension::kState;
           });
}

}  // namespace

bool HasMonthRollups(std::string_view scope) {
    return std::ranges::count(scope, '/') <= 3;
}

RollupTable RollupTableFor(const StatsQuery& query, std::string_view scope) {
    if (!OnlyStateAndPlaceFilters(query.filters)) {
        return RollupTable::kDaily;
    }
    if (DaysAnswer(query)) {
        return RollupTable::kDays;
    }
    if (HasMonthRollups(scope) && WholeMonths(query)) {
        if (MonthAreasAnswer(query)) {
            return RollupTable::kMonthAreas;
        }
        if (MonthCategoriesAnswer(query)) {
            return RollupTable::kMonthCategories;
        }
    }
    return RollupTable::kDaily;
}

}  // namespace minqing::domain
