#include "domain/workflow.hpp"

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <utility>

#include "text/text_checks.hpp"

namespace minqing::domain {
namespace {

constexpr NameTable<CaseAction, 32> kActionNames{{
    {CaseAction::kAccept, "accept"},
    {CaseAction::kDecline, "decline"},
    {CaseAction::kMerge, "merge"},
    {CaseAction::kForward, "forward"},
    {CaseAction::kDispatch, "dispatch"},
    {CaseAction::kHandleLocally, "handle_locally"},
    {CaseAction::kRecall, "recall"},
    {CaseAction::kSign, "sign"},
    {CaseAction::kRequestReturn, "request_return"},
    {CaseAction::kApproveReturn, "approve_return"},
    {CaseAction::kRefuseReturn, "refuse_return"},
    {CaseAction::kContactReporter, "contact_reporter"},
    {CaseAction::kRequestExtension, "request_extension"},
    {CaseAction::kApproveExtension, "approve_extension"},
    {CaseAction::kRefuseExtension, "refuse_extension"},
    {CaseAction::kEscalate, "escalate"},
    {CaseAction::kInstruct, "instruct"},
    {CaseAction::kCommitLongTerm, "commit_long_term"},
    {CaseAction::kAnswer, "answer"},
    {CaseAction::kApproveAnswer, "approve_answer"},
    {CaseAction::kReturnForRework, "return_for_rework"},
    {CaseAction::kFollowUp, "follow_up"},
    {CaseAction::kReopen, "reopen"},
    {CaseAction::kClose, "close"},
    {CaseAction::kWithdraw, "withdraw"},
    {CaseAction::kHandover, "handover"},
    {CaseAction::kSupervise, "supervise"},
    {CaseAction::kAssist, "assist"},
    {CaseAction::kAttach, "attach"},
    {CaseAction::kAssign, "assign"},
    {CaseAction::kApproveUnitAnswer, "approve_unit_answer"},
    {CaseAction::kRejectUnitAnswer, "reject_unit_answer"},
}};

// Derived from the name table so the list and the names cannot drift apart.
constexpr auto kAllActions = [] {
    std::array<CaseAction, kActionNames.size()> actions{};
    for (std::size_t i = 0; i < kActionNames.size(); ++i) {
        actions[i] = kActionNames[i].first;
    }
    return actions;
}();

using StateMask = std::uint32_t;
using RelationMask = unsigned long long;

constexpr StateMask StatesOf(std::initializer_list<CaseState> states) {
    StateMask mask = 0;
    for (const CaseState state : states) {
        mask |= StateMask{1} << static_cast<unsigned>(state);
    }
    return mask;
}

constexpr RelationMask RelationsOf(std::initializer_list<Relation> relations) {
    RelationMask mask = 0;
    for (const Relation relation : relations) {
        mask |= RelationMask{1} << static_cast<unsigned>(relation);
    }
    return mask;
}

using S = CaseState;
using R = Relation;

// Every state but the four terminal ones: supervision may reach any open case.
constexpr StateMask kOpenStates =
    StatesOf({S::kRegistered, S::kRouting, S::kDispatched, S::kReturnRequested, S::kHandling,
              S::kExtensionRequested, S::kEscalated, S::kLongTerm, S::kAnswered, S::kFollowUp});

/// Where an action may be taken and by whom: in any of `states`, by an actor holding any one
/// of `relations`. An action may have several rows when the relation depends on the state.
struct Permit {
    CaseAction action;
    StateMask states;
    RelationMask relations;
};

using A = CaseAction;

constexpr std::array<Permit, 33> kPermits{{
    {A::kAccept, StatesOf({S::kRegistered}), RelationsOf({R::kHolderOffice})},
    {A::kDecline, StatesOf({S::kRegistered, S::kRouting}), RelationsOf({R::kHolderOffice})},
    {A::kMerge, StatesOf({S::kRegistered, S::kRouting}), RelationsOf({R::kHolderOffice})},
    {A::kForward, StatesOf({S::kRouting}), RelationsOf({R::kHolderOffice})},
    {A::kDispatch, StatesOf({S::kRouting}), RelationsOf({R::kHolderOffice})},
    {A::kHandleLocally, StatesOf({S::kRouting}), RelationsOf({R::kHolderOffice})},
    {A::kRecall, StatesOf({S::kDispatched}), RelationsOf({R::kDispatcher})},
    {A::kSign, StatesOf({S::kDispatched}), RelationsOf({R::kHolderUnit})},
    {A::kRequestReturn, StatesOf({S::kDispatched}), RelationsOf({R::kHolderUnit})},
    {A::kApproveReturn, StatesOf({S::kReturnRequested}), RelationsOf({R::kDispatcher})},
    {A::kRefuseReturn, StatesOf({S::kReturnRequested}), RelationsOf({R::kDispatcher})},
    {A::kContactReporter, StatesOf({S::kHandling, S::kLongTerm}), RelationsOf({R::kHolderUnit})},
    {A::kRequestExtension, StatesOf({S::kHandling}), RelationsOf({R::kHolderUnit})},
    {A::kApproveExtension, StatesOf({S::kExtensionRequested}), RelationsOf({R::kDispatcher})},
    {A::kRefuseExtension, StatesOf({S::kExtensionRequested}), RelationsOf({R::kDispatcher})},
    {A::kEscalate, StatesOf({S::kRouting}), RelationsOf({R::kHolderOffice})},
    {A::kEscalate, StatesOf({S::kHandling}), RelationsOf({R::kHolderUnit, R::kDispatcher})},
    {A::kInstruct, StatesOf({S::kEscalated}), RelationsOf({R::kEscalatedLeader})},
    {A::kCommitLongTerm, StatesOf({S::kHandling}), RelationsOf({R::kLeadUnit})},
    {A::kAnswer, StatesOf({S::kHandling, S::kLongTerm}), RelationsOf({R::kLeadUnit})},
    {A::kApproveAnswer, StatesOf({S::kAnswered}), RelationsOf({R::kReviewer})},
    {A::kReturnForRework, StatesOf({S::kAnswered}), RelationsOf({R::kReviewer})},
    {A::kFollowUp, StatesOf({S::kFollowUp}), RelationsOf({R::kReviewer})},
    {A::kReopen, StatesOf({S::kFollowUp, S::kClosed}), RelationsOf({R::kReviewer})},
    {A::kClose, StatesOf({S::kFollowUp}), RelationsOf({R::kReviewer})},
    {A::kWithdraw, StatesOf({S::kRegistered, S::kRouting, S::kDispatched}),
     RelationsOf({R::kReporter, R::kReceivingOffice})},
    {A::kHandover, StatesOf({S::kRouting}), RelationsOf({R::kHolderOffice})},
    {A::kSupervise, kOpenStates, RelationsOf({R::kSupervisor})},
    {A::kAssist, StatesOf({S::kHandling, S::kLongTerm}), RelationsOf({R::kAssistingUnit})},
    // Files come from those who work the case and from whoever recorded it (photos taken on
    // site); someone who may only read the case adds nothing to its record.
    {A::kAttach, kOpenStates,
     RelationsOf({R::kHolderOffice, R::kHolderUnit, R::kLeadUnit, R::kAssistingUnit, R::kDispatcher,
                  R::kReceivingOffice, R::kCreator})},
    // The unit's own layer: whoever holds it for the unit passes it on inside; the 分管领导
    // signs (or sends back) what a 承办人 drafted.
    {A::kAssign, StatesOf({S::kHandling, S::kLongTerm}), RelationsOf({R::kLeadUnit})},
    {A::kApproveUnitAnswer, StatesOf({S::kHandling, S::kLongTerm}), RelationsOf({R::kUnitLeader})},
    {A::kRejectUnitAnswer, StatesOf({S::kHandling, S::kLongTerm}), RelationsOf({R::kUnitLeader})},
}};

// JSON field names, as the API spells them, for field errors.
constexpr std::string_view kReasonField = "reason";
constexpr std::string_view kLegalBasisField = "legalBasis";
constexpr std::string_view kMasterCaseIdField = "masterCaseId";
constexpr std::string_view kTargetIdField = "targetId";
constexpr std::string_view kAssistingIdsField = "assistingIds";
constexpr std::string_view kMethodField = "method";
constexpr std::string_view kResultField = "result";
constexpr std::string_view kAnswerTextField = "answerText";
constexpr std::string_view kExtensionDaysField = "extensionDays";
constexpr std::string_view kCommittedDateField = "committedDate";
constexpr std::string_view kSatisfactionField = "satisfaction";
constexpr std::string_view kNoteField = "note";
constexpr std::string_view kGrantedDaysField = "grantedDays";
constexpr std::string_view kAssigneeIdField = "assigneeId";
constexpr std::string_view kConfirmField = "confirm";
constexpr std::string_view kRelayMessageField = "relayMessage";

constexpr std::string_view kBadTarget = "case.bad_target";
// A relayed message goes out as an SMS: short enough for a few segments.
constexpr std::size_t kMaxRelayCharacters = 200;
constexpr std::string_view kHotlineUnitType = "hotline";

/// The state and relation checks shared by ApplyAction and AvailableActions: nullopt when
/// the actor may take the action now, else "case.terminal", "case.wrong_state" or
/// "case.not_holder".
std::optional<Error> CheckPermit(const Case& current, CaseAction action, const Relations& actor) {
    const StateMask state = StatesOf({current.state});
    bool state_allowed = false;
    bool relation_held = false;
    for (const Permit& permit : kPermits) {
        if (permit.action != action || (permit.states & state) == 0) {
            continue;
        }
        state_allowed = true;
        relation_held = relation_held || (actor & Relations(permit.relations)).any();
    }
    if (!state_allowed) {
        if (IsTerminal(current.state)) {
            return Conflict("case.terminal",
                            "The case is finished; no further action is possible.");
        }
        return Conflict("case.wrong_state", "This action is not possible in the case's state.");
    }
    if (!relation_held) {
        return Forbidden("case.not_holder", "This action belongs to someone else on this case.");
    }
    return std::nullopt;
}

/// Field errors collected over all inputs, so a form can show every problem at once.
class FieldErrors {
  public:
    void Add(std::string_view field, std::string_view reason, std::string_view message) {
        fields_.push_back({std::string(field), std::string(reason), std::string(message)});
    }

    /// Required free text must hold more than white space.
    void RequireText(std::string_view field, std::string_view value) {
        if (text::Trim(value).empty()) {
            Add(field, "required", "This field is required.");
        }
    }

    template <typename T>
    void RequirePresent(std::string_view field, const std::optional<T>& value) {
        if (!value) {
            Add(field, "required", "This field is required.");
        }
    }

    /// The collected inputs' failure ("validation.failed"), or nullopt when all were fine.
    std::optional<Error> Failure() const {
        if (fields_.empty()) {
            return std::nullopt;
        }
        return Validation(fields_);
    }

    /// The collected targets' failure ("case.bad_target"), or nullopt when all were fine.
    std::optional<Error> TargetFailure() const {
        auto error = Failure();
        if (error) {
            error->reason = std::string(kBadTarget);
            error->message = "A target is of the wrong kind or level for this action.";
        }
        return error;
    }

  private:
    std::vector<FieldError> fields_;
};

struct Step {
    const Case& before;
    const ActionInput& input;
    Instant now;
    const WorkflowLimits& limits;
    const Relations& actor;
};

// The service resolves the holder from the case it loaded; a missing or different holder is
// a bug in the caller, not a user error.
const OrgUnit& HolderOf(const Step& step) {
    if (!step.input.holder || step.input.holder->id != step.before.holder_id) {
        throw std::invalid_argument("ActionInput.holder must be the case's current holder");
    }
    return *step.input.holder;
}

bool IsMemberUnit(const OrgUnit& unit) {
    return unit.kind == OrgKind::kUnit || unit.kind == OrgKind::kSection;
}

bool IsOffice(const OrgUnit& unit) {
    return unit.kind == OrgKind::kDivision;
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

bool IsLocalOffice(const OrgUnit& unit) {
    return IsOffice(unit) &&
           (unit.level == OrgLevel::kStreet || unit.level == OrgLevel::kCommunity);
}

// The case's own limits, which no input can change. ApplyAction checks them before the inputs,
// and AvailableActions too, so that an action the UI offers never fails on them.
std::optional<Error> CheckCaseLimits(const Case& c, CaseAction action, const OrgUnit* holder,
                                     Instant now, const WorkflowLimits& limits) {
    const auto holder_of = [holder]() -> const OrgUnit& {
        if (holder == nullptr) {
            throw std::invalid_argument("this action needs ActionInput.holder");
        }
        return *holder;
    };
    switch (action) {
        case CaseAction::kForward:
            if (!IsOffice(holder_of()) || holder_of().level == OrgLevel::kCity) {
                return Conflict("case.top_level", "No office is above the city office.");
            }
            break;
        case CaseAction::kDispatch:
            if (!IsOffice(holder_of()) || holder_of().level == OrgLevel::kCommunity ||
                holder_of().level == OrgLevel::kGrid) {
                return Conflict("case.nothing_below",
                                "A community has no units or offices to dispatch to; forward "
                                "the case or handle it.");
            }
            break;
        case CaseAction::kHandleLocally:
            if (!IsLocalOffice(holder_of())) {
                return Conflict("case.not_local",
                                "Only a street or community office handles a case itself.");
            }
            break;
        case CaseAction::kRequestExtension:
            if (c.extension_count >= limits.max_extensions) {
                return Conflict("case.extension_limit", "No further extension may be granted.");
            }
            if (c.deadline && now > *c.deadline) {
                return Conflict("case.deadline_passed",
                                "An extension must be asked for before the deadline.");
            }
            if (limits.max_extension_days < 1) {
                return Conflict("case.extension_limit", "This case's limit allows no extension.");
            }
            break;
        case CaseAction::kAnswer:
            if (c.unit_review_pending) {
                return Conflict("case.answer_pending",
                                "An answer already waits for the unit leader's approval.");
            }
            break;
        case CaseAction::kApproveUnitAnswer:
        case CaseAction::kRejectUnitAnswer:
            if (!c.unit_review_pending) {
                return Conflict("case.no_answer_pending", "No drafted answer waits for approval.");
            }
            break;
        case CaseAction::kAssign:
            if (holder_of().kind == OrgKind::kDivision) {
                return Conflict("case.not_unit",
                                "Only a member unit passes a case to its sections or 承办人.");
            }
            break;
        default:
            break;
    }
    return std::nullopt;
}

Case Moved(const Step& step, CaseState to) {
    Case next = step.before;
    next.state = to;
    return next;
}

Result<Case> Accept(const Step& step) {
    return Moved(step, CaseState::kRouting);
}

Result<Case> Decline(const Step& step) {
    FieldErrors errors;
    errors.RequireText(kReasonField, step.input.reason);
    errors.RequireText(kLegalBasisField, step.input.legal_basis);
    if (auto failed = errors.Failure()) {
        return Fail(std::move(*failed));
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
    FieldErrors errors;
    errors.RequireText(kReasonField, step.input.reason);
    errors.RequireText(kLegalBasisField, step.input.legal_basis);
    if (auto failed = errors.Failure()) {
        return Fail(std::move(*failed));
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
    FieldErrors errors;
    errors.RequireText(kReasonField, step.input.reason);
    if (auto failed = errors.Failure()) {
        return Fail(std::move(*failed));
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
    FieldErrors errors;
    errors.RequireText(kReasonField, step.input.reason);
    if (auto failed = errors.Failure()) {
        return Fail(std::move(*failed));
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
    FieldErrors errors;
    errors.RequireText(kReasonField, step.input.reason);
    if (auto failed = errors.Failure()) {
        return Fail(std::move(*failed));
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
    FieldErrors errors;
    errors.RequireText(kReasonField, step.input.reason);
    if (auto failed = errors.Failure()) {
        return Fail(std::move(*failed));
    }
    Case next = Moved(step, CaseState::kHandling);
    next.result.reset();
    next.answer_legal_basis.clear();
    return next;
}

bool CountsAsSatisfied(Satisfaction satisfaction) {
    return satisfaction == Satisfaction::kVerySatisfied ||
           satisfaction == Satisfaction::kSatisfied ||
           satisfaction == Satisfaction::kBasicallySatisfied;
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
    FieldErrors errors;
    errors.RequireText(kReasonField, step.input.reason);
    if (auto failed = errors.Failure()) {
        return Fail(std::move(*failed));
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
    FieldErrors errors;
    errors.RequireText(kReasonField, step.input.reason);
    if (auto failed = errors.Failure()) {
        return Fail(std::move(*failed));
    }
    return Moved(step, CaseState::kWithdrawn);
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

std::string_view CaseActionName(CaseAction action) {
    return NameIn(kActionNames, action);
}

std::optional<CaseAction> ParseCaseAction(std::string_view name) {
    return ParseIn(kActionNames, name);
}

std::span<const CaseAction> AllCaseActions() {
    return kAllActions;
}

Relations MakeRelations(std::initializer_list<Relation> relations) {
    return Relations(RelationsOf(relations));
}

Result<Case> ApplyAction(const Case& before, CaseAction action, const Relations& actor,
                         const ActionInput& input, Instant now, const WorkflowLimits& limits) {
    if (auto refused = CheckPermit(before, action, actor)) {
        return Fail(std::move(*refused));
    }
    if (auto refused =
            CheckCaseLimits(before, action, input.holder ? &*input.holder : nullptr, now, limits)) {
        return Fail(std::move(*refused));
    }
    const Step step{before, input, now, limits, actor};
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
            return before;
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

Status CheckMayTake(const Case& current, CaseAction action, const Relations& actor) {
    if (auto refused = CheckPermit(current, action, actor)) {
        return Fail(std::move(*refused));
    }
    return Ok();
}

Status CheckMayTake(const Case& current, CaseAction action, const Relations& actor,
                    const OrgUnit& holder, Instant now, const WorkflowLimits& limits) {
    if (auto refused = CheckPermit(current, action, actor)) {
        return Fail(std::move(*refused));
    }
    if (auto refused = CheckCaseLimits(current, action, &holder, now, limits)) {
        return Fail(std::move(*refused));
    }
    return Ok();
}

std::vector<CaseAction> AvailableActions(const Case& current, const Relations& actor,
                                         const OrgUnit& holder, Instant now,
                                         const WorkflowLimits& limits) {
    std::vector<CaseAction> available;
    for (const CaseAction action : kAllActions) {
        if (CheckMayTake(current, action, actor, holder, now, limits)) {
            available.push_back(action);
        }
    }
    return available;
}

int GrantedExtensionDays(const Case& before, const ActionInput& input) {
    return input.granted_days.value_or(before.requested_extension_days);
}

}  // namespace minqing::domain
