// Unit assessment (考核): the scheme and its versions, periods and their results, a unit's
// profile and trend, the city office's publish/close/reopen, appeals and the export.
#include "api/assessment_json.hpp"
#include "api/json_fields.hpp"
#include "api/routes.hpp"

namespace minqing::api {
namespace {

using service::AssessmentService;

constexpr IdParam kAppealId{"id", "assessment.appeal_not_found", "No such appeal."};

http::Response Schemes(AssessmentService& assessments, http::Request& request,
                       const domain::Principal& caller) {
    return Respond(request, assessments.Schemes(caller), ItemsOf(StoredSchemeJson));
}

http::Response CurrentScheme(AssessmentService& assessments, http::Request& request,
                             const domain::Principal& caller) {
    return Respond(request, assessments.CurrentScheme(caller), StoredSchemeJson);
}

http::Response ChangeScheme(AssessmentService& assessments, http::Request& request,
                            const domain::Principal& caller) {
    // Who may is said before anything about the body.
    if (const auto allowed = assessments.CanEditScheme(caller); !allowed) {
        return ErrorFor(request, allowed.error());
    }
    const auto body = BodyObject(request);
    if (!body) {
        return ErrorFor(request, body.error());
    }
    auto scheme = SchemeFromJson(*body);
    if (!scheme) {
        return ErrorFor(request, scheme.error());
    }
    const auto note = body->find("note");
    return Respond(request,
                   assessments.ChangeScheme(
                       caller, std::move(*scheme),
                       note != body->end() && note->is_string() ? note->get<std::string>() : ""),
                   StoredSchemeJson, 201);
}

http::Response Periods(AssessmentService& assessments, http::Request& request,
                       const domain::Principal& caller) {
    return Respond(request, assessments.Periods(caller), ItemsOf(PeriodRecordJson));
}

http::Response Results(AssessmentService& assessments, http::Request& request,
                       const domain::Principal& caller) {
    service::ResultsFilter filter;
    std::vector<FieldError> problems;
    if (const std::string group = request.QueryParam("group"); !group.empty()) {
        filter.group = domain::ParsePeerGroup(group);
        if (!filter.group) {
            problems.push_back({"group", "invalid",
                                "city_units, district_units, districts, streets, communities or "
                                "grid_workers."});
        }
    }
    filter.scope = QueryNumber(request, "scope", "An org unit id.", problems);
    if (!problems.empty()) {
        return ErrorFor(request, Validation(std::move(problems)));
    }
    return Respond(request, assessments.Results(caller, request.PathParam("label"), filter),
                   ResultsJson);
}

http::Response Profile(AssessmentService& assessments, http::Request& request,
                       const domain::Principal& caller) {
    return Respond(
        request, assessments.Profile(caller, request.PathParam("label"), request.PathParam("unit")),
        ProfileJson);
}

http::Response Trend(AssessmentService& assessments, http::Request& request,
                     const domain::Principal& caller) {
    return Respond(request,
                   assessments.Trend(caller, request.PathParam("unit"), request.QueryParam("from"),
                                     request.QueryParam("to")),
                   TrendJson);
}

http::Response Publish(AssessmentService& assessments, http::Request& request,
                       const domain::Principal& caller) {
    return Respond(request, assessments.Publish(caller, request.PathParam("label")),
                   PeriodRecordJson);
}

http::Response Close(AssessmentService& assessments, http::Request& request,
                     const domain::Principal& caller) {
    return Respond(request, assessments.Close(caller, request.PathParam("label")),
                   PeriodRecordJson);
}

// {reason}: the one field of a reopening and of a decision on an appeal.
Result<std::string> ReasonBody(const http::Request& request) {
    const auto body = BodyObject(request);
    if (!body) {
        return Fail(body.error());
    }
    JsonFields fields(*body);
    fields.RejectUnknown({"reason"});
    auto reason = fields.String("reason");
    if (!fields.ok()) {
        return Fail(fields.error());
    }
    return reason.value_or("");
}

http::Response Reopen(AssessmentService& assessments, http::Request& request,
                      const domain::Principal& caller) {
    const auto reason = ReasonBody(request);
    if (!reason) {
        return ErrorFor(request, reason.error());
    }
    return Respond(request, assessments.Reopen(caller, request.PathParam("label"), *reason),
                   PeriodRecordJson);
}

http::Response Log(AssessmentService& assessments, http::Request& request,
                   const domain::Principal& caller) {
    return Respond(request, assessments.Log(caller, request.PathParam("label")),
                   ItemsOf(LogEntryJson));
}

http::Response Export(AssessmentService& assessments, http::Request& request,
                      const domain::Principal& caller) {
    const std::string label = request.PathParam("label");
    auto bytes = assessments.Export(caller, label);
    if (!bytes) {
        return ErrorFor(request, bytes.error());
    }
    http::Response response;
    response.status = 200;
    response.body = std::move(*bytes);
    response.SetHeader("Content-Type",
                       "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    // The label was parsed as a period: digits, '-' and 'Q' only.
    response.SetHeader("Content-Disposition",
                       "attachment; filename=\"assessment-" + label + ".xlsx\"");
    response.SetHeader("Cache-Control", "no-store");
    return response;
}

Result<service::AppealForm> AppealBody(const http::Request& request) {
    const auto body = BodyObject(request);
    if (!body) {
        return Fail(body.error());
    }
    JsonFields fields(*body);
    fields.RejectUnknown({"period", "unit", "measure", "caseId", "reason", "attachmentIds"});
    service::AppealForm form;
    form.period = fields.String("period", true).value_or("");
    form.unit = fields.String("unit", true).value_or("");
    form.measure = fields.String("measure", true).value_or("");
    form.case_id = fields.Integer("caseId", true).value_or(0);
    form.reason = fields.String("reason", true).value_or("");
    form.attachment_ids = fields.Ids("attachmentIds");
    if (!fields.ok()) {
        return Fail(fields.error());
    }
    return form;
}

http::Response FileAppeal(AssessmentService& assessments, http::Request& request,
                          const domain::Principal& caller) {
    if (const auto allowed = assessments.CanAppeal(caller); !allowed) {
        return ErrorFor(request, allowed.error());
    }
    const auto form = AppealBody(request);
    if (!form) {
        return ErrorFor(request, form.error());
    }
    return Respond(request, assessments.FileAppeal(caller, *form), AppealJson, 201);
}

http::Response Appeals(AssessmentService& assessments, http::Request& request,
                       const domain::Principal& caller) {
    domain::AppealQuery query;
    std::vector<FieldError> problems;
    if (const std::string period = request.QueryParam("period"); !period.empty()) {
        if (const auto parsed = domain::ParseAssessmentPeriod(period)) {
            query.period = parsed->label;
        } else {
            problems.push_back({"period", "invalid", "A month, quarter or year: 2026-11."});
        }
    }
    if (const std::string state = request.QueryParam("state"); !state.empty()) {
        query.state = domain::ParseAppealState(state);
        if (!query.state) {
            problems.push_back({"state", "invalid", "filed, accepted or rejected."});
        }
    }
    if (!problems.empty()) {
        return ErrorFor(request, Validation(std::move(problems)));
    }
    return Respond(request, assessments.Appeals(caller, query), ItemsOf(AppealJson));
}

http::Response Decide(AssessmentService& assessments, http::Request& request,
                      const domain::Principal& caller, std::int64_t id, bool accept) {
    const auto reason = ReasonBody(request);
    if (!reason) {
        return ErrorFor(request, reason.error());
    }
    return Respond(request, assessments.Decide(caller, id, accept, *reason), AppealJson);
}

http::Response Accept(AssessmentService& assessments, http::Request& request,
                      const domain::Principal& caller, std::int64_t id) {
    return Decide(assessments, request, caller, id, true);
}

http::Response Reject(AssessmentService& assessments, http::Request& request,
                      const domain::Principal& caller, std::int64_t id) {
    return Decide(assessments, request, caller, id, false);
}

}  // namespace

Routes AssessmentRoutes(AssessmentService& assessments) {
    return {
        {"GET", "/api/v1/assessment/schemes", kSignedIn, With(assessments, &Schemes)},
        {"GET", "/api/v1/assessment/schemes/current", kSignedIn, With(assessments, &CurrentScheme)},
        {"PUT", "/api/v1/assessment/scheme", kSignedIn, With(assessments, &ChangeScheme)},
        {"GET", "/api/v1/assessment/periods", kSignedIn, With(assessments, &Periods)},
        {"GET", "/api/v1/assessment/periods/{label}", kSignedIn, With(assessments, &Results)},
        {"GET", "/api/v1/assessment/periods/{label}/units/{unit}", kSignedIn,
         With(assessments, &Profile)},
        {"GET", "/api/v1/assessment/units/{unit}/trend", kSignedIn, With(assessments, &Trend)},
        {"POST", "/api/v1/assessment/periods/{label}/publish", kSignedIn,
         With(assessments, &Publish)},
        {"POST", "/api/v1/assessment/periods/{label}/close", kSignedIn, With(assessments, &Close)},
        {"POST", "/api/v1/assessment/periods/{label}/reopen", kSignedIn,
         With(assessments, &Reopen)},
        {"GET", "/api/v1/assessment/periods/{label}/log", kSignedIn, With(assessments, &Log)},
        {"GET", "/api/v1/assessment/periods/{label}/export.xlsx", kSignedIn,
         With(assessments, &Export)},
        {"POST", "/api/v1/assessment/appeals", kSignedIn, With(assessments, &FileAppeal)},
        {"GET", "/api/v1/assessment/appeals", kSignedIn, With(assessments, &Appeals)},
        {"POST", "/api/v1/assessment/appeals/{id}/accept", kSignedIn, With(assessments, &Accept),
         PathIds(kAppealId)},
        {"POST", "/api/v1/assessment/appeals/{id}/reject", kSignedIn, With(assessments, &Reject),
         PathIds(kAppealId)},
    };
}

}  // namespace minqing::api
