// The case workflow (办理流程) as plain data and functions: for a case, what the actor is to
// it, an action and its input, either the case after the action or the reason it is refused.
// Pure; thread-safe. The service resolves org units and the actor's relations beforehand and
// writes the resulting case and its event in one transaction.
#pragma once

#include <bitset>
#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.hpp"
#include "domain/case.hpp"

namespace minqing::domain {

enum class CaseAction {
    kAccept,         // registered → routing (受理)
    kDecline,        // registered|routing → declined (不予受理): reason + legal basis/channel
    kMerge,          // registered|routing → merged (并案): into a master case
    kForward,        // routing → routing at the next office up (上报)
    kDispatch,       // routing → dispatched to a unit, or routing at a lower office (分转)
    kHandleLocally,  // routing → handling by the holding community/office itself (自办)
    kRecall,         // dispatched → routing back at the dispatcher (撤回)
    kSign,           // dispatched → handling (签收)
    kRequestReturn,  // dispatched → return_requested (申请退回)
    kApproveReturn,  // return_requested → routing at the dispatcher
    kRefuseReturn,   // return_requested → dispatched, same unit
    kContactReporter,   // handling|long_term: first contact / progress with the reporter
    kRequestExtension,  // handling → extension_requested (申请延期)
    kApproveExtension,  // extension_requested → handling, deadline moved
    kRefuseExtension,   // extension_requested → handling
    kEscalate,          // routing|handling → escalated to the leader in charge (提级)
    kInstruct,          // escalated → back to the state it was escalated from (批示)
    kCommitLongTerm,    // handling → long_term (承诺办理)
    kAnswer,            // handling|long_term → answered (答复), lead unit only
    kApproveAnswer,     // answered → follow_up (审核通过)
    kReturnForRework,   // answered → handling (退回重办)
    kFollowUp,          // follow_up → closed when satisfied or finally unreachable (回访)
    kReopen,            // follow_up|closed → handling at the lead unit (重办)
    kClose,             // follow_up → closed (办结)
    kWithdraw,          // registered|routing|dispatched → withdrawn (撤回诉求)
    kHandover,          // routing → dispatched to the mayor's hotline unit (移交)
    kSupervise,         // any open state: 催办/督办 note to the holder; no state change
    kAssist,            // handling: an assisting unit posts its part (协办意见)
    kAttach,  // any open state: add a file (上传附件); taken by uploading, not as an action
    kAssign,  // handling|long_term: the holding unit passes it to a section or a named 承办人
              // (交办)
    kApproveUnitAnswer,  // handling|long_term with an answer drafted: the unit's 分管领导 signs it
    kRejectUnitAnswer,  // the same: the 分管领导 sends the draft back to the 承办人
};

std::string_view CaseActionName(CaseAction action);
std::optional<CaseAction> ParseCaseAction(std::string_view name);
std::span<const CaseAction> AllCaseActions();
/// The inputs `action` is refused without whatever else it is given, by their wire names: the
/// steps' unconditional checks (workflow_test holds the two equal), which the published action
/// forms mark required. Inputs needed only sometimes (an answer's legal basis when it cannot
/// be done) are not among them.
std::span<const std::string_view> RequiredInputs(CaseAction action);

/// What the actor is to the case. The service derives these from the actor's roles and the
/// org paths of the case's holder, dispatcher, origin and units.
enum class Relation {
    kHolderOffice,     // an office role (or community staff) on the holding division
    kHolderUnit,       // a handler or unit leader of the holding member unit
    kLeadUnit,         // a handler or unit leader of the lead unit
    kAssistingUnit,    // a handler or unit leader of an assisting unit
    kDispatcher,       // an office role on the division that last dispatched it
    kReviewer,         // the office that reviews answers and follows up (dispatcher, or the
                       // holding office for cases it handled itself)
    kEscalatedLeader,  // a leader on the node it was escalated to
    kSupervisor,       // an office above the holder, the city office, or an inspector
    kReporter,         // the resident, through number and query code
    kReceivingOffice,  // the office that registered it (acts for the reporter on the phone)
    kCreator,          // the staff member who recorded it (a grid worker adding photos later)
    kUnitLeader,       // a unit leader (分管领导) of the lead unit: signs the unit's answer
};
using Relations = std::bitset<12>;

Relations MakeRelations(std::initializer_list<Relation> relations);

/// The inputs an action may carry; each action reads the fields it needs. Org units are
/// resolved by the service (so the rules can check levels and paths).
struct ActionInput {
    std::string note;
    std::string reason;       // decline, return, extension, reopen, rework
    std::string legal_basis;  // decline, return, answer "cannot be done"
    std::optional<CaseId> master_case_id;
    /// The holder as it is now (forward, dispatch check levels against it; handle_locally checks
    /// it is a street or community). Required by those three actions and must have the case's
    /// holder_id: otherwise ApplyAction throws std::invalid_argument (a caller bug).
    std::optional<OrgUnit> holder;
    /// forward: an office above on the holder's own chain; dispatch: the lead unit or lower
    /// office; escalate: the leader's node; handover: the hotline unit; assign: the section.
    std::optional<OrgUnit> target;
    std::vector<OrgUnit> assisting;
    std::optional<DispatchMethod> method;
    std::optional<AnswerResult> result;
    std::string answer_text;
    int extension_days = 0;           // working days asked for
    std::optional<int> granted_days;  // approve_extension: working days granted (default: asked)
    bool confirm = false;             // merge: the office confirmed a merge of unlike cases
    /// merge: the master case, resolved by the service (its category and place are compared).
    std::optional<Case> master;
    /// assign: the named 承办人 (a user acting for the unit), resolved by the service.
    std::optional<UserId> assignee_user_id;
    /// answer: whether the lead unit's answers need its 分管领导's approval (a unit setting).
    bool unit_approval_required = false;
    /// contact_reporter: a message the platform relays to a confidential reporter by SMS.
    std::string relay_message;
    std::optional<Instant> committed_date;
    // follow-up
    std::optional<bool> contacted;
    std::optional<bool> solved;
    std::optional<Satisfaction> satisfaction;
    bool unreachable = false;
    int follow_up_attempts = 0;  // attempts so far, this one included
    std::string external_ref;    // handover
};

/// A relayed message goes out as an SMS: short enough for a few segments.
inline constexpr std::size_t kMaxRelayCharacters = 200;

struct WorkflowLimits {
    int max_extensions = 1;
    /// The most working days one extension may add to this case: the configured maximum,
    /// capped by the case's original answer limit (the service sets it per case).
    int max_extension_days = 10;
    int max_follow_up_attempts = 3;
    std::chrono::days max_long_term{270};  // about nine months
};

/// The case after `action`, or the reason it is refused:
/// "case.wrong_state" (not allowed in this state), "case.not_holder" (the actor lacks the
/// relation the action needs), "case.deadline_passed", "case.extension_limit",
/// "case.bad_target" (wrong kind or level of target), "case.terminal", and 422 field errors
/// for missing inputs (reason, legal basis, result, …). The returned case has its state,
/// holder and the fields the action sets changed; `version` and `updated_at` are the
/// caller's to set.
/// Checks run in this order, the first failing one answering: terminal state
/// ("case.terminal", conflict; reopen from closed is the one exception) → state
/// ("case.wrong_state", conflict) → relation ("case.not_holder", forbidden) → the case's own
/// limits (all conflicts: "case.extension_limit", "case.deadline_passed", "case.not_local"
/// for handle_locally above a street, "case.top_level" for forward at the city,
/// "case.nothing_below" for dispatch at a community, "case.answer_pending" /
/// "case.no_answer_pending" around the unit leader's approval, "case.not_unit" for assign at
/// an office, "case.merge_unconfirmed" for an unconfirmed merge of unlike cases) → inputs
/// (validation, reason
/// "validation.failed", every problem listed with its JSON field name and "required",
/// "invalid" or "out_of_range") → targets (validation, reason "case.bad_target", on
/// `targetId` or `assistingIds`).
Result<Case> ApplyAction(const Case& before, CaseAction action, const Relations& actor,
                         const ActionInput& input, Instant now, const WorkflowLimits& limits);

/// The working days an approval of the pending extension grants: what the approver chose,
/// else what the unit asked for.
int GrantedExtensionDays(const Case& before, const ActionInput& input);

/// Whether the actor may take the action now by the state and relation checks alone (what
/// ApplyAction checks first): "case.terminal", "case.wrong_state" (conflicts) or
/// "case.not_holder" (forbidden).
Status CheckMayTake(const Case& current, CaseAction action, const Relations& actor);

/// The actions the actor may take on the case now (for the UI's buttons), in enumeration
/// order: those whose state and relation checks pass and that the case's own limits allow
/// with `holder` as its current holder at `now` (an action listed here succeeds with a valid
/// input; only the inputs are left to check).
/// The same, and the case's own limits with `holder` as its current holder at `now`: whether
/// the action would be offered (AvailableActions), so only its inputs are left to check.
Status CheckMayTake(const Case& current, CaseAction action, const Relations& actor,
                    const OrgUnit& holder, Instant now, const WorkflowLimits& limits);

std::vector<CaseAction> AvailableActions(const Case& current, const Relations& actor,
                                         const OrgUnit& holder, Instant now,
                                         const WorkflowLimits& limits);

}  // namespace minqing::domain
