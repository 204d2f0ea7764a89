// API tokens for machine clients: created by admins for a machine account (or by a person for
// themselves), used as a Bearer token with that user's permissions and without CSRF, dead
// once revoked, and never accepted as a session cookie.
#include <string>

#include "support/api_test.hpp"

namespace minqing::tests {
namespace {

using ::testing::ElementsAre;
using ::testing::Pair;

class TokensApiTest : public ApiTest {
  protected:
    // Creates a token for `username` as the city admin; returns the answer.
    static HttpResponse CreateToken(std::string_view username, std::string_view name) {
        Session admin = LogIn("admin");
        return admin.Post("/api/v1/tokens",
                          {{"name", name}, {"userId", UserIdOf(admin, username)}});
    }

    // A machine account set up as administrators do it: created without roles, its token
    // issued, then the role granted. Returns the 201 answer of the token.
    static HttpResponse CreateMachineToken(std::string_view username, std::string_view role,
                                           std::string_view unit_code) {
        Session admin = LogIn("admin");
        const std::int64_t id = CreateUser(admin, username);
        HttpResponse created =
            admin.Post("/api/v1/tokens", {{"name", std::string(username)}, {"userId", id}});
        GrantRole(admin, id, role, UnitId(unit_code));
        return created;
    }

    static std::string SecretOf(HttpResponse& created) { return created.json.value("token", ""); }
};

TEST_F(TokensApiTest, AdminCreatesATokenAndSeesTheSecretOnce) {
    Session admin = LogIn("admin");
    const std::int64_t machine_id = CreateUser(admin, "apitest-sync-machine");

    HttpResponse created =
        admin.Post("/api/v1/tokens", {{"name", "工单同步"}, {"userId", machine_id}});

    ASSERT_THAT(created, HasStatus(201));
    EXPECT_FALSE(SecretOf(created).empty());
    EXPECT_EQ(created.json["userId"], machine_id);
    EXPECT_EQ(created.json["name"], "工单同步");
    EXPECT_TRUE(created.json["revokedAt"].is_null());
    HttpResponse listed = admin.Get("/api/v1/tokens");
    nlohmann::json item = FindBy(listed.json["items"], "name", "工单同步");
    ASSERT_TRUE(item.is_object()) << listed.body;
    EXPECT_FALSE(item.contains("token")) << "the secret must not be shown again";
}

TEST_F(TokensApiTest, BearerTokenAuthenticatesAsItsUser) {
    HttpResponse created =
        CreateMachineToken("apitest-me-check", "unit_handler", codes::kHousingBureau);
    ASSERT_THAT(created, HasStatus(201));
    HttpClient client = Anonymous();

    HttpResponse me = client.Get("/api/v1/auth/me", Bearer(SecretOf(created)));

    ASSERT_THAT(me, HasStatus(200));
    EXPECT_EQ(me.json["user"]["username"], "apitest-me-check");
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
    HttpResponse created =
        CreateMachineToken("apitest-no-admin-rights", "unit_handler", codes::kHousingBureau);
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
    HttpResponse created =
        CreateMachineToken("apitest-to-revoke", "unit_handler", codes::kHousingBureau);
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
    HttpResponse created =
        CreateMachineToken("apitest-revoke-twice", "unit_handler", codes::kHousingBureau);
    ASSERT_THAT(created, HasStatus(201));
    Session admin = LogIn("admin");
    const std::string path = "/api/v1/tokens/" + std::to_string(created.json["id"].get<int>());
    ASSERT_THAT(admin.Delete(path), HasStatus(204));

    HttpResponse again = admin.Delete(path);

    EXPECT_THAT(again, IsError(404, "token.not_found"));
}

// An admin holding a token of a person who works cases would read those cases as them.
TEST_F(TokensApiTest, AdminCannotIssueATokenActingAsAPersonWhoWorksCases) {
    HttpResponse response = CreateToken("city-office", "read-as-city-office");

    EXPECT_THAT(response, IsError(403, "token.needs_consent"));
}

TEST_F(TokensApiTest, APersonIssuesTheirOwnTokenAndSeesEveryTokenActingAsThem) {
    Session handler = LogIn("unit-handler");

    HttpResponse created = handler.Post("/api/v1/auth/tokens", {{"name", "我的对接脚本"}});

    ASSERT_THAT(created, HasStatus(201));
    HttpResponse me = Anonymous().Get("/api/v1/auth/me", Bearer(SecretOf(created)));
    EXPECT_EQ(me.json["user"]["username"], "unit-handler");
    HttpResponse mine = handler.Get("/api/v1/auth/tokens");
    ASSERT_THAT(mine, HasStatus(200));
    EXPECT_TRUE(FindBy(mine.json["items"], "name", "我的对接脚本").is_object()) << mine.body;
    for (const auto& token : mine.json["items"]) {
        EXPECT_EQ(token["userId"], handler.user_id());
        EXPECT_FALSE(token.contains("token"));
    }
    const std::string own = "/api/v1/auth/tokens/" + std::to_string(created.json["id"].get<int>());
    ASSERT_THAT(handler.Delete(own), HasStatus(204));
    EXPECT_THAT(Anonymous().Get("/api/v1/auth/me", Bearer(SecretOf(created))),
                IsError(401, "auth.token_invalid"));
}

TEST_F(TokensApiTest, NobodyRevokesAnotherPersonsTokenThroughTheirOwnList) {
    Session handler = LogIn("unit-handler");
    HttpResponse created = handler.Post("/api/v1/auth/tokens", {{"name", "不能被别人吊销"}});
    ASSERT_THAT(created, HasStatus(201));
    Session other = LogIn("unit-leader");

    HttpResponse response =
        other.Delete("/api/v1/auth/tokens/" + std::to_string(created.json["id"].get<int>()));

    EXPECT_THAT(response, IsError(404, "token.not_found"));
}

// Sessions and tokens are different credentials: neither opens the other's door.
TEST_F(TokensApiTest, ATokenIsNotASessionCookieAndASessionIsNotABearerToken) {
    HttpResponse created =
        CreateMachineToken("apitest-token-as-cookie", "city_office", codes::kCity);
    ASSERT_THAT(created, HasStatus(201));
    const std::string secret = SecretOf(created);
    ASSERT_THAT(Anonymous().Get("/api/v1/auth/me", Bearer(secret)), HasStatus(200));

    EXPECT_THAT(Anonymous().Get("/api/v1/auth/me", {{"Cookie", "minqing_session=" + secret}}),
                IsError(401, "auth.session_invalid"));
    Session office = LogIn("city-office");
    ASSERT_THAT(office.Get("/api/v1/auth/me"), HasStatus(200));
    EXPECT_THAT(Anonymous().Get("/api/v1/auth/me", Bearer(office.session_token())),
                IsError(401, "auth.token_invalid"));
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
    HttpResponse created =
        CreateMachineToken("apitest-city-integration", "city_office", codes::kCity);
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
