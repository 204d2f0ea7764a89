#include "domain/rollup_table.hpp"

#include <gtest/gtest.h>

#include "domain/work_calendar.hpp"

namespace minqing::domain {
namespace {

DayNumber Day(std::string_view text) {
    return static_cast<DayNumber>(ParseLocalDay(text)->time_since_epoch().count());
}

StatsGrouping Area(OrgLevel level) {
    return {.dimension = StatsDimension::kArea, .area_level = level};
}
StatsGrouping Category(int level) {
    return {.dimension = StatsDimension::kCategory, .category_level = level};
}
StatsGrouping Period(StatsPeriod period) {
    return {.dimension = StatsDimension::kPeriod, .period = period};
}

StatsQuery November(std::vector<StatsGrouping> groupings) {
    return {{}, Day("2026-11-01"), Day("2026-12-01"), std::move(groupings)};
}

TEST(RollupTableTest, MonthlyRowsAreKeptForTheTopOfTheTreeOnly) {
    EXPECT_TRUE(HasMonthRollups(""));
    EXPECT_TRUE(HasMonthRollups("/1/"));
    EXPECT_TRUE(HasMonthRollups("/1/4/"));
    EXPECT_FALSE(HasMonthRollups("/1/4/9/"));
}

TEST(RollupTableTest, AWholeMonthByAreaReadsTheMonthlyAreas) {
    EXPECT_EQ(RollupTableFor(November({Area(OrgLevel::kGrid)}), ""), RollupTable::kMonthAreas);
    auto within = November({Area(OrgLevel::kGrid), {.dimension = StatsDimension::kState}});
    within.filters.origin_within = "/1/4/";
    within.filters.states = {CaseState::kClosed};
    EXPECT_EQ(RollupTableFor(within, "/1/4/"), RollupTable::kMonthAreas);
    // Quarters and years are whole months too; weeks are not.
    EXPECT_EQ(RollupTableFor(November({Period(StatsPeriod::kQuarter)}), "/1/"), RollupTable::kDays);
    auto quarters = November({Period(StatsPeriod::kQuarter), Area(OrgLevel::kStreet)});
    EXPECT_EQ(RollupTableFor(quarters, ""), RollupTable::kMonthAreas);
    quarters.groupings[0] = Period(StatsPeriod::kWeek);
    EXPECT_EQ(RollupTableFor(quarters, ""), RollupTable::kDaily);
}

TEST(RollupTableTest, AWholeMonthByDistrictAndCategoryReadsTheMonthlyCategories) {
    EXPECT_EQ(RollupTableFor(November({Area(OrgLevel::kDistrict), Category(1)}), ""),
              RollupTable::kMonthCategories);
    auto narrowed = November({Category(2)});
    narrowed.filters.category_prefix = "07";
    narrowed.filters.origin_within = "/1/4/";
    EXPECT_EQ(RollupTableFor(narrowed, "/1/4/"), RollupTable::kMonthCategories);
    // Below the district, categories need the daily rows.
    narrowed.filters.origin_within = "/1/4/9/";
    EXPECT_EQ(RollupTableFor(narrowed, ""), RollupTable::kDaily);
    EXPECT_EQ(RollupTableFor(November({Area(OrgLevel::kStreet), Category(1)}), ""),
              RollupTable::kDaily);
}

TEST(RollupTableTest, PartMonthsDeepScopesAndOtherDimensionsReadTheDailyRows) {
    auto part = November({Area(OrgLevel::kDistrict)});
    part.to = Day("2026-11-20");
    EXPECT_EQ(RollupTableFor(part, ""), RollupTable::kDaily);
    EXPECT_EQ(RollupTableFor(November({Area(OrgLevel::kDistrict)}), "/1/4/9/"),
              RollupTable::kDaily);
    EXPECT_EQ(RollupTableFor(November({{.dimension = StatsDimension::kChannel}}), ""),
              RollupTable::kDaily);
    auto by_unit = November({Area(OrgLevel::kDistrict)});
    by_unit.filters.lead_unit_ids = {42};
    EXPECT_EQ(RollupTableFor(by_unit, ""), RollupTable::kDaily);
    auto by_channel = November({Area(OrgLevel::kDistrict)});
    by_channel.filters.channel = Channel::kHotline;
    EXPECT_EQ(RollupTableFor(by_channel, ""), RollupTable::kDaily);
}

TEST(RollupTableTest, DaysAndStatesAloneReadTheDailyStates) {
    auto trend = November({Period(StatsPeriod::kDay), {.dimension = StatsDimension::kState}});
    trend.to = Day("2026-11-20");
    EXPECT_EQ(RollupTableFor(trend, "/1/4/9/"), RollupTable::kDays);
    trend.filters.origin_within = "/1/4/";
    EXPECT_EQ(RollupTableFor(trend, ""), RollupTable::kDaily);
}

}  // namespace
}  // namespace minqing::domain
