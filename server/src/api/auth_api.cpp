// POST /api/v1/auth/login, POST /api/v1/auth/logout, GET /api/v1/auth/me and the
// authentication audit GET /api/v1/auth/events.
#include <nlohmann/json.hpp>

#include "api/api_context.hpp"
#include "api/json_fields.hpp"
#include "api/user_json.hpp"
#include "http/same_origin.hpp"

namespace minqing::api {
namespace {

std::string SessionCookie(const ApiContext& context, const http::Request& request,
                          std::string_view value, std::int64_t max_age_seconds) {
    std::string cookie =
        std::string(kSessionCookie) + "=" + std::string(value) +
        "; Path=/; HttpOnly; SameSite=Strict; Max-Age=" + std::to_string(max_age_seconds);
    if (request.secure || context.secure_cookies) {
        cookie += "; Secure";
    }
    return cookie;
}

http::Response Login(const ApiContext& context, http::Request& request) {
    // Login CSRF: a foreign page must not sign the victim's browser into another account.
    if (http::IsCrossOrigin(request)) {
        return ErrorFor(request,
                        Forbidden("auth.cross_origin", "Log in from this site's own login page."));
    }
    auto body = BodyObject(request);
    if (!body) {
        return ErrorFor(request, body.error());
    }
    JsonFields fields(*body);
    const auto username = fields.String("username", true);
    const auto password = fields.String("password", true);
    fields.RejectUnknown({"username", "password"});
    if (!fields.ok()) {
        return ErrorFor(request, fields.error());
    }
    auto login = context.auth.Login(*username, *password, request.remote_address);
    if (!login) {
        return ErrorFor(request, login.error());
    }
    nlohmann::json answer = PrincipalJson(login->principal);
    answer["csrfToken"] = login->csrf_token;
    answer["expiresAt"] = FormatIso8601Cst(login->expires_at);
    http::Response response = http::Json(200, answer);
    response.AddHeader("Set-Cookie", SessionCookie(context, request, login->session_token,
                                                   login->max_age_seconds));
    response.SetHeader("Cache-Control", "no-store");
    return response;
}

http::Response Logout(const ApiContext& context, http::Request& request) {
    context.auth.Logout(request.Cookie(kSessionCookie), request.remote_address);
    http::Response response = http::NoContent();
    response.AddHeader("Set-Cookie", SessionCookie(context, request, "", 0));
    return response;
}

}  // namespace

void RegisterAuthRoutes(http::Router& router, const ApiContext& context) {
    router.Add("POST", "/api/v1/auth/login",
               [&context](http::Request& request) { return Login(context, request); });
    router.Add("POST", "/api/v1/auth/logout",
               context.guard.Require([&context](http::Request& request, const domain::Principal&) {
                   return Logout(context, request);
               }));
    router.Add("GET", "/api/v1/auth/me", [&context](http::Request& request) {
        auto caller = context.guard.Identify(request);
        if (!caller) {
            return ErrorFor(request, caller.error());
        }
        nlohmann::json answer = PrincipalJson(caller->principal);
        // The SPA keeps the CSRF token in memory; after a reload it recovers it here.
        answer["csrfToken"] = caller->csrf_token;
        answer["viaApiToken"] = caller->principal.via_api_token;
        return http::Json(200, answer);
    });
    router.Add(
        "GET", "/api/v1/auth/events",
        context.guard.Require(domain::permission::kAuditRead, [&context](
                                                                  http::Request& request,
                                                                  const domain::Principal& caller) {
            const auto limit = ParseId(request.QueryParam("limit"));
            return Respond(
                request,
                context.auth.ListAuditEvents(caller, static_cast<int>(limit.value_or(100)),
                                             request.QueryParam("username")),
                [](const std::vector<domain::AuthEvent>& events) {
                    nlohmann::json items = nlohmann::json::array();
                    for (const auto& event : events) {
                        items.push_back({{"id", event.id},
                                         {"at", FormatIso8601Cst(event.at)},
                                         {"kind", event.kind},
                                         {"username", event.username},
                                         {"userId", event.user_id ? nlohmann::json(*event.user_id)
                                                                  : nlohmann::json(nullptr)},
                                         {"address", event.address},
                                         {"detail", event.detail}});
                    }
                    return nlohmann::json{{"items", items}};
                });
        }));
}

}  // namespace minqing::api
