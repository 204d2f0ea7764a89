#include "api/user_json.hpp"

#include "common/clock.hpp"
#include "domain/intake_channels.hpp"

namespace minqing::api {

nlohmann::json RoleAssignmentJson(const domain::RoleAssignment& assignment) {
    return {{"id", assignment.id},
            {"role", domain::RoleName(assignment.role)},
            {"orgUnit",
             {{"id", assignment.org_unit_id},
              {"code", assignment.org_unit_code},
              {"name", assignment.org_unit_name},
              {"kind", domain::OrgKindName(assignment.org_unit_kind)},
              {"level", domain::OrgLevelName(assignment.org_unit_level)}}}};
}

nlohmann::json UserJson(const domain::User& user) {
    nlohmann::json roles = nlohmann::json::array();
    for (const auto& assignment : user.roles) {
        roles.push_back(RoleAssignmentJson(assignment));
    }
    return {{"id", user.id},
            {"username", user.username},
            {"displayName", user.display_name},
            {"phone", user.phone},
            {"active", user.active},
            {"lockedUntil",
             user.locked_until ? nlohmann::json(FormatIso8601Cst(*user.locked_until)) : nullptr},
            {"createdAt", FormatIso8601Cst(user.created_at)},
            {"roles", roles}};
}

nlohmann::json PrincipalJson(const domain::Principal& principal) {
    nlohmann::json roles = nlohmann::json::array();
    nlohmann::json scopes = nlohmann::json::array();
    for (const auto& assignment : principal.roles) {
        roles.push_back(RoleAssignmentJson(assignment));
        scopes.push_back({{"role", domain::RoleName(assignment.role)},
                          {"orgUnitId", assignment.org_unit_id},
                          {"orgUnitName", assignment.org_unit_name}});
    }
    // The staff channels the intake menu offers: the server's rule, not a copy in the web.
    nlohmann::json intake_channels = nlohmann::json::array();
    if (principal.HasPermission(domain::permission::kCaseCreate)) {
        for (const auto channel : domain::IntakeChannelsOf(principal.roles)) {
            intake_channels.push_back(domain::ChannelName(channel));
        }
    }
    return {{"user",
             {{"id", principal.user_id},
              {"username", principal.username},
              {"displayName", principal.display_name}}},
            {"roles", roles},
            {"scopes", scopes},
            {"permissions", principal.Permissions()},
            {"intakeChannels", intake_channels}};
}

}  // namespace minqing::api
