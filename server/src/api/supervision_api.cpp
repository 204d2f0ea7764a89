// 督办: issuing a 督办单 on a case and the unit's reply, a case's supervisions, and the
// supervision centre's list.
#include "api/request_bodies.hpp"
#include "api/routes.hpp"

namespace minqing::api {
namespace {

using domain::permission::kCaseAct;
using domain::permission::kCaseRead;

nlohmann::json InstantJson(const std::optional<Instant>& at) {
    return at ? nlohmann::json(FormatIso8601Cst(*at)) : nlohmann::json(nullptr);
}

template <typename T>
nlohmann::json OrNull(const std::optional<T>& value) {
    return value ? nlohmann::json(*value) : nlohmann::json(nullptr);
}

nlohmann::json SupervisionJson(const domain::Supervision& s) {
    return {{"id", s.id},
            {"caseId", s.case_id},
            {"caseNumber", s.case_number},
            {"level", domain::SupervisionLevelName(s.level)},
            {"manual", s.manual},
            {"step",
             s.step ? nlohmann::json(domain::DeadlineStepName(*s.step)) : nlohmann::json(nullptr)},
            {"stepDeadline", InstantJson(s.step_deadline)},
            {"unitId", s.unit_id},
            {"note", s.note},
            {"issuedBy", OrNull(s.issued_by)},
            {"issuedByUnit", OrNull(s.issued_by_unit)},
            {"issuedAt", FormatIso8601Cst(s.issued_at)},
            {"replyDue", InstantJson(s.reply_due)},
            {"repliedAt", InstantJson(s.replied_at)},
            {"repliedBy", OrNull(s.replied_by)},
            {"reply", s.reply},
            {"replyLate", s.reply_warning_level > 0}};
}

constexpr std::int64_t kMaxPage = 500;

// A page of the centre: the items, the cursor of the next page (null on the last) and the
// totals by level of everything the filter matches.
nlohmann::json PageJson(const service::SupervisionPage& page) {
    nlohmann::json json = ItemsJson(page.items, SupervisionJson);
    json["nextCursor"] =
        page.next_cursor.empty() ? nlohmann::json(nullptr) : nlohmann::json(page.next_cursor);
    json["totals"] = {{"reminder", page.totals.reminder},
                      {"written", page.totals.written},
                      {"bulletin", page.totals.bulletin},
                      {"all", page.totals.all()}};
    return json;
}

http::Response Issue(service::SupervisionService& supervisions, http::Request& request,
                     const domain::Principal& caller, domain::CaseId id) {
    const auto order = ReadBody(request, &SupervisionOrderFields);
    return order ? Respond(request, supervisions.Issue(caller, id, *order), SupervisionJson, 201)
                 : ErrorFor(request, order.error());
}

http::Response Reply(service::SupervisionService& supervisions, http::Request& request,
                     const domain::Principal& caller, domain::CaseId id,
                     std::int64_t supervision_id) {
    const auto reply = ReadBody(request, &SupervisionReplyFields);
    return reply ? Respond(request, supervisions.Reply(caller, id, supervision_id, reply->text),
                           SupervisionJson)
                 : ErrorFor(request, reply.error());
}

http::Response OfCase(service::SupervisionService& supervisions, http::Request& request,
                      const domain::Principal& caller, domain::CaseId id) {
    return Respond(request, supervisions.OfCase(caller, id), ItemsOf(SupervisionJson));
}

http::Response List(service::SupervisionService& supervisions, http::Request& request,
                    const domain::Principal& caller) {
    service::SupervisionFilter filter;
    const std::string status = request.QueryParam("status");
    if (status == "open") {
        filter.open_only = true;
    } else if (status == "overdue") {
        filter.overdue_only = true;
    } else if (status == "manual") {
        filter.manual_only = true;
    } else if (!status.empty() && status != "all") {
        return ErrorFor(request,
                        Validation({{"status", "invalid", "all, manual, open or overdue."}}));
    }
    // The first problem only, as it has always been.
    std::vector<FieldError> problems;
    filter.unit_id = QueryNumber(request, "unit", "An org unit id.", problems);
    if (problems.empty()) {
        if (const auto limit = QueryNumber(request, "limit", "1 to 500.", problems, kMaxPage)) {
            filter.limit = static_cast<int>(*limit);
        }
    }
    if (!problems.empty()) {
        return ErrorFor(request, Validation(std::move(problems)));
    }
    return Respond(request, supervisions.List(caller, filter, request.QueryParam("cursor")),
                   PageJson);
}

}  // namespace

Routes SupervisionRoutes(service::SupervisionService& supervisions) {
    return {
        {"POST", "/api/v1/cases/{id}/supervisions", Needs(kCaseAct), With(supervisions, &Issue)},
        {"POST", "/api/v1/cases/{id}/supervisions/{sid}/reply", Needs(kCaseAct),
         With(supervisions, &Reply), PathIds(kCaseId, kSupervisionId)},
        {"GET", "/api/v1/cases/{id}/supervisions", Needs(kCaseRead), With(supervisions, &OfCase)},
        {"GET", "/api/v1/supervisions", Needs(kCaseRead), With(supervisions, &List)},
    };
}

}  // namespace minqing::api
