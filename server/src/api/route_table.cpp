#include "api/route_table.hpp"

#include <stdexcept>
#include <string>

#include "api/respond.hpp"

namespace minqing::api {
namespace {

// The id `param` names in the request's path, or the 404 a missing one gets.
Result<std::int64_t> PathId(const http::Request& request, const IdParam& param) {
    if (const auto value = ParseId(request.PathParam(std::string(param.name)))) {
        return *value;
    }
    return Fail(BadId(param.reason, param.message));
}

// The handler behind the guard: a caller's handler, with its ids bound first when it has any.
AuthedHandler WithCaller(Route& route) {
    if (auto* bound = std::get_if<IdHandler>(&route.handler)) {
        return [ids = route.ids, handler = std::move(*bound)](http::Request& request,
                                                              const domain::Principal& caller) {
            const auto id = PathId(request, ids.first);
            return id ? handler(request, caller, *id) : ErrorFor(request, id.error());
        };
    }
    if (auto* bound = std::get_if<IdPairHandler>(&route.handler)) {
        if (route.ids.second.name.empty()) {
            throw std::logic_error("two ids bound, one named: " + std::string(route.path));
        }
        return [ids = route.ids, handler = std::move(*bound)](http::Request& request,
                                                              const domain::Principal& caller) {
            const auto id = PathId(request, ids.first);
            if (!id) {
                return ErrorFor(request, id.error());
            }
            const auto second = PathId(request, ids.second);
            return second ? handler(request, caller, *id, *second)
                          : ErrorFor(request, second.error());
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
