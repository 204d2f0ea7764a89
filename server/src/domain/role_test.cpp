#include "domain/role.hpp"

#include <algorithm>
#include <map>
#include <set>

#include <gtest/gtest.h>

namespace minqing::domain {
namespace {

OrgUnit Node(OrgKind kind, OrgLevel level) {
    OrgUnit unit;
    unit.kind = kind;
    unit.level = level;
    return unit;
}

TEST(RoleTest, EveryRoleNameRoundTrips) {
    ASSERT_EQ(AllRoles().size(), 13u);
    for (const Role role : AllRoles()) {
        EXPECT_EQ(ParseRole(RoleName(role)), role) << RoleName(role);
    }
    EXPECT_FALSE(ParseRole("superuser"));
}

// Which (role, node) pairs fit: offices at the division of their level, grid workers at
// grids, handlers at member units or sections.
TEST(RoleTest, ScopeFitsTheRole) {
    const std::map<std::string, OrgUnit> nodes = {
        {"city", Node(OrgKind::kDivision, OrgLevel::kCity)},
        {"district", Node(OrgKind::kDivision, OrgLevel::kDistrict)},
        {"street", Node(OrgKind::kDivision, OrgLevel::kStreet)},
        {"community", Node(OrgKind::kDivision, OrgLevel::kCommunity)},
        {"grid", Node(OrgKind::kDivision, OrgLevel::kGrid)},
        {"unit", Node(OrgKind::kUnit, OrgLevel::kCity)},
        {"section", Node(OrgKind::kSection, OrgLevel::kCity)},
    };
    const std::map<Role, std::set<std::string>> fits = {
        {Role::kAdmin, {"city", "district", "street", "community", "grid"}},
        {Role::kCityOffice, {"city"}},
        {Role::kDistrictOffice, {"district"}},
        {Role::kStreetOffice, {"street"}},
        {Role::kCommunityStaff, {"community"}},
        {Role::kGridWorker, {"grid"}},
        {Role::kDirector, {"community"}},
        {Role::kCadre, {"city", "district", "street", "community", "grid", "unit", "section"}},
        {Role::kUnitHandler, {"unit", "section"}},
        {Role::kUnitLeader, {"unit", "section"}},
        {Role::kLeader, {"city", "district"}},
        {Role::kInspector, {"city", "district"}},
        {Role::kOfficeHead, {"city", "district"}},
    };
    for (const Role role : AllRoles()) {
        for (const auto& [name, node] : nodes) {
            const bool expected = fits.at(role).contains(name);
            EXPECT_EQ(!CheckRoleScope(role, node).has_value(), expected)
                << RoleName(role) << " on " << name;
        }
    }
}

TEST(RoleTest, OnlyAdminsWriteTheOrgTree) {
    for (const Role role : AllRoles()) {
        const auto permissions = PermissionsOf(role);
        const bool writes =
            std::ranges::find(permissions, permission::kOrgWrite) != permissions.end();
        EXPECT_EQ(writes, role == Role::kAdmin) << RoleName(role);
        EXPECT_NE(std::ranges::find(permissions, permission::kDirectoryRead), permissions.end())
            << RoleName(role) << " must read the contact directory";
    }
}

// The city and district offices draft the bulletin; only the office head issues it.
TEST(RoleTest, OfficesWriteTheBulletinAndTheirHeadIssuesIt) {
    for (const Role role : AllRoles()) {
        const auto permissions = PermissionsOf(role);
        const bool writes =
            std::ranges::find(permissions, permission::kBulletinWrite) != permissions.end();
        const bool issues =
            std::ranges::find(permissions, permission::kBulletinIssue) != permissions.end();
        EXPECT_EQ(writes, role == Role::kCityOffice || role == Role::kDistrictOffice)
            << RoleName(role);
        EXPECT_EQ(issues, role == Role::kOfficeHead) << RoleName(role);
        if (role != Role::kAdmin) {
            EXPECT_TRUE(std::ranges::is_sorted(permissions)) << RoleName(role);
        }
    }
}

}  // namespace
}  // namespace minqing::domain
