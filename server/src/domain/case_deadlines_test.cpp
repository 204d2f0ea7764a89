#include "domain/case_deadlines.hpp"

#include <gtest/gtest.h>

#include "domain/testing/calendar_2026.hpp"

namespace minqing::domain {
namespace {

using testing::At;
using testing::Calendar2026;
using testing::Day;

TimeLimit Limit(std::string_view text) {
    return *ParseTimeLimit(text);
}

TimeLimitRule Rule(std::int64_t id, std::optional<Urgency> urgency, std::optional<CaseKind> kind,
                   std::optional<Channel> channel, DeadlineStep step, std::string_view limit) {
    return {id, urgency, kind, channel, step, Limit(limit)};
}

// WORKFLOW.md's defaults, as data/seed/time-limits.csv seeds them.
TimeLimitTable Defaults() {
    using S = DeadlineStep;
    using U = Urgency;
    return TimeLimitTable({
        Rule(1, U::kCritical, {}, {}, S::kAccept, "15m"),
        Rule(2, U::kUrgent, {}, {}, S::kAccept, "30m"),
        Rule(3, {}, {}, {}, S::kAccept, "2wh"),
        Rule(4, U::kCritical, {}, {}, S::kSign, "30m"),
        Rule(5, U::kUrgent, {}, {}, S::kSign, "1h"),
        Rule(6, {}, {}, {}, S::kSign, "4wh"),
        Rule(7, {}, {}, {}, S::kContact, "1wd"),
        Rule(8, U::kCritical, {}, {}, S::kContact, "1h"),
        Rule(9, U::kUrgent, {}, {}, S::kAnswer, "3wd"),
        Rule(10, U::kNormal, {}, {}, S::kAnswer, "5wd"),
        Rule(11, U::kComplex, {}, {}, S::kAnswer, "15wd"),
        Rule(12, U::kNormal, CaseKind::kQuestion, {}, S::kAnswer, "3wd"),
        Rule(13, {}, {}, Channel::kDirectCard, S::kAnswer, "3wd"),
        Rule(14, {}, {}, {}, S::kReview, "1wd"),
        Rule(15, {}, {}, {}, S::kFollowUp, "2wd"),
        Rule(16, {}, {}, {}, S::kProgressNote, "720h"),
    });
}

Case NormalComplaint() {
    Case c;
    c.urgency = Urgency::kNormal;
    c.kind = CaseKind::kComplaint;
    c.channel = Channel::kGrid;
    c.holder_id = 7;
    return c;
}

TEST(TimeLimitTest, ParsesAndFormatsEveryUnit) {
    struct Row {
        std::string_view text;
        std::optional<TimeLimit> limit;
        std::string_view formatted;
    };
    using U = TimeLimit::Unit;
    const Row rows[] = {
        {"15m", TimeLimit{15, U::kClockMinutes}, "15m"},
        {"2h", TimeLimit{120, U::kClockMinutes}, "2h"},
        {"4wh", TimeLimit{240, U::kWorkingMinutes}, "4wh"},
        {"90wm", TimeLimit{90, U::kWorkingMinutes}, "90wm"},
        {"5wd", TimeLimit{5, U::kWorkingDays}, "5wd"},
        {"0wd", std::nullopt, ""},
        {"-1wd", std::nullopt, ""},
        {"5", std::nullopt, ""},
        {"wd", std::nullopt, ""},
        {"5 wd", std::nullopt, ""},
        {"999wd", std::nullopt, ""},
    };
    for (const Row& row : rows) {
        SCOPED_TRACE(row.text);
        EXPECT_EQ(ParseTimeLimit(row.text), row.limit);
        if (row.limit) {
            EXPECT_EQ(FormatTimeLimit(*row.limit), row.formatted);
        }
    }
}

TEST(TimeLimitTest, RefusesAmountsTooLargeForMinutes) {
    // Found by fuzzing the time-limit seed: the hours were multiplied into minutes first and
    // overflowed, which could wrap into a limit that passed the 260-day check.
    for (const std::string_view text :
         {"200000000000000000h", "153722867280912931h", "9223372036854775807h",
          "9223372036854775807wh", "9223372036854775807m", "6264h"}) {
        EXPECT_EQ(ParseTimeLimit(text), std::nullopt) << text;
    }
    EXPECT_EQ(ParseTimeLimit("6240h"), (TimeLimit{6240 * 60, TimeLimit::Unit::kClockMinutes}));
}

TEST(TimeLimitTest, TheMostSpecificRuleWins) {
    const auto table = Defaults();
    using S = DeadlineStep;
    EXPECT_EQ(table.For(Urgency::kNormal, CaseKind::kComplaint, Channel::kGrid, S::kAnswer),
              Limit("5wd"));
    EXPECT_EQ(table.For(Urgency::kNormal, CaseKind::kQuestion, Channel::kGrid, S::kAnswer),
              Limit("3wd"));
    EXPECT_EQ(table.For(Urgency::kComplex, CaseKind::kComplaint, Channel::kDirectCard, S::kAnswer),
              Limit("3wd"));
    EXPECT_EQ(table.For(Urgency::kCritical, CaseKind::kHelp, Channel::kHotline, S::kAccept),
              Limit("15m"));
    EXPECT_EQ(table.For(Urgency::kComplex, CaseKind::kHelp, Channel::kHotline, S::kAccept),
              Limit("2wh"));
    EXPECT_EQ(table.For(Urgency::kNormal, CaseKind::kHelp, Channel::kHotline, S::kInstruction),
              std::nullopt);
}

TEST(CaseDeadlinesTest, RegisteringOnTheEveOfNationalDayGivesTwoWorkingHoursAfterIt) {
    const auto calendar = Calendar2026();
    const auto limits = Defaults();
    Case c = NormalComplaint();
    c.state = CaseState::kRegistered;
    PlanDeadlines({limits, calendar}, std::nullopt, std::nullopt, nullptr, c, At(2026, 9, 30, 16));
    EXPECT_EQ(c.deadline_step, DeadlineStep::kAccept);
    // One working hour left on 30 September, the second on 8 October.
    EXPECT_EQ(c.deadline, At(2026, 10, 8, 9, 30));
    // 20 % of a two-hour limit: 24 working minutes before the deadline.
    EXPECT_EQ(c.yellow_from, At(2026, 10, 8, 9, 6));
    EXPECT_FALSE(c.deadline_provisional);
}

// 办理时限自派单时起算: the answer and first-contact clocks start at the dispatch; signing is a
// step inside them, and a late signature buys no time.
TEST(CaseDeadlinesTest, DispatchStartsTheAnswerClockAndSigningIsAStepInsideIt) {
    const auto calendar = Calendar2026();
    const auto limits = Defaults();
    Case routing = NormalComplaint();
    routing.state = CaseState::kRouting;
    routing.reporter.phone = "13812341234";
    PlanDeadlines({limits, calendar}, std::nullopt, std::nullopt, nullptr, routing,
                  At(2026, 10, 9, 15));
    Case dispatched = routing;
    dispatched.state = CaseState::kDispatched;
    dispatched.holder_id = 9;
    const Instant dispatched_at = At(2026, 10, 9, 16);
    PlanDeadlines({limits, calendar}, routing, CaseAction::kDispatch, nullptr, dispatched,
                  dispatched_at);
    EXPECT_EQ(dispatched.deadline, At(2026, 10, 10, 11, 30));  // 4 working hours, Saturday worked
    EXPECT_EQ(dispatched.deadline_step, DeadlineStep::kSign);
    EXPECT_EQ(dispatched.answer_deadline,
              DeadlineAfter(calendar, dispatched_at, Limit("5wd")));  // from the dispatch
    EXPECT_EQ(dispatched.contact_deadline, DeadlineAfter(calendar, dispatched_at, Limit("1wd")));

    // Signed in time: the clocks go on, and the card is not yellow the moment it is signed.
    Case signed_in_time = dispatched;
    signed_in_time.state = CaseState::kHandling;
    const Instant signed_at = At(2026, 10, 10, 10);
    PlanDeadlines({limits, calendar}, dispatched, CaseAction::kSign, nullptr, signed_in_time,
                  signed_at);
    EXPECT_EQ(signed_in_time.answer_deadline, dispatched.answer_deadline);
    EXPECT_EQ(signed_in_time.contact_deadline, dispatched.contact_deadline);
    EXPECT_EQ(signed_in_time.deadline_step, DeadlineStep::kContact);
    EXPECT_EQ(signed_in_time.deadline, dispatched.contact_deadline);
    EXPECT_EQ(DeadlineStatusOf(signed_in_time, calendar, signed_at)->warning, Warning::kNormal);

    // Signed seven days late: no fresh five working days; the case is overdue at once.
    Case signed_late = dispatched;
    signed_late.state = CaseState::kHandling;
    signed_late.first_contact_at = At(2026, 10, 12, 9);
    const Instant late = At(2026, 10, 19, 10);
    PlanDeadlines({limits, calendar}, dispatched, CaseAction::kSign, nullptr, signed_late, late);
    EXPECT_EQ(signed_late.answer_deadline, dispatched.answer_deadline);
    EXPECT_EQ(signed_late.deadline, dispatched.answer_deadline);
    EXPECT_EQ(DeadlineStatusOf(signed_late, calendar, late)->warning, Warning::kRed);

    // First contact: the answer deadline becomes the current one.
    Case contacted = signed_in_time;
    contacted.first_contact_at = At(2026, 10, 12, 9);
    PlanDeadlines({limits, calendar}, signed_in_time, CaseAction::kContactReporter, nullptr,
                  contacted, At(2026, 10, 12, 9));
    EXPECT_EQ(contacted.deadline_step, DeadlineStep::kAnswer);
    EXPECT_EQ(contacted.deadline, dispatched.answer_deadline);
}

TEST(CaseDeadlinesTest, SigningNeverPushesTheSignDeadlinePastTheAnswerDeadline) {
    const auto calendar = Calendar2026();
    const auto limits = Defaults();
    Case refused = NormalComplaint();
    refused.state = CaseState::kReturnRequested;
    refused.answer_deadline = At(2026, 11, 2, 10);
    Case again = refused;
    again.state = CaseState::kDispatched;
    PlanDeadlines({limits, calendar}, refused, CaseAction::kRefuseReturn, nullptr, again,
                  At(2026, 11, 2, 9));
    EXPECT_EQ(again.deadline_step, DeadlineStep::kSign);
    EXPECT_EQ(again.deadline, At(2026, 11, 2, 10));  // not 4 working hours on
    EXPECT_EQ(again.answer_deadline, refused.answer_deadline);
}

TEST(CaseDeadlinesTest, NoFirstContactDeadlineForAReporterNobodyCanReach) {
    const auto calendar = Calendar2026();
    const auto limits = Defaults();
    Case anonymous = NormalComplaint();
    anonymous.state = CaseState::kDispatched;
    anonymous.reporter.anonymous = true;
    PlanDeadlines({limits, calendar}, std::nullopt, std::nullopt, nullptr, anonymous,
                  At(2026, 11, 2, 9));
    EXPECT_TRUE(anonymous.answer_deadline.has_value());
    EXPECT_FALSE(anonymous.contact_deadline.has_value());
    // A confidential reporter with a phone is reached through the relay: the step stays.
    Case confidential = NormalComplaint();
    confidential.state = CaseState::kDispatched;
    confidential.reporter.confidential = true;
    confidential.reporter.phone = "13812341234";
    PlanDeadlines({limits, calendar}, std::nullopt, std::nullopt, nullptr, confidential,
                  At(2026, 11, 2, 9));
    EXPECT_TRUE(confidential.contact_deadline.has_value());
}

TEST(CaseDeadlinesTest, AnApprovedExtensionMovesTheAnswerDeadlineByTheDaysGranted) {
    const auto calendar = Calendar2026();
    const auto limits = Defaults();
    Case handling = NormalComplaint();
    handling.state = CaseState::kHandling;
    handling.first_contact_at = At(2026, 11, 2, 9);
    handling.answer_deadline = At(2026, 11, 6, 10);
    PlanDeadlines({limits, calendar}, std::nullopt, std::nullopt, nullptr, handling,
                  At(2026, 11, 2, 9));
    EXPECT_EQ(ExtensionCap(limits, handling, 10), 5);  // the original five working days
    EXPECT_EQ(ExtensionCap(limits, handling, 3), 3);   // or the configured maximum
    Case requested = handling;
    requested.state = CaseState::kExtensionRequested;
    ActionInput request;
    request.extension_days = 4;
    PlanDeadlines({limits, calendar}, handling, CaseAction::kRequestExtension, &request, requested,
                  At(2026, 11, 4, 9));
    EXPECT_EQ(requested.deadline_step, DeadlineStep::kExtensionDecision);
    EXPECT_EQ(requested.requested_extension_days, 4);

    Case approved = requested;
    approved.state = CaseState::kHandling;
    PlanDeadlines({limits, calendar}, requested, CaseAction::kApproveExtension, nullptr, approved,
                  At(2026, 11, 4, 14));
    EXPECT_EQ(approved.answer_deadline, At(2026, 11, 12, 10));  // as asked: +4 working days
    EXPECT_EQ(approved.deadline, approved.answer_deadline);
    EXPECT_EQ(approved.requested_extension_days, 0);

    ActionInput grant;
    grant.granted_days = 2;
    Case cut = requested;
    cut.state = CaseState::kHandling;
    PlanDeadlines({limits, calendar}, requested, CaseAction::kApproveExtension, &grant, cut,
                  At(2026, 11, 4, 14));
    EXPECT_EQ(cut.answer_deadline, At(2026, 11, 10, 10));  // as granted: +2 working days
}

TEST(CaseDeadlinesTest, AStepThatGoesOnKeepsItsDeadlineAndANewHolderRestartsIt) {
    const auto calendar = Calendar2026();
    const auto limits = Defaults();
    Case registered = NormalComplaint();
    registered.state = CaseState::kRegistered;
    PlanDeadlines({limits, calendar}, std::nullopt, std::nullopt, nullptr, registered,
                  At(2026, 11, 2, 9));
    Case accepted = registered;
    accepted.state = CaseState::kRouting;
    PlanDeadlines({limits, calendar}, registered, CaseAction::kAccept, nullptr, accepted,
                  At(2026, 11, 2, 10));
    EXPECT_EQ(accepted.deadline, registered.deadline);
    Case forwarded = accepted;
    forwarded.holder_id = 8;
    PlanDeadlines({limits, calendar}, accepted, CaseAction::kForward, nullptr, forwarded,
                  At(2026, 11, 2, 10));
    EXPECT_EQ(forwarded.deadline, At(2026, 11, 2, 13, 30));  // 90 minutes before lunch, 30 after
    EXPECT_EQ(forwarded.warning_level, 0);
}

TEST(CaseDeadlinesTest, TerminalStatesHaveNoDeadlineAndProvisionalYearsAreFlagged) {
    const auto calendar = Calendar2026();
    const auto limits = Defaults();
    Case c = NormalComplaint();
    c.state = CaseState::kFollowUp;
    PlanDeadlines({limits, calendar}, std::nullopt, std::nullopt, nullptr, c, At(2026, 12, 30, 10));
    EXPECT_EQ(c.deadline, At(2027, 1, 1, 10));  // 2027: weekends only, no notice yet
    EXPECT_TRUE(c.deadline_provisional);
    Case closed = c;
    closed.state = CaseState::kClosed;
    PlanDeadlines({limits, calendar}, c, CaseAction::kFollowUp, nullptr, closed,
                  At(2026, 12, 31, 10));
    EXPECT_FALSE(closed.deadline);
    EXPECT_FALSE(closed.deadline_step);
    EXPECT_FALSE(closed.deadline_provisional);
}

TEST(CaseDeadlinesTest, StatusCountsWorkingTimeLeftAndTheCard) {
    const auto calendar = Calendar2026();
    const auto limits = Defaults();
    Case c = NormalComplaint();
    c.state = CaseState::kAnswered;
    PlanDeadlines({limits, calendar}, std::nullopt, std::nullopt, nullptr, c, At(2026, 9, 30, 10));
    ASSERT_EQ(c.deadline, At(2026, 10, 8, 10));
    const auto early = DeadlineStatusOf(c, calendar, At(2026, 9, 30, 10));
    EXPECT_EQ(early->working_minutes_left, 420);
    // A one-day limit shows yellow in its last fifth, not from its first minute.
    EXPECT_EQ(early->warning, Warning::kNormal);
    EXPECT_EQ(c.yellow_from, At(2026, 10, 8, 8, 36));
    EXPECT_EQ(DeadlineStatusOf(c, calendar, At(2026, 10, 8, 9))->warning, Warning::kYellow);
    const auto late = DeadlineStatusOf(c, calendar, At(2026, 10, 9, 10));
    EXPECT_EQ(late->working_minutes_left, -420);
    EXPECT_EQ(late->warning, Warning::kRed);
}

TEST(WorkCalendarSubtractTest, InvertsAddingAcrossHolidaysAndLunch) {
    const auto calendar = Calendar2026();
    const Instant starts[] = {At(2026, 9, 30, 15), At(2026, 10, 9, 16), At(2026, 11, 27, 11),
                              At(2026, 9, 24, 9)};
    for (const Instant start : starts) {
        for (const std::int64_t minutes : {1, 30, 180, 240, 420, 1000, 2100}) {
            const Instant end = calendar.AddWorkingMinutes(start, minutes);
            EXPECT_EQ(
                calendar.WorkingMinutesBetween(calendar.SubtractWorkingMinutes(end, minutes), end),
                minutes);
        }
    }
    EXPECT_EQ(calendar.SubtractWorkingMinutes(At(2026, 10, 8, 9, 30), 120), At(2026, 9, 30, 16));
}

}  // namespace
}  // namespace minqing::domain
