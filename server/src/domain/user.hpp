// Staff accounts and their role assignments. Plain data; no I/O.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/clock.hpp"
#include "domain/org_unit.hpp"
#include "domain/role.hpp"

namespace minqing::domain {

using UserId = std::int64_t;

/// One role of a user, scoped to an org node and everything below it.
struct RoleAssignment {
    std::int64_t id = 0;
    Role role = Role::kCadre;
    OrgUnitId org_unit_id = 0;
    // Denormalised from the org node for scope checks and display.
    std::string org_unit_code;
    std::string org_unit_name;
    std::string org_unit_path;
    OrgKind org_unit_kind = OrgKind::kDivision;
    OrgLevel org_unit_level = OrgLevel::kCity;
};

struct User {
    UserId id = 0;
    std::string username;  // lower case, unique
    std::string display_name;
    std::string phone;
    std::string password_hash;  // argon2id encoded string
    bool active = true;
    int failed_logins = 0;  // consecutive failures since the last success
    std::optional<Instant> locked_until;
    Instant created_at{};
    /// The admin who created the account, and the admin scope (an org path) they created it
    /// in; a user without roles is managed from there. Unset for accounts seeded or created
    /// before this was recorded: those belong to the city's admins.
    std::optional<UserId> created_by;
    std::optional<std::string> home_path;
    /// Moves whenever the credentials or the authority of the account change (see
    /// UserRepository::BumpCredentialVersion).
    std::int64_t credential_version = 0;
    std::vector<RoleAssignment> roles;
};

}  // namespace minqing::domain
