// Staff accounts for admins: GET/POST /api/v1/users, GET/PATCH /api/v1/users/{id},
// POST /api/v1/users/{id}/roles, DELETE /api/v1/users/{id}/roles/{assignmentId}.
#include <nlohmann/json.hpp>

#include "api/json_fields.hpp"
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
    return Respond(request, context.users.List(caller, query),
                   [](const std::vector<domain::User>& users) {
                       nlohmann::json items = nlohmann::json::array();
                       for (const auto& user : users) {
                           items.push_back(UserJson(user));
                       }
                       return nlohmann::json{{"items", items}};
                   });
}

http::Response CreateUser(const UserServices& context, http::Request& request,
                          const domain::Principal& caller) {
    auto body = BodyObject(request);
    if (!body) {
        return ErrorFor(request, body.error());
    }
    JsonFields fields(*body);
    service::NewUser user;
    user.username = fields.String("username", true).value_or("");
    user.display_name = fields.String("displayName", true).value_or("");
    user.phone = fields.String("phone").value_or("");
    user.password = fields.String("password", true).value_or("");
    fields.RejectUnknown({"username", "displayName", "phone", "password"});
    if (!fields.ok()) {
        return ErrorFor(request, fields.error());
    }
    return Respond(request, context.users.Create(caller, user), UserJson, 201);
}

http::Response UpdateUser(const UserServices& context, http::Request& request,
                          const domain::Principal& caller, domain::UserId id) {
    auto body = BodyObject(request);
    if (!body) {
        return ErrorFor(request, body.error());
    }
    JsonFields fields(*body);
    service::UserChanges changes;
    changes.display_name = fields.String("displayName");
    changes.phone = fields.String("phone");
    changes.password = fields.String("password");
    changes.active = fields.Boolean("active");
    changes.unlock = fields.Boolean("unlock").value_or(false);
    fields.RejectUnknown({"displayName", "phone", "password", "active", "unlock"});
    if (!fields.ok()) {
        return ErrorFor(request, fields.error());
    }
    return Respond(request, context.users.Update(caller, id, changes), UserJson);
}

http::Response GrantRole(const UserServices& context, http::Request& request,
                         const domain::Principal& caller, domain::UserId id) {
    auto body = BodyObject(request);
    if (!body) {
        return ErrorFor(request, body.error());
    }
    JsonFields fields(*body);
    const auto role_name = fields.String("role", true);
    const auto unit_id = fields.Integer("orgUnitId", true);
    fields.RejectUnknown({"role", "orgUnitId"});
    const auto role = role_name ? domain::ParseRole(*role_name) : std::nullopt;
    if (role_name && !role) {
        fields.Add({"role", "invalid", "Not a known role."});
    }
    if (!fields.ok()) {
        return ErrorFor(request, fields.error());
    }
    return Respond(request, context.users.Grant(caller, id, *role, *unit_id), RoleAssignmentJson,
                   201);
}

// Wraps a handler of /api/v1/users/{id}/… that needs the parsed user id.
AuthedHandler WithUserId(
    std::function<http::Response(http::Request&, const domain::Principal&, domain::UserId)>
        handler) {
    return [handler = std::move(handler)](http::Request& request, const domain::Principal& caller) {
        const auto id = ParseId(request.PathParam("id"));
        if (!id) {
            return ErrorFor(request, BadId("user.not_found", "No such user."));
        }
        return handler(request, caller, *id);
    };
}

}  // namespace

Routes UserRoutes(const UserServices& context) {
    return {
        {"GET", "/api/v1/users", Needs(domain::permission::kUserRead),
         [context](http::Request& request, const domain::Principal& caller) {
             return ListUsers(context, request, caller);
         }},
        {"POST", "/api/v1/users", Needs(domain::permission::kUserWrite),
         [context](http::Request& request, const domain::Principal& caller) {
             return CreateUser(context, request, caller);
         }},
        {"GET", "/api/v1/users/{id}", Needs(domain::permission::kUserRead),
         WithUserId(
             [context](http::Request& request, const domain::Principal& caller, domain::UserId id) {
                 return Respond(request, context.users.Get(caller, id), UserJson);
             })},
        {"PATCH", "/api/v1/users/{id}", Needs(domain::permission::kUserWrite),
         WithUserId(
             [context](http::Request& request, const domain::Principal& caller, domain::UserId id) {
                 return UpdateUser(context, request, caller, id);
             })},
        {"POST", "/api/v1/users/{id}/roles", Needs(domain::permission::kUserWrite),
         WithUserId(
             [context](http::Request& request, const domain::Principal& caller, domain::UserId id) {
                 return GrantRole(context, request, caller, id);
             })},
        {"DELETE", "/api/v1/users/{id}/roles/{assignmentId}", Needs(domain::permission::kUserWrite),
         WithUserId(
             [context](http::Request& request, const domain::Principal& caller, domain::UserId id) {
                 const auto assignment = ParseId(request.PathParam("assignmentId"));
                 if (!assignment) {
                     return ErrorFor(request, BadId("user.role_not_found",
                                                    "The user has no such role assignment."));
                 }
                 const auto revoked = context.users.Revoke(caller, id, *assignment);
                 return revoked ? http::NoContent() : ErrorFor(request, revoked.error());
             })},
    };
}

}  // namespace minqing::api
