#include "domain/case_deadlines.hpp"

#include <algorithm>

namespace minqing::domain {
namespace {

// Where no rule covers a step, one working day: a deadline always exists, so lateness is seen.
constexpr TimeLimit kFallback{1, TimeLimit::Unit::kWorkingDays};

TimeLimit LimitFor(const DeadlineRules& rules, const Case& c, DeadlineStep step) {
    return rules.limits.For(c.urgency, c.kind, c.channel, step).value_or(kFallback);
}

// The step a case in `state` waits on; nullopt for terminal states.
std::optional<DeadlineStep> StepOf(const Case& c) {
    switch (c.state) {
        case CaseState::kRegistered:
        case CaseState::kRouting:
            return DeadlineStep::kAccept;
        case CaseState::kDispatched:
            return DeadlineStep::kSign;
        case CaseState::kReturnRequested:
            return DeadlineStep::kReturnDecision;
        case CaseState::kHandling:
            return c.first_contact_at || !c.contact_deadline ||
                           (c.answer_deadline && *c.answer_deadline <= *c.contact_deadline)
                       ? DeadlineStep::kAnswer
                       : DeadlineStep::kContact;
        case CaseState::kExtensionRequested:
            return DeadlineStep::kExtensionDecision;
        case CaseState::kEscalated:
            return DeadlineStep::kInstruction;
        case CaseState::kLongTerm:
            return DeadlineStep::kProgressNote;
        case CaseState::kAnswered:
            return DeadlineStep::kReview;
        case CaseState::kFollowUp:
            return DeadlineStep::kFollowUp;
        case CaseState::kDeclined:
        case CaseState::kMerged:
        case CaseState::kClosed:
        case CaseState::kWithdrawn:
            break;
    }
    return std::nullopt;
}

// Whether the unit can reach the reporter at all: no first-contact deadline is set that its
// holder cannot meet (an anonymous reporter, or one who left no phone). A confidential
// reporter is reached through the platform's relay.
bool Reachable(const Case& c) {
    return !c.reporter.anonymous && !c.reporter.phone.empty();
}

// Starts the handling clocks: first contact and answer, from `now`.
void StartHandling(const DeadlineRules& rules, Case& c, Instant now, bool contact_too) {
    c.answer_deadline =
        DeadlineAfter(rules.calendar, now, LimitFor(rules, c, DeadlineStep::kAnswer));
    if (contact_too && !c.first_contact_at && Reachable(c)) {
        c.contact_deadline =
            DeadlineAfter(rules.calendar, now, LimitFor(rules, c, DeadlineStep::kContact));
    } else if (contact_too) {
        c.contact_deadline.reset();
    }
}

void Clear(Case& c) {
    c.deadline.reset();
    c.deadline_step.reset();
    c.step_started_at.reset();
    c.yellow_from.reset();
    c.deadline_provisional = false;
    c.warning_level = 0;
    c.supervision_level = 0;
}

// Sets `deadline` as the current one, started at `start` under `limit`.
void Begin(const DeadlineRules& rules, Case& c, DeadlineStep step, Instant start, Instant deadline,
           TimeLimit limit) {
    c.deadline = deadline;
    c.deadline_step = step;
    c.step_started_at = start;
    c.yellow_from = YellowFrom(rules.calendar, start, deadline, limit);
    c.deadline_provisional = rules.calendar.IsProvisional(LocalDayOf(deadline));
    c.warning_level = 0;
    c.supervision_level = 0;
}

}  // namespace

int ExtensionCap(const TimeLimitTable& limits, const Case& c, int max_days) {
    const auto original = limits.For(c.urgency, c.kind, c.channel, DeadlineStep::kAnswer);
    int original_days = 1;
    if (original) {
        constexpr std::int64_t kMinutesPerWorkingDay = 7 * 60;
        switch (original->unit) {
            case TimeLimit::Unit::kWorkingDays:
                original_days = static_cast<int>(original->amount);
                break;
            case TimeLimit::Unit::kWorkingMinutes:
                original_days = static_cast<int>((original->amount + kMinutesPerWorkingDay - 1) /
                                                 kMinutesPerWorkingDay);
                break;
            case TimeLimit::Unit::kClockMinutes:
                original_days = static_cast<int>((original->amount + 24 * 60 - 1) / (24 * 60));
                break;
        }
    }
    return std::max(0, std::min(original_days, max_days));
}

namespace {

// The answer (and contact) clocks: started by a dispatch or by handling a case locally,
// restarted by a reopening, moved by a granted extension, stopped while the case is routed.
void PlanAnswerClock(const DeadlineRules& rules, const std::optional<Case>& before,
                     std::optional<CaseAction> action, const ActionInput* input, Case& after,
                     Instant now) {
    if (action == CaseAction::kRequestExtension && input != nullptr) {
        after.requested_extension_days = input->extension_days;
    }
    // The answer clock runs from the dispatch, not from signing: a unit that signs late has
    // used its own time (12345 practice: 办理时限自派单时起算). Each new dispatch to a unit
    // starts it afresh; a refused return goes on with the same one.
    const bool dispatched_now =
        after.state == CaseState::kDispatched &&
        (action == CaseAction::kDispatch || action == CaseAction::kHandover || !before);
    if (dispatched_now) {
        StartHandling(rules, after, now, true);
    }
    if (after.state == CaseState::kRouting) {
        after.answer_deadline.reset();
        after.contact_deadline.reset();
    }
    if (after.state == CaseState::kHandling && action) {
        switch (*action) {
            case CaseAction::kSign:
                if (!after.answer_deadline) {
                    StartHandling(rules, after, now, true);  // dispatched before clocks ran so
                }
                break;
            case CaseAction::kHandleLocally:
                StartHandling(rules, after, now, true);
                break;
            case CaseAction::kReopen:
            case CaseAction::kReturnForRework:
                // WORKFLOW.md: a reopened case gets the original limit, the clock restarted.
                StartHandling(rules, after, now, false);
                break;
            case CaseAction::kApproveExtension:
                if (after.answer_deadline && before) {
                    after.answer_deadline = rules.calendar.AddWorkingDays(
                        *after.answer_deadline,
                        GrantedExtensionDays(*before, input != nullptr ? *input : ActionInput{}));
                }
                after.requested_extension_days = 0;
                break;
            case CaseAction::kRefuseExtension:
                after.requested_extension_days = 0;
                break;
            default:
                break;
        }
    }
    if (after.state == CaseState::kHandling && !after.answer_deadline) {
        // Handling reached some other way (a refused return before signing): the clocks start now.
        StartHandling(rules, after, now, true);
    }
}

// The deadline of the step the case is at now: the contact or answer clock itself, or a step
// limit of its own that runs on while the same holder stays at the same step.
void PlanStepDeadline(const DeadlineRules& rules, const std::optional<Case>& before,
                      std::optional<CaseAction> action, Case& after, Instant now) {
    const auto step = StepOf(after);
    if (!step) {
        Clear(after);
        return;
    }
    if (*step == DeadlineStep::kContact || *step == DeadlineStep::kAnswer) {
        const Instant deadline =
            *step == DeadlineStep::kContact ? *after.contact_deadline : *after.answer_deadline;
        if (after.deadline != deadline || after.deadline_step != step) {
            const Instant start =
                after.deadline_step == step && after.step_started_at ? *after.step_started_at : now;
            Begin(rules, after, *step, start, deadline, LimitFor(rules, after, *step));
        }
        return;
    }
    const bool goes_on =
        before && before->deadline && before->deadline_step == step &&
        before->holder_id == after.holder_id &&
        !(*step == DeadlineStep::kProgressNote && action == CaseAction::kContactReporter);
    if (goes_on) {
        return;
    }
    const TimeLimit limit = LimitFor(rules, after, *step);
    Instant deadline = DeadlineAfter(rules.calendar, now, limit);
    // Signing is a step inside the answer limit, never past it.
    if (*step == DeadlineStep::kSign && after.answer_deadline) {
        deadline = std::min(deadline, *after.answer_deadline);
    }
    Begin(rules, after, *step, now, deadline, limit);
}

}  // namespace

void PlanDeadlines(const DeadlineRules& rules, const std::optional<Case>& before,
                   std::optional<CaseAction> action, const ActionInput* input, Case& after,
                   Instant now) {
    PlanAnswerClock(rules, before, action, input, after, now);
    PlanStepDeadline(rules, before, action, after, now);
}

std::optional<DeadlineStatus> DeadlineStatusOf(const Case& c, const WorkCalendar& calendar,
                                               Instant now) {
    if (!c.deadline || !c.deadline_step) {
        return std::nullopt;
    }
    DeadlineStatus status;
    status.deadline = *c.deadline;
    status.step = *c.deadline_step;
    status.working_minutes_left = calendar.WorkingMinutesBetween(now, *c.deadline);
    status.warning = WarningAt(now, c.yellow_from.value_or(*c.deadline), *c.deadline);
    status.provisional = c.deadline_provisional;
    return status;
}

}  // namespace minqing::domain
