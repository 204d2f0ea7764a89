// What the API tests share: a fixture running one TestServer per test suite, matchers for the
// error body every failure carries (STYLE.md: status, reason, fields, requestId), and lookups
// of the demo data. Use from the test thread only.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <ostream>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "support/http_client.hpp"
#include "support/test_server.hpp"

namespace minqing::tests {

/// A demo account (service/seeder.cpp) and the role it holds.
struct DemoAccount {
    std::string_view username;
    std::string_view role;
};

/// The thirteen demo accounts, one per role.
const std::vector<DemoAccount>& DemoAccounts();

/// Prints the account in GoogleTest messages about parameterised tests.
void PrintTo(const DemoAccount& account, std::ostream* out);

/// Codes of the demo org units the tests use (data/seed/org).
namespace codes {
inline constexpr std::string_view kCity = "220200";                 // 吉林市
inline constexpr std::string_view kChangyi = "220202";              // 昌邑区
inline constexpr std::string_view kChuanying = "220204";            // 船营区
inline constexpr std::string_view kXinghuaStreet = "220202001000";  // 兴华街道 (昌邑区)
inline constexpr std::string_view kDeshengStreet = "220204001000";  // 德胜街道 (船营区)
inline constexpr std::string_view kNanjingStreet = "220204002000";  // 南京街道 (船营区)
inline constexpr std::string_view kYongqian = "220204001001";       // 永前社区 (德胜街道)
inline constexpr std::string_view kSportsBureau = "U220200-26";     // 吉林市体育局
inline constexpr std::string_view kDongchangzhaiGrid1 = "22020200100101";  // 东厂宅社区第一网格
inline constexpr std::string_view kYongqianGrid1 = "22020400100101";  // 永前社区第一网格
inline constexpr std::string_view kYongqianGrid2 = "22020400100102";  // 永前社区第二网格
inline constexpr std::string_view kHousingBureau = "U220200-13";  // 吉林市住房和城乡建设局
inline constexpr std::string_view kHotline12345 = "U220200-33";  // 吉林市12345政务服务便民热线
inline constexpr std::string_view kHeatingGroup = "U220200-35";  // 吉林市热力集团有限公司
inline constexpr std::string_view kChuanyingHousing = "U220204-02";  // 船营区住房和城乡建设局
}  // namespace codes

/// Base fixture: one server per test suite, since seeding the demo data takes about a second.
/// Tests that need a clean database, or another configuration, get a suite of their own.
class ApiTest : public ::testing::Test {
  protected:
    static void SetUpTestSuite() { StartServer(); }
    static void TearDownTestSuite() { StopServer(); }
    /// For suites with their own configuration or data, from their SetUpTestSuite: starts the
    /// server with `tweak` applied, then runs `prepare` (accounts the suite shares…). When
    /// either throws, SetUp fails each test of the suite with the reason. (A failure recorded
    /// in SetUpTestSuite itself would make GoogleTest skip the tests, and ctest would report
    /// them as skipped, not failed.)
    static void StartServer(const TestServer::ConfigTweak& tweak = {},
                            const std::function<void()>& prepare = {});
    static void StopServer();
    void SetUp() override;

    static TestServer& server() { return *server_; }
    static std::uint16_t port() { return server_->port(); }
    /// A new client without credentials.
    static HttpClient Anonymous() { return HttpClient(port()); }
    static Session LogIn(std::string_view username, std::string_view password = kDemoPassword) {
        return Session::LogIn(port(), username, password);
    }

  public:
    /// The id of the org unit with this code, looked up once per suite. Throws when unknown.
    /// Public, so that the parameter tables of parameterised tests can name units too.
    static std::int64_t UnitId(std::string_view code);

  private:
    static std::unique_ptr<TestServer> server_;
    static std::string start_error_;
    static std::map<std::string, std::int64_t, std::less<>> unit_ids_;
};

/// Creates a staff account through POST /api/v1/users with the demo password; returns its id.
/// Throws std::runtime_error unless the server answers 201.
std::int64_t CreateUser(Session& admin, std::string_view username);

/// Grants `role` on `unit_id` through POST /api/v1/users/{id}/roles; returns the assignment id.
/// Throws std::runtime_error unless the server answers 201.
std::int64_t GrantRole(Session& admin, std::int64_t user_id, std::string_view role,
                       std::int64_t unit_id);

/// The id of the user `username` as the admin's user list shows it. Throws when absent.
std::int64_t UserIdOf(Session& admin, std::string_view username);

/// Creates an API token for the user through POST /api/v1/tokens; returns its secret (for
/// Bearer()). Throws std::runtime_error unless the server answers 201.
std::string CreateApiToken(Session& admin, std::int64_t user_id, std::string_view name);

/// Checks `response` against the error shape: the HTTP status, error.status equal to it,
/// error.reason, a string message, a fields array, and a non-empty requestId that the
/// X-Request-Id header repeats. Writes every difference to `why`.
bool MatchesError(const HttpResponse& response, int status, std::string_view reason,
                  std::ostream& why);

/// The (field, reason) pairs of error.fields, in order.
std::vector<std::pair<std::string, std::string>> FieldErrors(const HttpResponse& response);

/// The string `key` of every object in `items`.
std::vector<std::string> Strings(const nlohmann::json& items, std::string_view key);

/// The newest 100 inbox items of `session` (GET /api/v1/notifications) about case `id`.
std::vector<nlohmann::json> InboxAbout(Session& session, std::int64_t id);

/// The notice keys (templates) of inbox items.
std::set<std::string> KeysOf(const std::vector<nlohmann::json>& items);

/// The first object in `items` whose `key` equals `value`, or null.
nlohmann::json FindBy(const nlohmann::json& items, std::string_view key, std::string_view value);

MATCHER_P(HasStatus, status, "has HTTP status " + std::to_string(status)) {
    return arg.status == status;
}

MATCHER_P2(IsError, status, reason,
           "is an HTTP " + std::to_string(status) + " error with reason \"" + std::string(reason) +
               "\"") {
    std::ostringstream why;
    const bool matches = MatchesError(arg, status, reason, why);
    *result_listener << why.str();
    return matches;
}

/// 2xx, or a 4xx about the request's content (400, 404, 409, 422): the caller was let in.
MATCHER(IsAllowed, "is let through the permission check (2xx, 400, 404, 409 or 422)") {
    return (arg.status >= 200 && arg.status < 300) || arg.status == 400 || arg.status == 404 ||
           arg.status == 409 || arg.status == 422;
}

}  // namespace minqing::tests
