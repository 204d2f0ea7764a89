// The form of each workflow action's payload, published at GET /api/v1/case-actions/forms
// so that the web's action dialogs follow the server's rules instead of restating them: the
// fields the action decodes (from its wire table), which of them the workflow cannot do
// without, and the limits it checks.
#pragma once

#include <nlohmann/json.hpp>

#include "domain/workflow.hpp"

namespace minqing::api {

/// [{name, type, required, choices?, min?, max?, maxLength?}] for `action`. `required`
/// marks the inputs the action is refused without in every case; those asked for only in
/// some (an answer's legal basis when it cannot be done, the note or else the relayed
/// message of a contact, a follow-up's satisfaction unless unreachable, a target the server
/// chooses when none is named) are not marked. A date's min and max count days from today.
nlohmann::json ActionFormOf(domain::CaseAction action);

}  // namespace minqing::api
