// Staff accounts: creating users, granting and revoking scoped roles, and the rule that an
// admin manages only the subtree they administer.
#include <string>

#include "support/api_test.hpp"

namespace minqing::tests {
namespace {

using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::IsSupersetOf;
using ::testing::Not;
using ::testing::Pair;
using ::testing::UnorderedElementsAre;

std::string UserPath(std::int64_t id) {
    return "/api/v1/users/" + std::to_string(id);
}
std::string RolesPath(std::int64_t id) {
    return UserPath(id) + "/roles";
}

nlohmann::json NewUser(std::string_view username) {
    return {{"username", username},
            {"displayName", "街道工作人员"},
            {"phone", "0432-6000000"},
            {"password", kDemoPassword}};
}

class UsersApiTest : public ApiTest {};

TEST_F(UsersApiTest, AdminCreatesAUser) {
    Session admin = LogIn("admin");

    HttpResponse response = admin.Post("/api/v1/users", NewUser("new-clerk"));

    ASSERT_THAT(response, HasStatus(201));
    EXPECT_EQ(response.json["username"], "new-clerk");
    EXPECT_EQ(response.json["displayName"], "街道工作人员");
    EXPECT_EQ(response.json["active"], true);
    EXPECT_TRUE(response.json["roles"].empty());
    EXPECT_EQ(response.body.find("minqing-demo"), std::string::npos) << "the password leaked";
    EXPECT_EQ(response.body.find("argon2"), std::string::npos) << "the password hash leaked";
}

TEST_F(UsersApiTest, DuplicateUsernameIs409) {
    Session admin = LogIn("admin");
    ASSERT_THAT(admin.Post("/api/v1/users", NewUser("twice-clerk")), HasStatus(201));

    HttpResponse response = admin.Post("/api/v1/users", NewUser("twice-clerk"));

    EXPECT_THAT(response, IsError(409, "user.username_taken"));
}

TEST_F(UsersApiTest, ShortPasswordIs422NamingThePassword) {
    Session admin = LogIn("admin");
    nlohmann::json user = NewUser("short-password-clerk");
    user["password"] = "1234567";

    HttpResponse response = admin.Post("/api/v1/users", user);

    EXPECT_THAT(response, IsError(422, "validation.failed"));
    EXPECT_THAT(FieldErrors(response), ElementsAre(Pair("password", "length")));
}

TEST_F(UsersApiTest, InvalidUsernameAndPhoneAre422ListingBoth) {
    Session admin = LogIn("admin");
    nlohmann::json user = NewUser("Not Valid");
    user["phone"] = "call me";

    HttpResponse response = admin.Post("/api/v1/users", user);

    EXPECT_THAT(response, IsError(422, "validation.failed"));
    EXPECT_THAT(FieldErrors(response),
                UnorderedElementsAre(Pair("username", "invalid"), Pair("phone", "invalid")));
}

// The user service promises that a city-wide admin also sees users with no role yet: they
// are the ones waiting for a role to be granted.
TEST_F(UsersApiTest, CityAdminListsANewUserWithoutRoles) {
    Session admin = LogIn("admin");
    ASSERT_THAT(admin.Post("/api/v1/users", NewUser("roleless-clerk")), HasStatus(201));

    HttpResponse response = admin.Get("/api/v1/users?keyword=roleless-clerk");

    ASSERT_THAT(response, HasStatus(200));
    EXPECT_THAT(Strings(response.json["items"], "username"), Contains("roleless-clerk"));
}

// An admin may hold the admin role on several subtrees; each of them is theirs to manage.
TEST_F(UsersApiTest, AdminOfTwoDistrictsListsUsersOfBoth) {
    Session admin = LogIn("admin");
    const std::int64_t both = CreateUser(admin, "two-district-admin");
    GrantRole(admin, both, "admin", UnitId(codes::kChuanying));
    GrantRole(admin, both, "admin", UnitId(codes::kChangyi));
    const std::int64_t changyi_clerk = CreateUser(admin, "changyi-listed-clerk");
    GrantRole(admin, changyi_clerk, "street_office", UnitId(codes::kXinghuaStreet));
    Session two_district_admin = LogIn("two-district-admin");

    HttpResponse response = two_district_admin.Get("/api/v1/users?limit=200");

    ASSERT_THAT(response, HasStatus(200));
    EXPECT_THAT(Strings(response.json["items"], "username"),
                IsSupersetOf({"street-office", "changyi-listed-clerk"}));
}

TEST_F(UsersApiTest, GetOfAMissingUserIs404) {
    Session admin = LogIn("admin");

    HttpResponse response = admin.Get(UserPath(987654321));

    EXPECT_THAT(response, IsError(404, "user.not_found"));
}

TEST_F(UsersApiTest, AdminGrantsStreetOfficeOnAStreet) {
    Session admin = LogIn("admin");
    const std::int64_t id = CreateUser(admin, "desheng-clerk");

    HttpResponse response = admin.Post(
        RolesPath(id), {{"role", "street_office"}, {"orgUnitId", UnitId(codes::kDeshengStreet)}});

    ASSERT_THAT(response, HasStatus(201));
    EXPECT_EQ(response.json["role"], "street_office");
    EXPECT_EQ(response.json["orgUnit"]["name"], "德胜街道");
    EXPECT_EQ(response.json["orgUnit"]["level"], "street");
}

TEST_F(UsersApiTest, GrantingTheSameRoleTwiceIs409) {
    Session admin = LogIn("admin");
    const std::int64_t id = CreateUser(admin, "twice-granted-clerk");
    GrantRole(admin, id, "street_office", UnitId(codes::kDeshengStreet));

    HttpResponse response = admin.Post(
        RolesPath(id), {{"role", "street_office"}, {"orgUnitId", UnitId(codes::kDeshengStreet)}});

    EXPECT_THAT(response, IsError(409, "user.role_exists"));
}

// A street office belongs to a street; scoping it to a community would give it the wrong
// jurisdiction.
TEST_F(UsersApiTest, StreetOfficeOnACommunityIs422RoleScopeMismatch) {
    Session admin = LogIn("admin");
    const std::int64_t id = CreateUser(admin, "mismatched-clerk");

    HttpResponse response = admin.Post(
        RolesPath(id), {{"role", "street_office"}, {"orgUnitId", UnitId(codes::kYongqian)}});

    EXPECT_THAT(response, IsError(422, "validation.failed"));
    EXPECT_THAT(FieldErrors(response), ElementsAre(Pair("orgUnitId", "user.role_scope_mismatch")));
}

TEST_F(UsersApiTest, UnknownRoleIs422) {
    Session admin = LogIn("admin");
    const std::int64_t id = CreateUser(admin, "unknown-role-clerk");

    HttpResponse response = admin.Post(
        RolesPath(id), {{"role", "mayor"}, {"orgUnitId", UnitId(codes::kDeshengStreet)}});

    EXPECT_THAT(response, IsError(422, "validation.failed"));
    EXPECT_THAT(FieldErrors(response), ElementsAre(Pair("role", "invalid")));
}

TEST_F(UsersApiTest, GrantOnAMissingUnitIs404) {
    Session admin = LogIn("admin");
    const std::int64_t id = CreateUser(admin, "no-unit-clerk");

    HttpResponse response =
        admin.Post(RolesPath(id), {{"role", "street_office"}, {"orgUnitId", 987654321}});

    EXPECT_THAT(response, IsError(404, "org.unit_not_found"));
}

TEST_F(UsersApiTest, NewUserLogsInAndHoldsTheGrantedRole) {
    Session admin = LogIn("admin");
    const std::int64_t id = CreateUser(admin, "logging-in-clerk");
    GrantRole(admin, id, "street_office", UnitId(codes::kDeshengStreet));
    Session clerk = LogIn("logging-in-clerk");

    HttpResponse me = clerk.Get("/api/v1/auth/me");

    ASSERT_THAT(me, HasStatus(200));
    EXPECT_EQ(Strings(me.json["roles"], "role"), std::vector<std::string>{"street_office"});
    EXPECT_THAT(Strings(me.json["scopes"], "orgUnitName"), ElementsAre("德胜街道"));
}

// The role must go at once, not when a cached session is next checked.
TEST_F(UsersApiTest, RevokedRoleIsGoneFromALiveSession) {
    Session admin = LogIn("admin");
    const std::int64_t id = CreateUser(admin, "revoked-clerk");
    const std::int64_t assignment =
        GrantRole(admin, id, "street_office", UnitId(codes::kDeshengStreet));
    Session clerk = LogIn("revoked-clerk");
    ASSERT_THAT(admin.Delete(RolesPath(id) + "/" + std::to_string(assignment)), HasStatus(204));

    HttpResponse me = clerk.Get("/api/v1/auth/me");

    ASSERT_THAT(me, HasStatus(200));
    EXPECT_TRUE(me.json["roles"].empty()) << me.body;
}

TEST_F(UsersApiTest, RevokingAMissingAssignmentIs404) {
    Session admin = LogIn("admin");
    const std::int64_t id = CreateUser(admin, "never-granted-clerk");

    HttpResponse response = admin.Delete(RolesPath(id) + "/987654321");

    EXPECT_THAT(response, IsError(404, "user.role_not_found"));
}

TEST_F(UsersApiTest, PatchChangesTheDisplayName) {
    Session admin = LogIn("admin");
    const std::int64_t id = CreateUser(admin, "renamed-clerk");

    HttpResponse response = admin.Patch(UserPath(id), {{"displayName", "德胜街道 王主任"}});

    ASSERT_THAT(response, HasStatus(200));
    EXPECT_EQ(admin.Get(UserPath(id)).json["displayName"], "德胜街道 王主任");
}

TEST_F(UsersApiTest, DisabledUserCannotLogIn) {
    Session admin = LogIn("admin");
    const std::int64_t id = CreateUser(admin, "disabled-clerk");
    ASSERT_THAT(admin.Patch(UserPath(id), {{"active", false}}), HasStatus(200));
    HttpClient client = Anonymous();

    HttpResponse response = client.Post(
        "/api/v1/auth/login", {{"username", "disabled-clerk"}, {"password", kDemoPassword}});

    EXPECT_THAT(response, IsError(401, "auth.invalid_credentials"));
}

TEST_F(UsersApiTest, DisablingAUserEndsTheirSessions) {
    Session admin = LogIn("admin");
    const std::int64_t id = CreateUser(admin, "ended-clerk");
    Session clerk = LogIn("ended-clerk");
    ASSERT_THAT(admin.Patch(UserPath(id), {{"active", false}}), HasStatus(200));

    HttpResponse me = clerk.Get("/api/v1/auth/me");

    EXPECT_THAT(me, IsError(401, "auth.session_invalid"));
}

TEST_F(UsersApiTest, NonAdminCannotListUsers) {
    Session office = LogIn("district-office");

    HttpResponse response = office.Get("/api/v1/users");

    EXPECT_THAT(response, IsError(403, "auth.forbidden"));
}

TEST_F(UsersApiTest, NonAdminCannotCreateUsers) {
    Session office = LogIn("district-office");

    HttpResponse response = office.Post("/api/v1/users", NewUser("office-made-clerk"));

    EXPECT_THAT(response, IsError(403, "auth.forbidden"));
}

// A district admin: the admin role on 船营区, granted by the city admin. They manage accounts
// within 船营区 and nothing outside it.
class DistrictAdminApiTest : public ApiTest {
  protected:
    static constexpr std::string_view kDistrictAdmin = "chuanying-admin";

    static void SetUpTestSuite() {
        StartServer({}, [] {
            Session admin = LogIn("admin");
            const std::int64_t id = CreateUser(admin, kDistrictAdmin);
            GrantRole(admin, id, "admin", UnitId(codes::kChuanying));
        });
    }

    static std::int64_t DemoUserId(std::string_view username) {
        Session admin = LogIn("admin");
        return UserIdOf(admin, username);
    }
};

TEST_F(DistrictAdminApiTest, GrantsARoleInsideTheirDistrict) {
    Session district_admin = LogIn(kDistrictAdmin);
    const std::int64_t id = CreateUser(district_admin, "nanjing-clerk");

    HttpResponse response = district_admin.Post(
        RolesPath(id), {{"role", "street_office"}, {"orgUnitId", UnitId(codes::kNanjingStreet)}});

    EXPECT_THAT(response, HasStatus(201));
}

TEST_F(DistrictAdminApiTest, GrantOnAUnitOfAnotherDistrictIs403) {
    Session district_admin = LogIn(kDistrictAdmin);
    const std::int64_t id = CreateUser(district_admin, "xinghua-clerk");

    HttpResponse response = district_admin.Post(
        RolesPath(id), {{"role", "street_office"}, {"orgUnitId", UnitId(codes::kXinghuaStreet)}});

    EXPECT_THAT(response, IsError(403, "user.grant_outside_scope"));
}

TEST_F(DistrictAdminApiTest, CannotGrantACityWideRole) {
    Session district_admin = LogIn(kDistrictAdmin);
    const std::int64_t id = CreateUser(district_admin, "would-be-city-admin");

    HttpResponse response = district_admin.Post(
        RolesPath(id), {{"role", "admin"}, {"orgUnitId", UnitId(codes::kCity)}});

    EXPECT_THAT(response, IsError(403, "user.grant_outside_scope"));
}

TEST_F(DistrictAdminApiTest, ListShowsOnlyUsersWithinTheirDistrict) {
    Session district_admin = LogIn(kDistrictAdmin);

    HttpResponse response = district_admin.Get("/api/v1/users?limit=200");

    ASSERT_THAT(response, HasStatus(200));
    const auto usernames = Strings(response.json["items"], "username");
    EXPECT_THAT(usernames, IsSupersetOf({"district-office", "street-office", "community-staff",
                                         "grid-worker", "director"}));
    for (const std::string_view outside : {"admin", "city-office", "unit-handler", "leader"}) {
        EXPECT_THAT(usernames, Not(Contains(std::string(outside))));
    }
}

TEST_F(DistrictAdminApiTest, CannotListTheSubtreeOfAnotherDistrict) {
    Session district_admin = LogIn(kDistrictAdmin);

    HttpResponse response =
        district_admin.Get("/api/v1/users?orgUnit=" + std::to_string(UnitId(codes::kChangyi)));

    EXPECT_THAT(response, IsError(403, "user.outside_scope"));
}

// Hidden rather than forbidden, so that ids cannot be probed for who exists elsewhere.
TEST_F(DistrictAdminApiTest, CannotSeeAUserOutsideTheirDistrict) {
    const std::int64_t city_office = DemoUserId("city-office");
    Session district_admin = LogIn(kDistrictAdmin);

    HttpResponse response = district_admin.Get(UserPath(city_office));

    EXPECT_THAT(response, IsError(404, "user.not_found"));
}

TEST_F(DistrictAdminApiTest, CannotEditAUserOutsideTheirDistrict) {
    const std::int64_t city_office = DemoUserId("city-office");
    Session district_admin = LogIn(kDistrictAdmin);

    HttpResponse response =
        district_admin.Patch(UserPath(city_office), {{"password", "taken-over-1"}});

    EXPECT_THAT(response, IsError(403, "user.outside_scope"));
    HttpClient client = Anonymous();
    EXPECT_THAT(client.Post("/api/v1/auth/login",
                            {{"username", "city-office"}, {"password", kDemoPassword}}),
                HasStatus(200));
}

TEST_F(DistrictAdminApiTest, CannotRevokeARoleOutsideTheirDistrict) {
    Session admin = LogIn("admin");
    HttpResponse city_office = admin.Get(UserPath(UserIdOf(admin, "city-office")));
    ASSERT_THAT(city_office, HasStatus(200));
    const std::int64_t assignment = city_office.json["roles"][0]["id"].get<std::int64_t>();
    Session district_admin = LogIn(kDistrictAdmin);

    HttpResponse response = district_admin.Delete(
        RolesPath(city_office.json["id"].get<std::int64_t>()) + "/" + std::to_string(assignment));

    EXPECT_THAT(response, IsError(403, "user.grant_outside_scope"));
}

// Granting is managing: a role added inside the district would also make a user of another
// district (and their roles there) visible to this district admin.
TEST_F(DistrictAdminApiTest, CannotGrantARoleToAUserOutsideTheirDistrict) {
    Session admin = LogIn("admin");
    const std::int64_t outsider = CreateUser(admin, "changyi-grant-target");
    GrantRole(admin, outsider, "street_office", UnitId(codes::kXinghuaStreet));
    Session district_admin = LogIn(kDistrictAdmin);

    HttpResponse response = district_admin.Post(
        RolesPath(outsider),
        {{"role", "street_office"}, {"orgUnitId", UnitId(codes::kNanjingStreet)}});

    EXPECT_THAT(response, IsError(403, "user.outside_scope"));
}

TEST_F(DistrictAdminApiTest, EditsAUserWithinTheirDistrict) {
    const std::int64_t street_office = DemoUserId("street-office");
    Session district_admin = LogIn(kDistrictAdmin);

    HttpResponse response =
        district_admin.Patch(UserPath(street_office), {{"phone", "0432-62000000"}});

    ASSERT_THAT(response, HasStatus(200));
    EXPECT_EQ(response.json["phone"], "0432-62000000");
}

}  // namespace
}  // namespace minqing::tests
