#include "domain/workflow_steps.hpp"

#include <algorithm>
#include <cstddef>
#include <stdexcept>
#include <utility>

#include "text/text_checks.hpp"

namespace minqing::domain {
namespace {

constexpr std::string_view kHotlineUnitType = "hotline";

bool IsMemberUnit(const OrgUnit& unit) {
    return unit.kind == OrgKind::kUnit || unit.kind == OrgKind::kSection;
}

// Forwarding (上报) goes to any office above the holder in its own line: the city document
// lets a community report "按照管理权限，分别上报至街道、区、市".
bool MayForwardTo(const OrgUnit& holder, const OrgUnit& target) {
    return IsOffice(holder) && IsOffice(target) && target.active && target.id != holder.id &&
           IsWithin(target, holder);
}

// A city office may dispatch to city and district units, a district office to its district's
// units; streets and communities have no units and forward instead.
bool MayDispatchToUnit(const OrgUnit& holder, const OrgUnit& target) {
    const bool level_fits = target.level == holder.level || (holder.level == OrgLevel::kCity &&
                                                             target.level == OrgLevel::kDistrict);
    return IsOffice(holder) && IsMemberUnit(target) && target.active && level_fits &&
           IsWithin(holder, target);
}

// Down to a street or community office below; grids have no office to route a case.
bool MayDispatchToOffice(const OrgUnit& holder, const OrgUnit& target) {
    return IsOffice(holder) && IsOffice(target) && target.active && IsWithin(holder, target) &&
           target.id != holder.id && target.level != OrgLevel::kGrid;
}

void CheckAssisting(const std::vector<OrgUnit>& assisting, const OrgUnit& lead, FieldErrors& bad) {
    for (std::size_t i = 0; i < assisting.size(); ++i) {
        const OrgUnit& unit = assisting[i];
        const bool repeated =
            std::any_of(assisting.begin(), assisting.begin() + static_cast<std::ptrdiff_t>(i),
                        [&](const OrgUnit& earlier) { return earlier.id == unit.id; });
        if (!IsMemberUnit(unit) || !unit.active || unit.id == lead.id || repeated) {
            bad.Add(kAssistingIdsField, kBadTarget,
                    "Assisting units must be distinct member units other than the lead unit.");
            return;
        }
    }
}

void ClearUnits(Case& next) {
    next.lead_unit_id.reset();
    next.assisting_unit_ids.clear();
}

// Returns and recalls go back to whoever dispatched; a case that arrived dispatched without
// a recorded dispatcher (a direct card) goes back to the office that registered it.
OrgUnitId DispatcherOrReceiver(const Case& current) {
    return current.dispatcher_id.value_or(current.receiving_office_id);
}

Result<Case> Accept(const Step& step) {
    return Moved(step, CaseState::kRouting);
}

Result<Case> Decline(const Step& step) {
    if (auto missing = MissingTexts(
            {{kReasonField, step.input.reason}, {kLegalBasisField, step.input.legal_basis}})) {
        return Fail(std::move(*missing));
    }
    return Moved(step, CaseState::kDeclined);
}

Result<Case> Merge(const Step& step) {
    FieldErrors errors;
    errors.RequirePresent(kMasterCaseIdField, step.input.master_case_id);
    if (step.input.master_case_id &&
        (*step.input.master_case_id <= 0 || *step.input.master_case_id == step.before.id)) {
        errors.Add(kMasterCaseIdField, "invalid", "The master case must be another case.");
    }
    if (auto failed = errors.Failure()) {
        return Fail(std::move(*failed));
    }
    // Unlike cases are merged only on purpose: the office confirms what differs.
    if (step.input.master && !step.input.confirm) {
        const Case& master = *step.input.master;
        std::string differs;
        if (master.category_code != step.before.category_code) {
            differs = "category";
        }
        if (master.origin_id != step.before.origin_id) {
            differs += differs.empty() ? "place" : " and place";
        }
        if (!differs.empty()) {
            return Fail(Conflict("case.merge_unconfirmed",
                                 "The master case differs in " + differs +
                                     "; send confirm: true to merge all the same."));
        }
    }
    Case next = Moved(step, CaseState::kMerged);
    next.master_case_id = step.input.master_case_id;
    return next;
}

Result<Case> Forward(const Step& step) {
    FieldErrors errors;
    errors.RequirePresent(kTargetIdField, step.input.target);
    if (auto failed = errors.Failure()) {
        return Fail(std::move(*failed));
    }
    const OrgUnit& holder = HolderOf(step);
    const OrgUnit& target = *step.input.target;
    if (!MayForwardTo(holder, target)) {
        FieldErrors bad;
        bad.Add(kTargetIdField, kBadTarget,
                "Forward to an office above the holder, in its own line.");
        return Fail(*bad.TargetFailure());
    }
    Case next = Moved(step, CaseState::kRouting);
    next.holder_id = target.id;
    return next;
}

Result<Case> Dispatch(const Step& step) {
    FieldErrors errors;
    errors.RequirePresent(kTargetIdField, step.input.target);
    errors.RequirePresent(kMethodField, step.input.method);
    if (auto failed = errors.Failure()) {
        return Fail(std::move(*failed));
    }
    const OrgUnit& holder = HolderOf(step);
    const OrgUnit& target = *step.input.target;
    FieldErrors bad;
    Case next = step.before;
    next.dispatcher_id = holder.id;
    next.holder_id = target.id;
    if (IsMemberUnit(target)) {
        if (!MayDispatchToUnit(holder, target)) {
            bad.Add(kTargetIdField, kBadTarget,
                    "Units may be dispatched to by an office of their level (or the city).");
        }
        CheckAssisting(step.input.assisting, target, bad);
        if (auto failed = bad.TargetFailure()) {
            return Fail(std::move(*failed));
        }
        next.state = CaseState::kDispatched;
        next.lead_unit_id = target.id;
        next.assisting_unit_ids.clear();
        for (const OrgUnit& unit : step.input.assisting) {
            next.assisting_unit_ids.push_back(unit.id);
        }
        return next;
    }
    if (!MayDispatchToOffice(holder, target)) {
        bad.Add(kTargetIdField, kBadTarget,
                "Dispatch to a member unit or to an office below the holder.");
    }
    // Joint handling is organised with a lead unit; an office below has none yet.
    if (!step.input.assisting.empty()) {
        bad.Add(kAssistingIdsField, kBadTarget, "Assisting units need a lead unit.");
    }
    if (auto failed = bad.TargetFailure()) {
        return Fail(std::move(*failed));
    }
    next.state = CaseState::kRouting;
    ClearUnits(next);
    return next;
}

Result<Case> HandleLocally(const Step& step) {
    const OrgUnit& holder = HolderOf(step);
    Case next = Moved(step, CaseState::kHandling);
    // The office is its own lead unit and, as dispatcher, reviews its own answer.
    next.lead_unit_id = holder.id;
    next.dispatcher_id = holder.id;
    next.assisting_unit_ids.clear();
    return next;
}

Result<Case> Recall(const Step& step) {
    Case next = Moved(step, CaseState::kRouting);
    next.holder_id = DispatcherOrReceiver(step.before);
    ClearUnits(next);
    return next;
}

Result<Case> Sign(const Step& step) {
    return Moved(step, CaseState::kHandling);
}

Result<Case> RequestReturn(const Step& step) {
    if (auto missing = MissingTexts(
            {{kReasonField, step.input.reason}, {kLegalBasisField, step.input.legal_basis}})) {
        return Fail(std::move(*missing));
    }
    return Moved(step, CaseState::kReturnRequested);
}

Result<Case> ApproveReturn(const Step& step) {
    Case next = Moved(step, CaseState::kRouting);
    next.holder_id = DispatcherOrReceiver(step.before);
    ClearUnits(next);
    return next;
}

Result<Case> RefuseReturn(const Step& step) {
    if (auto missing = MissingReason(step)) {
        return Fail(std::move(*missing));
    }
    return Moved(step, CaseState::kDispatched);
}

Result<Case> ContactReporter(const Step& step) {
    FieldErrors errors;
    const Reporter& reporter = step.before.reporter;
    if (step.input.relay_message.empty()) {
        errors.RequireText(kNoteField, step.input.note);
    } else if (!reporter.confidential || reporter.anonymous || reporter.phone.empty()) {
        // The relay exists for the unit that may not see the number; others call themselves.
        errors.Add(kRelayMessageField, "invalid",
                   "Messages are relayed only to a confidential reporter who left a phone.");
    } else if (auto reason =
                   text::CheckText(step.input.relay_message, kMaxRelayCharacters, true, true)) {
        errors.Add(kRelayMessageField, *reason, "At most 200 characters, sent as one SMS text.");
    }
    if (auto failed = errors.Failure()) {
        return Fail(std::move(*failed));
    }
    Case next = step.before;
    if (!next.first_contact_at) {
        next.first_contact_at = step.now;
    }
    return next;
}

Result<Case> RequestExtension(const Step& step) {
    FieldErrors errors;
    errors.RequireText(kReasonField, step.input.reason);
    if (step.input.extension_days == 0) {
        errors.Add(kExtensionDaysField, "required", "This field is required.");
    } else if (step.input.extension_days < 0 ||
               step.input.extension_days > step.limits.max_extension_days) {
        errors.Add(kExtensionDaysField, "out_of_range",
                   "At most " + std::to_string(step.limits.max_extension_days) +
                       " working days for this case (one extension, at most its original limit).");
    }
    if (auto failed = errors.Failure()) {
        return Fail(std::move(*failed));
    }
    Case next = Moved(step, CaseState::kExtensionRequested);
    next.requested_extension_days = step.input.extension_days;
    return next;
}

Result<Case> ApproveExtension(const Step& step) {
    const int granted = GrantedExtensionDays(step.before, step.input);
    if (granted < 1 || granted > step.limits.max_extension_days) {
        FieldErrors errors;
        errors.Add(kGrantedDaysField, "out_of_range",
                   "Grant 1 to " + std::to_string(step.limits.max_extension_days) +
                       " working days for this case.");
        return Fail(*errors.Failure());
    }
    Case next = Moved(step, CaseState::kHandling);
    ++next.extension_count;
    next.requested_extension_days = 0;
    return next;
}

Result<Case> RefuseExtension(const Step& step) {
    if (auto missing = MissingReason(step)) {
        return Fail(std::move(*missing));
    }
    Case next = Moved(step, CaseState::kHandling);
    next.requested_extension_days = 0;
    return next;
}

Result<Case> Escalate(const Step& step) {
    FieldErrors errors;
    errors.RequirePresent(kTargetIdField, step.input.target);
    if (auto failed = errors.Failure()) {
        return Fail(std::move(*failed));
    }
    const OrgUnit& target = *step.input.target;
    // Leaders in charge sit at city and district level only.
    if (!IsOffice(target) || !target.active ||
        (target.level != OrgLevel::kCity && target.level != OrgLevel::kDistrict)) {
        FieldErrors bad;
        bad.Add(kTargetIdField, kBadTarget, "Escalate to a city or district leader's node.");
        return Fail(*bad.TargetFailure());
    }
    Case next = Moved(step, CaseState::kEscalated);
    next.escalated_to_id = target.id;
    next.escalated_from = step.before.state;
    return next;
}

Result<Case> Instruct(const Step& step) {
    FieldErrors errors;
    errors.RequireText(kNoteField, step.input.note);
    if (auto failed = errors.Failure()) {
        return Fail(std::move(*failed));
    }
    Case next = Moved(step, step.before.escalated_from.value_or(CaseState::kHandling));
    next.escalated_from.reset();
    return next;
}

Result<Case> CommitLongTerm(const Step& step) {
    FieldErrors errors;
    errors.RequireText(kReasonField, step.input.reason);
    errors.RequirePresent(kCommittedDateField, step.input.committed_date);
    if (step.input.committed_date &&
        (*step.input.committed_date <= step.now ||
         *step.input.committed_date > step.now + step.limits.max_long_term)) {
        errors.Add(kCommittedDateField, "out_of_range",
                   "The committed date must be in the future and within the long-term limit.");
    }
    if (auto failed = errors.Failure()) {
        return Fail(std::move(*failed));
    }
    Case next = Moved(step, CaseState::kLongTerm);
    next.committed_date = step.input.committed_date;
    return next;
}

Result<Case> Handover(const Step& step) {
    FieldErrors errors;
    errors.RequirePresent(kTargetIdField, step.input.target);
    if (auto failed = errors.Failure()) {
        return Fail(std::move(*failed));
    }
    const OrgUnit& target = *step.input.target;
    if (target.kind != OrgKind::kUnit || !target.active || target.unit_type != kHotlineUnitType) {
        FieldErrors bad;
        bad.Add(kTargetIdField, kBadTarget, "Hand over to the mayor's hotline unit.");
        return Fail(*bad.TargetFailure());
    }
    Case next = Moved(step, CaseState::kDispatched);
    next.dispatcher_id = step.before.holder_id;
    next.holder_id = target.id;
    next.lead_unit_id = target.id;
    next.assisting_unit_ids.clear();
    // The hotline usually assigns its reference later; keep one we already know.
    if (!step.input.external_ref.empty()) {
        next.external_ref = step.input.external_ref;
    }
    return next;
}

// Supervision notes and assisting units' contributions change nothing but the record.
Result<Case> NoteOnly(const Step& step) {
    FieldErrors errors;
    errors.RequireText(kNoteField, step.input.note);
    if (auto failed = errors.Failure()) {
        return Fail(std::move(*failed));
    }
    return step.before;
}

}  // namespace

const OrgUnit& HolderOf(const Step& step) {
    if (!step.input.holder || step.input.holder->id != step.before.holder_id) {
        throw std::invalid_argument("ActionInput.holder must be the case's current holder");
    }
    return *step.input.holder;
}

std::optional<Error> MissingTexts(
    std::initializer_list<std::pair<std::string_view, std::string_view>> fields) {
    FieldErrors errors;
    for (const auto& [field, value] : fields) {
        errors.RequireText(field, value);
    }
    return errors.Failure();
}

std::optional<Error> MissingReason(const Step& step) {
    return MissingTexts({{kReasonField, step.input.reason}});
}

Case Moved(const Step& step, CaseState to) {
    Case next = step.before;
    next.state = to;
    return next;
}

std::span<const std::string_view> RequiredInputs(CaseAction action) {
    using A = CaseAction;
    static constexpr std::string_view kReason[] = {kReasonField};
    static constexpr std::string_view kReasonAndBasis[] = {kReasonField, kLegalBasisField};
    static constexpr std::string_view kNote[] = {kNoteField};
    static constexpr std::string_view kMaster[] = {kMasterCaseIdField};
    static constexpr std::string_view kDispatch[] = {kTargetIdField, kMethodField};
    static constexpr std::string_view kTarget[] = {kTargetIdField};
    static constexpr std::string_view kExtension[] = {kReasonField, kExtensionDaysField};
    static constexpr std::string_view kLongTerm[] = {kReasonField, kCommittedDateField};
    static constexpr std::string_view kAnswer[] = {kResultField, kAnswerTextField};
    switch (action) {
        case A::kDecline:
        case A::kRequestReturn:
            return kReasonAndBasis;
        case A::kRefuseReturn:
        case A::kRefuseExtension:
        case A::kReturnForRework:
        case A::kReopen:
        case A::kWithdraw:
        case A::kRejectUnitAnswer:
            return kReason;
        case A::kInstruct:
        case A::kSupervise:
        case A::kAssist:
            return kNote;
        case A::kMerge:
            return kMaster;
        case A::kDispatch:
            return kDispatch;
        case A::kForward:
        case A::kEscalate:
        case A::kHandover:
            return kTarget;
        case A::kRequestExtension:
            return kExtension;
        case A::kCommitLongTerm:
            return kLongTerm;
        case A::kAnswer:
            return kAnswer;
        default:
            return {};
    }
}

Result<Case> TakeStep(CaseAction action, const Step& step) {
    // ApplyAction has checked the permit and the case's limits.
    switch (action) {
        case CaseAction::kAccept:
            return Accept(step);
        case CaseAction::kDecline:
            return Decline(step);
        case CaseAction::kMerge:
            return Merge(step);
        case CaseAction::kForward:
            return Forward(step);
        case CaseAction::kDispatch:
            return Dispatch(step);
        case CaseAction::kHandleLocally:
            return HandleLocally(step);
        case CaseAction::kRecall:
            return Recall(step);
        case CaseAction::kSign:
            return Sign(step);
        case CaseAction::kRequestReturn:
            return RequestReturn(step);
        case CaseAction::kApproveReturn:
            return ApproveReturn(step);
        case CaseAction::kRefuseReturn:
            return RefuseReturn(step);
        case CaseAction::kContactReporter:
            return ContactReporter(step);
        case CaseAction::kRequestExtension:
            return RequestExtension(step);
        case CaseAction::kApproveExtension:
            return ApproveExtension(step);
        case CaseAction::kRefuseExtension:
            return RefuseExtension(step);
        case CaseAction::kEscalate:
            return Escalate(step);
        case CaseAction::kInstruct:
            return Instruct(step);
        case CaseAction::kCommitLongTerm:
            return CommitLongTerm(step);
        case CaseAction::kAnswer:
            return Answer(step);
        case CaseAction::kApproveAnswer:
            return ApproveAnswer(step);
        case CaseAction::kReturnForRework:
            return ReturnForRework(step);
        case CaseAction::kFollowUp:
            return FollowUp(step);
        case CaseAction::kReopen:
            return Reopen(step);
        case CaseAction::kClose:
            return Close(step);
        case CaseAction::kWithdraw:
            return Withdraw(step);
        case CaseAction::kHandover:
            return Handover(step);
        case CaseAction::kSupervise:
        case CaseAction::kAssist:
            return NoteOnly(step);
        case CaseAction::kAttach:
            // The attachment service records the file and its event; the case is unchanged.
            return step.before;
        case CaseAction::kAssign:
            return Assign(step);
        case CaseAction::kApproveUnitAnswer:
            return ApproveUnitAnswer(step);
        case CaseAction::kRejectUnitAnswer:
            return RejectUnitAnswer(step);
    }
    // CheckPermit refuses any value outside the enumeration, so this is never reached.
    throw std::logic_error("unhandled CaseAction");
}

}  // namespace minqing::domain
