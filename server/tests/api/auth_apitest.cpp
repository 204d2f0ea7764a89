// Logging in and out, the session cookie and CSRF protection, login throttling and account
// lockout, and the authentication audit.
#include <string>

#include "support/api_test.hpp"

namespace minqing::tests {
namespace {

using ::testing::AllOf;
using ::testing::Contains;
using ::testing::HasSubstr;
using ::testing::IsSupersetOf;
using ::testing::Not;

HttpResponse TryLogIn(HttpClient& client, std::string_view username, std::string_view password) {
    return client.Post("/api/v1/auth/login", {{"username", username}, {"password", password}});
}

int RetryAfter(const HttpResponse& response) {
    const std::string value(response.Header("retry-after"));
    return value.empty() ? 0 : std::stoi(value);
}

class AuthApiTest : public ApiTest {};

// Every demo account logs in with the demo password and holds the role it is named after.
class DemoLoginApiTest : public ApiTest, public ::testing::WithParamInterface<DemoAccount> {};

TEST_P(DemoLoginApiTest, LogsInWithItsRole) {
    HttpClient client = Anonymous();

    HttpResponse response = TryLogIn(client, GetParam().username, kDemoPassword);

    ASSERT_THAT(response, HasStatus(200));
    EXPECT_EQ(response.json["user"]["username"], GetParam().username);
    EXPECT_EQ(Strings(response.json["roles"], "role"),
              std::vector<std::string>{std::string(GetParam().role)});
    EXPECT_FALSE(response.json.value("csrfToken", "").empty());
}

INSTANTIATE_TEST_SUITE_P(EveryDemoAccount, DemoLoginApiTest, ::testing::ValuesIn(DemoAccounts()),
                         [](const ::testing::TestParamInfo<DemoAccount>& param_info) {
                             return std::string(param_info.param.role);
                         });

TEST_F(AuthApiTest, WrongPasswordIs401InvalidCredentials) {
    HttpClient client = Anonymous();

    HttpResponse response = TryLogIn(client, "city-office", "not-the-password");

    EXPECT_THAT(response, IsError(401, "auth.invalid_credentials"));
    EXPECT_TRUE(response.AllHeaders("set-cookie").empty());
}

// Answering an unknown user differently would let anyone probe which usernames exist.
TEST_F(AuthApiTest, UnknownUserIsAnsweredLikeAWrongPassword) {
    HttpClient client = Anonymous();
    HttpResponse wrong_password = TryLogIn(client, "street-office", "not-the-password");

    HttpResponse unknown_user = TryLogIn(client, "no-such-user", "not-the-password");

    EXPECT_THAT(unknown_user, IsError(401, "auth.invalid_credentials"));
    EXPECT_EQ(unknown_user.json["error"]["message"], wrong_password.json["error"]["message"]);
}

TEST_F(AuthApiTest, UsernameIsCaseInsensitive) {
    HttpClient client = Anonymous();

    HttpResponse response = TryLogIn(client, "Leader", kDemoPassword);

    ASSERT_THAT(response, HasStatus(200));
    EXPECT_EQ(response.json["user"]["username"], "leader");
}

// HttpOnly keeps the token from scripts, SameSite=Strict from cross-site requests.
TEST_F(AuthApiTest, SessionCookieIsHttpOnlySameSiteStrictForTheWholeSite) {
    HttpClient client = Anonymous();

    HttpResponse response = TryLogIn(client, "admin", kDemoPassword);

    ASSERT_THAT(response, HasStatus(200));
    const auto cookies = response.AllHeaders("set-cookie");
    ASSERT_EQ(cookies.size(), 1u);
    EXPECT_THAT(cookies[0], AllOf(HasSubstr("minqing_session="), HasSubstr("; HttpOnly"),
                                  HasSubstr("; SameSite=Strict"), HasSubstr("; Path=/")));
    EXPECT_THAT(cookies[0], HasSubstr("; Max-Age="));
}

TEST_F(AuthApiTest, LoginAnswerIsNotCached) {
    HttpClient client = Anonymous();

    HttpResponse response = TryLogIn(client, "admin", kDemoPassword);

    ASSERT_THAT(response, HasStatus(200));
    EXPECT_EQ(response.Header("cache-control"), "no-store");
}

TEST_F(AuthApiTest, MeWithoutCredentialsIs401) {
    HttpClient client = Anonymous();

    HttpResponse response = client.Get("/api/v1/auth/me");

    EXPECT_THAT(response, IsError(401, "auth.required"));
}

TEST_F(AuthApiTest, MeWithAnUnknownSessionCookieIs401) {
    HttpClient client = Anonymous();

    HttpResponse response =
        client.Get("/api/v1/auth/me", {{"Cookie", "minqing_session=forged-token"}});

    EXPECT_THAT(response, IsError(401, "auth.session_invalid"));
}

TEST_F(AuthApiTest, MeShowsTheSessionsUserRolesAndCsrfToken) {
    Session session = LogIn("district-office");

    HttpResponse response = session.Get("/api/v1/auth/me");

    ASSERT_THAT(response, HasStatus(200));
    EXPECT_EQ(response.json["user"]["username"], "district-office");
    EXPECT_EQ(Strings(response.json["roles"], "role"), std::vector<std::string>{"district_office"});
    EXPECT_EQ(response.json["csrfToken"], session.csrf_token());
    EXPECT_EQ(response.json["viaApiToken"], false);
}

// The intake menu offers what the server would accept, by the caller's roles.
TEST_F(AuthApiTest, MeListsTheIntakeChannelsTheUserRecordsOn) {
    const auto channels = [this](const std::string& user) {
        return LogIn(user).Get("/api/v1/auth/me").json.at("intakeChannels");
    };

    EXPECT_EQ(channels("district-office"), nlohmann::json({"walk_in"}));
    EXPECT_EQ(channels("grid-worker"), nlohmann::json({"grid"}));
    EXPECT_EQ(channels("director"), nlohmann::json({"direct_card"}));
    EXPECT_EQ(channels("admin"), nlohmann::json::array());
}

// A cookie rides along on cross-site requests; only the echoed token proves the page is ours.
TEST_F(AuthApiTest, CookieAuthenticatedWriteWithoutCsrfTokenIs403) {
    Session session = LogIn("community-staff");

    HttpResponse response = session.client().Post("/api/v1/auth/logout", nlohmann::json::object(),
                                                  {{"Cookie", session.CookieHeader()}});

    EXPECT_THAT(response, IsError(403, "auth.csrf_failed"));
}

TEST_F(AuthApiTest, CookieAuthenticatedWriteWithWrongCsrfTokenIs403) {
    Session session = LogIn("community-staff");

    HttpResponse response = session.Post("/api/v1/auth/logout", nlohmann::json::object(),
                                         {{"X-CSRF-Token", "x" + session.csrf_token()}});

    EXPECT_THAT(response, IsError(403, "auth.csrf_failed"));
}

// The CSRF token of one session must not unlock another.
TEST_F(AuthApiTest, CsrfTokenOfAnotherSessionIs403) {
    Session session = LogIn("grid-worker");
    const Session other = LogIn("grid-worker");

    HttpResponse response = session.Post("/api/v1/auth/logout", nlohmann::json::object(),
                                         {{"X-CSRF-Token", other.csrf_token()}});

    EXPECT_THAT(response, IsError(403, "auth.csrf_failed"));
}

TEST_F(AuthApiTest, LogoutEndsTheSession) {
    Session session = LogIn("director");
    ASSERT_THAT(session.Post("/api/v1/auth/logout", nlohmann::json::object()), HasStatus(204));

    HttpResponse response = session.Get("/api/v1/auth/me");

    EXPECT_THAT(response, IsError(401, "auth.session_invalid"));
}

TEST_F(AuthApiTest, LogoutClearsTheCookie) {
    Session session = LogIn("director");

    HttpResponse response = session.Post("/api/v1/auth/logout", nlohmann::json::object());

    ASSERT_THAT(response, HasStatus(204));
    EXPECT_EQ(SetCookieValue(response, "minqing_session"), "");
    EXPECT_THAT(response.AllHeaders("set-cookie"), Contains(HasSubstr("Max-Age=0")));
}

TEST_F(AuthApiTest, AuditRecordsLoginSucceededLoginFailedAndLogout) {
    HttpClient client = Anonymous();
    ASSERT_THAT(TryLogIn(client, "inspector", "not-the-password"), HasStatus(401));
    Session inspector = LogIn("inspector");
    ASSERT_THAT(inspector.Post("/api/v1/auth/logout", nlohmann::json::object()), HasStatus(204));
    Session admin = LogIn("admin");

    HttpResponse response = admin.Get("/api/v1/auth/events?username=inspector");

    ASSERT_THAT(response, HasStatus(200));
    EXPECT_THAT(Strings(response.json["items"], "kind"),
                IsSupersetOf({"login_failed", "login_succeeded", "logout"}));
    EXPECT_THAT(Strings(response.json["items"], "username"), Contains("inspector"));
}

TEST_F(AuthApiTest, AuditIsForbiddenToNonAdmins) {
    Session leader = LogIn("leader");

    HttpResponse response = leader.Get("/api/v1/auth/events");

    EXPECT_THAT(response, IsError(403, "auth.forbidden"));
}

// Its own server: three failures per account within the window, then 429.
class LoginThrottleApiTest : public ApiTest {
  protected:
    static void SetUpTestSuite() {
        StartServer([](app::Config& config) {
            config.security.throttle_account_failures = 3;
            config.security.throttle_address_failures = 1000;
            config.security.failures_before_lock = 1000;
        });
    }
};

TEST_F(LoginThrottleApiTest, FourthAttemptAfterThreeFailuresIs429WithRetryAfter) {
    HttpClient client = Anonymous();
    for (int attempt = 1; attempt <= 3; ++attempt) {
        ASSERT_THAT(TryLogIn(client, "cadre", "not-the-password"),
                    IsError(401, "auth.invalid_credentials"))
            << "attempt " << attempt;
    }

    HttpResponse response = TryLogIn(client, "cadre", "not-the-password");

    EXPECT_THAT(response, IsError(429, "auth.too_many_attempts"));
    EXPECT_GT(RetryAfter(response), 0);
}

// Otherwise a guesser would learn the password from the one attempt that is not refused.
TEST_F(LoginThrottleApiTest, ThrottledAccountIsRefusedEvenWithTheRightPassword) {
    HttpClient client = Anonymous();
    for (int attempt = 1; attempt <= 3; ++attempt) {
        ASSERT_THAT(TryLogIn(client, "director", "not-the-password"), HasStatus(401));
    }

    HttpResponse response = TryLogIn(client, "director", kDemoPassword);

    EXPECT_THAT(response, IsError(429, "auth.too_many_attempts"));
}

TEST_F(LoginThrottleApiTest, ThrottlingOneAccountLeavesOthersAlone) {
    HttpClient client = Anonymous();
    for (int attempt = 1; attempt <= 4; ++attempt) {
        ASSERT_THAT(TryLogIn(client, "unit-leader", "not-the-password"), Not(HasStatus(200)));
    }

    HttpResponse response = TryLogIn(client, "unit-handler", kDemoPassword);

    EXPECT_THAT(response, HasStatus(200));
}

// Its own server: three failures from one address, whatever the usernames, then 429.
class AddressThrottleApiTest : public ApiTest {
  protected:
    static void SetUpTestSuite() {
        StartServer([](app::Config& config) {
            config.security.throttle_account_failures = 1000;
            config.security.throttle_address_failures = 3;
            config.security.failures_before_lock = 1000;
        });
    }
};

TEST_F(AddressThrottleApiTest, AddressWithThreeFailuresIsRefusedForAnyAccount) {
    HttpClient client = Anonymous();
    for (const std::string_view username : {"guess-one", "guess-two", "guess-three"}) {
        ASSERT_THAT(TryLogIn(client, username, "not-the-password"), HasStatus(401)) << username;
    }

    HttpResponse response = TryLogIn(client, "admin", kDemoPassword);

    EXPECT_THAT(response, IsError(429, "auth.too_many_attempts"));
    EXPECT_GT(RetryAfter(response), 0);
}

// Its own server: the account locks after three failures; the throttle is out of the way.
class LockoutApiTest : public ApiTest {
  protected:
    static void SetUpTestSuite() {
        StartServer([](app::Config& config) {
            config.security.failures_before_lock = 3;
            config.security.throttle_account_failures = 1000;
            config.security.throttle_address_failures = 1000;
        });
    }

    static void FailThreeTimes(std::string_view username) {
        HttpClient client = Anonymous();
        for (int attempt = 1; attempt <= 3; ++attempt) {
            HttpResponse response = TryLogIn(client, username, "not-the-password");
            ASSERT_TRUE(response.status == 401 || response.status == 429)
                << "attempt " << attempt << ": " << response.body;
        }
    }
};

TEST_F(LockoutApiTest, LockedAccountIsRefusedEvenWithTheRightPassword) {
    FailThreeTimes("cadre");
    HttpClient client = Anonymous();

    HttpResponse response = TryLogIn(client, "cadre", kDemoPassword);

    EXPECT_THAT(response, IsError(429, "auth.account_locked"));
    EXPECT_GT(RetryAfter(response), 0);
}

TEST_F(LockoutApiTest, AdminUnlockLetsTheUserIn) {
    FailThreeTimes("leader");
    Session admin = LogIn("admin");
    HttpResponse users = admin.Get("/api/v1/users?keyword=leader");
    nlohmann::json leader = FindBy(users.json["items"], "username", "leader");
    ASSERT_TRUE(leader.is_object()) << users.body;
    EXPECT_FALSE(leader["lockedUntil"].is_null());
    ASSERT_THAT(admin.Patch("/api/v1/users/" + std::to_string(leader["id"].get<std::int64_t>()),
                            {{"unlock", true}}),
                HasStatus(200));
    HttpClient client = Anonymous();

    HttpResponse response = TryLogIn(client, "leader", kDemoPassword);

    EXPECT_THAT(response, HasStatus(200));
}

TEST_F(LockoutApiTest, LockIsAudited) {
    FailThreeTimes("inspector");
    Session admin = LogIn("admin");

    HttpResponse response = admin.Get("/api/v1/auth/events?username=inspector");

    ASSERT_THAT(response, HasStatus(200));
    EXPECT_THAT(Strings(response.json["items"], "kind"), Contains("account_locked"));
}

}  // namespace
}  // namespace minqing::tests
