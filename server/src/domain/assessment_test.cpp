#include "domain/assessment.hpp"

#include <gtest/gtest.h>

#include "domain/testing/calendar_2026.hpp"
#include "domain/testing/case_history.hpp"

namespace minqing::domain {
namespace {

using testing::At;
using testing::CaseHistory;
using M = AssessmentMeasure;

constexpr OrgUnitId kCity = 1;  // the city division: its office dispatches
constexpr OrgUnitId kDistrict = 2;
constexpr OrgUnitId kStreet = 3;
constexpr OrgUnitId kCommunity = 4;
constexpr OrgUnitId kBureau = 20;  // city member units
constexpr OrgUnitId kOtherBureau = 21;
constexpr OrgUnitId kThirdBureau = 22;
constexpr OrgUnitId kFourthBureau = 23;
constexpr OrgUnitId kDistrictBureau = 30;
constexpr UserId kGridWorker = 501;

OrgUnit Node(OrgUnitId id, OrgKind kind, OrgLevel level, std::optional<OrgUnitId> parent,
             std::string path) {
    OrgUnit unit;
    unit.id = id;
    unit.kind = kind;
    unit.level = level;
    unit.parent_id = parent;
    unit.path = std::move(path);
    return unit;
}

OrgTree Tree() {
    using K = OrgKind;
    using L = OrgLevel;
    return OrgTree({Node(kCity, K::kDivision, L::kCity, std::nullopt, "/1/"),
                    Node(kDistrict, K::kDivision, L::kDistrict, kCity, "/1/2/"),
                    Node(kStreet, K::kDivision, L::kStreet, kDistrict, "/1/2/3/"),
                    Node(kCommunity, K::kDivision, L::kCommunity, kStreet, "/1/2/3/4/"),
                    Node(kBureau, K::kUnit, L::kCity, kCity, "/1/20/"),
                    Node(kOtherBureau, K::kUnit, L::kCity, kCity, "/1/21/"),
                    Node(kThirdBureau, K::kUnit, L::kCity, kCity, "/1/22/"),
                    Node(kFourthBureau, K::kUnit, L::kCity, kCity, "/1/23/"),
                    Node(kDistrictBureau, K::kUnit, L::kDistrict, kDistrict, "/1/2/30/")},
                   1);
}

AssessmentPeriod November() {
    return *ParseAssessmentPeriod("2026-11");
}

AssessmentScheme Scheme(int min_cases = 0) {
    AssessmentScheme scheme = DefaultScheme();
    scheme.min_cases = min_cases;
    return scheme;
}

// A case the city office dispatches to `unit` on November `day`, signed, contacted, answered
// the next day and closed the day after with the reporter's rating.
CaseHistory Closed(CaseId id, OrgUnitId unit, Satisfaction satisfaction, bool solved,
                   unsigned day = 2) {
    CaseHistory h(id, kCity, At(2026, 11, day, 8, 30));
    h.Accept(At(2026, 11, day, 8, 40))
        .Dispatch(At(2026, 11, day, 9), unit, At(2026, 11, day + 7, 9))
        .Sign(At(2026, 11, day, 9, 30))
        .Contact(At(2026, 11, day, 10))
        .Answer(At(2026, 11, day + 1, 10))
        .ApproveAnswer(At(2026, 11, day + 1, 11))
        .FollowUp(At(2026, 11, day + 2, 9), satisfaction, solved);
    return h;
}

std::vector<CaseFacts> Facts(const std::vector<CaseHistory>& histories) {
    std::vector<CaseFacts> facts;
    for (const CaseHistory& h : histories) {
        facts.push_back(FactsOf(h.c(), h.events()));
    }
    return facts;
}

std::vector<UnitAssessment> AssessAll(const std::vector<CaseHistory>& histories,
                                      const AssessmentScheme& scheme = Scheme(),
                                      const std::set<AppealExclusion>& appeals = {},
                                      const AssessmentPeriod& period = November()) {
    return Assess(Facts(histories), period, scheme, Tree(), appeals);
}

const UnitAssessment& Of(const std::vector<UnitAssessment>& units, AssessedUnit who) {
    for (const UnitAssessment& unit : units) {
        if (unit.unit == who) {
            return unit;
        }
    }
    throw std::out_of_range("unit not assessed");
}

const UnitAssessment& Of(const std::vector<UnitAssessment>& units, OrgUnitId id) {
    return Of(units, OrgUnitAssessed(id));
}

// "n/d counted=[..] against=[..] excluded=[id:reason ..]": every number and case in one line.
std::string Show(const UnitAssessment& unit, AssessmentMeasure measure) {
    const auto found = unit.measures.find(measure);
    if (found == unit.measures.end()) {
        return "none";
    }
    const MeasureResult& r = found->second;
    std::string text = std::to_string(r.numerator) + "/" + std::to_string(r.denominator);
    const auto ids = [](const std::vector<CaseId>& list) {
        std::string out = "[";
        for (const CaseId id : list) {
            out += (out.size() > 1 ? "," : "") + std::to_string(id);
        }
        return out + "]";
    };
    text += " counted=" + ids(r.counted) + " against=" + ids(r.against);
    if (!r.excluded.empty()) {
        text += " excluded=[";
        for (std::size_t i = 0; i < r.excluded.size(); ++i) {
            text += (i > 0 ? "," : "") + std::to_string(r.excluded[i].case_id) + ":" +
                    r.excluded[i].reason;
        }
        text += "]";
    }
    return text;
}

TEST(AssessTest, SigningOnTimeAndLate) {
    CaseHistory on_time(1, kCity, At(2026, 11, 2, 9));
    on_time.Accept(At(2026, 11, 2, 9))
        .Dispatch(At(2026, 11, 2, 9, 30), kBureau, At(2026, 11, 9, 9, 30))
        .Sign(At(2026, 11, 2, 10));
    CaseHistory late(2, kCity, At(2026, 11, 3, 9));
    late.Accept(At(2026, 11, 3, 9))
        .Dispatch(At(2026, 11, 3, 9, 30), kBureau, At(2026, 11, 10, 9, 30))
        .Swept(At(2026, 11, 3, 14), SupervisionLevel::kReminder, DeadlineStep::kSign,
               At(2026, 11, 3, 13, 30))
        .Sign(At(2026, 11, 3, 15));
    const auto units = AssessAll({on_time, late});
    const UnitAssessment& bureau = Of(units, kBureau);
    EXPECT_EQ(Show(bureau, M::kOnTimeSigning), "1/2 counted=[1,2] against=[2]");
    // The late signing's red card is a deduction as well.
    ASSERT_EQ(bureau.adjustments.size(), 1U);
    EXPECT_EQ(bureau.adjustments[0], (ScoreAdjustment{"red_card", 2, -1.0}));
}

TEST(AssessTest, ReturnsRefusedAndApproved) {
    CaseHistory refused(3, kCity, At(2026, 11, 2, 9));
    refused.Accept(At(2026, 11, 2, 9))
        .Dispatch(At(2026, 11, 2, 10), kBureau, At(2026, 11, 9, 10))
        .RequestReturn(At(2026, 11, 2, 11))
        .RefuseReturn(At(2026, 11, 2, 14))
        .Sign(At(2026, 11, 2, 15))
        .Answer(At(2026, 11, 5, 10));
    CaseHistory approved(4, kCity, At(2026, 11, 2, 9));
    approved.Accept(At(2026, 11, 2, 9))
        .Dispatch(At(2026, 11, 2, 10), kBureau, At(2026, 11, 9, 10))
        .RequestReturn(At(2026, 11, 2, 11))
        .ApproveReturn(At(2026, 11, 2, 15))
        .Dispatch(At(2026, 11, 2, 16), kOtherBureau, At(2026, 11, 9, 16))
        .Sign(At(2026, 11, 3, 9))
        .Answer(At(2026, 11, 10, 9));  // after its deadline
    const auto units = AssessAll({refused, approved});
    const UnitAssessment& bureau = Of(units, kBureau);
    EXPECT_EQ(Show(bureau, M::kReturnRate), "2/2 counted=[3,4] against=[3,4]");
    EXPECT_EQ(Show(bureau, M::kRefusedReturns), "1/2 counted=[3,4] against=[3]");
    // The approved return does not count against the first unit's answer …
    EXPECT_EQ(Show(bureau, M::kOnTimeAnswer), "1/1 counted=[3] against=[] excluded=[4:returned]");
    EXPECT_EQ(Show(bureau, M::kOnTimeSigning), "1/1 counted=[3] against=[] excluded=[4:returned]");
    // … but against the unit it went to, and against the office that sent it wrongly.
    EXPECT_EQ(Show(Of(units, kOtherBureau), M::kOnTimeAnswer), "0/1 counted=[4] against=[4]");
    EXPECT_EQ(Show(Of(units, kCity), M::kCorrectDispatch), "2/3 counted=[3,4,4] against=[4]");
}

TEST(AssessTest, AnApprovedExtensionMovesTheDeadlineTheAnswerIsMeasuredBy) {
    CaseHistory extended(5, kCity, At(2026, 11, 2, 9));
    extended.Accept(At(2026, 11, 2, 9))
        .Dispatch(At(2026, 11, 2, 10), kBureau, At(2026, 11, 9, 10))
        .Sign(At(2026, 11, 2, 11))
        .ApproveExtension(At(2026, 11, 6, 10), 5, At(2026, 11, 16, 10))
        .Answer(At(2026, 11, 12, 10));  // late by the first deadline, on time by the second
    CaseHistory plain(6, kCity, At(2026, 11, 2, 9));
    plain.Accept(At(2026, 11, 2, 9))
        .Dispatch(At(2026, 11, 2, 10), kBureau, At(2026, 11, 9, 10))
        .Sign(At(2026, 11, 2, 11))
        .Answer(At(2026, 11, 12, 10));
    const auto units = AssessAll({extended, plain});
    const UnitAssessment& bureau = Of(units, kBureau);
    EXPECT_EQ(Show(bureau, M::kOnTimeAnswer), "1/2 counted=[5,6] against=[6]");
    EXPECT_EQ(Show(bureau, M::kExtension), "1/2 counted=[5,6] against=[5]");
}

TEST(AssessTest, TimelinessCountsInThePeriodOfTheDeadline) {
    CaseHistory h(7, kCity, At(2026, 11, 25, 9));
    h.Accept(At(2026, 11, 25, 9))
        .Dispatch(At(2026, 11, 25, 10), kBureau, At(2026, 12, 2, 10))
        .Sign(At(2026, 11, 25, 11))
        .Answer(At(2026, 11, 30, 10));
    const auto november = AssessAll({h});
    EXPECT_EQ(Show(Of(november, kBureau), M::kOnTimeAnswer), "none");
    const auto december = AssessAll({h}, Scheme(), {}, *ParseAssessmentPeriod("2026-12"));
    EXPECT_EQ(Show(Of(december, kBureau), M::kOnTimeAnswer), "1/1 counted=[7] against=[]");
    // The answer itself (handling time) belongs to November, when it was given.
    EXPECT_EQ(Show(Of(november, kBureau), M::kAverageHandlingDays),
              "0/0 counted=[] against=[] excluded=[7:no_calendar]");
}

TEST(AssessTest, AnUnansweredDeadlineInThePeriodIsLateAndOpenPastIt) {
    CaseHistory h(8, kCity, At(2026, 11, 2, 9));
    h.Accept(At(2026, 11, 2, 9))
        .Dispatch(At(2026, 11, 2, 10), kBureau, At(2026, 11, 9, 10))
        .Sign(At(2026, 11, 2, 11));
    const CaseHistory done = Closed(9, kBureau, Satisfaction::kSatisfied, true);
    const auto units = AssessAll({h, done});
    const UnitAssessment& bureau = Of(units, kBureau);
    EXPECT_EQ(Show(bureau, M::kOnTimeAnswer), "1/2 counted=[8,9] against=[8]");
    EXPECT_EQ(Show(bureau, M::kCompletion), "1/2 counted=[8,9] against=[8]");
}

TEST(AssessTest, SatisfactionLevelsAndTheStrictVariant) {
    const auto units = AssessAll({Closed(11, kBureau, Satisfaction::kVerySatisfied, true),
                                  Closed(12, kBureau, Satisfaction::kBasicallySatisfied, true),
                                  Closed(13, kBureau, Satisfaction::kDissatisfied, false)});
    const UnitAssessment& bureau = Of(units, kBureau);
    EXPECT_EQ(Show(bureau, M::kSatisfaction), "2/3 counted=[11,12,13] against=[13]");
    EXPECT_EQ(Show(bureau, M::kSatisfactionStrict), "1/3 counted=[11,12,13] against=[12,13]");
    EXPECT_EQ(Show(bureau, M::kResolution), "2/3 counted=[11,12,13] against=[13]");
    EXPECT_EQ(Show(bureau, M::kResponse), "3/3 counted=[11,12,13] against=[]");
    EXPECT_EQ(Show(bureau, M::kCompletion), "3/3 counted=[11,12,13] against=[]");
}

TEST(AssessTest, AnUnreachableReporterIsExcludedFromResultsWithTheReason) {
    CaseHistory h(14, kCity, At(2026, 11, 2, 9));
    h.Anonymous()
        .Accept(At(2026, 11, 2, 9))
        .Dispatch(At(2026, 11, 2, 10), kBureau, At(2026, 11, 9, 10))
        .Sign(At(2026, 11, 2, 11))
        .Answer(At(2026, 11, 3, 10))
        .ApproveAnswer(At(2026, 11, 3, 11))
        .Unreachable(At(2026, 11, 6, 9));
    const auto units = AssessAll({h, Closed(15, kBureau, Satisfaction::kSatisfied, true)});
    const UnitAssessment& bureau = Of(units, kBureau);
    EXPECT_EQ(Show(bureau, M::kResolution),
              "1/1 counted=[15] against=[] excluded=[14:unreachable]");
    EXPECT_EQ(Show(bureau, M::kSatisfaction),
              "1/1 counted=[15] against=[] excluded=[14:unreachable]");
    EXPECT_EQ(Show(bureau, M::kResponse), "1/1 counted=[15] against=[] excluded=[14:unreachable]");
    EXPECT_EQ(Show(bureau, M::kCompletion), "2/2 counted=[14,15] against=[]");
}

TEST(AssessTest, AReopenedCaseCountsAsReopenedAndIsDeducted) {
    CaseHistory h(16, kCity, At(2026, 11, 2, 9));
    h.Accept(At(2026, 11, 2, 9))
        .Dispatch(At(2026, 11, 2, 10), kBureau, At(2026, 11, 9, 10))
        .Sign(At(2026, 11, 2, 11))
        .Contact(At(2026, 11, 2, 12))
        .Answer(At(2026, 11, 3, 10))
        .ApproveAnswer(At(2026, 11, 3, 11))
        .FollowUp(At(2026, 11, 4, 9), Satisfaction::kDissatisfied, false)
        .Reopen(At(2026, 11, 4, 10), kBureau, At(2026, 11, 11, 10))
        .Answer(At(2026, 11, 6, 10))
        .ApproveAnswer(At(2026, 11, 6, 11))
        .FollowUp(At(2026, 11, 9, 9), Satisfaction::kSatisfied, true);
    const auto units = AssessAll({h, Closed(17, kBureau, Satisfaction::kSatisfied, true)});
    const UnitAssessment& bureau = Of(units, kBureau);
    EXPECT_EQ(Show(bureau, M::kReopen), "1/2 counted=[16,17] against=[16]");
    // The second answer is measured against the restarted clock.
    EXPECT_EQ(Show(bureau, M::kOnTimeAnswer), "3/3 counted=[16,16,17] against=[]");
    // The final rating is what counts for the close.
    EXPECT_EQ(Show(bureau, M::kSatisfaction), "2/2 counted=[16,17] against=[]");
    ASSERT_EQ(bureau.adjustments.size(), 1U);
    EXPECT_EQ(bureau.adjustments[0], (ScoreAdjustment{"reopen", 16, -1.0}));
}

TEST(AssessTest, ACommunityClosingItsOwnCaseIsADirectResolution) {
    CaseHistory own(18, kCommunity, At(2026, 11, 2, 9));
    own.Accept(At(2026, 11, 2, 9))
        .HandleLocally(At(2026, 11, 2, 10), At(2026, 11, 9, 10))
        .Contact(At(2026, 11, 2, 11))
        .Answer(At(2026, 11, 3, 10))
        .ApproveAnswer(At(2026, 11, 3, 11))
        .FollowUp(At(2026, 11, 4, 9), Satisfaction::kSatisfied, true);
    CaseHistory passed_on(19, kCommunity, At(2026, 11, 2, 9));
    passed_on.Accept(At(2026, 11, 2, 9))
        .Dispatch(At(2026, 11, 2, 10), kDistrictBureau, At(2026, 11, 9, 10))
        .Sign(At(2026, 11, 2, 11))
        .Answer(At(2026, 11, 3, 10))
        .ApproveAnswer(At(2026, 11, 3, 11))
        .FollowUp(At(2026, 11, 4, 9), Satisfaction::kSatisfied, true);
    const auto units = AssessAll({own, passed_on});
    const UnitAssessment& community = Of(units, kCommunity);
    EXPECT_EQ(Show(community, M::kDirectResolution), "1/2 counted=[18,19] against=[19]");
    EXPECT_EQ(Show(community, M::kResolution), "1/1 counted=[18] against=[]");
    EXPECT_EQ(community.group, PeerGroup::kCommunities);
    EXPECT_EQ(Of(units, kDistrictBureau).group, PeerGroup::kDistrictUnits);
    EXPECT_EQ(Of(units, kDistrictBureau).group_scope, kDistrict);
}

TEST(AssessTest, AGridWorkersReportsAcceptedDeclinedAndMerged) {
    CaseHistory accepted(21, kCommunity, At(2026, 11, 2, 9), Channel::kGrid, kGridWorker);
    accepted.Accept(At(2026, 11, 2, 10));
    CaseHistory declined(22, kCommunity, At(2026, 11, 3, 9), Channel::kGrid, kGridWorker);
    declined.Decline(At(2026, 11, 3, 10));
    CaseHistory repeat(23, kCommunity, At(2026, 11, 4, 9), Channel::kGrid, kGridWorker);
    repeat.Merge(At(2026, 11, 4, 10), 21);
    CaseHistory undecided(24, kCommunity, At(2026, 11, 5, 9), Channel::kGrid, kGridWorker);
    CaseHistory on_the_spot =
        CaseHistory::SolvedOnTheSpot(25, kCommunity, At(2026, 11, 6, 9), kGridWorker);
    on_the_spot.ApproveAnswer(At(2026, 11, 6, 10))
        .FollowUp(At(2026, 11, 6, 11), Satisfaction::kSatisfied, true);
    const auto units = AssessAll({accepted, declined, repeat, undecided, on_the_spot});
    const UnitAssessment& worker = Of(units, UserAssessed(kGridWorker));
    EXPECT_EQ(worker.group, PeerGroup::kGridWorkers);
    EXPECT_EQ(Show(worker, M::kValidReports),
              "3/4 counted=[21,22,23,25] against=[22] excluded=[24:pending]");
    const UnitAssessment& community = Of(units, kCommunity);
    EXPECT_EQ(Show(community, M::kRepeatRequests), "1/3 counted=[21,23,25] against=[23]");
    // Solved on the spot is the community's own resolution, answered as it was recorded.
    EXPECT_EQ(Show(community, M::kDirectResolution), "1/1 counted=[25] against=[]");
    EXPECT_EQ(Show(community, M::kOnTimeAnswer), "1/1 counted=[25] against=[]");
    // Grid workers are scored on their own measures.
    ASSERT_TRUE(worker.composite);
    EXPECT_NEAR(*worker.composite, 75.0, 1e-9);
}

TEST(AssessTest, TheCompositeWeighsResponseResolutionSatisfactionLessDeductions) {
    CaseHistory carded = Closed(31, kBureau, Satisfaction::kSatisfied, true);
    carded.Swept(At(2026, 11, 20, 9), SupervisionLevel::kReminder, DeadlineStep::kReview,
                 At(2026, 11, 19, 17));
    const auto units = AssessAll({carded, Closed(32, kBureau, Satisfaction::kDissatisfied, false)});
    const UnitAssessment& bureau = Of(units, kBureau);
    // 0.2 × 100 % response + 0.4 × 50 % resolution + 0.4 × 50 % satisfaction = 60, less a
    // red card.
    ASSERT_TRUE(bureau.measure_score);
    EXPECT_NEAR(*bureau.measure_score, 60.0, 1e-9);
    EXPECT_EQ(bureau.adjustments, (std::vector<ScoreAdjustment>{{"red_card", 31, -1.0}}));
    EXPECT_NEAR(*bureau.composite, 59.0, 1e-9);
    EXPECT_EQ(bureau.case_count, 2);
}

TEST(AssessTest, TiesShareARankAndUnitsBelowTheMinimumAreListedUnranked) {
    CaseHistory a1 = Closed(41, kBureau, Satisfaction::kSatisfied, true);
    a1.Swept(At(2026, 11, 3, 9), SupervisionLevel::kReminder, DeadlineStep::kAnswer,
             At(2026, 11, 3, 8, 30));
    CaseHistory b1 = Closed(43, kOtherBureau, Satisfaction::kSatisfied, true);
    b1.Swept(At(2026, 11, 3, 9), SupervisionLevel::kReminder, DeadlineStep::kAnswer,
             At(2026, 11, 3, 8, 30));
    CaseHistory d1 = Closed(46, kFourthBureau, Satisfaction::kSatisfied, true);
    d1.Swept(At(2026, 11, 3, 9), SupervisionLevel::kBulletin, DeadlineStep::kAnswer,
             At(2026, 11, 3, 8, 30));
    const auto units = AssessAll({a1, Closed(42, kBureau, Satisfaction::kSatisfied, true), b1,
                                  Closed(44, kOtherBureau, Satisfaction::kSatisfied, true),
                                  Closed(45, kThirdBureau, Satisfaction::kSatisfied, true), d1,
                                  Closed(47, kFourthBureau, Satisfaction::kSatisfied, true)},
                                 Scheme(2));
    EXPECT_NEAR(*Of(units, kBureau).composite, 99.0, 1e-9);
    EXPECT_NEAR(*Of(units, kOtherBureau).composite, 99.0, 1e-9);
    EXPECT_NEAR(*Of(units, kFourthBureau).composite, 98.0, 1e-9);
    EXPECT_EQ(Of(units, kBureau).rank, 1);
    EXPECT_EQ(Of(units, kOtherBureau).rank, 1);
    EXPECT_EQ(Of(units, kFourthBureau).rank, 3);
    const UnitAssessment& small = Of(units, kThirdBureau);
    EXPECT_TRUE(small.below_minimum);
    EXPECT_EQ(small.case_count, 1);
    EXPECT_NEAR(*small.composite, 100.0, 1e-9);  // scored, shown, not ranked
    EXPECT_FALSE(small.rank);
    // Listed best first, the unranked after the ranked.
    std::vector<OrgUnitId> order;
    for (const UnitAssessment& unit : units) {
        if (unit.group == PeerGroup::kCityUnits) {
            order.push_back(unit.unit.id);
        }
    }
    EXPECT_EQ(order, (std::vector<OrgUnitId>{kBureau, kOtherBureau, kFourthBureau, kThirdBureau}));
    // The city office dispatched them all and is in no peer group.
    EXPECT_FALSE(Of(units, kCity).group);
    EXPECT_FALSE(Of(units, kCity).rank);
}

TEST(AssessTest, AnAcceptedAppealExcludesOneCaseFromOneMeasureForOneUnit) {
    const CaseHistory rated = Closed(51, kBureau, Satisfaction::kVerySatisfied, true);
    const CaseHistory unfair = Closed(52, kBureau, Satisfaction::kVeryDissatisfied, false);
    const std::set<AppealExclusion> appeals = {
        {OrgUnitAssessed(kBureau), M::kSatisfaction, 52},
        {OrgUnitAssessed(kOtherBureau), M::kResolution, 52},  // another unit's: no effect here
    };
    const auto units = AssessAll({rated, unfair}, Scheme(), appeals);
    const UnitAssessment& bureau = Of(units, kBureau);
    EXPECT_EQ(Show(bureau, M::kSatisfaction), "1/1 counted=[51] against=[] excluded=[52:appeal]");
    EXPECT_EQ(Show(bureau, M::kSatisfactionStrict), "1/2 counted=[51,52] against=[52]");
    EXPECT_EQ(Show(bureau, M::kResolution), "1/2 counted=[51,52] against=[52]");
}

TEST(AssessTest, HandlingDaysAverageInHundredthsOfAWorkingDay) {
    const WorkCalendar calendar = testing::Calendar2026();
    FactsContext context;
    context.calendar = &calendar;
    CaseHistory two_days(61, kCity, At(2026, 11, 6, 9));  // Friday 13:00 → Tuesday 11:30
    two_days.Accept(At(2026, 11, 6, 9))
        .Dispatch(At(2026, 11, 6, 9), kBureau, At(2026, 11, 13, 9))
        .Sign(At(2026, 11, 6, 13))
        .Answer(At(2026, 11, 10, 11, 30));
    CaseHistory one_day(62, kCity, At(2026, 11, 11, 9));  // Wednesday 08:30 → Thursday 08:30
    one_day.Accept(At(2026, 11, 11, 8, 30))
        .Dispatch(At(2026, 11, 11, 8, 30), kBureau, At(2026, 11, 18, 9))
        .Sign(At(2026, 11, 11, 8, 30))
        .Answer(At(2026, 11, 12, 8, 30));
    const std::vector<CaseFacts> facts = {FactsOf(two_days.c(), two_days.events(), context),
                                          FactsOf(one_day.c(), one_day.events(), context)};
    const auto units = Assess(facts, November(), Scheme(), Tree(), {});
    const UnitAssessment& bureau = Of(units, kBureau);
    EXPECT_EQ(Show(bureau, M::kAverageHandlingDays), "300/2 counted=[61,62] against=[]");
    EXPECT_DOUBLE_EQ(*bureau.measures.at(M::kAverageHandlingDays).Value(M::kAverageHandlingDays),
                     1.5);
}

TEST(AssessTest, ARecallIsARedirectionTheDispatchingOfficeAnswersFor) {
    CaseHistory h(71, kCity, At(2026, 11, 2, 9));
    h.Accept(At(2026, 11, 2, 9))
        .Dispatch(At(2026, 11, 2, 10), kBureau, At(2026, 11, 9, 10))
        .Recall(At(2026, 11, 2, 11))
        .Dispatch(At(2026, 11, 2, 12), kOtherBureau, At(2026, 11, 9, 12))
        .Sign(At(2026, 11, 2, 13))
        .Contact(At(2026, 11, 2, 14))
        .Answer(At(2026, 11, 4, 10));
    const auto units = AssessAll({h});
    EXPECT_EQ(Show(Of(units, kCity), M::kCorrectDispatch), "1/2 counted=[71,71] against=[71]");
    EXPECT_EQ(Show(Of(units, kBureau), M::kOnTimeAnswer),
              "0/0 counted=[] against=[] excluded=[71:recalled]");
    EXPECT_EQ(Show(Of(units, kOtherBureau), M::kOnTimeAnswer), "1/1 counted=[71] against=[]");
    // First contact was owed by the unit that held the case when it came.
    EXPECT_EQ(Show(Of(units, kOtherBureau), M::kResponse), "1/1 counted=[71] against=[]");
    EXPECT_EQ(Show(Of(units, kBureau), M::kResponse), "none");
}

TEST(AssessTest, FirstContactTheSweepFoundLateIsNoResponseInTime) {
    CaseHistory h(72, kCity, At(2026, 11, 2, 9));
    h.Accept(At(2026, 11, 2, 9))
        .Dispatch(At(2026, 11, 2, 10), kBureau, At(2026, 11, 9, 10))
        .Sign(At(2026, 11, 2, 11))
        .Swept(At(2026, 11, 3, 10, 30), SupervisionLevel::kReminder, DeadlineStep::kContact,
               At(2026, 11, 3, 10))
        .Contact(At(2026, 11, 3, 14));
    const auto units = AssessAll({h});
    EXPECT_EQ(Show(Of(units, kBureau), M::kResponse), "0/1 counted=[72] against=[72]");
}

TEST(AssessTest, AnAppealedCaseLeavesTheCaseCountWhenNothingElseCountsIt) {
    CaseHistory h(73, kCity, At(2026, 11, 2, 9));
    h.Accept(At(2026, 11, 2, 9))
        .Dispatch(At(2026, 11, 2, 10), kBureau, At(2026, 11, 9, 10))
        .Sign(At(2026, 11, 2, 11));
    const std::set<AppealExclusion> appeals = {
        {OrgUnitAssessed(kBureau), M::kOnTimeAnswer, 73},
        {OrgUnitAssessed(kBureau), M::kCompletion, 73},
        {OrgUnitAssessed(kBureau), M::kReturnRate, 73},
        {OrgUnitAssessed(kBureau), M::kExtension, 73},
    };
    const auto units = AssessAll({h}, Scheme(), appeals);
    const UnitAssessment& bureau = Of(units, kBureau);
    EXPECT_EQ(Show(bureau, M::kOnTimeAnswer), "0/0 counted=[] against=[] excluded=[73:appeal]");
    EXPECT_EQ(Show(bureau, M::kCompletion), "0/0 counted=[] against=[] excluded=[73:appeal]");
    // Signing was not appealed: it still counts the case.
    EXPECT_EQ(Show(bureau, M::kOnTimeSigning), "1/1 counted=[73] against=[]");
    EXPECT_EQ(bureau.case_count, 1);
}

TEST(AssessTest, SigningCountsInThePeriodOfASuppliedSignDeadline) {
    // Dispatched on the last afternoon of November; the four working hours end in December.
    CaseHistory h(74, kCity, At(2026, 11, 30, 15));
    h.Accept(At(2026, 11, 30, 15))
        .Dispatch(At(2026, 11, 30, 16), kBureau, At(2026, 12, 7, 16))
        .Sign(At(2026, 12, 1, 9));
    FactsContext context;
    context.sign_deadline = [](const Case&, const DispatchFacts&) {
        return std::optional(At(2026, 12, 1, 11, 30));
    };
    const std::vector<CaseFacts> facts = {FactsOf(h.c(), h.events(), context)};
    const auto november = Assess(facts, November(), Scheme(), Tree(), {});
    EXPECT_EQ(Show(Of(november, kBureau), M::kOnTimeSigning), "none");
    EXPECT_EQ(Show(Of(november, kBureau), M::kReturnRate), "0/1 counted=[74] against=[]");
    const auto december = Assess(facts, *ParseAssessmentPeriod("2026-12"), Scheme(), Tree(), {});
    EXPECT_EQ(Show(Of(december, kBureau), M::kOnTimeSigning), "1/1 counted=[74] against=[]");
}

}  // namespace
}  // namespace minqing::domain
