// The case workflow (办理流程) as plain data and functions: for a case, what the actor is to
// it, an action and its input, either the case after the action or the reason it is refused.
// Pure; thread-safe. The service resolves org units and the actor's relations beforehand and
// writes the resulting case and its event in one transaction.
#pragma once

#include <bitset>
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
};

std::string_view CaseActionName(CaseAction action);
std::optional<CaseAction> ParseCaseAction(std::string_view name);
std::span<const CaseAction> AllCaseActions();

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
};
using Relations = std::bitset<11>;

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
    /// forward: the next office up; dispatch: the lead unit or lower office; escalate: the
    /// leader's node; handover: the hotline unit.
    std::optional<OrgUnit> target;
    std::vector<OrgUnit> assisting;
    std::optional<HandoverMethod> method;
    std::optional<AnswerResult> result;
    std::string answer_text;
    int extension_days = 0;  // working days asked for
    std::optional<Instant> committed_date;
    // follow-up
    std::optional<bool> contacted;
    std::optional<bool> solved;
    std::optional<Satisfaction> satisfaction;
    bool unreachable = false;
    int follow_up_attempts = 0;  // attempts so far, this one included
    std::string external_ref;    // handover
};

struct WorkflowLimits {
    int max_extensions = 1;
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
/// limits ("case.extension_limit", "case.deadline_passed", "case.not_local" for
/// handle_locally at a city or district office; all conflicts) → inputs (validation, reason
/// "validation.failed", every problem listed with its JSON field name and "required",
/// "invalid" or "out_of_range") → targets (validation, reason "case.bad_target", on
/// `targetId` or `assistingIds`).
Result<Case> ApplyAction(const Case& before, CaseAction action, const Relations& actor,
                         const ActionInput& input, Instant now, const WorkflowLimits& limits);

/// Whether the actor may take the action now by the state and relation checks alone (what
/// ApplyAction checks first): "case.terminal", "case.wrong_state" (conflicts) or
/// "case.not_holder" (forbidden).
Status CheckMayTake(const Case& current, CaseAction action, const Relations& actor);

/// The actions the actor may take on the case now (for the UI's buttons): those whose state
/// and relation checks pass, in enumeration order; inputs and limits are not considered.
std::vector<CaseAction> AvailableActions(const Case& current, const Relations& actor);

}  // namespace minqing::domain
