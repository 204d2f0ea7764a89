// What unit assessment (考核) needs from one case's history: each dispatch and whether it was
// signed, returned or recalled, each answer clock and its (extended) deadline, first contact,
// supervision, the close and the reporter's rating, and the intake decision. Read from the
// append-only event log, so a measure can always be traced back to events. Pure; thread-safe.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <vector>

#include "common/clock.hpp"
#include "domain/case.hpp"
#include "domain/case_event.hpp"
#include "domain/supervision.hpp"
#include "domain/work_calendar.hpp"

namespace minqing::domain {

/// One dispatch (分转/派单) of the case: to a member unit, which must sign for it, or to an
/// office below, which routes it on.
struct DispatchFacts {
    OrgUnitId unit_id = 0;
    /// The office that dispatched it; none when the case arrived dispatched (a direct card).
    std::optional<OrgUnitId> dispatcher_id;
    Instant at{};
    /// A member unit that must sign; false for a dispatch to an office below (no signing).
    bool must_sign = true;
    std::optional<Instant> signed_at;
    std::optional<UserId> signed_by;
    /// The sign deadline when known: supplied by the caller (FactsContext::sign_deadline) or
    /// read from the sweep's supervision of step "sign" during this dispatch. The log does
    /// not record it otherwise.
    std::optional<Instant> sign_deadline;
    /// The caller supplied sign_deadline (for every dispatch), rather than the sweep (for the
    /// late ones only).
    bool sign_deadline_supplied = false;
    /// The sweep supervised step "sign" while this dispatch waited: the red card of a late
    /// signing (the sweep raises 催办 when it shows the red card).
    bool sign_overdue = false;
    bool return_requested = false;
    bool return_refused = false;
    bool return_approved = false;
    /// Recalled (撤回) by the office, to be sent elsewhere: the dispatch was redirected.
    bool recalled = false;
    int extensions_approved = 0;
};

/// Why an answer clock started.
enum class ClockStart { kDispatch, kHandledLocally, kReopen, kRework };
/// How the case left a unit before it answered: a return the office approved, or a recall.
enum class TakenAway { kNo, kReturned, kRecalled };

/// One run of the answer clock (办理时限) for the unit leading the case then: it starts at a
/// dispatch, local handling, a reopen or a return for rework, and ends with an answer, or
/// with the case taken away (return approved, recall).
struct AnswerClock {
    OrgUnitId unit_id = 0;
    ClockStart start = ClockStart::kDispatch;
    Instant started_at{};
    /// When the unit signed (dispatches) or began (other starts): handling time runs from it.
    std::optional<Instant> signed_at;
    /// The answer deadline in force, extensions included (the events' answer_deadline); for a
    /// long-term commitment (承诺办理), the committed date, which the unit is then held to.
    std::optional<Instant> deadline;
    bool long_term = false;
    int extensions_approved = 0;
    /// The first answer that left the unit (state answered) on this clock.
    std::optional<Instant> answered_at;
    /// answered_at − signed_at in hundredths of a working day, when a calendar was given.
    std::optional<std::int64_t> handling_centidays;
    /// The case was taken away before an answer: not this unit's answer to count.
    TakenAway taken_away = TakenAway::kNo;
};

struct ContactFacts {
    std::optional<Instant> first_at;
    std::optional<OrgUnitId> first_by_unit;
    /// Supplied by the caller, else read from the sweep's supervision of step "contact", else
    /// the case's own contact_deadline (kept while the unit handles it).
    std::optional<Instant> deadline;
    /// The sweep supervised step "contact": first contact came late or never.
    bool overdue = false;
    /// A reporter the unit can call (not anonymous, a phone left): else no contact is owed.
    bool reachable = true;
};

struct ExtensionFacts {
    Instant at{};
    OrgUnitId unit_id = 0;
    std::int64_t granted_days = 0;
    std::optional<Instant> new_deadline;
};

struct ReopenFacts {
    Instant at{};
    OrgUnitId unit_id = 0;  // the lead unit it went back to
};

/// A 催办/督办/通报 on the case, by the sweep or by hand, and the holder it was addressed to.
struct SupervisionFacts {
    Instant at{};
    OrgUnitId unit_id = 0;
    SupervisionLevel level = SupervisionLevel::kReminder;
    bool automatic = false;
    std::optional<DeadlineStep> step;
    std::optional<Instant> step_deadline;
};

struct CloseFacts {
    Instant at{};
    /// The unit whose answer closed it (the lead unit of the last answer clock).
    OrgUnitId lead_unit_id = 0;
    /// The unit of the staff member who closed it.
    std::optional<OrgUnitId> closed_by_unit;
    std::optional<AnswerResult> result;
    std::optional<Satisfaction> satisfaction;
    std::optional<bool> solved;
    std::optional<bool> contacted;
    bool unreachable = false;
    /// The receiving community/office handled it itself (自办) and closed it: direct resolution.
    std::optional<OrgUnitId> direct_by;
};

/// How the receiving office decided on the report.
enum class IntakeDecision { kPending, kAccepted, kDeclined, kMerged, kWithdrawn };

struct IntakeFacts {
    Channel channel = Channel::kWalkIn;
    CaseKind kind = CaseKind::kOther;
    UserId created_by = 0;
    Instant created_at{};
    OrgUnitId receiving_office_id = 0;
    IntakeDecision decision = IntakeDecision::kPending;
    std::optional<Instant> decided_at;
    /// The office that decided (the holder when it accepted, declined or merged).
    std::optional<OrgUnitId> decided_by;
    /// merged: the master case (a repeat request).
    std::optional<CaseId> master_case_id;
};

struct CaseFacts {
    CaseId case_id = 0;
    IntakeFacts intake;
    std::vector<DispatchFacts> dispatches;
    std::vector<AnswerClock> clocks;
    ContactFacts contact;
    std::vector<ExtensionFacts> extensions;
    std::vector<Instant> escalations;
    std::vector<ReopenFacts> reopens;
    std::vector<SupervisionFacts> supervisions;
    /// The last close (a reopened case may close again).
    std::optional<CloseFacts> close;
    /// The unit leading it last (the last answer clock's), if any.
    std::optional<OrgUnitId> lead_unit_id;
};

/// What the log does not hold and the caller may supply. Every member is optional.
struct FactsContext {
    /// Turns answer − sign into working days (AnswerClock::handling_centidays).
    const WorkCalendar* calendar = nullptr;
    /// The sign deadline of a dispatch (e.g. PlanDeadlines on the time rules in force).
    std::function<std::optional<Instant>(const Case&, const DispatchFacts&)> sign_deadline;
    /// The first-contact deadline, from when handling started.
    std::function<std::optional<Instant>(const Case&, Instant)> contact_deadline;
};

/// The facts of case `c` from its `events`, oldest first (events of other cases are a caller
/// bug and are ignored). Never fails: an action it does not know adds nothing.
///
/// Signing timeliness: the log records no sign deadline, so a dispatch is late when the
/// caller's deadline (or the one the sweep's "sign" supervision names) passed before it was
/// signed, or when the sweep supervised step "sign" during it (its red card). Without either,
/// a signed dispatch counts as on time: the sweep is the log's only witness, late by at most
/// its interval.
CaseFacts FactsOf(const Case& c, const std::vector<CaseEvent>& events,
                  const FactsContext& context = {});

std::string_view IntakeDecisionName(IntakeDecision decision);

}  // namespace minqing::domain
