// A resource's routes as declarative rows: method, path, who may call it, the path id its
// handler binds, the handler, and what the transport must know of it (where it runs, whether
// its body is an upload). Mount turns rows into router entries, each wrapped in the auth
// guard: credentials, then CSRF, then the permission, then the id, then the handler.
#pragma once

#include <cstdint>
#include <functional>
#include <string_view>
#include <variant>
#include <vector>

#include "api/auth_guard.hpp"
#include "http/router.hpp"

namespace minqing::api {

/// Who may call a route.
struct Access {
    enum class Kind { kPublic, kSignedIn, kPermission };
    Kind kind = Kind::kSignedIn;
    std::string_view permission;
};

/// Anyone, without credentials.
inline constexpr Access kPublic{Access::Kind::kPublic, {}};
/// Any caller with valid credentials (401 otherwise; CSRF checked on cookie writes).
inline constexpr Access kSignedIn{Access::Kind::kSignedIn, {}};
/// A caller holding `permission` (403 "auth.forbidden" otherwise, before the body is read).
/// The services check scopes themselves.
constexpr Access Needs(std::string_view permission) {
    return {Access::Kind::kPermission, permission};
}

/// A path parameter that must be a positive id; anything else is the 404 a missing one gets.
struct IdParam {
    std::string_view name;
    std::string_view reason;
    std::string_view message;
};

inline constexpr IdParam kCaseId{"id", "case.not_found", "No such case."};

using IdHandler =
    std::function<http::Response(http::Request&, const domain::Principal&, std::int64_t id)>;

struct Route {
    std::string_view method;
    std::string_view path;
    Access access;
    /// http::Handler for public routes; AuthedHandler, or IdHandler with `id`, for the others.
    std::variant<http::Handler, AuthedHandler, IdHandler> handler;
    IdParam id = kCaseId;
    http::Execution execution = http::Execution::kWorker;
    http::BodyKind body = http::BodyKind::kRequest;
};

using Routes = std::vector<Route>;

/// Adds `routes` to `router`. Throws std::logic_error for a public route whose handler needs
/// a caller; the router's own std::invalid_argument for a duplicate or malformed path.
void Mount(http::Router& router, const AuthGuard& guard, Routes routes);

}  // namespace minqing::api
