#include "domain/assessment_facts.hpp"

#include <gtest/gtest.h>

#include "domain/testing/calendar_2026.hpp"
#include "domain/testing/case_history.hpp"

namespace minqing::domain {
namespace {

using testing::At;
using testing::CaseHistory;

constexpr OrgUnitId kOffice = 10;
constexpr OrgUnitId kBureau = 20;
constexpr OrgUnitId kOtherBureau = 21;
constexpr OrgUnitId kCommunity = 40;

TEST(AssessmentFactsTest, ADispatchSignedAndAnsweredOnTime) {
    CaseHistory h(1, kOffice, At(2026, 11, 2, 9));
    h.Accept(At(2026, 11, 2, 9, 30))
        .Dispatch(At(2026, 11, 2, 10), kBureau, At(2026, 11, 9, 10))
        .Sign(At(2026, 11, 2, 11), 77)
        .Contact(At(2026, 11, 2, 14))
        .Answer(At(2026, 11, 4, 10))
        .ApproveAnswer(At(2026, 11, 4, 15))
        .FollowUp(At(2026, 11, 5, 9), Satisfaction::kSatisfied, true);
    const CaseFacts facts = FactsOf(h.c(), h.events());

    ASSERT_EQ(facts.dispatches.size(), 1U);
    const DispatchFacts& dispatch = facts.dispatches[0];
    EXPECT_EQ(dispatch.unit_id, kBureau);
    EXPECT_EQ(dispatch.dispatcher_id, kOffice);
    EXPECT_EQ(dispatch.signed_at, At(2026, 11, 2, 11));
    EXPECT_EQ(dispatch.signed_by, 77);
    EXPECT_FALSE(dispatch.sign_deadline);  // not in the log, and no sweep supervised it
    EXPECT_FALSE(dispatch.sign_overdue);
    ASSERT_EQ(facts.clocks.size(), 1U);
    EXPECT_EQ(facts.clocks[0].deadline, At(2026, 11, 9, 10));
    EXPECT_EQ(facts.clocks[0].answered_at, At(2026, 11, 4, 10));
    EXPECT_FALSE(facts.clocks[0].handling_centidays);  // no calendar given
    EXPECT_EQ(facts.contact.first_at, At(2026, 11, 2, 14));
    EXPECT_EQ(facts.contact.first_by_unit, kBureau);
    EXPECT_EQ(facts.intake.decision, IntakeDecision::kAccepted);
    EXPECT_EQ(facts.intake.decided_by, kOffice);
    ASSERT_TRUE(facts.close);
    EXPECT_EQ(facts.close->lead_unit_id, kBureau);
    EXPECT_EQ(facts.close->satisfaction, Satisfaction::kSatisfied);
    EXPECT_EQ(facts.close->solved, true);
    EXPECT_EQ(facts.close->result, AnswerResult::kSolved);
    EXPECT_FALSE(facts.close->direct_by);
    EXPECT_EQ(facts.lead_unit_id, kBureau);
}

TEST(AssessmentFactsTest, TheSweepsSignSupervisionMarksALateSigning) {
    CaseHistory h(2, kOffice, At(2026, 11, 2, 9));
    h.Accept(At(2026, 11, 2, 9))
        .Dispatch(At(2026, 11, 2, 9, 30), kBureau, At(2026, 11, 9, 9, 30))
        .Swept(At(2026, 11, 2, 14), SupervisionLevel::kReminder, DeadlineStep::kSign,
               At(2026, 11, 2, 13, 30))
        .Sign(At(2026, 11, 2, 15));
    const CaseFacts facts = FactsOf(h.c(), h.events());
    ASSERT_EQ(facts.dispatches.size(), 1U);
    EXPECT_TRUE(facts.dispatches[0].sign_overdue);
    EXPECT_EQ(facts.dispatches[0].sign_deadline, At(2026, 11, 2, 13, 30));
    ASSERT_EQ(facts.supervisions.size(), 1U);
    EXPECT_EQ(facts.supervisions[0].unit_id, kBureau);
    EXPECT_TRUE(facts.supervisions[0].automatic);
}

TEST(AssessmentFactsTest, TheCallerMaySupplyTheSignDeadline) {
    CaseHistory h(3, kOffice, At(2026, 11, 2, 9));
    h.Accept(At(2026, 11, 2, 9)).Dispatch(At(2026, 11, 2, 9, 30), kBureau, At(2026, 11, 9, 9));
    FactsContext context;
    context.sign_deadline = [](const Case&, const DispatchFacts& d) {
        return std::optional(d.at + std::chrono::hours(4));
    };
    const CaseFacts facts = FactsOf(h.c(), h.events(), context);
    EXPECT_EQ(facts.dispatches[0].sign_deadline, At(2026, 11, 2, 13, 30));
    EXPECT_TRUE(facts.dispatches[0].sign_deadline_supplied);
}

TEST(AssessmentFactsTest, AnApprovedReturnTakesTheClockAwayFromTheFirstUnit) {
    CaseHistory h(4, kOffice, At(2026, 11, 2, 9));
    h.Accept(At(2026, 11, 2, 9))
        .Dispatch(At(2026, 11, 2, 10), kBureau, At(2026, 11, 9, 10))
        .RequestReturn(At(2026, 11, 2, 11))
        .ApproveReturn(At(2026, 11, 2, 15))
        .Dispatch(At(2026, 11, 2, 16), kOtherBureau, At(2026, 11, 9, 16))
        .Sign(At(2026, 11, 3, 9));
    const CaseFacts facts = FactsOf(h.c(), h.events());
    ASSERT_EQ(facts.dispatches.size(), 2U);
    EXPECT_TRUE(facts.dispatches[0].return_requested);
    EXPECT_TRUE(facts.dispatches[0].return_approved);
    EXPECT_FALSE(facts.dispatches[0].return_refused);
    EXPECT_FALSE(facts.dispatches[0].signed_at);
    ASSERT_EQ(facts.clocks.size(), 2U);
    EXPECT_EQ(facts.clocks[0].taken_away, TakenAway::kReturned);
    EXPECT_EQ(facts.clocks[1].unit_id, kOtherBureau);
    EXPECT_EQ(facts.clocks[1].taken_away, TakenAway::kNo);
    EXPECT_EQ(facts.lead_unit_id, kOtherBureau);
}

TEST(AssessmentFactsTest, ARefusedReturnLeavesTheDispatchWithTheUnit) {
    CaseHistory h(5, kOffice, At(2026, 11, 2, 9));
    h.Accept(At(2026, 11, 2, 9))
        .Dispatch(At(2026, 11, 2, 10), kBureau, At(2026, 11, 9, 10))
        .RequestReturn(At(2026, 11, 2, 11))
        .RefuseReturn(At(2026, 11, 2, 14))
        .Sign(At(2026, 11, 2, 15));
    const CaseFacts facts = FactsOf(h.c(), h.events());
    ASSERT_EQ(facts.dispatches.size(), 1U);
    EXPECT_TRUE(facts.dispatches[0].return_refused);
    EXPECT_FALSE(facts.dispatches[0].return_approved);
    EXPECT_EQ(facts.dispatches[0].signed_at, At(2026, 11, 2, 15));
    EXPECT_EQ(facts.clocks[0].taken_away, TakenAway::kNo);
}

TEST(AssessmentFactsTest, AnApprovedExtensionMovesTheDeadlineInForce) {
    CaseHistory h(6, kOffice, At(2026, 11, 2, 9));
    h.Accept(At(2026, 11, 2, 9))
        .Dispatch(At(2026, 11, 2, 10), kBureau, At(2026, 11, 9, 10))
        .Sign(At(2026, 11, 2, 11))
        .ApproveExtension(At(2026, 11, 6, 10), 5, At(2026, 11, 16, 10))
        .Answer(At(2026, 11, 12, 10));
    const CaseFacts facts = FactsOf(h.c(), h.events());
    ASSERT_EQ(facts.extensions.size(), 1U);
    EXPECT_EQ(facts.extensions[0].unit_id, kBureau);
    EXPECT_EQ(facts.extensions[0].granted_days, 5);
    EXPECT_EQ(facts.dispatches[0].extensions_approved, 1);
    EXPECT_EQ(facts.clocks[0].deadline, At(2026, 11, 16, 10));
    EXPECT_EQ(facts.clocks[0].extensions_approved, 1);
}

TEST(AssessmentFactsTest, AReopenStartsANewClockWithItsOwnDeadline) {
    CaseHistory h(7, kOffice, At(2026, 11, 2, 9));
    h.Accept(At(2026, 11, 2, 9))
        .Dispatch(At(2026, 11, 2, 10), kBureau, At(2026, 11, 9, 10))
        .Sign(At(2026, 11, 2, 11))
        .Answer(At(2026, 11, 3, 10))
        .ApproveAnswer(At(2026, 11, 3, 11))
        .FollowUp(At(2026, 11, 4, 9), Satisfaction::kDissatisfied, false)
        .Reopen(At(2026, 11, 4, 10), kBureau, At(2026, 11, 11, 10))
        .Answer(At(2026, 11, 6, 10))
        .ApproveAnswer(At(2026, 11, 6, 11))
        .FollowUp(At(2026, 11, 9, 9), Satisfaction::kSatisfied, true);
    const CaseFacts facts = FactsOf(h.c(), h.events());
    ASSERT_EQ(facts.reopens.size(), 1U);
    EXPECT_EQ(facts.reopens[0].unit_id, kBureau);
    ASSERT_EQ(facts.clocks.size(), 2U);
    EXPECT_EQ(facts.clocks[1].start, ClockStart::kReopen);
    EXPECT_EQ(facts.clocks[1].deadline, At(2026, 11, 11, 10));
    EXPECT_EQ(facts.clocks[1].answered_at, At(2026, 11, 6, 10));
    ASSERT_TRUE(facts.close);
    EXPECT_EQ(facts.close->at, At(2026, 11, 9, 9));  // the last close
    EXPECT_EQ(facts.close->satisfaction, Satisfaction::kSatisfied);
}

TEST(AssessmentFactsTest, ACommunityClosingItsOwnCaseIsADirectResolution) {
    CaseHistory h(8, kCommunity, At(2026, 11, 2, 9), Channel::kGrid, 501);
    h.Accept(At(2026, 11, 2, 9))
        .HandleLocally(At(2026, 11, 2, 10), At(2026, 11, 9, 10))
        .Answer(At(2026, 11, 3, 10))
        .ApproveAnswer(At(2026, 11, 3, 11))
        .FollowUp(At(2026, 11, 4, 9), Satisfaction::kVerySatisfied, true);
    const CaseFacts facts = FactsOf(h.c(), h.events());
    EXPECT_TRUE(facts.dispatches.empty());
    ASSERT_EQ(facts.clocks.size(), 1U);
    EXPECT_EQ(facts.clocks[0].start, ClockStart::kHandledLocally);
    EXPECT_EQ(facts.clocks[0].signed_at, At(2026, 11, 2, 10));
    ASSERT_TRUE(facts.close);
    EXPECT_EQ(facts.close->direct_by, kCommunity);
    EXPECT_EQ(facts.intake.created_by, 501);
    EXPECT_EQ(facts.intake.channel, Channel::kGrid);
}

TEST(AssessmentFactsTest, HandlingDaysAreWorkingDaysFromSignToAnswer) {
    CaseHistory h(9, kOffice, At(2026, 11, 2, 9));
    // Signed Friday 13:00, answered Tuesday 11:30: Friday afternoon (4 h), Monday (7 h) and
    // Tuesday morning (3 h) are 14 working hours, two working days; the weekend is no part.
    h.Accept(At(2026, 11, 6, 9))
        .Dispatch(At(2026, 11, 6, 9), kBureau, At(2026, 11, 13, 9))
        .Sign(At(2026, 11, 6, 13))
        .Answer(At(2026, 11, 10, 11, 30));
    const WorkCalendar calendar = testing::Calendar2026();
    FactsContext context;
    context.calendar = &calendar;
    const CaseFacts facts = FactsOf(h.c(), h.events(), context);
    EXPECT_EQ(facts.clocks[0].handling_centidays, 200);
}

TEST(AssessmentFactsTest, MergedAndDeclinedReportsKeepTheIntakeDecision) {
    CaseHistory merged(10, kCommunity, At(2026, 11, 2, 9), Channel::kGrid, 501);
    merged.Merge(At(2026, 11, 2, 10), 8);
    const CaseFacts m = FactsOf(merged.c(), merged.events());
    EXPECT_EQ(m.intake.decision, IntakeDecision::kMerged);
    EXPECT_EQ(m.intake.master_case_id, 8);
    EXPECT_EQ(m.intake.decided_by, kCommunity);

    CaseHistory declined(11, kCommunity, At(2026, 11, 2, 9), Channel::kGrid, 501);
    declined.Decline(At(2026, 11, 2, 10));
    EXPECT_EQ(FactsOf(declined.c(), declined.events()).intake.decision, IntakeDecision::kDeclined);
}

TEST(AssessmentFactsTest, AnUnreachableReporterIsRecordedAtTheClose) {
    CaseHistory h(12, kOffice, At(2026, 11, 2, 9));
    h.Anonymous()
        .Accept(At(2026, 11, 2, 9))
        .Dispatch(At(2026, 11, 2, 10), kBureau, At(2026, 11, 9, 10))
        .Sign(At(2026, 11, 2, 11))
        .Answer(At(2026, 11, 3, 10))
        .ApproveAnswer(At(2026, 11, 3, 11))
        .Unreachable(At(2026, 11, 6, 9));
    const CaseFacts facts = FactsOf(h.c(), h.events());
    ASSERT_TRUE(facts.close);
    EXPECT_TRUE(facts.close->unreachable);
    EXPECT_FALSE(facts.close->satisfaction);
    EXPECT_FALSE(facts.contact.reachable);
}

TEST(AssessmentFactsTest, ALongTermCommitmentHoldsTheUnitToTheCommittedDate) {
    CaseHistory h(13, kOffice, At(2026, 11, 2, 9));
    h.Accept(At(2026, 11, 2, 9))
        .Dispatch(At(2026, 11, 2, 10), kBureau, At(2026, 11, 9, 10))
        .Sign(At(2026, 11, 2, 11))
        .CommitLongTerm(At(2026, 11, 6, 10), At(2027, 3, 31, 17))
        .Answer(At(2027, 3, 20, 10));
    const CaseFacts facts = FactsOf(h.c(), h.events());
    ASSERT_EQ(facts.clocks.size(), 1U);
    EXPECT_TRUE(facts.clocks[0].long_term);
    EXPECT_EQ(facts.clocks[0].deadline, At(2027, 3, 31, 17));
    EXPECT_EQ(facts.clocks[0].answered_at, At(2027, 3, 20, 10));
}

TEST(AssessmentFactsTest, OnlyAnOfficesOwnAnswerIsADirectResolution) {
    CaseHistory h(14, kCommunity, At(2026, 11, 2, 9));
    h.Accept(At(2026, 11, 2, 9))
        .HandleLocally(At(2026, 11, 2, 10), At(2026, 11, 9, 10))
        .Reopen(At(2026, 11, 3, 10), kCommunity, At(2026, 11, 10, 10))
        .Answer(At(2026, 11, 4, 10))
        .ApproveAnswer(At(2026, 11, 4, 11))
        .FollowUp(At(2026, 11, 5, 9), Satisfaction::kSatisfied, true);
    // Reopened and answered again by the community itself: still its own resolution.
    EXPECT_EQ(FactsOf(h.c(), h.events()).close->direct_by, kCommunity);

    CaseHistory passed(15, kOffice, At(2026, 11, 2, 9));
    passed.Accept(At(2026, 11, 2, 9))
        .Dispatch(At(2026, 11, 2, 10), kBureau, At(2026, 11, 9, 10))
        .Sign(At(2026, 11, 2, 11))
        .Answer(At(2026, 11, 4, 10))
        .ApproveAnswer(At(2026, 11, 4, 11))
        .FollowUp(At(2026, 11, 5, 9), Satisfaction::kSatisfied, true);
    EXPECT_FALSE(FactsOf(passed.c(), passed.events()).close->direct_by);
}

}  // namespace
}  // namespace minqing::domain
