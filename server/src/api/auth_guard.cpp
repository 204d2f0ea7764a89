#include "api/auth_guard.hpp"

#include "http/error_response.hpp"
#include "service/crypto.hpp"

namespace minqing::api {
namespace {

bool IsUnsafe(std::string_view method) {
    return method != "GET" && method != "HEAD" && method != "OPTIONS";
}

std::string_view BearerToken(const http::Request& request) {
    constexpr std::string_view kPrefix = "Bearer ";
    const std::string_view header = request.Header("authorization");
    if (header.size() > kPrefix.size() && header.substr(0, kPrefix.size()) == kPrefix) {
        return header.substr(kPrefix.size());
    }
    return {};
}

}  // namespace

Result<service::Authenticated> AuthGuard::Identify(const http::Request& request) const {
    if (const auto bearer = BearerToken(request); !bearer.empty()) {
        return auth_.AuthenticateBearer(bearer);
    }
    const std::string session = request.Cookie(kSessionCookie);
    if (session.empty()) {
        return Fail(MakeError(ErrorCode::kUnauthenticated, "auth.required",
                              "Log in, or send an API token, to use this endpoint."));
    }
    return auth_.AuthenticateSession(session);
}

http::Handler AuthGuard::Require(AuthedHandler handler) const {
    return [this, handler = std::move(handler)](http::Request& request) {
        auto caller = Identify(request);
        if (!caller) {
            return http::ErrorResponse(caller.error(), request.request_id);
        }
        // Cookies ride along on cross-site requests; the token echo proves the page is ours.
        if (!caller->principal.via_api_token && IsUnsafe(request.method) &&
            !service::ConstantTimeEquals(request.Header("x-csrf-token"), caller->csrf_token)) {
            return http::ErrorResponse(
                Forbidden("auth.csrf_failed",
                          "Missing or wrong X-CSRF-Token header for a cookie-authenticated write."),
                request.request_id);
        }
        return handler(request, caller->principal);
    };
}

http::Handler AuthGuard::Require(std::string_view permission, AuthedHandler handler) const {
    return Require([permission, handler = std::move(handler)](http::Request& request,
                                                              const domain::Principal& caller) {
        if (!caller.HasPermission(permission)) {
            return http::ErrorResponse(
                Forbidden("auth.forbidden", "You lack the permission for this."),
                request.request_id);
        }
        return handler(request, caller);
    });
}

}  // namespace minqing::api
