// Every route the server answers × every kind of caller: nobody, an account without roles, each
// of the thirteen roles, and for a case's routes each role outside the case's district. The
// expectations are one table below; a route the table does not name fails the test, so a new
// route cannot land without saying who may call it.
#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "support/api_test.hpp"
#include "support/case_body.hpp"

namespace minqing::tests {
namespace {

using ::testing::Not;

// Who a route lets through its permission check. Everyone else gets 403 (401 without
// credentials); those let through may still meet 404, 409 or 422 about the request itself.
enum class Who {
    kPublic,               // no credentials needed
    kSignedIn,             // any account, even one without roles
    kStaff,                // every role that works cases (all but admin)
    kAdmins,               // the admin role
    kStaffAndAdmins,       // every role
    kCityOfficeAndAdmins,  // the failed-notification list
    kCityOffice,           // the assessment's decisions
    kCityReaders,  // the assessment's log: the city's office, its head, leader, inspector, admin
    kAppellants,   // assessment appeals: those who work for an assessed unit
    kBulletinWriters,  // the city and district offices (report:bulletin:write)
    kOfficeHeads,      // the office head (report:bulletin:issue)
};

struct RouteRule {
    std::string_view route;  // "METHOD /pattern" as the router describes it
    Who who;
};

// clang-format off
constexpr RouteRule kRules[] = {
    {"GET /healthz", Who::kPublic},
    {"GET /readyz", Who::kPublic},
    {"GET /api/v1/metrics", Who::kAdmins},
    {"POST /api/v1/auth/login", Who::kPublic},
    {"POST /api/v1/auth/logout", Who::kSignedIn},
    {"GET /api/v1/auth/me", Who::kSignedIn},
    {"GET /api/v1/auth/events", Who::kAdmins},
    {"POST /api/v1/tokens", Who::kAdmins},
    {"GET /api/v1/tokens", Who::kAdmins},
    {"DELETE /api/v1/tokens/{id}", Who::kAdmins},
    {"GET /api/v1/auth/tokens", Who::kSignedIn},
    {"POST /api/v1/auth/tokens", Who::kSignedIn},
    {"DELETE /api/v1/auth/tokens/{id}", Who::kSignedIn},
    {"GET /api/v1/org/tree", Who::kStaffAndAdmins},
    {"GET /api/v1/org/units", Who::kStaffAndAdmins},
    {"GET /api/v1/org/units/{id}", Who::kStaffAndAdmins},
    {"GET /api/v1/org/directory", Who::kStaffAndAdmins},
    {"GET /api/v1/org/units/{id}/staff", Who::kStaff},
    {"POST /api/v1/org/units", Who::kAdmins},
    {"PATCH /api/v1/org/units/{id}", Who::kAdmins},
    {"POST /api/v1/org/units/{id}/deactivate", Who::kAdmins},
    {"GET /api/v1/users", Who::kAdmins},
    {"POST /api/v1/users", Who::kAdmins},
    {"GET /api/v1/users/{id}", Who::kAdmins},
    {"PATCH /api/v1/users/{id}", Who::kAdmins},
    {"POST /api/v1/users/{id}/roles", Who::kAdmins},
    {"DELETE /api/v1/users/{id}/roles/{assignmentId}", Who::kAdmins},
    {"POST /api/v1/cases", Who::kStaff},
    {"GET /api/v1/cases", Who::kStaff},
    {"GET /api/v1/workbench", Who::kStaff},
    {"GET /api/v1/case-actions/forms", Who::kStaff},
    {"GET /api/v1/cases/{id}", Who::kStaff},
    {"POST /api/v1/cases/{id}/actions/{action}", Who::kStaff},
    {"POST /api/v1/cases/{id}/reveal-reporter", Who::kStaff},
    {"GET /api/v1/cases/{id}/events", Who::kStaff},
    {"GET /api/v1/cases/{id}/verify", Who::kStaff},
    {"POST /api/v1/cases/{id}/attachments", Who::kStaff},
    {"GET /api/v1/cases/{id}/attachments/{attachmentId}", Who::kStaff},
    {"GET /api/v1/cases/{id}/routing-suggestion", Who::kStaff},
    {"POST /api/v1/cases/{id}/supervisions", Who::kStaff},
    {"POST /api/v1/cases/{id}/supervisions/{sid}/reply", Who::kStaff},
    {"GET /api/v1/cases/{id}/supervisions", Who::kStaff},
    {"GET /api/v1/supervisions", Who::kStaff},
    {"GET /api/v1/saved-views", Who::kStaff},
    {"POST /api/v1/saved-views", Who::kStaff},
    {"DELETE /api/v1/saved-views/{id}", Who::kStaff},
    {"GET /api/v1/stats/cases", Who::kStaff},
    {"POST /api/v1/bulletins", Who::kBulletinWriters},
    {"GET /api/v1/bulletins", Who::kStaff},
    {"GET /api/v1/bulletins/{id}", Who::kStaff},
    {"PUT /api/v1/bulletins/{id}", Who::kBulletinWriters},
    {"POST /api/v1/bulletins/{id}/regenerate", Who::kBulletinWriters},
    {"POST /api/v1/bulletins/{id}/submit", Who::kBulletinWriters},
    {"POST /api/v1/bulletins/{id}/issue", Who::kOfficeHeads},
    {"POST /api/v1/bulletins/{id}/return", Who::kOfficeHeads},
    {"GET /api/v1/bulletins/{id}/pdf", Who::kStaff},
    {"GET /api/v1/bulletins/{id}/annex.xlsx", Who::kStaff},
    {"GET /api/v1/bulletins/{id}/receipts", Who::kStaff},
    {"POST /api/v1/public/submissions", Who::kPublic},
    {"GET /api/v1/public/submissions/{number}", Who::kPublic},
    {"GET /api/v1/categories", Who::kPublic},
    {"POST /api/v1/categories", Who::kAdmins},
    {"PATCH /api/v1/categories/{code}", Who::kAdmins},
    {"GET /api/v1/dispatch-catalogue", Who::kStaffAndAdmins},
    {"PUT /api/v1/dispatch-catalogue/{categoryCode}/{level}", Who::kAdmins},
    {"DELETE /api/v1/dispatch-catalogue/{categoryCode}/{level}", Who::kAdmins},
    {"GET /api/v1/direct-cards", Who::kAdmins},
    {"POST /api/v1/direct-cards", Who::kAdmins},
    {"POST /api/v1/direct-cards/{id}/revoke", Who::kAdmins},
    {"POST /api/v1/direct-cards/{id}/reassign", Who::kAdmins},
    {"GET /api/v1/message-templates", Who::kAdmins},
    {"PUT /api/v1/message-templates/{key}/{channel}", Who::kAdmins},
    {"GET /api/v1/notifications", Who::kSignedIn},
    {"POST /api/v1/notifications/read-all", Who::kSignedIn},
    {"POST /api/v1/notifications/{id}/read", Who::kSignedIn},
    {"GET /api/v1/notifications/failed", Who::kCityOfficeAndAdmins},
    {"GET /api/v1/notifications/preferences", Who::kSignedIn},
    {"PUT /api/v1/notifications/preferences", Who::kSignedIn},
    {"GET /api/v1/ws", Who::kSignedIn},
    {"GET /api/v1/calendar", Who::kStaffAndAdmins},
    {"PUT /api/v1/calendar/days/{date}", Who::kAdmins},
    {"DELETE /api/v1/calendar/days/{date}", Who::kAdmins},
    {"POST /api/v1/calendar/import", Who::kAdmins},
    {"GET /api/v1/time-limit-rules", Who::kStaffAndAdmins},
    {"POST /api/v1/time-limit-rules", Who::kAdmins},
    {"PUT /api/v1/time-limit-rules/{id}", Who::kAdmins},
    {"DELETE /api/v1/time-limit-rules/{id}", Who::kAdmins},
    {"GET /api/v1/web-settings", Who::kSignedIn},
    {"GET /api/v1/assessment/schemes", Who::kStaffAndAdmins},
    {"GET /api/v1/assessment/schemes/current", Who::kStaffAndAdmins},
    {"PUT /api/v1/assessment/scheme", Who::kCityOfficeAndAdmins},
    {"GET /api/v1/assessment/periods", Who::kStaffAndAdmins},
    {"GET /api/v1/assessment/periods/{label}", Who::kStaffAndAdmins},
    {"GET /api/v1/assessment/periods/{label}/units/{unit}", Who::kStaffAndAdmins},
    {"GET /api/v1/assessment/units/{unit}/trend", Who::kStaffAndAdmins},
    {"POST /api/v1/assessment/periods/{label}/publish", Who::kCityOffice},
    {"POST /api/v1/assessment/periods/{label}/close", Who::kCityOffice},
    {"POST /api/v1/assessment/periods/{label}/reopen", Who::kCityOffice},
    {"GET /api/v1/assessment/periods/{label}/log", Who::kCityReaders},
    {"GET /api/v1/assessment/periods/{label}/export.xlsx", Who::kStaffAndAdmins},
    {"POST /api/v1/assessment/appeals", Who::kAppellants},
    {"GET /api/v1/assessment/appeals", Who::kStaffAndAdmins},
    {"POST /api/v1/assessment/appeals/{id}/accept", Who::kCityOffice},
    {"POST /api/v1/assessment/appeals/{id}/reject", Who::kCityOffice},
};
// clang-format on

// A caller: nobody (""), an account without roles ("none"), or a demo account with its role.
struct Caller {
    std::string username;
    std::string role;
};

bool LetsThrough(Who who, const Caller& caller) {
    switch (who) {
        case Who::kPublic:
            return true;
        case Who::kSignedIn:
            return !caller.username.empty();
        case Who::kStaff:
            return !caller.role.empty() && caller.role != "none" && caller.role != "admin";
        case Who::kAdmins:
            return caller.role == "admin";
        case Who::kStaffAndAdmins:
            return !caller.role.empty() && caller.role != "none";
        case Who::kCityOfficeAndAdmins:
            return caller.role == "admin" || caller.role == "city_office";
        case Who::kCityOffice:
            return caller.role == "city_office";
        case Who::kCityReaders:
            return caller.role == "admin" || caller.role == "city_office" ||
                   caller.role == "leader" || caller.role == "inspector" ||
                   caller.role == "office_head";
        case Who::kAppellants:
            return caller.role == "district_office" || caller.role == "street_office" ||
                   caller.role == "community_staff" || caller.role == "director" ||
                   caller.role == "unit_handler" || caller.role == "unit_leader" ||
                   caller.role == "grid_worker";
        case Who::kBulletinWriters:
            return caller.role == "city_office" || caller.role == "district_office";
        case Who::kOfficeHeads:
            return caller.role == "office_head";
    }
    return false;
}

std::vector<std::string> Split(std::string_view text, char by) {
    std::vector<std::string> parts;
    std::size_t start = 0;
    while (start <= text.size()) {
        const auto end = std::min(text.find(by, start), text.size());
        parts.emplace_back(text.substr(start, end - start));
        start = end + 1;
    }
    return parts;
}

class RoutePermissionsApiTest : public ApiTest {
  public:
    static void SetUpTestSuite() {
        StartServer({}, [] {
            Session admin = LogIn("admin");
            CreateUser(admin, kRoleless);
            grid_worker_id_ = UserIdOf(admin, "grid-worker");
            Session grid = LogIn("grid-worker");
            own_case_ = IdOf(CreateCase(
                grid, CaseBody("grid").Title("楼道堆物").GridId(UnitId(codes::kYongqianGrid1))));
            Session city = LogIn("city-office");
            other_district_case_ =
                IdOf(CreateCase(city, CaseBody("walk_in")
                                          .Title("昌邑区路灯不亮")
                                          .GridId(UnitId(codes::kDongchangzhaiGrid1))));
        });
    }

  protected:
    static constexpr std::string_view kRoleless = "route-matrix-roleless";

    static std::vector<Caller> Callers() {
        std::vector<Caller> callers = {{"", ""}, {std::string(kRoleless), "none"}};
        for (const DemoAccount& account : DemoAccounts()) {
            callers.push_back({std::string(account.username), std::string(account.role)});
        }
        return callers;
    }

    // The pattern with every parameter filled: a case's routes name `case_id`; the rest name
    // an existing unit or user, or ids that exist nowhere (so that no write the matrix sends
    // to those changes anything).
    static std::string PathOf(std::string_view pattern, std::int64_t case_id) {
        std::string path;
        const auto segments = Split(pattern.substr(1), '/');
        for (std::size_t i = 0; i < segments.size(); ++i) {
            const std::string& segment = segments[i];
            const std::string previous = i > 0 ? segments[i - 1] : "";
            std::string value = segment;
            if (segment == "{id}" && previous == "cases") {
                value = std::to_string(case_id);
            } else if (segment == "{id}" && previous == "units") {
                value = std::to_string(UnitId(codes::kYongqian));
            } else if (segment == "{id}" && previous == "users") {
                value = std::to_string(grid_worker_id_);
            } else if (segment == "{action}") {
                value = "supervise";
            } else if (segment == "{number}") {
                value = "2026-0000001";
            } else if (segment == "{code}") {
                value = "0301";
            } else if (segment == "{categoryCode}") {
                value = "9999";
            } else if (segment == "{level}") {
                value = "district";
            } else if (segment == "{key}") {
                value = "critical_case";
            } else if (segment == "{channel}") {
                value = "inbox";
            } else if (segment == "{date}") {
                value = "2099-01-01";
            } else if (segment.starts_with("{")) {
                value = "999999";
            }
            path += "/" + value;
        }
        return path;
    }

    static HttpResponse Call(const Caller& caller, std::string_view method,
                             const std::string& path) {
        const bool has_body = method == "POST" || method == "PUT" || method == "PATCH";
        const std::optional<std::string> body =
            has_body ? std::optional<std::string>("{}") : std::nullopt;
        if (caller.username.empty()) {
            return Anonymous().Send(method, path, body);
        }
        // Logging out ends the session: that route gets a session of its own.
        const bool logout = path == "/api/v1/auth/logout";
        Session& session = logout ? Fresh(caller.username) : SessionOf(caller.username);
        return session.client().Send(
            method, path, body,
            {{"Cookie", session.CookieHeader()}, {"X-CSRF-Token", session.csrf_token()}});
    }

    static Session& SessionOf(const std::string& username) {
        auto found = sessions_.find(username);
        if (found == sessions_.end()) {
            found = sessions_.emplace(username, LogIn(username)).first;
        }
        return found->second;
    }

    static Session& Fresh(const std::string& username) {
        spent_.push_back(std::make_unique<Session>(LogIn(username)));
        return *spent_.back();
    }

    static void TearDownTestSuite() {
        sessions_.clear();
        spent_.clear();
        ApiTest::TearDownTestSuite();
    }

    static inline std::int64_t grid_worker_id_ = 0;
    static inline std::int64_t own_case_ = 0;
    static inline std::int64_t other_district_case_ = 0;
    static inline std::map<std::string, Session> sessions_;
    static inline std::vector<std::unique_ptr<Session>> spent_;
};

TEST_F(RoutePermissionsApiTest, TheTableNamesEveryRouteAndNoOther) {
    std::set<std::string> served;
    for (const std::string& route : server().routes()) {
        served.insert(route);
    }
    std::set<std::string> named;
    for (const RouteRule& rule : kRules) {
        EXPECT_TRUE(named.insert(std::string(rule.route)).second) << "twice: " << rule.route;
    }
    for (const std::string& route : served) {
        EXPECT_TRUE(named.contains(route)) << "no rule for " << route;
    }
    for (const std::string& route : named) {
        EXPECT_TRUE(served.contains(route)) << "no such route: " << route;
    }
}

TEST_F(RoutePermissionsApiTest, EveryRouteLetsThroughExactlyWhomTheTableSays) {
    for (const RouteRule& rule : kRules) {
        const auto space = rule.route.find(' ');
        const std::string method(rule.route.substr(0, space));
        const std::string path = PathOf(rule.route.substr(space + 1), own_case_);
        for (const Caller& caller : Callers()) {
            SCOPED_TRACE(std::string(rule.route) + " as " +
                         (caller.username.empty() ? "nobody" : caller.username));
            const HttpResponse response = Call(caller, method, path);
            const std::string reason = response.json.is_object() && response.json.contains("error")
                                           ? response.json["error"].value("reason", "")
                                           : "";
            EXPECT_NE(response.status, 500) << response.body;
            if (LetsThrough(rule.who, caller)) {
                EXPECT_NE(response.status, 401) << response.body;
                EXPECT_NE(reason, "auth.forbidden") << response.body;
            } else if (caller.username.empty()) {
                EXPECT_EQ(response.status, 401) << response.body;
            } else {
                EXPECT_EQ(response.status, 403) << response.body;
            }
        }
    }
}

// A case outside a caller's jurisdiction is not there for them, on every route of a case:
// they get exactly the answer an id that exists nowhere gets (404, or the same complaint
// about the body), so ids cannot be probed.
TEST_F(RoutePermissionsApiTest, ACaseOfAnotherDistrictIsNotThereForThoseOutsideIt) {
    constexpr std::int64_t kNoSuchCase = 987654321;
    for (const RouteRule& rule : kRules) {
        if (!rule.route.contains("/api/v1/cases/{id}")) {
            continue;
        }
        const auto space = rule.route.find(' ');
        const std::string method(rule.route.substr(0, space));
        const std::string pattern(rule.route.substr(space + 1));
        // Not the leader: the demo's leads the city, so every district's case is theirs to read.
        for (const std::string_view username :
             {"district-office", "street-office", "community-staff", "grid-worker", "director",
              "cadre", "unit-handler", "unit-leader"}) {
            SCOPED_TRACE(std::string(rule.route) + " as " + std::string(username));
            const Caller caller{std::string(username), "staff"};
            const HttpResponse outside =
                Call(caller, method, PathOf(pattern, other_district_case_));
            const HttpResponse nowhere = Call(caller, method, PathOf(pattern, kNoSuchCase));
            EXPECT_THAT(outside, Not(HasStatus(200)));
            EXPECT_EQ(outside.status, nowhere.status) << outside.body;
            EXPECT_EQ(outside.json["error"]["reason"], nowhere.json["error"]["reason"])
                << outside.body;
            if (method == "GET") {
                EXPECT_THAT(outside, IsError(404, "case.not_found"));
            }
        }
    }
}

}  // namespace
}  // namespace minqing::tests
