// Who is acting: a user with their role assignments, and the access rules over them
// (permissions, scopes, who may grant what). Plain data and functions; no I/O.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.hpp"
#include "domain/user.hpp"

namespace minqing::domain {

struct Principal {
    UserId user_id = 0;
    std::string username;
    std::string display_name;
    std::vector<RoleAssignment> roles;
    /// Set when the caller authenticated with an API token rather than a session.
    bool via_api_token = false;

    bool HasRole(Role role) const;
    bool HasPermission(std::string_view permission) const;
    /// The union of the permissions of every role, sorted and unique.
    std::vector<std::string_view> Permissions() const;
};

/// Whether `granter` may give `role` on `unit`: they must hold the admin role on a scope that
/// contains `unit`, and the role must fit the node. Errors: "auth.forbidden" (not an admin),
/// "user.grant_outside_scope", "user.role_scope_mismatch".
Status CheckCanGrant(const Principal& granter, Role role, const OrgUnit& unit);

/// Whether `actor` administers `unit` (admin role on a containing scope).
bool Administers(const Principal& actor, const OrgUnit& unit);
bool AdministersPath(const Principal& actor, std::string_view unit_path);

/// Whether the actor is an admin whose scopes hold every role of `user`; for a user without
/// roles, whose scopes hold the user's home path (the scope the account was created in), and
/// for one without a home path either, whether the actor administers the city.
bool ManagesUser(const Principal& actor, const User& user);

/// The home path of an account `creator` creates: the widest scope they administer, so the
/// account stays theirs to finish (grant roles to) and their superiors' to oversee. nullopt
/// when the creator administers nothing.
std::optional<std::string> HomePathFor(const Principal& creator);

/// The paths of the nodes the actor holds the admin role on.
std::vector<std::string> AdminScopes(const Principal& actor);

/// Whether the actor is an admin of a root of the tree (the city): only such admins manage
/// users who hold no role yet, and read the whole authentication audit.
bool AdministersRoot(const Principal& actor);

}  // namespace minqing::domain
