// The error contract every route shares (STYLE.md): one body shape with a stable reason,
// every field problem listed at once, and the transport's own answers (404, 405, 413) in the
// same shape.
#include "support/api_test.hpp"

namespace minqing::tests {
namespace {

using ::testing::HasSubstr;
using ::testing::Pair;
using ::testing::UnorderedElementsAre;

class ErrorsApiTest : public ApiTest {};

TEST_F(ErrorsApiTest, UnknownRouteIs404RouteNotFound) {
    HttpClient client = Anonymous();

    HttpResponse response = client.Get("/api/v1/no-such-resource");

    EXPECT_THAT(response, IsError(404, "route.not_found"));
}

TEST_F(ErrorsApiTest, WrongMethodIs405WithAllowHeader) {
    HttpClient client = Anonymous();

    HttpResponse response = client.Delete("/healthz");

    EXPECT_THAT(response, IsError(405, "route.method_not_allowed"));
    EXPECT_THAT(std::string(response.Header("allow")), HasSubstr("GET"));
}

TEST_F(ErrorsApiTest, MalformedJsonIs400) {
    HttpClient client = Anonymous();

    HttpResponse response =
        client.Send("POST", "/api/v1/auth/login", R"({"username": "admin", "password": )");

    EXPECT_THAT(response, IsError(400, "request.malformed_json"));
}

TEST_F(ErrorsApiTest, JsonThatIsNotAnObjectIs400) {
    HttpClient client = Anonymous();

    HttpResponse response = client.Send("POST", "/api/v1/auth/login", R"(["admin"])");

    EXPECT_THAT(response, IsError(400, "request.malformed_json"));
}

TEST_F(ErrorsApiTest, WrongTypesAre422ListingEveryBadField) {
    Session admin = LogIn("admin");

    HttpResponse response = admin.Post(
        "/api/v1/users",
        {{"username", 42}, {"displayName", {"not", "text"}}, {"phone", true}, {"password", 8}});

    EXPECT_THAT(response, IsError(422, "validation.failed"));
    EXPECT_THAT(FieldErrors(response),
                UnorderedElementsAre(Pair("username", "type"), Pair("displayName", "type"),
                                     Pair("phone", "type"), Pair("password", "type")));
}

TEST_F(ErrorsApiTest, MissingRequiredFieldsAre422ListingEachOne) {
    HttpClient client = Anonymous();

    HttpResponse response = client.Post("/api/v1/auth/login", nlohmann::json::object());

    EXPECT_THAT(response, IsError(422, "validation.failed"));
    EXPECT_THAT(FieldErrors(response),
                UnorderedElementsAre(Pair("username", "required"), Pair("password", "required")));
}

// A misspelt field must not be silently ignored: the client believes it set something.
TEST_F(ErrorsApiTest, UnknownFieldIs422UnknownField) {
    HttpClient client = Anonymous();

    HttpResponse response =
        client.Post("/api/v1/auth/login",
                    {{"username", "admin"}, {"password", kDemoPassword}, {"rememberMe", true}});

    EXPECT_THAT(response, IsError(422, "validation.failed"));
    EXPECT_THAT(FieldErrors(response), UnorderedElementsAre(Pair("rememberMe", "unknown_field")));
}

TEST_F(ErrorsApiTest, ClientRequestIdIsEchoedInTheErrorBody) {
    HttpClient client = Anonymous();

    HttpResponse response =
        client.Get("/api/v1/no-such-resource", {{"X-Request-Id", "apitest-trace-1"}});

    EXPECT_THAT(response, IsError(404, "route.not_found"));
    EXPECT_EQ(response.json["error"]["requestId"], "apitest-trace-1");
}

// Its own server: the body limit is set small so that a modest body exceeds it.
class BodyLimitApiTest : public ApiTest {
  protected:
    static constexpr int kLimitKib = 1;

    static void SetUpTestSuite() {
        StartServer([](app::Config& config) { config.http.body_limit_kib = kLimitKib; });
    }
};

TEST_F(BodyLimitApiTest, BodyOverTheLimitIs413) {
    HttpClient client = Anonymous();
    const std::string padding(4 * 1024 * kLimitKib, 'x');

    HttpResponse response =
        client.Post("/api/v1/auth/login", {{"username", "admin"}, {"password", padding}});

    EXPECT_THAT(response, IsError(413, "request.body_too_large"));
}

TEST_F(BodyLimitApiTest, ClientCanSendAgainAfterA413) {
    HttpClient client = Anonymous();
    const std::string padding(4 * 1024 * kLimitKib, 'x');
    ASSERT_THAT(client.Post("/api/v1/auth/login", {{"username", "admin"}, {"password", padding}}),
                HasStatus(413));

    HttpResponse response = client.Get("/healthz");

    EXPECT_THAT(response, HasStatus(200));
}

}  // namespace
}  // namespace minqing::tests
