#include "domain/workflow.hpp"

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <utility>

#include "domain/workflow_steps.hpp"
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
    return TakeStep(action, {before, input, now, limits, actor});
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