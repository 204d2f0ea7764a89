// POST /api/v1/auth/login, POST /api/v1/auth/logout, GET /api/v1/auth/me and the
// authentication audit GET /api/v1/auth/events.
#include <nlohmann/json.hpp>

#include "api/request_bodies.hpp"
#include "api/routes.hpp"
#include "api/user_json.hpp"
#include "http/same_origin.hpp"

namespace minqing::api {
namespace {

std::string SessionCookie(const AuthServices& context, const http::Request& request,
                          std::string_view value, std::int64_t max_age_seconds) {
    std::string cookie =
        std::string(kSessionCookie) + "=" + std::string(value) +
        "; Path=/; HttpOnly; SameSite=Strict; Max-Age=" + std::to_string(max_age_seconds);
    if (request.secure || context.secure_cookies) {
        cookie += "; Secure";
    }
    return cookie;
}

http::Response Login(const AuthServices& context, http::Request& request) {
    // Login CSRF: a foreign page must not sign the victim's browser into another account.
    if (http::IsCrossOrigin(request)) {
        return ErrorFor(request,
                        Forbidden("auth.cross_origin", "Log in from this site's own login page."));
    }
    const auto body = ReadBody(request, &LoginFields);
    if (!body) {
        return ErrorFor(request, body.error());
    }
    auto login = context.auth.Login(body->username, body->password, request.remote_address);
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

http::Response Logout(const AuthServices& context, http::Request& request) {
    context.auth.Logout(request.Cookie(kSessionCookie), request.remote_address);
    http::Response response = http::NoContent();
    response.AddHeader("Set-Cookie", SessionCookie(context, request, "", 0));
    return response;
}

}  // namespace

Routes AuthRoutes(const AuthServices& context) {
    return {
        {"POST", "/api/v1/auth/login", kPublic,
         [context](http::Request& request) { return Login(context, request); }},
        {"POST", "/api/v1/auth/logout", kSignedIn,
         [context](http::Request& request, const domain::Principal&) {
             return Logout(context, request);
         }},
        {"GET", "/api/v1/auth/me", kPublic,
         [context](http::Request& request) {
             auto caller = context.guard.Identify(request);
             if (!caller) {
                 return ErrorFor(request, caller.error());
             }
             nlohmann::json answer = PrincipalJson(caller->principal);
             // The SPA keeps the CSRF token in memory; after a reload it recovers it here.
             answer["csrfToken"] = caller->csrf_token;
             answer["viaApiToken"] = caller->principal.via_api_token;
             return http::Json(200, answer);
         }},
        {"GET", "/api/v1/auth/events", Needs(domain::permission::kAuditRead),
         [context](http::Request& request, const domain::Principal& caller) {
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
         }},
    };
}

}  // namespace minqing::api
