#include "domain/role.hpp"

#include <array>

#include "domain/name_table.hpp"

namespace minqing::domain {
namespace {

constexpr NameTable<Role, 13> kRoleNames{{
    {Role::kAdmin, "admin"},
    {Role::kCityOffice, "city_office"},
    {Role::kDistrictOffice, "district_office"},
    {Role::kStreetOffice, "street_office"},
    {Role::kCommunityStaff, "community_staff"},
    {Role::kGridWorker, "grid_worker"},
    {Role::kDirector, "director"},
    {Role::kCadre, "cadre"},
    {Role::kUnitHandler, "unit_handler"},
    {Role::kUnitLeader, "unit_leader"},
    {Role::kLeader, "leader"},
    {Role::kInspector, "inspector"},
    {Role::kOfficeHead, "office_head"},
}};

constexpr std::array<Role, 13> kAllRoles{
    Role::kAdmin,          Role::kCityOffice, Role::kDistrictOffice, Role::kStreetOffice,
    Role::kCommunityStaff, Role::kGridWorker, Role::kDirector,       Role::kCadre,
    Role::kUnitHandler,    Role::kUnitLeader, Role::kLeader,         Role::kInspector,
    Role::kOfficeHead,
};

// Every staff role reads the org tree and the contact directory (the document requires
// member units to reach each other around the clock) and works cases within its scope;
// which channels and actions each may use is decided per case by the services.
constexpr std::array<std::string_view, 5> kStaffPermissions{
    permission::kCaseAct,       permission::kCaseCreate, permission::kCaseRead,
    permission::kDirectoryRead, permission::kOrgRead,
};

// The city and district offices also draft the bulletin; their head reviews and issues it.
// Sorted, as PermissionsOf promises.
constexpr std::array<std::string_view, 6> kBulletinOfficePermissions{
    permission::kCaseAct,       permission::kCaseCreate, permission::kCaseRead,
    permission::kDirectoryRead, permission::kOrgRead,    permission::kBulletinWrite,
};
constexpr std::array<std::string_view, 6> kOfficeHeadPermissions{
    permission::kCaseAct,       permission::kCaseCreate, permission::kCaseRead,
    permission::kDirectoryRead, permission::kOrgRead,    permission::kBulletinIssue,
};

constexpr std::array<std::string_view, 11> kAdminPermissions{
    permission::kDirectoryRead, permission::kOrgRead,        permission::kOrgWrite,
    permission::kAuditRead,     permission::kTokenWrite,     permission::kUserRead,
    permission::kUserWrite,     permission::kTimeRulesWrite, permission::kDirectCardWrite,
    permission::kTemplateWrite, permission::kCategoryWrite,
};

bool IsDivisionAt(const OrgUnit& unit, std::initializer_list<OrgLevel> levels) {
    if (unit.kind != OrgKind::kDivision) {
        return false;
    }
    for (const OrgLevel level : levels) {
        if (unit.level == level) {
            return true;
        }
    }
    return false;
}

}  // namespace

std::span<const Role> AllRoles() {
    return kAllRoles;
}

std::string_view RoleName(Role role) {
    return NameIn(kRoleNames, role);
}

std::optional<Role> ParseRole(std::string_view name) {
    return ParseIn(kRoleNames, name);
}

std::optional<std::string_view> CheckRoleScope(Role role, const OrgUnit& unit) {
    bool fits = false;
    switch (role) {
        case Role::kAdmin:
            fits = unit.kind == OrgKind::kDivision;
            break;
        case Role::kCityOffice:
            fits = IsDivisionAt(unit, {OrgLevel::kCity});
            break;
        case Role::kDistrictOffice:
            fits = IsDivisionAt(unit, {OrgLevel::kDistrict});
            break;
        case Role::kStreetOffice:
            fits = IsDivisionAt(unit, {OrgLevel::kStreet});
            break;
        case Role::kCommunityStaff:
        case Role::kDirector:
            fits = IsDivisionAt(unit, {OrgLevel::kCommunity});
            break;
        case Role::kGridWorker:
            fits = IsDivisionAt(unit, {OrgLevel::kGrid});
            break;
        case Role::kCadre:
            fits = true;
            break;
        case Role::kUnitHandler:
        case Role::kUnitLeader:
            fits = unit.kind == OrgKind::kUnit || unit.kind == OrgKind::kSection;
            break;
        case Role::kLeader:
        case Role::kInspector:
        case Role::kOfficeHead:
            fits = IsDivisionAt(unit, {OrgLevel::kCity, OrgLevel::kDistrict});
            break;
    }
    if (fits) {
        return std::nullopt;
    }
    return "user.role_scope_mismatch";
}

std::span<const std::string_view> PermissionsOf(Role role) {
    switch (role) {
        case Role::kAdmin:
            return kAdminPermissions;
        case Role::kCityOffice:
        case Role::kDistrictOffice:
            return kBulletinOfficePermissions;
        case Role::kOfficeHead:
            return kOfficeHeadPermissions;
        default:
            return kStaffPermissions;
    }
}

}  // namespace minqing::domain
