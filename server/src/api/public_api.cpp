// Without an account: POST /api/v1/public/submissions (mailbox and message board),
// GET /api/v1/public/submissions/{number}?code=… (status and answer), and
// GET /api/v1/categories (the subject categories the forms offer).
#include <nlohmann/json.hpp>

#include "api/case_bodies.hpp"
#include "api/case_json.hpp"
#include "api/routes.hpp"
#include "service/crypto.hpp"

namespace minqing::api {
namespace {

// Inactive categories only on request: the administration page shows them to reactivate;
// forms offer the active ones.
nlohmann::json CategoriesJson(const std::vector<domain::Category>& categories,
                              bool include_inactive) {
    nlohmann::json items = nlohmann::json::array();
    for (const auto& category : categories) {
        if (!category.active && !include_inactive) {
            continue;
        }
        items.push_back({{"code", category.code},
                         {"name", category.name},
                         {"parentCode", category.parent_code ? nlohmann::json(*category.parent_code)
                                                             : nlohmann::json(nullptr)},
                         {"keywords", category.keywords},
                         {"active", category.active}});
    }
    return {{"items", items}};
}

http::Response Submit(const PublicServices& context, http::Request& request) {
    if (const int wait =
            context.public_limit.TryAcquire(request.remote_address, context.clock.Now());
        wait > 0) {
        Error error = MakeError(ErrorCode::kRateLimited, "public.too_many_submissions",
                                "Too many submissions from this address; try again later.");
        error.retry_after_seconds = wait;
        return ErrorFor(request, error);
    }
    auto body = BodyObject(request);
    if (!body) {
        return ErrorFor(request, body.error());
    }
    const std::string key = std::string(request.Header("idempotency-key")).substr(0, 128);
    const std::string hash = service::Sha256Hex(request.body);
    auto created = RecordCase(DecodeCaseDraft(*body, true),
                              [&](service::CaseDraft draft, service::IntakeMode mode) {
                                  return context.intake.Submit(std::move(draft), key, hash, mode);
                              });
    if (!created) {
        return ErrorFor(request, created.error());
    }
    nlohmann::json answer = {{"number", created->view.c.number},
                             {"state", domain::CaseStateName(created->view.c.state)},
                             {"createdAt", FormatIso8601Cst(created->view.c.created_at)}};
    // The code is shown once; a replay cannot show it again, as only its digest is kept.
    answer["queryCode"] =
        created->replayed ? nlohmann::json(nullptr) : nlohmann::json(created->query_code);
    return http::Json(created->replayed ? 200 : 201, answer);
}

constexpr std::string_view kLookupsMetric = "minqing_public_lookups_total";

void CountLookup(const PublicServices& context, std::string_view outcome) {
    context.metrics.Add(std::string(kLookupsMetric) + "{outcome=\"" + std::string(outcome) + "\"}");
}

// A number and a short code are all that guard a resident's submission, so guesses are
// limited twice: per address, and per number (a few wrong codes lock it for a while, from
// every address).
http::Response Lookup(const PublicServices& context, http::Request& request) {
    const Instant now = context.clock.Now();
    const std::string number = request.PathParam("number");
    if (const int wait = context.lookup_limit.TryAcquire(request.remote_address, now); wait > 0) {
        CountLookup(context, "throttled");
        Error error = MakeError(ErrorCode::kRateLimited, "public.too_many_lookups",
                                "Too many lookups from this address; try again later.");
        error.retry_after_seconds = wait;
        return ErrorFor(request, error);
    }
    if (const int wait = context.lookup_failures.RetryAfterSeconds(number, now); wait > 0) {
        CountLookup(context, "locked");
        Error error = MakeError(ErrorCode::kRateLimited, "public.lookup_locked",
                                "Too many wrong codes for this number; try again later.");
        error.retry_after_seconds = wait;
        return ErrorFor(request, error);
    }
    auto status = context.intake.PublicStatusOf(number, request.QueryParam("code"));
    if (!status) {
        context.lookup_failures.Record(number, now);
        CountLookup(context, "miss");
        return ErrorFor(request, status.error());
    }
    CountLookup(context, "found");
    return http::Json(
        200,
        nlohmann::json{
            {"number", status->number},
            {"state", domain::CaseStateName(status->state)},
            {"createdAt", FormatIso8601Cst(status->created_at)},
            {"result", status->result ? nlohmann::json(domain::AnswerResultName(*status->result))
                                      : nlohmann::json(nullptr)},
            {"answerText", status->answer_text},
            {"declineReason", status->decline_reason},
            {"legalBasis", status->legal_basis},
            {"closedAt", status->closed_at ? nlohmann::json(FormatIso8601Cst(*status->closed_at))
                                           : nlohmann::json(nullptr)}});
}

http::Response Categories(const PublicServices& context, http::Request& request) {
    return http::Json(200, CategoriesJson(context.cases.Categories(),
                                          request.QueryParam("includeInactive") == "true"));
}

}  // namespace

Routes PublicRoutes(const PublicServices& context) {
    return {
        {"POST", "/api/v1/public/submissions", kPublic, With(context, &Submit)},
        {"GET", "/api/v1/public/submissions/{number}", kPublic, With(context, &Lookup)},
        {"GET", "/api/v1/categories", kPublic, With(context, &Categories)},
    };
}

}  // namespace minqing::api
