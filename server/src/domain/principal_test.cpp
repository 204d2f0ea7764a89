#include "domain/principal.hpp"

#include <algorithm>

#include <gtest/gtest.h>

namespace minqing::domain {
namespace {

RoleAssignment Held(Role role, std::string path) {
    RoleAssignment assignment;
    assignment.role = role;
    assignment.org_unit_path = std::move(path);
    return assignment;
}

OrgUnit Division(OrgLevel level, std::string path) {
    OrgUnit unit;
    unit.kind = OrgKind::kDivision;
    unit.level = level;
    unit.path = std::move(path);
    return unit;
}

Principal With(std::vector<RoleAssignment> roles) {
    Principal principal;
    principal.user_id = 7;
    principal.roles = std::move(roles);
    return principal;
}

TEST(PrincipalTest, PermissionsAreTheUnionOfRoles) {
    const auto staff = With({Held(Role::kStreetOffice, "/1/2/3/")});
    EXPECT_TRUE(staff.HasPermission(permission::kOrgRead));
    EXPECT_TRUE(staff.HasPermission(permission::kDirectoryRead));
    EXPECT_FALSE(staff.HasPermission(permission::kOrgWrite));

    const auto both = With({Held(Role::kStreetOffice, "/1/2/3/"), Held(Role::kAdmin, "/1/2/")});
    EXPECT_TRUE(both.HasPermission(permission::kUserWrite));
    const auto all = both.Permissions();
    EXPECT_TRUE(std::ranges::is_sorted(all));
    EXPECT_EQ(std::ranges::adjacent_find(all), all.end());
}

TEST(PrincipalTest, NobodyWithoutRolesHasPermissions) {
    EXPECT_TRUE(With({}).Permissions().empty());
    EXPECT_FALSE(With({}).HasPermission(permission::kOrgRead));
}

TEST(PrincipalTest, AdminGrantsInsideTheirScope) {
    const auto district_admin = With({Held(Role::kAdmin, "/1/2/")});
    EXPECT_TRUE(
        CheckCanGrant(district_admin, Role::kStreetOffice, Division(OrgLevel::kStreet, "/1/2/3/")));
}

TEST(PrincipalTest, AdminCannotGrantAboveOrBesideTheirScope) {
    const auto district_admin = With({Held(Role::kAdmin, "/1/2/")});
    const auto above =
        CheckCanGrant(district_admin, Role::kCityOffice, Division(OrgLevel::kCity, "/1/"));
    ASSERT_FALSE(above);
    EXPECT_EQ(above.error().reason, "user.grant_outside_scope");
    const auto beside =
        CheckCanGrant(district_admin, Role::kStreetOffice, Division(OrgLevel::kStreet, "/1/20/3/"));
    ASSERT_FALSE(beside);
    EXPECT_EQ(beside.error().reason, "user.grant_outside_scope");
}

TEST(PrincipalTest, OnlyAdminsGrant) {
    const auto office = With({Held(Role::kCityOffice, "/1/")});
    const auto result =
        CheckCanGrant(office, Role::kStreetOffice, Division(OrgLevel::kStreet, "/1/2/3/"));
    ASSERT_FALSE(result);
    EXPECT_EQ(result.error().code, ErrorCode::kForbidden);
}

TEST(PrincipalTest, GrantedRoleMustFitTheNode) {
    const auto city_admin = With({Held(Role::kAdmin, "/1/")});
    const auto result =
        CheckCanGrant(city_admin, Role::kStreetOffice, Division(OrgLevel::kCommunity, "/1/2/3/4/"));
    ASSERT_FALSE(result);
    EXPECT_EQ(result.error().code, ErrorCode::kValidation);
    ASSERT_EQ(result.error().fields.size(), 1u);
    EXPECT_EQ(result.error().fields[0].reason, "user.role_scope_mismatch");
}

TEST(PrincipalTest, AnAccountWithoutRolesBelongsToTheScopeItWasCreatedIn) {
    const auto city_admin = With({Held(Role::kAdmin, "/1/")});
    const auto district_admin = With({Held(Role::kAdmin, "/1/2/")});
    const auto other_district_admin = With({Held(Role::kAdmin, "/1/9/")});

    User created_by_city;
    created_by_city.home_path = HomePathFor(city_admin);
    EXPECT_EQ(created_by_city.home_path, "/1/");
    EXPECT_TRUE(ManagesUser(city_admin, created_by_city));
    EXPECT_FALSE(ManagesUser(district_admin, created_by_city));

    User created_by_district;
    created_by_district.home_path = HomePathFor(district_admin);
    EXPECT_TRUE(ManagesUser(district_admin, created_by_district));
    EXPECT_TRUE(ManagesUser(city_admin, created_by_district));
    EXPECT_FALSE(ManagesUser(other_district_admin, created_by_district));

    const User from_before;  // no home path recorded: the city's admins only
    EXPECT_TRUE(ManagesUser(city_admin, from_before));
    EXPECT_FALSE(ManagesUser(district_admin, from_before));
}

TEST(PrincipalTest, HomePathIsTheCreatorsWidestAdminScope) {
    EXPECT_EQ(HomePathFor(With({Held(Role::kAdmin, "/1/2/3/"), Held(Role::kAdmin, "/1/2/"),
                                Held(Role::kStreetOffice, "/1/")})),
              "/1/2/");
    EXPECT_EQ(HomePathFor(With({Held(Role::kStreetOffice, "/1/2/3/")})), std::nullopt);
}

}  // namespace
}  // namespace minqing::domain
