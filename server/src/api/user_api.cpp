// Staff accounts for admins: GET/POST /api/v1/users, GET/PATCH /api/v1/users/{id},
// POST /api/v1/users/{id}/roles, DELETE /api/v1/users/{id}/roles/{assignmentId}.
#include <nlohmann/json.hpp>

#include "api/request_bodies.hpp"
#include "api/routes.hpp"
#include "api/user_json.hpp"

namespace minqing::api {
namespace {

http::Response ListUsers(const UserServices& context, http::Request& request,
                         const domain::Principal& caller) {
    domain::UserQuery query;
    query.keyword = request.QueryParam("keyword");
    if (const std::string limit = request.QueryParam("limit"); !limit.empty()) {
        query.limit = static_cast<int>(ParseId(limit).value_or(0));
    }
    if (const std::string offset = request.QueryParam("offset"); !offset.empty()) {
        query.offset = static_cast<int>(ParseId(offset).value_or(0));
    }
    if (const std::string within = request.QueryParam("orgUnit"); !within.empty()) {
        const auto unit_id = ParseId(within);
        auto unit = unit_id ? context.orgs.Get(caller, *unit_id)
                            : Result<domain::OrgUnit>(Fail(BadUnitId()));
        if (!unit) {
            return ErrorFor(request, unit.error());
        }
        query.within_paths = std::vector<std::string>{unit->path};
    }
    return Respond(request, context.users.List(caller, query), ItemsOf(UserJson));
}

http::Response CreateUser(const UserServices& context, http::Request& request,
                          const domain::Principal& caller) {
    const auto user = ReadBody(request, &NewUserFields);
    return user ? Respond(request, context.users.Create(caller, *user), UserJson, 201)
                : ErrorFor(request, user.error());
}

http::Response UpdateUser(const UserServices& context, http::Request& request,
                          const domain::Principal& caller, domain::UserId id) {
    const auto changes = ReadBody(request, &UserChangesFields);
    return changes ? Respond(request, context.users.Update(caller, id, *changes), UserJson)
                   : ErrorFor(request, changes.error());
}

http::Response GrantRole(const UserServices& context, http::Request& request,
                         const domain::Principal& caller, domain::UserId id) {
    const auto grant = ReadBody(request, &RoleGrantFields, &CheckRoleGrant);
    if (!grant) {
        return ErrorFor(request, grant.error());
    }
    return Respond(
        request,
        context.users.Grant(caller, id, *domain::ParseRole(*grant->role), *grant->org_unit_id),
        RoleAssignmentJson, 201);
}

http::Response GetUser(const UserServices& context, http::Request& request,
                       const domain::Principal& caller, domain::UserId id) {
    return Respond(request, context.users.Get(caller, id), UserJson);
}

http::Response RevokeRole(const UserServices& context, http::Request& request,
                          const domain::Principal& caller, domain::UserId id,
                          std::int64_t assignment) {
    return NoContentOr(request, context.users.Revoke(caller, id, assignment));
}

}  // namespace

Routes UserRoutes(const UserServices& context) {
    using domain::permission::kUserRead;
    using domain::permission::kUserWrite;
    return {
        {"GET", "/api/v1/users", Needs(kUserRead), With(context, &ListUsers)},
        {"POST", "/api/v1/users", Needs(kUserWrite), With(context, &CreateUser)},
        {"GET", "/api/v1/users/{id}", Needs(kUserRead), With(context, &GetUser), kUserId},
        {"PATCH", "/api/v1/users/{id}", Needs(kUserWrite), With(context, &UpdateUser), kUserId},
        {"POST", "/api/v1/users/{id}/roles", Needs(kUserWrite), With(context, &GrantRole), kUserId},
        {"DELETE", "/api/v1/users/{id}/roles/{assignmentId}", Needs(kUserWrite),
         With(context, &RevokeRole), PathIds(kUserId, kAssignmentId)},
    };
}

}  // namespace minqing::api
