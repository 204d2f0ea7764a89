// Authentication and CSRF for API routes: wraps a handler that needs a caller, resolving the
// session cookie or the Bearer token, and requiring X-CSRF-Token on cookie-authenticated
// writes. Thread-safe.
#pragma once

#include <functional>
#include <string_view>

#include "domain/principal.hpp"
#include "http/router.hpp"
#include "service/auth_service.hpp"

namespace minqing::api {

inline constexpr std::string_view kSessionCookie = "minqing_session";

using AuthedHandler = std::function<http::Response(http::Request&, const domain::Principal&)>;

class AuthGuard {
  public:
    explicit AuthGuard(service::AuthService& auth) : auth_(auth) {}

    /// A handler that answers 401 without valid credentials, 403 "auth.csrf_failed" for a
    /// cookie-authenticated POST/PUT/PATCH/DELETE without the session's CSRF token, and
    /// otherwise calls `handler` with the caller.
    http::Handler Require(AuthedHandler handler) const;
    /// As above, and 403 "auth.forbidden" unless the caller holds `permission` (checked before
    /// the body is read, so a caller without it learns nothing about the body's validity).
    /// The services check scopes themselves.
    http::Handler Require(std::string_view permission, AuthedHandler handler) const;

    /// The caller of a request, if its credentials are valid (CSRF not checked).
    Result<service::Authenticated> Identify(const http::Request& request) const;

  private:
    service::AuthService& auth_;
};

}  // namespace minqing::api
