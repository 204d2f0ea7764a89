// JSON shapes of cases: the full view (detail), the list item, events, and the decoding of a
// case body shared by staff intake and public submissions.
#pragma once

#include <nlohmann/json.hpp>

#include "api/json_fields.hpp"
#include "service/case_intake_service.hpp"
#include "service/case_query_service.hpp"
#include "service/case_view.hpp"

namespace minqing::api {

/// The case as its detail page shows it; the reporter masked unless revealed.
nlohmann::json CaseViewJson(const service::CaseView& view);
/// A row of a work list.
nlohmann::json CaseItemJson(const domain::Case& c);
nlohmann::json CaseEventJson(const domain::CaseEvent& event);
/// {id, code, name, kind, level} of an org unit a case refers to.
nlohmann::json UnitRefJson(const domain::OrgUnit& unit);

/// Decodes the case body fields (kind, scope, urgency, categoryCode, title, content,
/// location, peopleInvolved, reporter, and for staff the channel's own object). Field errors
/// go to the draft's decode_errors.
service::CaseDraft DecodeCaseDraft(const nlohmann::json& body, bool is_public);

}  // namespace minqing::api
