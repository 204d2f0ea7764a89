// Roles (DOMAIN.md), the org nodes each may be scoped to, and the permissions each grants.
// Plain data; no I/O.
#pragma once

#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "domain/org_unit.hpp"

namespace minqing::domain {

enum class Role {
    kAdmin,           // 管理员
    kCityOffice,      // 市绿色通道办公室
    kDistrictOffice,  // 区绿色通道办公室
    kStreetOffice,    // 街道绿色通道办公室
    kCommunityStaff,  // 社区工作人员
    kGridWorker,      // 网格员
    kDirector,        // 居委会主任 (holds the community's direct card)
    kCadre,           // 机关干部
    kUnitHandler,     // 承办人
    kUnitLeader,      // 分管领导 of a unit
    kLeader,          // 领导
    kInspector,       // 督查
    kOfficeHead,      // 办公室主任: reviews and issues the office's bulletins
};

std::span<const Role> AllRoles();
std::string_view RoleName(Role role);
std::optional<Role> ParseRole(std::string_view name);

/// Whether a role may be scoped to this node: offices to the division of their level,
/// handlers to member units or their sections, and so on. Returns the reason key
/// "user.role_scope_mismatch" when not, nullopt when it fits.
std::optional<std::string_view> CheckRoleScope(Role role, const OrgUnit& unit);

/// The permission strings ("module:resource:action") a role grants, sorted.
std::span<const std::string_view> PermissionsOf(Role role);

namespace permission {
inline constexpr std::string_view kOrgRead = "org:unit:read";
inline constexpr std::string_view kOrgWrite = "org:unit:write";
inline constexpr std::string_view kDirectoryRead = "org:directory:read";
inline constexpr std::string_view kUserRead = "system:user:read";
inline constexpr std::string_view kUserWrite = "system:user:write";
inline constexpr std::string_view kTokenWrite = "system:token:write";
inline constexpr std::string_view kAuditRead = "system:audit:read";
inline constexpr std::string_view kCaseRead = "case:case:read";
inline constexpr std::string_view kCaseCreate = "case:case:create";
inline constexpr std::string_view kCaseAct = "case:case:act";
inline constexpr std::string_view kTimeRulesWrite = "system:time_rules:write";
inline constexpr std::string_view kDirectCardWrite = "org:direct_card:write";
inline constexpr std::string_view kTemplateWrite = "system:template:write";
inline constexpr std::string_view kCategoryWrite = "case:category:write";
/// Drafts the office's 《社情民意专报》 (city and district offices).
inline constexpr std::string_view kBulletinWrite = "report:bulletin:write";
/// Issues or returns a submitted bulletin (the office head).
inline constexpr std::string_view kBulletinIssue = "report:bulletin:issue";
}  // namespace permission

}  // namespace minqing::domain
