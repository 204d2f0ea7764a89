// The security review's findings, each kept closed by a test: who manages accounts without
// roles, who may attach files, what a refused upload leaves behind, content types and login
// CSRF, sessions after a password reset (in every server process), the answer headers, the
// public lookup's limits and hidden characters in names.
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>

#include "support/api_test.hpp"
#include "support/case_body.hpp"

namespace minqing::tests {
namespace {

namespace fs = std::filesystem;

using ::testing::Contains;
using ::testing::Not;

// The smallest PNG there is: one transparent pixel.
const std::string kPng = std::string(
    "\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0\x1f\x15\xc4\x89\0\0\0\r"
    "IDAT\x78\x9c\x63\0\x01\0\0\x05\0\x01\x0d\x0a\x2d\xb4\0\0\0\0IEND\xae\x42\x60\x82",
    67);

HttpResponse Upload(Session& session, std::int64_t case_id, std::string_view filename,
                    const std::string& bytes) {
    return session.client().Send(
        "POST", CasePath(case_id, "/attachments?filename=" + UrlEncode(filename)), bytes,
        {{"Cookie", session.CookieHeader()},
         {"X-CSRF-Token", session.csrf_token()},
         {"Content-Type", "image/png"}});
}

// Every file under the attachments folder, temporary ones included.
int FilesIn(const fs::path& folder) {
    int count = 0;
    std::error_code missing;
    for (fs::recursive_directory_iterator it(folder, missing), end; !missing && it != end;
         it.increment(missing)) {
        count += it->is_regular_file() ? 1 : 0;
    }
    return count;
}

std::vector<std::string> ActionsOf(const HttpResponse& detail) {
    return detail.json["actions"].get<std::vector<std::string>>();
}

class SecurityApiTest : public ApiTest {
  public:
    static void SetUpTestSuite() {
        StartServer([](app::Config& config) { config.test_mode = true; },
                    [] {
                        Session admin = LogIn("admin");
                        const std::int64_t district_admin = CreateUser(admin, kDistrictAdmin);
                        GrantRole(admin, district_admin, "admin", UnitId(codes::kChuanying));
                        const std::int64_t other_admin = CreateUser(admin, kOtherDistrictAdmin);
                        GrantRole(admin, other_admin, "admin", UnitId(codes::kChangyi));
                    });
    }

  protected:
    static constexpr std::string_view kDistrictAdmin = "security-chuanying-admin";
    static constexpr std::string_view kOtherDistrictAdmin = "security-changyi-admin";

    // Another server on the suite's database: the other processes of a deployment.
    static std::unique_ptr<TestServer> SecondServer() {
        return std::make_unique<TestServer>([](app::Config& config) {
            config.database.url = server().config().DatabaseUrl();
            config.data_dir = server().config().data_dir;
            config.demo.enabled = false;
        });
    }

    static fs::path Attachments() { return fs::path(server().config().data_dir) / "attachments"; }

    // A grid report in 永前社区's first grid by the demo grid worker: they recorded it.
    static std::int64_t GridReport(std::string_view title) {
        Session grid = LogIn("grid-worker");
        return IdOf(
            CreateCase(grid, CaseBody("grid").Title(title).GridId(UnitId(codes::kYongqianGrid1))));
    }
};

// --- 2. accounts without roles belong where they were created ----------------------------------

TEST_F(SecurityApiTest, ADistrictAdminCannotTakeOverAnAccountTheCityAdminCreated) {
    Session admin = LogIn("admin");
    const std::int64_t id = CreateUser(admin, "security-city-machine");
    Session district_admin = LogIn(kDistrictAdmin);

    EXPECT_THAT(
        district_admin.Patch("/api/v1/users/" + std::to_string(id), {{"password", "taken-over-1"}}),
        IsError(403, "user.outside_scope"));
    EXPECT_THAT(district_admin.Post("/api/v1/tokens", {{"name", "steal"}, {"userId", id}}),
                IsError(403, "user.grant_outside_scope"));
    EXPECT_THAT(district_admin.Get("/api/v1/users/" + std::to_string(id)),
                IsError(404, "user.not_found"));
    EXPECT_EQ(FindBy(district_admin.Get("/api/v1/users?limit=200").json["items"], "username",
                     "security-city-machine"),
              nlohmann::json())
        << "the account is not listed to the district admin";
}

TEST_F(SecurityApiTest, AnAccountADistrictAdminCreatedStaysTheirsAndTheCitys) {
    Session district_admin = LogIn(kDistrictAdmin);
    const std::int64_t id = CreateUser(district_admin, "security-district-new");
    const std::string path = "/api/v1/users/" + std::to_string(id);

    EXPECT_THAT(district_admin.Patch(path, {{"displayName", "船营区新同事"}}), HasStatus(200));
    EXPECT_THAT(LogIn("admin").Patch(path, {{"displayName", "船营区新同事"}}), HasStatus(200));
    EXPECT_THAT(LogIn(kOtherDistrictAdmin).Patch(path, {{"password", "taken-over-1"}}),
                IsError(403, "user.outside_scope"));
}

// --- 3. attaching files is an action with its own rule -----------------------------------------

TEST_F(SecurityApiTest, SomeoneWhoMayOnlyReadACaseCannotAttachToIt) {
    Session street = LogIn("street-office");
    const std::int64_t id = IdOf(CreateCase(
        street, CaseBody("walk_in").Title("路灯不亮").GridId(UnitId(codes::kYongqianGrid1))));
    Session grid = LogIn("grid-worker");
    HttpResponse seen = grid.Get(CasePath(id));
    ASSERT_THAT(seen, HasStatus(200)) << "the grid worker sees their grid's case";
    EXPECT_THAT(ActionsOf(seen), Not(Contains("attach")));
    const int files = FilesIn(Attachments());

    HttpResponse response = Upload(grid, id, "现场.png", kPng);

    EXPECT_THAT(response, IsError(403, "case.not_holder"));
    EXPECT_EQ(FilesIn(Attachments()), files);
    EXPECT_THAT(Strings(grid.Get(CasePath(id, "/events")).json["items"], "action"),
                Not(Contains("attach")));
}

TEST_F(SecurityApiTest, TheCreatorAndTheHoldingOfficeAttachWhileTheCaseIsOpen) {
    const std::int64_t id = GridReport("井盖缺失");
    Session grid = LogIn("grid-worker");
    EXPECT_THAT(ActionsOf(grid.Get(CasePath(id))), Contains("attach"));

    EXPECT_THAT(Upload(grid, id, "井盖.png", kPng), HasStatus(201));
    Session community = LogIn("community-staff");
    EXPECT_THAT(ActionsOf(community.Get(CasePath(id))), Contains("attach"));
    EXPECT_THAT(Upload(community, id, "复核.png", kPng), HasStatus(201));
}

TEST_F(SecurityApiTest, AttachIsNotAWorkflowActionOfItsOwn) {
    const std::int64_t id = GridReport("楼道堆物");
    Session grid = LogIn("grid-worker");

    EXPECT_THAT(grid.Post(ActionPath(id, "attach"), {{"note", "x"}}),
                IsError(404, "case.unknown_action"));
}

// --- 4. refused uploads leave nothing; orphans are swept ----------------------------------------

TEST_F(SecurityApiTest, UploadsToAFinishedCaseAreRefusedAndLeaveNoFiles) {
    Session street = LogIn("street-office");
    const std::int64_t id = IdOf(CreateCase(street, CaseBody("walk_in").Title("邻里纠纷")));
    MoveCase(street, id, "withdraw", {{"reason", "双方已和解"}});
    const int files = FilesIn(Attachments());

    for (int i = 0; i < 5; ++i) {
        // Each with other bytes, so that none is already stored.
        const std::string bytes = kPng + std::string(1024 * 1024, static_cast<char>('a' + i));
        EXPECT_THAT(Upload(street, id, "补充材料.png", bytes), IsError(409, "case.terminal"));
    }

    EXPECT_EQ(FilesIn(Attachments()), files);
}

TEST_F(SecurityApiTest, TheSweepRemovesFilesNoAttachmentNamesOnceTheyAreOld) {
    const std::int64_t id = GridReport("路面塌陷");
    Session grid = LogIn("grid-worker");
    HttpResponse kept = Upload(grid, id, "塌陷.png", kPng + "kept");
    ASSERT_THAT(kept, HasStatus(201));
    const std::string kept_digest = kept.json["sha256"];
    const std::string orphan_digest(64, 'e');
    fs::create_directories(Attachments() / "ee");
    std::ofstream(Attachments() / "ee" / orphan_digest) << "left by a refused upload";
    std::ofstream(Attachments() / "ee" / (orphan_digest + ".tmp1.2")) << "left by a crash";
    Session admin = LogIn("admin");

    // Young files are left alone: an upload may be about to name them.
    ASSERT_THAT(admin.Post("/api/v1/test/orphan-sweep", nlohmann::json::object()), HasStatus(200));
    EXPECT_TRUE(fs::exists(Attachments() / "ee" / orphan_digest));
    ASSERT_THAT(admin.Post("/api/v1/test/clock", {{"advanceMinutes", 2 * 60}}), HasStatus(200));
    HttpResponse swept = admin.Post("/api/v1/test/orphan-sweep", nlohmann::json::object());

    ASSERT_THAT(swept, HasStatus(200));
    EXPECT_GE(swept.json["removed"].get<int>(), 1);
    EXPECT_FALSE(fs::exists(Attachments() / "ee" / orphan_digest));
    EXPECT_FALSE(fs::exists(Attachments() / "ee" / (orphan_digest + ".tmp1.2")));
    EXPECT_TRUE(fs::exists(Attachments() / kept_digest.substr(0, 2) / kept_digest));
    HttpResponse download =
        grid.Get(CasePath(id, "/attachments/" + std::to_string(kept.json["id"].get<int>())));
    EXPECT_THAT(download, HasStatus(200));
}

// --- 5. JSON routes take JSON only; login refuses other sites ----------------------------------

TEST_F(SecurityApiTest, AJsonRouteRefusesABodyOfAnotherType) {
    Session street = LogIn("street-office");

    HttpResponse response = street.client().Send(
        "POST", "/api/v1/cases", CaseBody("walk_in").Title("表单提交").json().dump(),
        {{"Cookie", street.CookieHeader()},
         {"X-CSRF-Token", street.csrf_token()},
         {"Content-Type", "text/plain"}});

    EXPECT_THAT(response, IsError(415, "request.unsupported_media_type"));
}

TEST_F(SecurityApiTest, LoginFromAFormOfAnotherSiteIsRefused) {
    const std::string body = R"({"username":"city-office","password":"minqing-demo"})";
    HttpClient client = Anonymous();

    EXPECT_THAT(client.Send("POST", "/api/v1/auth/login", body, {{"Content-Type", "text/plain"}}),
                IsError(415, "request.unsupported_media_type"));
    HttpResponse cross = client.Send("POST", "/api/v1/auth/login", body,
                                     {{"Content-Type", "application/json"},
                                      {"Origin", "http://attacker.example"},
                                      {"Sec-Fetch-Site", "cross-site"}});
    EXPECT_THAT(cross, IsError(403, "auth.cross_origin"));
    EXPECT_TRUE(cross.AllHeaders("set-cookie").empty());
    const std::string own = "http://127.0.0.1:" + std::to_string(port());
    EXPECT_THAT(client.Send("POST", "/api/v1/auth/login", body,
                            {{"Content-Type", "application/json"},
                             {"Origin", own},
                             {"Sec-Fetch-Site", "same-origin"}}),
                HasStatus(200));
}

// --- 6. a password reset ends the sessions, in every process -----------------------------------

TEST_F(SecurityApiTest, APasswordResetEndsEverySessionInEveryServerProcess) {
    const auto other = SecondServer();
    Session admin = LogIn("admin");
    const std::int64_t id = CreateUser(admin, "security-reset-target");
    GrantRole(admin, id, "community_staff", UnitId(codes::kYongqian));
    Session user = LogIn("security-reset-target");
    HttpClient elsewhere(other->port());
    const Headers cookie = {{"Cookie", user.CookieHeader()}};
    ASSERT_THAT(elsewhere.Get("/api/v1/auth/me", cookie), HasStatus(200))
        << "the session works on the other server too (and is cached there now)";

    ASSERT_THAT(admin.Patch("/api/v1/users/" + std::to_string(id), {{"password", "new-secret-1"}}),
                HasStatus(200));

    EXPECT_THAT(user.Get("/api/v1/auth/me"), IsError(401, "auth.session_invalid"));
    EXPECT_THAT(elsewhere.Get("/api/v1/auth/me", cookie), IsError(401, "auth.session_invalid"));
}

TEST_F(SecurityApiTest, ARoleRemovedInOneProcessIsGoneInTheOthersAtOnce) {
    const auto other = SecondServer();
    Session admin = LogIn("admin");
    const std::int64_t id = CreateUser(admin, "security-role-target");
    const std::int64_t role = GrantRole(admin, id, "city_office", UnitId(codes::kCity));
    Session user = LogIn("security-role-target");
    HttpClient elsewhere(other->port());
    const Headers cookie = {{"Cookie", user.CookieHeader()}};
    ASSERT_THAT(elsewhere.Get("/api/v1/cases", cookie), HasStatus(200));

    ASSERT_THAT(
        admin.Delete("/api/v1/users/" + std::to_string(id) + "/roles/" + std::to_string(role)),
        HasStatus(204));

    EXPECT_THAT(elsewhere.Get("/api/v1/cases", cookie), IsError(403, "auth.forbidden"));
}

// --- 8. the headers every answer carries -------------------------------------------------------

TEST_F(SecurityApiTest, AnswersCarryTheSecurityHeaders) {
    Session office = LogIn("city-office");

    for (const std::string_view path : {"/api/v1/auth/me", "/api/v1/no-such-route", "/readyz"}) {
        SCOPED_TRACE(std::string(path));
        HttpResponse answer = office.Get(path);
        EXPECT_EQ(answer.Header("x-content-type-options"), "nosniff");
        EXPECT_EQ(answer.Header("cache-control"), "no-store");
        EXPECT_EQ(answer.Header("referrer-policy"), "same-origin");
        const std::string policy(answer.Header("content-security-policy"));
        EXPECT_NE(policy.find("script-src 'self';"), std::string::npos) << policy;
        EXPECT_NE(policy.find("frame-ancestors 'none'"), std::string::npos) << policy;
    }
}

// --- 9. the public lookup cannot be brute-forced -------------------------------------------------

TEST_F(SecurityApiTest, ANumberLocksAfterAFewWrongCodesEvenForTheRightOne) {
    HttpClient resident = Anonymous();
    HttpResponse submitted = resident.Post(
        "/api/v1/public/submissions",
        CaseBody("mailbox").Title("小区门口积水").Content("下雨后门口积水很深，老人出行不便。"));
    ASSERT_THAT(submitted, HasStatus(201));
    const std::string number = submitted.json["number"];
    const std::string code = submitted.json["queryCode"];
    const std::string path = "/api/v1/public/submissions/" + number + "?code=";
    ASSERT_THAT(resident.Get(path + code), HasStatus(200));

    for (int i = 0; i < 5; ++i) {
        EXPECT_THAT(resident.Get(path + "000000" + std::to_string(i)),
                    IsError(404, "case.not_found"));
    }
    HttpResponse locked = resident.Get(path + code);

    EXPECT_THAT(locked, IsError(429, "public.lookup_locked"));
    EXPECT_FALSE(locked.Header("retry-after").empty());
    Session admin = LogIn("admin");
    HttpResponse metrics = admin.Get("/api/v1/metrics");
    ASSERT_THAT(metrics, HasStatus(200));
    EXPECT_NE(metrics.body.find("minqing_public_lookups_total{outcome=\"locked\"} 1"),
              std::string::npos)
        << metrics.body;
}

// --- 13. grid workers see their grid ---------------------------------------------------------

// The wider rule, written down in docs/security.md: a grid worker follows up on everything in
// their grid, whoever recorded it, and nothing in the grid next door.
TEST_F(SecurityApiTest, AGridWorkerSeesTheirGridsCasesAndNotTheNeighbouringGrids) {
    Session community = LogIn("community-staff");
    const std::int64_t in_grid = IdOf(CreateCase(
        community,
        CaseBody("walk_in").Title("一网格楼道灯坏").GridId(UnitId(codes::kYongqianGrid1))));
    const std::int64_t next_door = IdOf(CreateCase(
        community,
        CaseBody("walk_in").Title("二网格楼道灯坏").GridId(UnitId(codes::kYongqianGrid2))));
    Session grid = LogIn("grid-worker");

    EXPECT_THAT(grid.Get(CasePath(in_grid)), HasStatus(200));
    EXPECT_THAT(grid.Get(CasePath(next_door)), IsError(404, "case.not_found"));
    const auto listed = IdsIn(grid.Get("/api/v1/cases?limit=100"), {in_grid, next_door});
    EXPECT_EQ(listed, (std::set<std::int64_t>{in_grid}));
}

// --- 15. hidden characters stay out of names
// ------------------------------------------------------

TEST_F(SecurityApiTest, HiddenCharactersAreRefusedInTitlesNamesAndFileNames) {
    Session grid = LogIn("grid-worker");
    HttpResponse title =
        grid.Post("/api/v1/cases",
                  CaseBody("grid").Title("路灯\u202E不亮").GridId(UnitId(codes::kYongqianGrid1)));
    EXPECT_THAT(title, IsError(422, "validation.failed"));
    EXPECT_THAT(FieldErrors(title),
                Contains(std::pair<std::string, std::string>("title", "hidden_characters")));

    const std::int64_t id = GridReport("排水沟堵塞");
    HttpResponse file = Upload(grid, id, "photo_\u202Egnp.exe", kPng);
    EXPECT_THAT(FieldErrors(file),
                Contains(std::pair<std::string, std::string>("filename", "hidden_characters")));

    Session admin = LogIn("admin");
    HttpResponse user = admin.Post("/api/v1/users", {{"username", "security-bidi"},
                                                     {"displayName", "\uFEFF管理员"},
                                                     {"phone", ""},
                                                     {"password", "secret-pass-1"}});
    EXPECT_THAT(FieldErrors(user),
                Contains(std::pair<std::string, std::string>("displayName", "hidden_characters")));
}

// --- 16. the SQLite log's size is watched
// ---------------------------------------------------------

TEST_F(SecurityApiTest, MetricsShowTheDiskAndOnSqliteTheLogSize) {
    Session admin = LogIn("admin");

    HttpResponse metrics = admin.Get("/api/v1/metrics");

    ASSERT_THAT(metrics, HasStatus(200));
    EXPECT_NE(metrics.body.find("minqing_data_dir_free_bytes "), std::string::npos);
    if (server().backend() == "sqlite") {
        EXPECT_NE(metrics.body.find("minqing_sqlite_wal_bytes "), std::string::npos);
    }
    EXPECT_THAT(LogIn("city-office").Get("/api/v1/metrics"), IsError(403, "auth.forbidden"));
}

}  // namespace
}  // namespace minqing::tests
