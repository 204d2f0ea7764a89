#include "domain/assessment_facts.hpp"

#include <string_view>

#include "domain/workflow.hpp"

namespace minqing::domain {
namespace {

constexpr std::string_view kCreate = "create";

// Hundredths of a working day: average handling time stays an integer sum over cases.
constexpr std::int64_t kCentiPerDay = 100;

// What the walk over the log carries from one event to the next.
struct Walk {
    const Case& c;
    const FactsContext& context;
    CaseFacts facts;
    OrgUnitId holder = 0;
    std::optional<AnswerResult> result;

    DispatchFacts* Dispatch() {
        return facts.dispatches.empty() ? nullptr : &facts.dispatches.back();
    }
    AnswerClock* Clock() { return facts.clocks.empty() ? nullptr : &facts.clocks.back(); }
};

void StartClock(Walk& walk, const CaseEvent& event, OrgUnitId unit, ClockStart start) {
    AnswerClock clock;
    clock.unit_id = unit;
    clock.start = start;
    clock.started_at = event.at;
    // Only a dispatch waits for a signature; local handling, reopens and rework start at once.
    if (start != ClockStart::kDispatch) {
        clock.signed_at = event.at;
    }
    walk.facts.clocks.push_back(clock);
}

void AddDispatch(Walk& walk, const CaseEvent& event, OrgUnitId unit,
                 std::optional<OrgUnitId> dispatcher) {
    DispatchFacts dispatch;
    dispatch.unit_id = unit;
    dispatch.dispatcher_id = dispatcher;
    dispatch.at = event.at;
    dispatch.must_sign = event.to_state == CaseState::kDispatched;
    if (dispatch.must_sign && walk.context.sign_deadline) {
        dispatch.sign_deadline = walk.context.sign_deadline(walk.c, dispatch);
        dispatch.sign_deadline_supplied = dispatch.sign_deadline.has_value();
    }
    walk.facts.dispatches.push_back(dispatch);
    if (dispatch.must_sign) {
        StartClock(walk, event, unit, ClockStart::kDispatch);
    }
}

void TakeAway(Walk& walk, bool approved_return) {
    if (DispatchFacts* dispatch = walk.Dispatch()) {
        (approved_return ? dispatch->return_approved : dispatch->recalled) = true;
    }
    AnswerClock* clock = walk.Clock();
    if (clock != nullptr && !clock->answered_at) {
        clock->taken_away = approved_return ? TakenAway::kReturned : TakenAway::kRecalled;
    }
}

void Sign(Walk& walk, const CaseEvent& event) {
    DispatchFacts* dispatch = walk.Dispatch();
    if (dispatch != nullptr && !dispatch->signed_at) {
        dispatch->signed_at = event.at;
        dispatch->signed_by = event.actor_id;
    }
    AnswerClock* clock = walk.Clock();
    if (clock != nullptr && !clock->signed_at) {
        clock->signed_at = event.at;
    }
}

void Contact(Walk& walk, const CaseEvent& event) {
    if (walk.facts.contact.first_at) {
        return;
    }
    walk.facts.contact.first_at = event.at;
    walk.facts.contact.first_by_unit = event.actor_unit_id;
}

void ApproveExtension(Walk& walk, const CaseEvent& event) {
    ExtensionFacts extension;
    extension.at = event.at;
    extension.unit_id = walk.holder;
    extension.granted_days = event.payload.granted_days.value_or(0);
    extension.new_deadline = event.payload.answer_deadline;
    walk.facts.extensions.push_back(extension);
    if (DispatchFacts* dispatch = walk.Dispatch()) {
        ++dispatch->extensions_approved;
    }
    if (AnswerClock* clock = walk.Clock()) {
        ++clock->extensions_approved;
    }
}

void Supervise(Walk& walk, const CaseEvent& event) {
    const CaseEventPayload& p = event.payload;
    SupervisionFacts supervision;
    supervision.at = event.at;
    supervision.unit_id = p.holder_id.value_or(walk.holder);
    supervision.level = *p.level;
    supervision.automatic = p.automatic.value_or(false);
    supervision.step = p.step;
    supervision.step_deadline = p.step_deadline;
    walk.facts.supervisions.push_back(supervision);
    DispatchFacts* dispatch = walk.Dispatch();
    if (p.step == DeadlineStep::kSign && dispatch != nullptr && !dispatch->signed_at) {
        dispatch->sign_overdue = true;
        if (!dispatch->sign_deadline) {
            dispatch->sign_deadline = p.step_deadline;
        }
    }
    if (p.step == DeadlineStep::kContact) {
        walk.facts.contact.overdue = true;
        if (!walk.facts.contact.deadline) {
            walk.facts.contact.deadline = p.step_deadline;
        }
    }
}

void Answered(Walk& walk, const CaseEvent& event) {
    AnswerClock* clock = walk.Clock();
    if (clock == nullptr || clock->answered_at) {
        return;
    }
    clock->answered_at = event.at;
    if (walk.context.calendar != nullptr && clock->signed_at) {
        const std::int64_t minutes =
            walk.context.calendar->WorkingMinutesBetween(*clock->signed_at, event.at);
        const std::int64_t per_day = walk.context.calendar->hours().MinutesPerDay();
        // Rounded to the nearest hundredth, so sums over cases do not drift.
        clock->handling_centidays = (minutes * kCentiPerDay + per_day / 2) / per_day;
    }
}

void FollowUp(const CaseEvent& event, CloseFacts& rating) {
    const CaseEventPayload& p = event.payload;
    if (p.satisfaction) {
        rating.satisfaction = p.satisfaction;
    }
    if (p.solved) {
        rating.solved = p.solved;
    }
    if (p.contacted) {
        rating.contacted = p.contacted;
    }
    rating.unreachable = p.unreachable.value_or(false);
}

// Direct resolution: the answer that closed the case came from an office handling it itself
// (自办), with no dispatch to a unit since.
std::optional<OrgUnitId> DirectlyBy(const std::vector<AnswerClock>& clocks) {
    for (auto it = clocks.rbegin(); it != clocks.rend(); ++it) {
        if (it->start == ClockStart::kDispatch) {
            return std::nullopt;
        }
        if (it->start == ClockStart::kHandledLocally && it->unit_id == clocks.back().unit_id) {
            return it->unit_id;
        }
    }
    return std::nullopt;
}

void Close(Walk& walk, const CaseEvent& event, const CloseFacts& rating) {
    CloseFacts close = rating;
    close.at = event.at;
    close.closed_by_unit = event.actor_unit_id;
    close.result = walk.result;
    const AnswerClock* clock = walk.Clock();
    close.lead_unit_id = clock != nullptr ? clock->unit_id : walk.holder;
    close.direct_by = DirectlyBy(walk.facts.clocks);
    walk.facts.close = close;
}

void Decide(Walk& walk, const CaseEvent& event, IntakeDecision decision, OrgUnitId by) {
    IntakeFacts& intake = walk.facts.intake;
    if (intake.decision != IntakeDecision::kPending) {
        return;
    }
    intake.decision = decision;
    intake.decided_at = event.at;
    intake.decided_by = by;
    if (decision == IntakeDecision::kMerged) {
        intake.master_case_id = event.payload.master_case_id;
    }
}

// The workflow actions that move the case between units or clocks.
void Route(Walk& walk, const CaseEvent& event, std::optional<CaseAction> action, OrgUnitId before) {
    const CaseEventPayload& p = event.payload;
    const bool created = event.action == kCreate;
    if (created && event.to_state == CaseState::kDispatched) {
        AddDispatch(walk, event, p.holder_id.value_or(walk.c.holder_id), std::nullopt);
    } else if (created && event.to_state == CaseState::kAnswered) {
        // Solved on the spot by the grid (registered → answered): the receiving office's own
        // case, accepted and answered as it was recorded.
        Decide(walk, event, IntakeDecision::kAccepted, walk.holder);
        StartClock(walk, event, walk.holder, ClockStart::kHandledLocally);
        walk.facts.clocks.back().deadline = event.at;
        walk.result = AnswerResult::kSolved;  // what intake records for such a case
    } else if (action == CaseAction::kDispatch || action == CaseAction::kHandover) {
        AddDispatch(walk, event, p.target_id.value_or(p.holder_id.value_or(0)), before);
    } else if (action == CaseAction::kHandleLocally) {
        StartClock(walk, event, before, ClockStart::kHandledLocally);
    } else if (action == CaseAction::kRecall) {
        TakeAway(walk, false);
    } else if (action == CaseAction::kApproveReturn) {
        TakeAway(walk, true);
    } else if (action == CaseAction::kReopen) {
        walk.facts.reopens.push_back({event.at, p.holder_id.value_or(before)});
        StartClock(walk, event, p.holder_id.value_or(before), ClockStart::kReopen);
    } else if (action == CaseAction::kReturnForRework) {
        const AnswerClock* clock = walk.Clock();
        StartClock(walk, event, clock != nullptr ? clock->unit_id : walk.holder,
                   ClockStart::kRework);
    }
}

void Read(Walk& walk, const CaseEvent& event, CloseFacts& rating) {
    // Workflow actions by their enumeration; "create" and the sweep's events are none of them.
    const std::optional<CaseAction> action = ParseCaseAction(event.action);
    const OrgUnitId before = walk.holder;
    if (event.payload.holder_id) {
        walk.holder = *event.payload.holder_id;
    }
    Route(walk, event, action, before);
    DispatchFacts* dispatch = walk.Dispatch();
    if (action == CaseAction::kAccept) {
        Decide(walk, event, IntakeDecision::kAccepted, before);
    } else if (action == CaseAction::kDecline) {
        Decide(walk, event, IntakeDecision::kDeclined, before);
    } else if (action == CaseAction::kMerge) {
        Decide(walk, event, IntakeDecision::kMerged, before);
    } else if (action == CaseAction::kWithdraw) {
        Decide(walk, event, IntakeDecision::kWithdrawn, before);
    } else if (action == CaseAction::kSign) {
        Sign(walk, event);
    } else if (action == CaseAction::kRequestReturn && dispatch != nullptr) {
        dispatch->return_requested = true;
    } else if (action == CaseAction::kRefuseReturn && dispatch != nullptr) {
        dispatch->return_refused = true;
    } else if (action == CaseAction::kContactReporter) {
        Contact(walk, event);
    } else if (action == CaseAction::kApproveExtension) {
        ApproveExtension(walk, event);
    } else if (action == CaseAction::kEscalate) {
        walk.facts.escalations.push_back(event.at);
    } else if (action == CaseAction::kFollowUp) {
        FollowUp(event, rating);
    }
    if (event.payload.level) {
        Supervise(walk, event);
    }
    if (event.payload.result) {
        walk.result = event.payload.result;
    }
    // The deadline in force: dispatch, reopen and rework set it; an approved extension moves it.
    AnswerClock* clock = walk.Clock();
    if (event.payload.answer_deadline && clock != nullptr && !clock->answered_at) {
        clock->deadline = event.payload.answer_deadline;
    }
    if (action == CaseAction::kCommitLongTerm && event.payload.committed_date && clock != nullptr &&
        !clock->answered_at) {
        clock->deadline = event.payload.committed_date;
        clock->long_term = true;
    }
    if (event.to_state == CaseState::kAnswered && event.from_state != CaseState::kAnswered) {
        Answered(walk, event);
    }
    if (event.to_state == CaseState::kClosed && event.from_state != CaseState::kClosed) {
        Close(walk, event, rating);
    }
}

}  // namespace

CaseFacts FactsOf(const Case& c, const std::vector<CaseEvent>& events,
                  const FactsContext& context) {
    Walk walk{c, context, {}, c.receiving_office_id, std::nullopt};
    CaseFacts& facts = walk.facts;
    facts.case_id = c.id;
    facts.intake.channel = c.channel;
    facts.intake.kind = c.kind;
    facts.intake.created_by = c.created_by;
    facts.intake.created_at = c.created_at;
    facts.intake.receiving_office_id = c.receiving_office_id;
    facts.contact.reachable = !c.reporter.anonymous && !c.reporter.phone.empty();
    CloseFacts rating;
    for (const CaseEvent& event : events) {
        if (event.case_id == c.id) {
            Read(walk, event, rating);
        }
    }
    if (!facts.contact.deadline) {
        const AnswerClock* first = facts.clocks.empty() ? nullptr : &facts.clocks.front();
        if (context.contact_deadline && first != nullptr) {
            facts.contact.deadline = context.contact_deadline(c, first->started_at);
        } else {
            facts.contact.deadline = c.contact_deadline;
        }
    }
    if (!facts.clocks.empty()) {
        facts.lead_unit_id = facts.clocks.back().unit_id;
    }
    return facts;
}

std::string_view IntakeDecisionName(IntakeDecision decision) {
    switch (decision) {
        case IntakeDecision::kPending:
            return "pending";
        case IntakeDecision::kAccepted:
            return "accepted";
        case IntakeDecision::kDeclined:
            return "declined";
        case IntakeDecision::kMerged:
            return "merged";
        case IntakeDecision::kWithdrawn:
            return "withdrawn";
    }
    return "pending";
}

}  // namespace minqing::domain
