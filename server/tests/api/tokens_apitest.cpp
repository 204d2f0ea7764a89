// API tokens for machine clients: created by admins for a user, used as a Bearer token with
// that user's permissions and without CSRF, and dead once revoked.
#include <string>

#include "support/api_test.hpp"

namespace minqing::tests {
namespace {

using ::testing::ElementsAre;
using ::testing::Pair;

class TokensApiTest : public ApiTest {
  protected:
    // Creates a token for `username` as the city admin; returns the 201 answer.
    static HttpResponse CreateToken(std::string_view username, std::string_view name) {
        Session admin = LogIn("admin");
        return admin.Post("/api/v1/tokens",
                          {{"name", name}, {"userId", UserIdOf(admin, username)}});
    }

    static std::string SecretOf(HttpResponse& created) { return created.json.value("token", ""); }
};

TEST_F(TokensApiTest, AdminCreatesATokenAndSeesTheSecretOnce) {
    Session admin = LogIn("admin");
    const std::int64_t handler_id = UserIdOf(admin, "unit-handler");

    HttpResponse created =
        admin.Post("/api/v1/tokens", {{"name", "工单同步"}, {"userId", handler_id}});

    ASSERT_THAT(created, HasStatus(201));
    EXPECT_FALSE(SecretOf(created).empty());
    EXPECT_EQ(created.json["userId"], handler_id);
    EXPECT_EQ(created.json["name"], "工单同步");
    EXPECT_TRUE(created.json["revokedAt"].is_null());
    HttpResponse listed = admin.Get("/api/v1/tokens");
    nlohmann::json item = FindBy(listed.json["items"], "name", "工单同步");
    ASSERT_TRUE(item.is_object()) << listed.body;
    EXPECT_FALSE(item.contains("token")) << "the secret must not be shown again";
}

TEST_F(TokensApiTest, BearerTokenAuthenticatesAsItsUser) {
    HttpResponse created = CreateToken("unit-handler", "me-check");
    ASSERT_THAT(created, HasStatus(201));
    HttpClient client = Anonymous();

    HttpResponse me = client.Get("/api/v1/auth/me", Bearer(SecretOf(created)));

    ASSERT_THAT(me, HasStatus(200));
    EXPECT_EQ(me.json["user"]["username"], "unit-handler");
    EXPECT_EQ(Strings(me.json["roles"], "role"), std::vector<std::string>{"unit_handler"});
    EXPECT_EQ(me.json["viaApiToken"], true);
}

// Machine clients send no cookie, so there is nothing for a forged cross-site request to ride
// on: CSRF does not apply.
TEST_F(TokensApiTest, BearerTokenWritesWithoutCsrfToken) {
    HttpResponse created = CreateToken("admin", "org-sync");
    ASSERT_THAT(created, HasStatus(201));
    HttpClient client = Anonymous();

    HttpResponse response = client.Post("/api/v1/org/units",
                                        {{"code", "apitest-token-grid"},
                                         {"name", "令牌创建的网格"},
                                         {"parentId", UnitId(codes::kYongqian)}},
                                        Bearer(SecretOf(created)));

    EXPECT_THAT(response, HasStatus(201));
}

TEST_F(TokensApiTest, BearerTokenHasOnlyItsUsersPermissions) {
    HttpResponse created = CreateToken("unit-handler", "no-admin-rights");
    ASSERT_THAT(created, HasStatus(201));
    HttpClient client = Anonymous();

    HttpResponse response = client.Post("/api/v1/org/units",
                                        {{"code", "apitest-handler-grid"},
                                         {"name", "承办人不能创建"},
                                         {"parentId", UnitId(codes::kYongqian)}},
                                        Bearer(SecretOf(created)));

    EXPECT_THAT(response, IsError(403, "auth.forbidden"));
}

TEST_F(TokensApiTest, RevokedTokenIs401TokenInvalid) {
    HttpResponse created = CreateToken("unit-handler", "to-revoke");
    ASSERT_THAT(created, HasStatus(201));
    HttpClient client = Anonymous();
    ASSERT_THAT(client.Get("/api/v1/auth/me", Bearer(SecretOf(created))), HasStatus(200));
    Session admin = LogIn("admin");
    ASSERT_THAT(admin.Delete("/api/v1/tokens/" + std::to_string(created.json["id"].get<int>())),
                HasStatus(204));

    HttpResponse me = client.Get("/api/v1/auth/me", Bearer(SecretOf(created)));

    EXPECT_THAT(me, IsError(401, "auth.token_invalid"));
}

TEST_F(TokensApiTest, RevokingARevokedTokenIs404) {
    HttpResponse created = CreateToken("unit-handler", "revoke-twice");
    ASSERT_THAT(created, HasStatus(201));
    Session admin = LogIn("admin");
    const std::string path = "/api/v1/tokens/" + std::to_string(created.json["id"].get<int>());
    ASSERT_THAT(admin.Delete(path), HasStatus(204));

    HttpResponse again = admin.Delete(path);

    EXPECT_THAT(again, IsError(404, "token.not_found"));
}

TEST_F(TokensApiTest, UnknownBearerTokenIs401TokenInvalid) {
    HttpClient client = Anonymous();

    HttpResponse me = client.Get("/api/v1/auth/me", Bearer("not-a-real-token"));

    EXPECT_THAT(me, IsError(401, "auth.token_invalid"));
}

TEST_F(TokensApiTest, NonAdminCannotCreateTokens) {
    Session office = LogIn("city-office");

    HttpResponse response =
        office.Post("/api/v1/tokens", {{"name", "mine"}, {"userId", office.user_id()}});

    EXPECT_THAT(response, IsError(403, "auth.forbidden"));
}

TEST_F(TokensApiTest, NonAdminCannotListTokens) {
    Session office = LogIn("city-office");

    HttpResponse response = office.Get("/api/v1/tokens");

    EXPECT_THAT(response, IsError(403, "auth.forbidden"));
}

TEST_F(TokensApiTest, TokenForUnknownUserIs404) {
    Session admin = LogIn("admin");

    HttpResponse response =
        admin.Post("/api/v1/tokens", {{"name", "nobody"}, {"userId", 987654321}});

    EXPECT_THAT(response, IsError(404, "user.not_found"));
}

TEST_F(TokensApiTest, TokenWithoutNameIs422) {
    Session admin = LogIn("admin");

    HttpResponse response =
        admin.Post("/api/v1/tokens", {{"name", ""}, {"userId", admin.user_id()}});

    EXPECT_THAT(response, IsError(422, "validation.failed"));
    EXPECT_THAT(FieldErrors(response), ElementsAre(Pair("name", "required")));
}

// A district admin administers one district; the tokens of city-level users are not theirs.
class DistrictAdminTokensApiTest : public TokensApiTest {
  protected:
    static void SetUpTestSuite() {
        StartServer({}, [] {
            Session admin = LogIn("admin");
            const std::int64_t id = CreateUser(admin, "chuanying-token-admin");
            GrantRole(admin, id, "admin", UnitId(codes::kChuanying));
        });
    }
};

TEST_F(DistrictAdminTokensApiTest, CannotCreateATokenForAUserOutsideTheirDistrict) {
    Session district_admin = LogIn("chuanying-token-admin");
    Session admin = LogIn("admin");

    HttpResponse response = district_admin.Post(
        "/api/v1/tokens", {{"name", "steal"}, {"userId", UserIdOf(admin, "city-office")}});

    EXPECT_THAT(response, IsError(403, "user.grant_outside_scope"));
}

TEST_F(DistrictAdminTokensApiTest, CannotRevokeATokenOfAUserOutsideTheirDistrict) {
    HttpResponse created = CreateToken("city-office", "city-integration");
    ASSERT_THAT(created, HasStatus(201));
    Session district_admin = LogIn("chuanying-token-admin");

    HttpResponse response =
        district_admin.Delete("/api/v1/tokens/" + std::to_string(created.json["id"].get<int>()));

    EXPECT_THAT(response, HasStatus(403));
    HttpClient client = Anonymous();
    EXPECT_THAT(client.Get("/api/v1/auth/me", Bearer(SecretOf(created))), HasStatus(200))
        << "a district admin ended a city-level integration";
}

}  // namespace
}  // namespace minqing::tests
