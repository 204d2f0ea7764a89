// The permission matrix: every demo role against the endpoints that tell roles apart. Staff
// roles read the org tree and the directory; only admins write the org network, manage users
// and tokens, and read the authentication audit.
#include <functional>
#include <map>
#include <string>

#include "support/api_test.hpp"

namespace minqing::tests {
namespace {

struct Endpoint {
    std::string_view name;  // for the test name
    bool admin_only;
    // Sends the request as `session`; `role` makes request bodies unique per role.
    std::function<HttpResponse(Session& session, std::string_view role, std::int64_t community_id)>
        send;
};

// Write requests carry valid bodies, so that an allowed caller gets 2xx and a denied one
// can only be told apart by the permission check.
const std::vector<Endpoint>& Endpoints() {
    static const std::vector<Endpoint> kEndpoints = {
        {"GetOrgTree", false,
         [](Session& session, std::string_view, std::int64_t) {
             return session.Get("/api/v1/org/tree?depth=1");
         }},
        {"GetOrgDirectory", false,
         [](Session& session, std::string_view, std::int64_t) {
             return session.Get("/api/v1/org/directory");
         }},
        {"PostOrgUnits", true,
         [](Session& session, std::string_view role, std::int64_t community_id) {
             return session.Post("/api/v1/org/units",
                                 {{"code", "matrix-" + std::string(role)},
                                  {"name", "权限矩阵网格 " + std::string(role)},
                                  {"parentId", community_id}});
         }},
        {"GetUsers", true,
         [](Session& session, std::string_view, std::int64_t) {
             return session.Get("/api/v1/users");
         }},
        {"PostTokens", true,
         [](Session& session, std::string_view role, std::int64_t) {
             return session.Post("/api/v1/tokens", {{"name", "matrix " + std::string(role)},
                                                    {"userId", session.user_id()}});
         }},
        {"GetAuthEvents", true,
         [](Session& session, std::string_view, std::int64_t) {
             return session.Get("/api/v1/auth/events");
         }},
    };
    return kEndpoints;
}

using Case = std::tuple<DemoAccount, Endpoint>;

class PermissionMatrixApiTest : public ApiTest, public ::testing::WithParamInterface<Case> {
  protected:
    static void TearDownTestSuite() {
        sessions_.clear();
        ApiTest::TearDownTestSuite();
    }

    // One login per role for the whole matrix.
    static Session& SessionOf(std::string_view username) {
        auto found = sessions_.find(username);
        if (found == sessions_.end()) {
            found = sessions_.emplace(std::string(username), LogIn(username)).first;
        }
        return found->second;
    }

  private:
    static inline std::map<std::string, Session, std::less<>> sessions_;
};

TEST_P(PermissionMatrixApiTest, AllowsOrDeniesByRole) {
    const auto& [account, endpoint] = GetParam();
    Session& session = SessionOf(account.username);
    const bool allowed = !endpoint.admin_only || account.role == "admin";

    HttpResponse response = endpoint.send(session, account.role, UnitId(codes::kYongqian));

    if (allowed) {
        EXPECT_THAT(response, IsAllowed());
    } else {
        EXPECT_THAT(response, IsError(403, "auth.forbidden"));
    }
}

INSTANTIATE_TEST_SUITE_P(EveryRoleAndEndpoint, PermissionMatrixApiTest,
                         ::testing::Combine(::testing::ValuesIn(DemoAccounts()),
                                            ::testing::ValuesIn(Endpoints())),
                         [](const ::testing::TestParamInfo<Case>& param_info) {
                             return std::string(std::get<0>(param_info.param).role) + "_" +
                                    std::string(std::get<1>(param_info.param).name);
                         });

}  // namespace
}  // namespace minqing::tests
