#include "domain/case_stats.hpp"

#include <gtest/gtest.h>

#include "domain/work_calendar.hpp"

namespace minqing::domain {
namespace {

DayNumber Day(std::string_view text) {
    return static_cast<DayNumber>(ParseLocalDay(text)->time_since_epoch().count());
}

TEST(DayNumberTest, DaysAreChinaDays) {
    // 2026-12-01 00:00 in China is 2026-11-30 16:00 UTC.
    const auto midnight = ParseIso8601("2026-11-30T16:00:00Z");
    EXPECT_EQ(FormatDayNumber(DayNumberOf(*midnight)), "2026-12-01");
    EXPECT_EQ(FormatDayNumber(DayNumberOf(*midnight - std::chrono::milliseconds(1))), "2026-11-30");
    EXPECT_EQ(StartOfDayNumber(Day("2026-12-01")), *midnight);
}

TEST(PeriodTest, PeriodsStartOnTheirFirstDay) {
    const DayNumber wednesday = Day("2026-12-09");
    EXPECT_EQ(FormatDayNumber(PeriodStart(wednesday, StatsPeriod::kDay)), "2026-12-09");
    EXPECT_EQ(FormatDayNumber(PeriodStart(wednesday, StatsPeriod::kWeek)), "2026-12-07");
    EXPECT_EQ(FormatDayNumber(PeriodStart(Day("2026-12-07"), StatsPeriod::kWeek)), "2026-12-07");
    EXPECT_EQ(FormatDayNumber(PeriodStart(Day("2026-12-06"), StatsPeriod::kWeek)), "2026-11-30");
    EXPECT_EQ(FormatDayNumber(PeriodStart(wednesday, StatsPeriod::kMonth)), "2026-12-01");
    EXPECT_EQ(FormatDayNumber(PeriodStart(wednesday, StatsPeriod::kQuarter)), "2026-10-01");
    EXPECT_EQ(FormatDayNumber(PeriodStart(Day("2026-03-31"), StatsPeriod::kQuarter)), "2026-01-01");
    EXPECT_EQ(FormatDayNumber(PeriodStart(wednesday, StatsPeriod::kYear)), "2026-01-01");
    EXPECT_EQ(FormatDayNumber(NextPeriodStart(Day("2026-12-01"), StatsPeriod::kMonth)),
              "2027-01-01");
    EXPECT_EQ(FormatDayNumber(NextPeriodStart(Day("2026-10-01"), StatsPeriod::kQuarter)),
              "2027-01-01");
    EXPECT_EQ(FormatDayNumber(NextPeriodStart(Day("2026-12-07"), StatsPeriod::kWeek)),
              "2026-12-14");
}

TEST(PeriodTest, MonthsKeepTheDayWhereTheMonthHasIt) {
    EXPECT_EQ(FormatDayNumber(AddMonths(Day("2026-01-31"), 1)), "2026-02-28");
    EXPECT_EQ(FormatDayNumber(AddMonths(Day("2024-02-29"), -12)), "2023-02-28");
    EXPECT_EQ(FormatDayNumber(AddMonths(Day("2026-11-15"), -11)), "2025-12-15");
}

TEST(AreaTest, AnAreaIsTheDivisionAtTheLevelOrTheOriginAboveIt) {
    EXPECT_EQ(AreaAt("/1/2/3/4/5/", OrgLevel::kDistrict), 2);
    EXPECT_EQ(AreaAt("/1/2/3/4/5/", OrgLevel::kGrid), 5);
    EXPECT_EQ(AreaAt("/1/2/3/", OrgLevel::kStreet), 3);
    // Recorded by the district itself: the district stands for itself at street level.
    EXPECT_EQ(AreaAt("/1/2/", OrgLevel::kStreet), 2);
    EXPECT_EQ(AreaAt("/1/", OrgLevel::kCommunity), 1);
    EXPECT_EQ(AreaAt("", OrgLevel::kDistrict), 0);
    EXPECT_EQ(DivisionLevelOf("/1/2/3/"), OrgLevel::kStreet);
    EXPECT_EQ(DivisionLevelOf("/1/"), OrgLevel::kCity);
    EXPECT_EQ(DivisionLevelOf("/1/2/3/4/5/6/"), std::nullopt);
}

TEST(RollupScopesTest, EveryCaseIsInTheEmptyScopeAndEachPrefixOfItsStakes) {
    EXPECT_EQ(RollupScopes({}), std::vector<std::string>{""});
    EXPECT_EQ(RollupScopes({"/1/2/3/", "/1/9/", "/1/2/"}),
              (std::vector<std::string>{"", "/1/", "/1/2/", "/1/2/3/", "/1/9/"}));
}

TEST(StateGroupTest, TheGroupsPartitionTheStates) {
    std::size_t grouped = 0;
    for (const auto group : {StateGroup::kPending, StateGroup::kInProgress, StateGroup::kAnswered,
                             StateGroup::kClosed, StateGroup::kEnded}) {
        for (const CaseState state : StatesIn(group)) {
            EXPECT_EQ(StateGroupOf(state), group);
            ++grouped;
        }
        EXPECT_EQ(ParseStateGroup(StateGroupName(group)), group);
    }
    EXPECT_EQ(grouped, AllCaseStates().size());
    EXPECT_EQ(StatesIn(StateGroup::kAnswered),
              (std::vector<CaseState>{CaseState::kAnswered, CaseState::kFollowUp}));
}

TEST(StatsKeyTest, StoredValuesBecomeKeys) {
    const StatsGrouping months{.dimension = StatsDimension::kPeriod, .period = StatsPeriod::kMonth};
    EXPECT_EQ(StatsKeyOf(months, std::to_string(Day("2026-11-17"))), "2026-11-01");
    const StatsGrouping streets{.dimension = StatsDimension::kArea,
                                .area_level = OrgLevel::kStreet};
    EXPECT_EQ(StatsKeyOf(streets, "/1/2/3/4/"), "3");
    EXPECT_EQ(StatsKeyOf(streets, "3"), "3");
    const StatsGrouping states{.dimension = StatsDimension::kState};
    EXPECT_EQ(StatsKeyOf(states, "follow_up"), "answered");
    EXPECT_EQ(StatsKeyOf(states, "return_requested"), "in_progress");
    const StatsGrouping channels{.dimension = StatsDimension::kChannel};
    EXPECT_EQ(StatsKeyOf(channels, "hotline"), "hotline");
}

TEST(RollupScopeTest, OneSubtreeOfVisibilityAndFiltersIsAScope) {
    CaseListQuery query;
    query.visibility.everything = true;
    EXPECT_EQ(RollupScopeOf(query, {}), "");
    query.within_path = "/1/2/";
    EXPECT_EQ(RollupScopeOf(query, {}), "/1/2/");

    CaseListQuery district;
    district.visibility.paths = {"/1/2/"};
    district.visibility.creator = 7;
    EXPECT_EQ(RollupScopeOf(district, {}), "/1/2/");
    district.within_path = "/1/2/3/";  // deeper: the filter's subtree
    EXPECT_EQ(RollupScopeOf(district, {}), "/1/2/3/");
    district.within_path = "/1/";  // wider: the caller's own
    EXPECT_EQ(RollupScopeOf(district, {}), "/1/2/");
    district.within_path = "/1/9/";  // beside it: no stake can be in both from one row
    EXPECT_EQ(RollupScopeOf(district, {}), std::nullopt);
}

TEST(RollupScopeTest, WhatTheRollupsDoNotHoldNeedsTheCases) {
    CaseListQuery everything;
    everything.visibility.everything = true;
    const StatsGrouping warning{.dimension = StatsDimension::kWarning};
    EXPECT_EQ(RollupScopeOf(everything, {warning}), std::nullopt);
    auto keyword = everything;
    keyword.terms = {"暖气"};
    EXPECT_EQ(RollupScopeOf(keyword, {}), std::nullopt);
    auto mine = everything;
    mine.created_by = 3;
    EXPECT_EQ(RollupScopeOf(mine, {}), std::nullopt);
    auto red = everything;
    red.warning = Warning::kRed;
    EXPECT_EQ(RollupScopeOf(red, {}), std::nullopt);

    CaseListQuery two_units;
    two_units.visibility.paths = {"/1/2/", "/1/9/"};
    EXPECT_EQ(RollupScopeOf(two_units, {}), std::nullopt);

    auto filtered = everything;
    filtered.channel = Channel::kHotline;
    filtered.category_prefix = "03";
    filtered.states = {CaseState::kClosed};
    filtered.origin_within = "/1/2/";
    filtered.lead_unit_ids = {0};
    EXPECT_EQ(RollupScopeOf(filtered, {}), "");
}

}  // namespace
}  // namespace minqing::domain
