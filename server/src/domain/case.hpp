// A case (社情民意件): what a resident raised, where it stands, who holds it. Plain data and
// the names of its enumerations as the API spells them; no I/O.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/clock.hpp"
#include "domain/channel_fields.hpp"
#include "domain/name_table.hpp"
#include "domain/org_unit.hpp"
#include "domain/user.hpp"

namespace minqing::domain {

using CaseId = std::int64_t;

enum class CaseState {
    kRegistered,          // 待受理
    kDeclined,            // 不予受理 (terminal)
    kMerged,              // 已并案 (terminal)
    kRouting,             // 待分转
    kDispatched,          // 待签收
    kReturnRequested,     // 退回待审
    kHandling,            // 办理中
    kExtensionRequested,  // 延期待审
    kEscalated,           // 提级办理
    kLongTerm,            // 承诺办理
    kAnswered,            // 待审核
    kFollowUp,            // 待回访
    kClosed,              // 已办结 (terminal)
    kWithdrawn,           // 已撤回 (terminal)
};

enum class Channel {
    kGrid,          // 网格采集
    kCadreReport,   // 社情民意报告单
    kDirectCard,    // 直通卡
    kHotline,       // 市长热线移交
    kWalkIn,        // 来访/来电登记
    kMailbox,       // 网上信箱
    kMessageBoard,  // 留言板
};

enum class CaseKind { kQuestion, kHelp, kComplaint, kReport, kSuggestion, kPraise, kOther };
enum class CaseScope { kIndividual, kCollective };
enum class Urgency { kCritical, kUrgent, kNormal, kComplex };

/// The steps that carry a deadline.
enum class DeadlineStep {
    kAccept,             // the receiving office accepts and routes (受理/分转)
    kSign,               // the unit signs for a dispatch (签收)
    kReturnDecision,     // the dispatching office decides a return request
    kContact,            // first contact with the reporter (响应)
    kAnswer,             // the answer (办结)
    kExtensionDecision,  // the dispatching office decides an extension request
    kReview,             // the office reviews the answer (审核)
    kFollowUp,           // follow-up with the reporter (回访)
    kProgressNote,       // a long-term commitment's periodic progress note
    kInstruction,        // the leader's instruction on an escalated case (批示)
};

std::string_view DeadlineStepName(DeadlineStep step);
std::optional<DeadlineStep> ParseDeadlineStep(std::string_view name);
std::span<const DeadlineStep> AllDeadlineSteps();

/// The five-level 好差评 scale.
enum class Satisfaction {
    kVerySatisfied,
    kSatisfied,
    kBasicallySatisfied,
    kDissatisfied,
    kVeryDissatisfied,
};

enum class AnswerResult { kSolved, kPartlySolved, kExplained, kCannotBeDone };

/// How a case was passed on (网络/电话/书面), as the city document names them.
enum class DispatchMethod { kNetwork, kPhone, kWriting };

/// Every state, in declaration order.
std::span<const CaseState> AllCaseStates();

std::string_view CaseStateName(CaseState state);
std::optional<CaseState> ParseCaseState(std::string_view name);
std::string_view ChannelName(Channel channel);
std::optional<Channel> ParseChannel(std::string_view name);
std::string_view CaseKindName(CaseKind kind);
std::optional<CaseKind> ParseCaseKind(std::string_view name);
std::string_view CaseScopeName(CaseScope scope);
std::optional<CaseScope> ParseCaseScope(std::string_view name);
std::string_view UrgencyName(Urgency urgency);
std::optional<Urgency> ParseUrgency(std::string_view name);
std::string_view SatisfactionName(Satisfaction satisfaction);
std::optional<Satisfaction> ParseSatisfaction(std::string_view name);
std::string_view AnswerResultName(AnswerResult result);
std::optional<AnswerResult> ParseAnswerResult(std::string_view name);
std::string_view DispatchMethodName(DispatchMethod method);
std::optional<DispatchMethod> ParseDispatchMethod(std::string_view name);

/// True for declined, merged, closed and withdrawn.
bool IsTerminal(CaseState state);

struct Reporter {
    std::string name;
    std::string phone;
    bool anonymous = false;
    /// The reporter asked that units never learn who they are.
    bool confidential = false;
};

struct CaseLocation {
    std::string address;
    std::optional<OrgUnitId> grid_id;
    std::optional<double> lat;
    std::optional<double> lng;
};

struct Case {
    CaseId id = 0;
    std::string number;  // "2026-0001234"
    Channel channel = Channel::kWalkIn;
    CaseKind kind = CaseKind::kOther;
    CaseScope scope = CaseScope::kIndividual;
    Urgency urgency = Urgency::kNormal;
    std::string category_code;
    std::string title;
    std::string content;
    CaseLocation location;
    int people_involved = 1;
    Reporter reporter;

    CaseState state = CaseState::kRegistered;
    /// The office or unit that must act now.
    OrgUnitId holder_id = 0;
    std::string holder_path;  // the holder's org path, kept with the case for scope queries
    /// The division where the matter arose (a grid, community, street …); offices above it see it.
    OrgUnitId origin_id = 0;
    std::string origin_path;
    /// The office that registered it; it may see the reporter.
    OrgUnitId receiving_office_id = 0;
    /// The office that last dispatched it; it decides returns and extensions.
    std::optional<OrgUnitId> dispatcher_id;
    std::optional<OrgUnitId> lead_unit_id;
    std::vector<OrgUnitId> assisting_unit_ids;
    /// The leader's org node when escalated.
    std::optional<OrgUnitId> escalated_to_id;

    UserId created_by = 0;
    Instant created_at{};
    Instant updated_at{};
    /// Bumped on every change; an action names the version it saw (optimistic concurrency).
    std::int64_t version = 1;

    /// The fields of the channel it came by (cadre report, direct card, hotline, grid evidence).
    ChannelFields channel_fields;
    std::optional<CaseId> master_case_id;
    std::string external_ref;  // the hotline's reference
    bool publish = false;      // message board: shown publicly with its answer
    std::string query_code_digest;

    std::optional<AnswerResult> result;
    std::string answer_text;
    /// The law or policy a "cannot be done" answer rests on.
    std::string answer_legal_basis;
    /// The answer a 承办人 drafted waits for the unit's 分管领导 (result, answer_text and
    /// answer_legal_basis hold the draft meanwhile); the case stays with the unit.
    bool unit_review_pending = false;
    /// Inside the holding unit: the section or the named 承办人 it was passed to (交办).
    std::optional<OrgUnitId> assignee_unit_id;
    std::optional<UserId> assignee_user_id;
    std::optional<Satisfaction> satisfaction;
    int extension_count = 0;
    int reopen_count = 0;
    int follow_up_attempts = 0;
    /// The state an escalated case returns to once the leader has instructed.
    std::optional<CaseState> escalated_from;
    std::optional<Instant> first_contact_at;
    std::optional<Instant> committed_date;  // long-term commitments
    /// The current step's deadline (none in a terminal state), which step it is, when it
    /// started and when its yellow card shows; provisional when it falls in a year whose
    /// holiday notice is not loaded yet.
    std::optional<Instant> deadline;
    std::optional<DeadlineStep> deadline_step;
    std::optional<Instant> step_started_at;
    std::optional<Instant> yellow_from;
    bool deadline_provisional = false;
    /// The answer deadline promised when the unit signed (an approved extension moves it),
    /// and the first-contact deadline, both kept while the unit handles the case.
    std::optional<Instant> answer_deadline;
    std::optional<Instant> contact_deadline;
    /// Working days asked for by the pending extension request.
    int requested_extension_days = 0;
    /// What the sweep has done on the current step: the card it set (0 none, 1 yellow,
    /// 2 red) and the supervision it issued (0 none, 1 催办, 2 督办, 3 通报).
    int warning_level = 0;
    int supervision_level = 0;
    std::optional<Instant> closed_at;
    /// The action that brought the case to its current holder (for "returned to me" lists).
    std::string last_action = "create";
};

}  // namespace minqing::domain
