#include "api/action_forms.hpp"

#include <algorithm>
#include <span>
#include <string_view>

#include "api/case_bodies.hpp"

namespace minqing::api {
namespace {

// The inputs each action's workflow step requires unconditionally (domain/workflow_steps.cpp,
// workflow_answer_steps.cpp: RequireText, RequirePresent).
std::span<const std::string_view> RequiredInputs(domain::CaseAction action) {
    using A = domain::CaseAction;
    static constexpr std::string_view kReason[] = {"reason"};
    static constexpr std::string_view kReasonAndBasis[] = {"reason", "legalBasis"};
    static constexpr std::string_view kNote[] = {"note"};
    static constexpr std::string_view kMaster[] = {"masterCaseId"};
    static constexpr std::string_view kDispatch[] = {"targetId", "method"};
    static constexpr std::string_view kTarget[] = {"targetId"};
    static constexpr std::string_view kExtension[] = {"reason", "extensionDays"};
    static constexpr std::string_view kLongTerm[] = {"reason", "committedDate"};
    static constexpr std::string_view kAnswer[] = {"result", "answerText"};
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

// The limits the workflow checks: extension days up to the configured maximum (a case's
// own cap, its original answer limit, may be lower: the server says so when it is), a
// committed date in the future within the long-term limit, a relayed message as one SMS.
void AddLimits(nlohmann::json& field) {
    const domain::WorkflowLimits limits;
    const std::string& name = field.at("name").get_ref<const std::string&>();
    if (name == "extensionDays" || name == "grantedDays") {
        field["min"] = 1;
        field["max"] = limits.max_extension_days;
    } else if (name == "committedDate") {
        field["min"] = 1;
        field["max"] = limits.max_long_term.count();
    } else if (name == "relayMessage") {
        field["maxLength"] = domain::kMaxRelayCharacters;
    }
}

}  // namespace

nlohmann::json ActionFormOf(domain::CaseAction action) {
    service::ActionRequest scratch;
    nlohmann::json form = wire::FormOf(ActionPayloadFields(action, scratch));
    const auto required = RequiredInputs(action);
    for (auto& field : form) {
        const auto name = field.at("name").get<std::string>();
        if (std::ranges::find(required, name) != required.end()) {
            field["required"] = true;
        }
        AddLimits(field);
    }
    return form;
}

}  // namespace minqing::api
