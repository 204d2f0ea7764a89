#include "domain/principal.hpp"

#include <algorithm>

namespace minqing::domain {

bool Principal::HasRole(Role role) const {
    return std::ranges::any_of(roles,
                               [role](const RoleAssignment& held) { return held.role == role; });
}

bool Principal::HasPermission(std::string_view permission) const {
    return std::ranges::any_of(roles, [permission](const RoleAssignment& held) {
        const auto granted = PermissionsOf(held.role);
        return std::ranges::find(granted, permission) != granted.end();
    });
}

std::vector<std::string_view> Principal::Permissions() const {
    std::vector<std::string_view> all;
    for (const RoleAssignment& held : roles) {
        const auto granted = PermissionsOf(held.role);
        all.insert(all.end(), granted.begin(), granted.end());
    }
    std::ranges::sort(all);
    const auto [first, last] = std::ranges::unique(all);
    all.erase(first, last);
    return all;
}

bool AdministersPath(const Principal& actor, std::string_view unit_path) {
    return std::ranges::any_of(actor.roles, [unit_path](const RoleAssignment& held) {
        return held.role == Role::kAdmin && IsWithinPath(held.org_unit_path, unit_path);
    });
}

bool ManagesUser(const Principal& actor, const User& user) {
    if (!actor.HasRole(Role::kAdmin)) {
        return false;
    }
    if (!user.roles.empty()) {
        return std::ranges::all_of(user.roles, [&actor](const RoleAssignment& held) {
            return AdministersPath(actor, held.org_unit_path);
        });
    }
    // "All of no roles" would let every admin in; an account without roles belongs where
    // its creator created it.
    return user.home_path ? AdministersPath(actor, *user.home_path) : AdministersRoot(actor);
}

std::optional<std::string> HomePathFor(const Principal& creator) {
    std::optional<std::string> home;
    for (const std::string& scope : AdminScopes(creator)) {
        if (!home || scope.size() < home->size()) {
            home = scope;
        }
    }
    return home;
}

std::vector<std::string> AdminScopes(const Principal& actor) {
    std::vector<std::string> scopes;
    for (const RoleAssignment& held : actor.roles) {
        if (held.role == Role::kAdmin) {
            scopes.push_back(held.org_unit_path);
        }
    }
    return scopes;
}

bool AdministersRoot(const Principal& actor) {
    // A root's path holds one id: "/1/".
    return std::ranges::any_of(actor.roles, [](const RoleAssignment& held) {
        return held.role == Role::kAdmin && std::ranges::count(held.org_unit_path, '/') == 2;
    });
}

bool Administers(const Principal& actor, const OrgUnit& unit) {
    return AdministersPath(actor, unit.path);
}

Status CheckCanGrant(const Principal& granter, Role role, const OrgUnit& unit) {
    if (!granter.HasRole(Role::kAdmin)) {
        return Fail(Forbidden("auth.forbidden", "Only administrators assign roles."));
    }
    if (!Administers(granter, unit)) {
        return Fail(Forbidden("user.grant_outside_scope",
                              "The org unit lies outside the scope you administer."));
    }
    if (const auto mismatch = CheckRoleScope(role, unit)) {
        return Fail(
            Validation({{"orgUnitId", std::string(*mismatch),
                         "This role cannot be scoped to that kind or level of org unit."}}));
    }
    return Ok();
}

}  // namespace minqing::domain
