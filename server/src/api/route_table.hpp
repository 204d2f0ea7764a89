// A resource's routes as declarative rows: method, path, who may call it, the path id its
// handler binds, the handler, and what the transport must know of it (where it runs, whether
// its body is an upload). Mount turns rows into router entries, each wrapped in the auth
// guard: credentials, then CSRF, then the permission, then the id, then the handler.
#pragma once

#include <cstdint>
#include <functional>
#include <string_view>
#include <type_traits>
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

// The API's path ids, each with the 404 its resource answers.
inline constexpr IdParam kCaseId{"id", "case.not_found", "No such case."};
inline constexpr IdParam kUnitId{"id", "org.unit_not_found", "No such org unit."};
inline constexpr IdParam kUserId{"id", "user.not_found", "No such user."};
inline constexpr IdParam kAssignmentId{"assignmentId", "user.role_not_found",
                                       "The user has no such role assignment."};
inline constexpr IdParam kTokenId{"id", "token.not_found", "No such API token."};
inline constexpr IdParam kCardId{"id", "direct_card.not_found", "No such direct card."};
inline constexpr IdParam kViewId{"id", "saved_view.not_found", "No such view of yours."};
inline constexpr IdParam kSupervisionId{"sid", "supervision.not_found",
                                        "No such 督办单 on this case."};
inline constexpr IdParam kRuleId{"id", "time_limit.not_found", "No such time-limit rule."};
inline constexpr IdParam kMessageId{"id", "notification.not_found",
                                    "No such message in your inbox."};
inline constexpr IdParam kAttachmentId{"attachmentId", "attachment.not_found",
                                       "No such attachment."};

/// The ids a handler binds, checked in this order (the second only for a handler of two).
struct PathIds {
    constexpr PathIds(IdParam first_id = kCaseId, IdParam second_id = {})
        : first(first_id), second(second_id) {}
    IdParam first;
    IdParam second;
};

using IdHandler =
    std::function<http::Response(http::Request&, const domain::Principal&, std::int64_t id)>;
using IdPairHandler = std::function<http::Response(http::Request&, const domain::Principal&,
                                                   std::int64_t id, std::int64_t second)>;

struct Route {
    std::string_view method;
    std::string_view path;
    Access access;
    /// http::Handler for public routes; AuthedHandler, or IdHandler / IdPairHandler with
    /// `ids`, for the others.
    std::variant<http::Handler, AuthedHandler, IdHandler, IdPairHandler> handler;
    PathIds ids = {};
    http::Execution execution = http::Execution::kWorker;
    http::BodyKind body = http::BodyKind::kRequest;
};

/// How a handler holds its resource's context: a struct of services (taken as const&) is
/// copied into the route; a single service (taken as &) is referred to.
template <typename Context>
using Held = std::conditional_t<std::is_const_v<std::remove_reference_t<Context>>,
                                std::remove_cvref_t<Context>,
                                std::reference_wrapper<std::remove_reference_t<Context>>>;

/// The route handler that calls `handle(context, request, caller, ids...)`: its kind
/// (AuthedHandler, IdHandler, IdPairHandler) follows from the ids `handle` takes.
template <typename Context, typename... Ids>
std::function<http::Response(http::Request&, const domain::Principal&, Ids...)> With(
    std::type_identity_t<Held<Context>> context,
    http::Response (*handle)(Context, http::Request&, const domain::Principal&, Ids...)) {
    static_assert((std::is_same_v<Ids, std::int64_t> && ...) && sizeof...(Ids) <= 2);
    return [context = std::move(context), handle](http::Request& request,
                                                  const domain::Principal& caller, Ids... ids) {
        return handle(context, request, caller, ids...);
    };
}

/// As above, for a public route's handler (no caller).
template <typename Context>
http::Handler With(std::type_identity_t<Held<Context>> context,
                   http::Response (*handle)(Context, http::Request&)) {
    return [context = std::move(context), handle](http::Request& request) {
        return handle(context, request);
    };
}

using Routes = std::vector<Route>;

/// Adds `routes` to `router`. Throws std::logic_error for a public route whose handler needs
/// a caller; the router's own std::invalid_argument for a duplicate or malformed path.
void Mount(http::Router& router, const AuthGuard& guard, Routes routes);

}  // namespace minqing::api
