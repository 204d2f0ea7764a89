// Liveness and readiness probes, as a load balancer sees them: no credentials needed.
#include "support/api_test.hpp"

namespace minqing::tests {
namespace {

class HealthApiTest : public ApiTest {};

TEST_F(HealthApiTest, HealthzAnswersOkWithoutCredentials) {
    HttpClient client = Anonymous();

    HttpResponse response = client.Get("/healthz");

    EXPECT_THAT(response, HasStatus(200));
    EXPECT_EQ(response.json, nlohmann::json({{"status", "ok"}}));
}

TEST_F(HealthApiTest, ReadyzAnswersReadyWhenTheDatabaseAnswers) {
    HttpClient client = Anonymous();

    HttpResponse response = client.Get("/readyz");

    EXPECT_THAT(response, HasStatus(200));
    EXPECT_EQ(response.json.value("status", ""), "ready");
}

}  // namespace
}  // namespace minqing::tests
