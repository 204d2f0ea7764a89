#include "api/action_forms.hpp"

#include <algorithm>
#include <span>
#include <string_view>

#include "api/case_bodies.hpp"

namespace minqing::api {
namespace {

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
    const auto required = domain::RequiredInputs(action);
    const auto chosen_when_omitted = service::InputsChosenWhenOmitted(action);
    for (auto& field : form) {
        const auto name = field.at("name").get<std::string>();
        if (std::ranges::find(required, name) != required.end() &&
            std::ranges::find(chosen_when_omitted, name) == chosen_when_omitted.end()) {
            field["required"] = true;
        }
        AddLimits(field);
    }
    return form;
}

}  // namespace minqing::api
