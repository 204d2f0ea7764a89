// The wire contract of the case bodies: the case a staff member records or the public
// submit, and the payload of each workflow action, each declared once as a wire::Fields
// table that decodes it, documents it and types it for the web. Thread-safe (a table per
// call).
#pragma once

#include <functional>
#include <span>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "api/wire.hpp"
#include "common/result.hpp"
#include "domain/workflow.hpp"
#include "service/case_intake_service.hpp"
#include "service/case_workflow_service.hpp"

namespace minqing::api {

/// The fields of a case body (kind, scope, urgency, categoryCode, title, content, location,
/// peopleInvolved, reporter, publish; for staff also officeId and the channels' own objects),
/// pointing into `draft`.
wire::Fields CaseDraftFields(service::CaseDraft& draft, bool is_public);

/// Every field an action may read (version, targetId, assistingIds, the texts, choices and
/// committedDate), pointing into `request`.
wire::Fields ActionFields(service::ActionRequest& request);

/// The names of the fields `action` reads. Any other field is a 422 unknown_field: a field
/// the server accepted and then ignored (a forward's targetId once) misleads the office that
/// sent it.
std::span<const std::string_view> ActionFieldNames(domain::CaseAction action);

/// The fields of `action`'s payload, in ActionFields order, pointing into `request`.
wire::Fields ActionPayloadFields(domain::CaseAction action, service::ActionRequest& request);

/// A case body decoded: the draft, with each field that had a problem left at its default,
/// and the problems of the JSON itself (a wrong type, an unknown choice or field).
struct DecodedDraft {
    service::CaseDraft draft;
    std::vector<FieldError> problems;
};

DecodedDraft DecodeCaseDraft(const nlohmann::json& body, bool is_public);

/// The body of POST /api/v1/cases/{id}/actions/{action}. Errors: 422 listing every problem.
Result<service::ActionRequest> DecodeCaseAction(domain::CaseAction action,
                                                const nlohmann::json& body);

/// Creates (staff) or submits (public) a case through `record`: as decoded when the JSON had
/// no problems; otherwise nothing is recorded and the 422 lists the JSON's problems together
/// with those the intake's check (IntakeMode::kCheck) finds in the rest, as one answer.
using RecordDraft =
    std::function<Result<service::CreatedCase>(service::CaseDraft, service::IntakeMode)>;
Result<service::CreatedCase> RecordCase(DecodedDraft decoded, const RecordDraft& record);

}  // namespace minqing::api
