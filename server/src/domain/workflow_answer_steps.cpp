// The steps after a unit has the case: passing it to a section or 承办人, its answer and the
// unit leader's sign-off, the office's review, the follow-up with the reporter, reopening,
// closing and withdrawal.
#include <utility>

#include "domain/workflow_steps.hpp"

namespace minqing::domain {
namespace {

bool CountsAsSatisfied(Satisfaction satisfaction) {
    return satisfaction == Satisfaction::kVerySatisfied ||
           satisfaction == Satisfaction::kSatisfied ||
           satisfaction == Satisfaction::kBasicallySatisfied;
}

}  // namespace

Result<Case> Answer(const Step& step) {
    FieldErrors errors;
    errors.RequirePresent(kResultField, step.input.result);
    errors.RequireText(kAnswerTextField, step.input.answer_text);
    // A refusal must say which law or policy stands in the way.
    if (step.input.result == AnswerResult::kCannotBeDone) {
        errors.RequireText(kLegalBasisField, step.input.legal_basis);
    }
    if (auto failed = errors.Failure()) {
        return Fail(std::move(*failed));
    }
    // A 承办人's answer stays in the unit until its 分管领导 signs it; the leader's own goes out.
    const bool needs_leader = step.input.unit_approval_required &&
                              !step.actor.test(static_cast<std::size_t>(Relation::kUnitLeader));
    Case next = Moved(step, needs_leader ? step.before.state : CaseState::kAnswered);
    next.result = step.input.result;
    next.answer_text = step.input.answer_text;
    next.answer_legal_basis = step.input.legal_basis;
    next.unit_review_pending = needs_leader;
    return next;
}

Result<Case> ApproveUnitAnswer(const Step& step) {
    Case next = Moved(step, CaseState::kAnswered);
    next.unit_review_pending = false;
    return next;
}

Result<Case> RejectUnitAnswer(const Step& step) {
    if (auto missing = MissingReason(step)) {
        return Fail(std::move(*missing));
    }
    Case next = step.before;
    next.unit_review_pending = false;
    next.result.reset();
    next.answer_text.clear();
    next.answer_legal_basis.clear();
    return next;
}

Result<Case> Assign(const Step& step) {
    FieldErrors errors;
    if (!step.input.target && !step.input.assignee_user_id) {
        errors.Add(kTargetIdField, "required", "Name a section, a 承办人 or both.");
    }
    if (auto failed = errors.Failure()) {
        return Fail(std::move(*failed));
    }
    const OrgUnit& holder = HolderOf(step);
    if (step.input.target) {
        const OrgUnit& section = *step.input.target;
        if (section.kind != OrgKind::kSection || !section.active || !IsWithin(holder, section)) {
            FieldErrors bad;
            bad.Add(kTargetIdField, kBadTarget, "Pass it to a section of the holding unit.");
            return Fail(*bad.TargetFailure());
        }
    }
    Case next = step.before;
    next.assignee_unit_id = step.input.target ? std::optional(step.input.target->id) : std::nullopt;
    next.assignee_user_id = step.input.assignee_user_id;
    return next;
}

Result<Case> ApproveAnswer(const Step& step) {
    Case next = Moved(step, CaseState::kFollowUp);
    next.follow_up_attempts = 0;
    return next;
}

Result<Case> ReturnForRework(const Step& step) {
    if (auto missing = MissingReason(step)) {
        return Fail(std::move(*missing));
    }
    Case next = Moved(step, CaseState::kHandling);
    next.result.reset();
    next.answer_legal_basis.clear();
    return next;
}

Result<Case> FollowUp(const Step& step) {
    FieldErrors errors;
    if (!step.input.unreachable) {
        errors.RequirePresent(kSatisfactionField, step.input.satisfaction);
    }
    if (auto failed = errors.Failure()) {
        return Fail(std::move(*failed));
    }
    Case next = step.before;
    next.follow_up_attempts = step.input.follow_up_attempts > 0
                                  ? step.input.follow_up_attempts
                                  : step.before.follow_up_attempts + 1;
    // An unsatisfied reporter keeps the case open: the office decides to reopen or close.
    const bool finished = step.input.unreachable
                              ? next.follow_up_attempts >= step.limits.max_follow_up_attempts
                              : CountsAsSatisfied(*step.input.satisfaction);
    if (!step.input.unreachable) {
        next.satisfaction = step.input.satisfaction;
    }
    if (finished) {
        next.state = CaseState::kClosed;
        next.closed_at = step.now;
    }
    return next;
}

Result<Case> Reopen(const Step& step) {
    if (auto missing = MissingReason(step)) {
        return Fail(std::move(*missing));
    }
    Case next = Moved(step, CaseState::kHandling);
    ++next.reopen_count;
    next.holder_id = step.before.lead_unit_id.value_or(step.before.holder_id);
    next.result.reset();
    next.satisfaction.reset();
    next.closed_at.reset();
    return next;
}

Result<Case> Close(const Step& step) {
    Case next = Moved(step, CaseState::kClosed);
    next.closed_at = step.now;
    return next;
}

Result<Case> Withdraw(const Step& step) {
    if (auto missing = MissingReason(step)) {
        return Fail(std::move(*missing));
    }
    return Moved(step, CaseState::kWithdrawn);
}

}  // namespace minqing::domain
