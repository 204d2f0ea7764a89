// What the API handlers share: the services, the auth guard and small helpers to turn
// results into responses. The services are thread-safe, so one context serves all threads.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string_view>

#include <nlohmann/json.hpp>

#include "api/auth_guard.hpp"
#include "common/metrics.hpp"
#include "common/result.hpp"
#include "http/error_response.hpp"
#include "http/json.hpp"
#include "http/router.hpp"
#include "service/attachment_service.hpp"
#include "service/auth_service.hpp"
#include "service/case_intake_service.hpp"
#include "service/case_query_service.hpp"
#include "service/case_workflow_service.hpp"
#include "service/catalog_service.hpp"
#include "service/deadline_sweep.hpp"
#include "service/direct_card_service.hpp"
#include "service/message_template_service.hpp"
#include "service/notice_digest_service.hpp"
#include "service/notification_hub.hpp"
#include "service/notification_service.hpp"
#include "service/org_service.hpp"
#include "service/saved_view_service.hpp"
#include "service/sliding_window.hpp"
#include "service/supervision_service.hpp"
#include "service/time_rules_service.hpp"
#include "service/user_service.hpp"

namespace minqing::api {

/// The installation's settings the web app reads (config "web.*").
struct WebSettings {
    std::string map_tile_url;
    std::string map_attribution;
};

struct ApiContext {
    service::AuthService& auth;
    service::OrgService& orgs;
    service::UserService& users;
    service::CaseIntakeService& intake;
    service::CaseWorkflowService& workflow;
    service::CaseQueryService& cases;
    service::AttachmentService& attachments;
    /// Public submissions per client address.
    service::SlidingWindow& public_limit;
    const Clock& clock;
    /// True when the database answers now (for /readyz).
    std::function<bool()> database_ready;
    AuthGuard guard;
    /// Mark the session cookie Secure even when the request did not arrive over TLS (the
    /// server behind a TLS-terminating proxy).
    bool secure_cookies = false;
    service::NotificationService& notifications;
    /// Live WebSockets subscribe here for their user's new inbox messages.
    service::NotificationHub& hub;
    service::TimeRulesService& time_rules;
    service::SupervisionService& supervisions;
    service::DeadlineSweep& sweep;
    service::SavedViewService& saved_views;
    service::DirectCardService& direct_cards;
    service::MessageTemplateService& templates;
    service::CatalogService& catalog;
    WebSettings web_settings;
    /// Only in test mode: the server's clock, which /api/v1/test/clock moves.
    AdjustableClock* test_clock;
    /// Public status lookups per client address, and wrong query codes per case number (a
    /// number that collects too many is locked until they age out of the window).
    service::SlidingWindow& lookup_limit;
    service::SlidingWindow& lookup_failures;
    Metrics& metrics;
    /// Why the data directory cannot take writes now ("" when it can): /readyz reports it.
    std::function<std::string()> storage_problem;
    /// Removes stored files no attachment names (the periodic job; tests call it directly).
    std::function<int()> sweep_orphans;
    /// Notice preferences and the morning digest (the periodic job; tests call it directly).
    service::NoticeDigestService& notice_digests;
};

/// Registers every route of the API on `router`. `context` must outlive the router.
void RegisterRoutes(http::Router& router, const ApiContext& context);

// One registration function per resource file.
void RegisterHealthRoutes(http::Router& router, const ApiContext& context);
void RegisterAuthRoutes(http::Router& router, const ApiContext& context);
void RegisterTokenRoutes(http::Router& router, const ApiContext& context);
void RegisterOrgRoutes(http::Router& router, const ApiContext& context);
void RegisterUserRoutes(http::Router& router, const ApiContext& context);
void RegisterCaseRoutes(http::Router& router, const ApiContext& context);
void RegisterPublicRoutes(http::Router& router, const ApiContext& context);
void RegisterNotificationRoutes(http::Router& router, const ApiContext& context);
void RegisterTimeRulesRoutes(http::Router& router, const ApiContext& context);
void RegisterSupervisionRoutes(http::Router& router, const ApiContext& context);
void RegisterSavedViewRoutes(http::Router& router, const ApiContext& context);
void RegisterDirectCardRoutes(http::Router& router, const ApiContext& context);
void RegisterMessageTemplateRoutes(http::Router& router, const ApiContext& context);
void RegisterCatalogRoutes(http::Router& router, const ApiContext& context);
void RegisterWebSettingsRoutes(http::Router& router, const ApiContext& context);
void RegisterTestRoutes(http::Router& router, const ApiContext& context);

inline http::Response ErrorFor(const http::Request& request, const Error& error) {
    return http::ErrorResponse(error, request.request_id);
}

/// 200 (or `status`) with encode(value), or the error response.
template <typename T, typename Encode>
http::Response Respond(const http::Request& request, const Result<T>& result, Encode&& encode,
                       int status = 200) {
    if (!result) {
        return ErrorFor(request, result.error());
    }
    return http::Json(status, encode(*result));
}

/// The request body as a JSON object. Errors: 415 "request.unsupported_media_type" unless the
/// Content-Type is application/json; 400 "request.malformed_json".
Result<nlohmann::json> BodyObject(const http::Request& request);

/// A positive integer id from a path or query parameter.
std::optional<std::int64_t> ParseId(std::string_view text);

/// The 404 for a path id that is not a number: the same reason a missing id gets.
Error BadId(std::string_view reason, std::string_view message);

inline Error BadUnitId() {
    return BadId("org.unit_not_found", "No such org unit.");
}

inline Error BadCaseId() {
    return BadId("case.not_found", "No such case.");
}

/// Wraps a handler of /api/v1/cases/{id}/… that needs the parsed case id (404 otherwise).
AuthedHandler WithCaseId(
    std::function<http::Response(http::Request&, const domain::Principal&, domain::CaseId)>
        handler);

}  // namespace minqing::api
