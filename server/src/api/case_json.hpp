// JSON shapes of cases: the full view (detail), the list item, events, and the decoding of the
// work list's query (the bodies are in case_bodies.hpp). Pure functions; thread-safe.
#pragma once

#include <memory>

#include <nlohmann/json.hpp>

#include "common/result.hpp"
#include "domain/work_calendar.hpp"
#include "http/request.hpp"
#include "service/case_intake_service.hpp"
#include "service/case_query_service.hpp"
#include "service/case_view.hpp"
#include "service/case_workflow_service.hpp"

namespace minqing::api {

/// What a case's time left is counted with: the current calendar and the instant of the
/// request.
struct CaseTime {
    std::shared_ptr<const domain::WorkCalendar> calendar;
    Instant now{};
};

/// The case as its detail page shows it; the reporter masked unless revealed.
nlohmann::json CaseViewJson(const service::CaseView& view, const CaseTime& time);
/// A row of a work list, with its deadline, the working minutes left (negative when overdue),
/// the warning card, and the names of its category and holder from `names`.
nlohmann::json CaseItemJson(const domain::Case& c, const CaseTime& time,
                            const service::CaseNames& names);
/// An event with the display names of its actor and of the unit they acted for.
nlohmann::json CaseEventJson(const domain::CaseEvent& event, const service::CaseNames& names);
/// {id, code, name, displayName, kind, level} of an org unit a case refers to; displayName is
/// the name it acts under (domain::OfficeName: 市绿色通道办公室 for the city division).
nlohmann::json UnitRefJson(const domain::OrgUnit& unit);

/// Reads the work-list filters of GET /api/v1/cases from the query parameters (state, channel,
/// kind, urgency, warning, category, holder, orgUnit, from, to, overdue, mine, keyword, sort,
/// limit). Errors: 422 listing every bad parameter as "invalid".
Result<service::CaseFilters> DecodeCaseFilters(const http::Request& request);

}  // namespace minqing::api
