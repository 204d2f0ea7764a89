#include "domain/assessment_scheme.hpp"

#include <gtest/gtest.h>

#include "domain/assessment_period.hpp"
#include "domain/case_stats.hpp"

namespace minqing::domain {
namespace {

TEST(AssessmentMeasureTest, EveryMeasureHasAWireNameThatParsesBack) {
    ASSERT_EQ(AllAssessmentMeasures().size(), 16U);
    for (const AssessmentMeasure measure : AllAssessmentMeasures()) {
        const std::string_view name = AssessmentMeasureName(measure);
        ASSERT_FALSE(name.empty());
        EXPECT_EQ(ParseAssessmentMeasure(name), measure) << name;
    }
    EXPECT_EQ(AssessmentMeasureName(AssessmentMeasure::kSatisfactionStrict), "satisfaction_strict");
    EXPECT_FALSE(ParseAssessmentMeasure("speed"));
}

TEST(AssessmentMeasureTest, LessIsBetterForReturnsReopensExtensionsTimeAndRepeats) {
    EXPECT_TRUE(HigherIsBetter(AssessmentMeasure::kOnTimeSigning));
    EXPECT_TRUE(HigherIsBetter(AssessmentMeasure::kSatisfaction));
    EXPECT_TRUE(HigherIsBetter(AssessmentMeasure::kValidReports));
    EXPECT_FALSE(HigherIsBetter(AssessmentMeasure::kReturnRate));
    EXPECT_FALSE(HigherIsBetter(AssessmentMeasure::kRefusedReturns));
    EXPECT_FALSE(HigherIsBetter(AssessmentMeasure::kReopen));
    EXPECT_FALSE(HigherIsBetter(AssessmentMeasure::kExtension));
    EXPECT_FALSE(HigherIsBetter(AssessmentMeasure::kAverageHandlingDays));
    EXPECT_FALSE(HigherIsBetter(AssessmentMeasure::kRepeatRequests));
}

TEST(AssessmentMeasureTest, ValuesArePercentagesOrWorkingDays) {
    MeasureResult ratio;
    ratio.numerator = 3;
    ratio.denominator = 4;
    EXPECT_DOUBLE_EQ(*ratio.Value(AssessmentMeasure::kResolution), 75.0);
    MeasureResult average;  // 3.5 working days over two answers
    average.numerator = 350;
    average.denominator = 2;
    EXPECT_DOUBLE_EQ(*average.Value(AssessmentMeasure::kAverageHandlingDays), 1.75);
    EXPECT_FALSE(MeasureResult{}.Value(AssessmentMeasure::kResolution));
}

TEST(AssessmentSchemeTest, TheDefaultIsWorkflowMdsAndValid) {
    const AssessmentScheme scheme = DefaultScheme();
    ASSERT_EQ(scheme.weights.size(), 3U);
    EXPECT_EQ(scheme.weights[0].measure, AssessmentMeasure::kResponse);
    EXPECT_DOUBLE_EQ(scheme.weights[0].weight, 0.2);
    EXPECT_EQ(scheme.weights[1].measure, AssessmentMeasure::kResolution);
    EXPECT_DOUBLE_EQ(scheme.weights[1].weight, 0.4);
    EXPECT_EQ(scheme.weights[2].measure, AssessmentMeasure::kSatisfaction);
    EXPECT_DOUBLE_EQ(scheme.weights[2].weight, 0.4);
    EXPECT_EQ(scheme.grid_worker_weights.size(), 1U);
    EXPECT_EQ(scheme.ranked_groups.size(), AllPeerGroups().size());
    EXPECT_TRUE(ValidateScheme(scheme).empty());
}

std::vector<std::string> Problems(const AssessmentScheme& scheme) {
    std::vector<std::string> problems;
    for (const FieldError& error : ValidateScheme(scheme)) {
        problems.push_back(error.field + ":" + error.reason);
    }
    return problems;
}

TEST(AssessmentSchemeTest, ValidationListsEveryBadField) {
    AssessmentScheme scheme = DefaultScheme();
    scheme.version = 0;
    scheme.weights = {{AssessmentMeasure::kResponse, -0.5},
                      {AssessmentMeasure::kResponse, 0.5},
                      {AssessmentMeasure::kAverageHandlingDays, 0.2},
                      {static_cast<AssessmentMeasure>(99), 0.1}};
    scheme.grid_worker_weights.clear();
    scheme.points_per_bulletin = -1;
    scheme.min_cases = -1;
    scheme.appeal_days = 0;
    const std::vector<std::string> expected = {
        "version:out_of_range",         "weights[0].weight:out_of_range",
        "weights[1].measure:duplicate", "weights[2].measure:not_a_ratio",
        "weights[3].measure:invalid",   "weights:bad_sum",
        "gridWorkerWeights:required",   "pointsPerBulletin:out_of_range",
        "minCases:out_of_range",        "appealDays:out_of_range"};
    EXPECT_EQ(Problems(scheme), expected);
}

TEST(AssessmentSchemeTest, WeightsMaySumToOneWithinRounding) {
    AssessmentScheme scheme = DefaultScheme();
    scheme.weights = {{AssessmentMeasure::kResponse, 0.1},
                      {AssessmentMeasure::kResolution, 0.2},
                      {AssessmentMeasure::kSatisfaction, 0.7}};
    EXPECT_TRUE(ValidateScheme(scheme).empty());
    scheme.weights[2].weight = 0.6;
    EXPECT_EQ(Problems(scheme), std::vector<std::string>{"weights:bad_sum"});
}

TEST(AssessmentSchemeTest, PeerGroupsHaveWireNames) {
    for (const PeerGroup group : AllPeerGroups()) {
        EXPECT_EQ(ParsePeerGroup(PeerGroupName(group)), group);
    }
    EXPECT_EQ(PeerGroupName(PeerGroup::kDistrictUnits), "district_units");
}

TEST(AssessmentPeriodTest, LabelsParseToTheirDays) {
    const auto month = ParseAssessmentPeriod("2026-11");
    ASSERT_TRUE(month);
    EXPECT_EQ(month->kind, AssessmentPeriodKind::kMonth);
    EXPECT_EQ(FormatDayNumber(month->from), "2026-11-01");
    EXPECT_EQ(FormatDayNumber(month->to), "2026-12-01");
    EXPECT_EQ(month->label, "2026-11");

    const auto quarter = ParseAssessmentPeriod("2026-Q4");
    ASSERT_TRUE(quarter);
    EXPECT_EQ(FormatDayNumber(quarter->from), "2026-10-01");
    EXPECT_EQ(FormatDayNumber(quarter->to), "2027-01-01");

    const auto year = ParseAssessmentPeriod("2026");
    ASSERT_TRUE(year);
    EXPECT_EQ(FormatDayNumber(year->from), "2026-01-01");
    EXPECT_EQ(FormatDayNumber(year->to), "2027-01-01");
    EXPECT_EQ(year->label, "2026");
}

TEST(AssessmentPeriodTest, BadLabelsDoNotParse) {
    for (const char* bad : {"", "2026-13", "2026-00", "2026-Q5", "2026-Q0", "26-11", "2026-1",
                            "2026-11x", "1969", "2026/11", "2026-q4"}) {
        EXPECT_FALSE(ParseAssessmentPeriod(bad)) << bad;
    }
}

TEST(AssessmentPeriodTest, ThePeriodContainingADayHasItsLabel) {
    const DayNumber day = ParseAssessmentPeriod("2026-08")->from + 14;  // 2026-08-15
    EXPECT_EQ(PeriodContaining(AssessmentPeriodKind::kMonth, day).label, "2026-08");
    EXPECT_EQ(PeriodContaining(AssessmentPeriodKind::kQuarter, day).label, "2026-Q3");
    EXPECT_EQ(PeriodContaining(AssessmentPeriodKind::kYear, day).label, "2026");
}

TEST(AssessmentPeriodTest, ContainsReadsChinaDays) {
    const auto november = *ParseAssessmentPeriod("2026-11");
    // 2026-12-01 00:00 in China is 2026-11-30 16:00 UTC.
    EXPECT_TRUE(november.Contains(*ParseIso8601("2026-11-30T15:59:59Z")));
    EXPECT_FALSE(november.Contains(*ParseIso8601("2026-11-30T16:00:00Z")));
    EXPECT_TRUE(november.Contains(*ParseIso8601("2026-10-31T16:00:00Z")));
}

}  // namespace
}  // namespace minqing::domain
