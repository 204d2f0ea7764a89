#include "api/route_table.hpp"

#include <stdexcept>
#include <string>

#include "api/respond.hpp"

namespace minqing::api {
namespace {

// The handler behind the guard: a caller's handler, with its id bound first when it has one.
AuthedHandler WithCaller(Route& route) {
    if (auto* bound = std::get_if<IdHandler>(&route.handler)) {
        return [id = route.id, handler = std::move(*bound)](http::Request& request,
                                                            const domain::Principal& caller) {
            const auto value = ParseId(request.PathParam(std::string(id.name)));
            return value ? handler(request, caller, *value)
                         : ErrorFor(request, BadId(id.reason, id.message));
        };
    }
    return std::move(std::get<AuthedHandler>(route.handler));
}

http::Handler Guarded(const AuthGuard& guard, Route& route) {
    switch (route.access.kind) {
        case Access::Kind::kPublic:
            if (auto* open = std::get_if<http::Handler>(&route.handler)) {
                return std::move(*open);
            }
            throw std::logic_error("public route with a caller's handler: " +
                                   std::string(route.path));
        case Access::Kind::kSignedIn:
            return guard.Require(WithCaller(route));
        case Access::Kind::kPermission:
            return guard.Require(route.access.permission, WithCaller(route));
    }
    throw std::logic_error("unknown access");
}

}  // namespace

void Mount(http::Router& router, const AuthGuard& guard, Routes routes) {
    for (Route& route : routes) {
        router.Add(std::string(route.method), std::string(route.path), Guarded(guard, route),
                   route.execution, route.body);
    }
}

}  // namespace minqing::api
