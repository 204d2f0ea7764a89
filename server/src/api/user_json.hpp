// JSON shapes of users, role assignments and the caller (GET /auth/me).
#pragma once

#include <nlohmann/json.hpp>

#include "domain/principal.hpp"
#include "domain/user.hpp"

namespace minqing::api {

nlohmann::json RoleAssignmentJson(const domain::RoleAssignment& assignment);
nlohmann::json UserJson(const domain::User& user);
nlohmann::json PrincipalJson(const domain::Principal& principal);

}  // namespace minqing::api
