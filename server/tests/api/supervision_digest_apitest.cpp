// Supervision through the API with the test clock (issue 11): the automatic 督办 owes a reply
// like a 督办单 by hand; 催办, 督办 and 通报 are events of the case; supervision notices to
// offices and leaders wait for one digest per working day unless urgent or chosen otherwise;
// the supervision centre pages with a cursor and counts by level; inspectors hear of every
// 通报 in their scope.
#include <chrono>
#include <set>
#include <string>

#include "common/clock.hpp"
#include "support/api_test.hpp"
#include "support/case_body.hpp"

namespace minqing::tests {
namespace {

using ::testing::Contains;
using ::testing::Pair;

class SupervisionDigestApiTest : public ApiTest {
  protected:
    static void SetUpTestSuite() {
        StartServer([](app::Config& config) {
            config.test_mode = true;
            // The tests move the clock by weeks; their sessions should outlive that.
            config.security.session_ttl_minutes = 365 * 24 * 60;
        });
    }

    // A walk-in the city office registered: held by the city office until accepted.
    static std::int64_t Registered(Session& city, std::string_view title,
                                   std::string_view urgency = "normal") {
        return IdOf(CreateCase(city, CaseBody("walk_in").Title(title).Urgency(urgency).GridId(
                                         UnitId(codes::kYongqianGrid1))));
    }

    // The same, dispatched to 住建局 and signed for by its handler.
    static std::int64_t Signed(Session& city, Session& handler, std::string_view title) {
        const std::int64_t id = Registered(city, title);
        MoveCase(city, id, "accept");
        MoveCase(city, id, "dispatch",
                 {{"targetId", UnitId(codes::kHousingBureau)}, {"method", "network"}});
        MoveCase(handler, id, "sign");
        return id;
    }

    static nlohmann::json Post(Session& admin, std::string_view path,
                               const nlohmann::json& body = nlohmann::json::object()) {
        const HttpResponse response = admin.Post(path, body);
        if (response.status != 200) {
            throw std::runtime_error(std::string(path) + ": " + response.body);
        }
        return response.json;
    }

    static nlohmann::json Sweep(Session& admin) { return Post(admin, "/api/v1/test/sweep"); }

    static Instant Advance(Session& admin, int minutes) {
        const auto now =
            ParseIso8601(Post(admin, "/api/v1/test/clock", {{"advanceMinutes", minutes}})
                             .at("now")
                             .get<std::string>());
        if (!now) {
            throw std::runtime_error("clock: no instant");
        }
        return *now;
    }

    // Moves the clock to the next day's 09:00 (China time) until a digest round runs there;
    // returns its report. A weekend or holiday, or a day whose digest went out, is passed.
    static nlohmann::json DigestNextMorning(Session& admin) {
        constexpr int kDay = 24 * 60;
        constexpr int kNineInChina = 1 * 60;  // 09:00 +08:00 is 01:00 UTC
        for (int tries = 0; tries < 14; ++tries) {
            const Instant now = Advance(admin, 0);
            const auto minute_of_day =
                static_cast<int>(std::chrono::duration_cast<std::chrono::minutes>(
                                     now - std::chrono::floor<std::chrono::days>(now))
                                     .count());
            Advance(admin, kDay - minute_of_day + kNineInChina);
            const nlohmann::json report = Post(admin, "/api/v1/test/digest");
            if (report.at("ran").get<bool>()) {
                return report;
            }
        }
        throw std::runtime_error("no working morning within two weeks");
    }

    // Every inbox message of `session` (all pages).
    static std::vector<nlohmann::json> Inbox(Session& session) {
        std::vector<nlohmann::json> messages;
        std::string path = "/api/v1/notifications?limit=100";
        for (;;) {
            const HttpResponse page = session.Get(path);
            if (page.status != 200) {
                throw std::runtime_error("inbox: " + page.body);
            }
            for (const auto& item : page.json.at("items")) {
                messages.push_back(item);
            }
            if (page.json.at("nextCursor").is_null()) {
                return messages;
            }
            path = "/api/v1/notifications?limit=100&cursor=" +
                   page.json.at("nextCursor").get<std::string>();
        }
    }

    // Inbox messages about case `id` with template `key` whose text starts with `prefix`.
    static int Told(Session& session, std::int64_t id, std::string_view key,
                    std::string_view prefix = "") {
        int told = 0;
        for (const auto& message : Inbox(session)) {
            if (message.at("caseId") == id && message.at("key") == key &&
                message.at("text").get<std::string>().starts_with(prefix)) {
                ++told;
            }
        }
        return told;
    }

    static std::vector<nlohmann::json> Digests(Session& session) {
        std::vector<nlohmann::json> digests;
        for (const auto& message : Inbox(session)) {
            if (message.at("key") == "supervision_digest") {
                digests.push_back(message);
            }
        }
        return digests;
    }

    // The case's automatic supervision at `level`, or null.
    static nlohmann::json Automatic(Session& session, std::int64_t id, std::string_view level) {
        const HttpResponse list = session.Get(CasePath(id, "/supervisions"));
        for (const auto& s : list.json.at("items")) {
            if (!s.at("manual").get<bool>() && s.at("level") == level) {
                return s;
            }
        }
        return nullptr;
    }

    static std::string ReplyPath(std::int64_t id, const nlohmann::json& supervision) {
        return CasePath(id, "/supervisions/" + std::to_string(IdOf(supervision)) + "/reply");
    }
};

// Point 7.
TEST_F(SupervisionDigestApiTest, AnAutomaticWrittenSupervisionIsAnsweredLikeAManualOne) {
    Session admin = LogIn("admin");
    Session city = LogIn("city-office");
    Session handler = LogIn("unit-handler");
    Sweep(admin);
    const std::int64_t answered = Signed(city, handler, "供暖：楼内暖气不热两周");
    const std::int64_t ignored = Signed(city, handler, "供暖：单元门口积水结冰");
    const Instant swept_at = Advance(admin, 21 * 24 * 60);
    Sweep(admin);

    const nlohmann::json written = Automatic(city, answered, "written");
    ASSERT_TRUE(written.is_object());
    ASSERT_TRUE(written.at("replyDue").is_string()) << written.dump();
    const auto due = ParseIso8601(written.at("replyDue").get<std::string>());
    ASSERT_TRUE(due);
    EXPECT_GT(*due, swept_at);
    EXPECT_LE(*due, swept_at + std::chrono::days(5)) << "one working day, not more";
    EXPECT_EQ(written.at("unitId"), UnitId(codes::kHousingBureau));

    // The addressed unit replies as to a 督办单; nobody else does, and only once.
    const std::string reply_path = ReplyPath(answered, written);
    EXPECT_THAT(city.Post(reply_path, {{"reply", "代答"}}),
                IsError(403, "supervision.not_addressee"));
    const HttpResponse replied =
        handler.Post(reply_path, {{"reply", "已更换循环泵，今日恢复供暖"}});
    ASSERT_THAT(replied, HasStatus(200));
    EXPECT_TRUE(replied.json.at("repliedAt").is_string());
    EXPECT_THAT(handler.Post(reply_path, {{"reply", "再答一次"}}),
                IsError(409, "supervision.already_replied"));
    // A 催办 or a 通报 asks for no reply.
    EXPECT_THAT(handler.Post(ReplyPath(answered, Automatic(city, answered, "reminder")),
                             {{"reply", "收到"}}),
                IsError(404, "supervision.not_found"));

    // The other one's day passes without a reply: flagged, and listed as overdue.
    const nlohmann::json unanswered = Automatic(city, ignored, "written");
    ASSERT_TRUE(unanswered.is_object());
    const HttpResponse open = city.Get("/api/v1/supervisions?status=open&limit=500");
    EXPECT_TRUE(
        FindBy(open.json.at("items"), "caseNumber", unanswered.at("caseNumber").get<std::string>())
            .is_object())
        << "awaiting a reply";
    Advance(admin, 10 * 24 * 60);
    EXPECT_GE(Sweep(admin).at("lateReplies").get<int>(), 1);
    EXPECT_TRUE(Automatic(city, ignored, "written").at("replyLate").get<bool>());
    EXPECT_FALSE(Automatic(city, answered, "written").at("replyLate").get<bool>());
    const HttpResponse overdue = city.Get("/api/v1/supervisions?status=overdue&limit=500");
    std::set<std::int64_t> late_cases;
    for (const auto& s : overdue.json.at("items")) {
        late_cases.insert(s.at("caseId").get<std::int64_t>());
    }
    EXPECT_TRUE(late_cases.contains(ignored));
    EXPECT_FALSE(late_cases.contains(answered));
    // The unit hears that its reply is late.
    EXPECT_EQ(Told(handler, ignored, "supervision_notice", "督办单回复超期"), 1);
}

// Point 10.
TEST_F(SupervisionDigestApiTest, TheSweepsRemindersSupervisionAndBulletinAreEventsOfTheCase) {
    Session admin = LogIn("admin");
    Session city = LogIn("city-office");
    Session handler = LogIn("unit-handler");
    Sweep(admin);
    const std::int64_t id = Signed(city, handler, "供暖：整栋楼停暖");
    Advance(admin, 21 * 24 * 60);
    Sweep(admin);
    Sweep(admin);  // a second round records nothing twice

    std::map<std::string, int> automatic;
    std::string state;
    const HttpResponse events = city.Get(CasePath(id, "/events"));
    for (const auto& event : events.json.at("items")) {
        const std::string action = event.at("action").get<std::string>();
        if (!action.starts_with("auto_")) {
            state = event.at("toState").get<std::string>();
            continue;
        }
        ++automatic[action];
        EXPECT_EQ(event.at("actorRole"), "system") << action;
        EXPECT_TRUE(event.at("actorId").is_null()) << action;
        EXPECT_EQ(event.at("fromState"), state) << action << ": the state stays";
        EXPECT_EQ(event.at("toState"), state) << action;
        EXPECT_TRUE(event.at("payload").at("supervisionId").is_number()) << action;
    }
    EXPECT_EQ(automatic, (std::map<std::string, int>{
                             {"auto_bulletin", 1}, {"auto_remind", 1}, {"auto_supervise", 1}}));
    // They are links of the case's hash chain.
    const HttpResponse verify = city.Get(CasePath(id, "/verify"));
    ASSERT_THAT(verify, HasStatus(200));
    EXPECT_TRUE(verify.json.at("intact").get<bool>()) << verify.body;
}

// Point 11: the digest.
TEST_F(SupervisionDigestApiTest, SupervisionNoticesToOfficesAndLeadersWaitForOneMorningDigest) {
    Session admin = LogIn("admin");
    Session city = LogIn("city-office");
    Session handler = LogIn("unit-handler");
    Session leader = LogIn("leader");
    Sweep(admin);
    DigestNextMorning(admin);  // what earlier tests held goes out first
    const std::size_t leader_digests = Digests(leader).size();
    const std::size_t city_digests = Digests(city).size();

    const std::int64_t id = Signed(city, handler, "供暖：小区锅炉房停运");
    Advance(admin, 21 * 24 * 60);
    Sweep(admin);
    // The unit holding the case must act: it hears at once. The city office and the leader
    // hear of the 通报 in the morning.
    EXPECT_EQ(Told(handler, id, "supervision_notice", "通报"), 1);
    EXPECT_EQ(Told(leader, id, "supervision_notice"), 0);
    EXPECT_EQ(Told(city, id, "supervision_notice"), 0);

    const nlohmann::json report = DigestNextMorning(admin);
    EXPECT_GE(report.at("digests").get<int>(), 2);
    const auto digests = Digests(leader);
    ASSERT_EQ(digests.size(), leader_digests + 1) << "one digest per person and day";
    const nlohmann::json& digest = digests.front();  // newest first
    const std::string text = digest.at("text").get<std::string>();
    EXPECT_NE(text.find("通报 "), std::string::npos) << text;
    const std::string number = city.Get(CasePath(id)).json.at("number").get<std::string>();
    EXPECT_NE(text.find(number), std::string::npos) << "names the worst cases: " << text;
    std::set<std::int64_t> linked;
    for (const auto& c : digest.at("cases")) {
        linked.insert(c.at("id").get<std::int64_t>());
        EXPECT_GE(c.at("overdueWorkingDays").get<int>(), 0);
    }
    EXPECT_TRUE(linked.contains(id)) << digest.dump();
    EXPECT_EQ(Digests(city).size(), city_digests + 1);

    // Once a day, however often the round runs.
    const nlohmann::json again = Post(admin, "/api/v1/test/digest");
    EXPECT_FALSE(again.at("ran").get<bool>());
    EXPECT_EQ(again.at("skipped"), "already_sent");
    EXPECT_EQ(Digests(leader).size(), leader_digests + 1);
}

// Point 11: what never waits.
TEST_F(SupervisionDigestApiTest, AFirstRedCardAndEveryCriticalCaseAreToldAtOnce) {
    Session admin = LogIn("admin");
    Session city = LogIn("city-office");
    Sweep(admin);
    const std::int64_t normal = Registered(city, "物业：楼道灯不亮");
    const std::int64_t critical = Registered(city, "燃气：楼道有燃气味", "critical");
    Advance(admin, 3 * 24 * 60);
    Sweep(admin);
    // The city office holds both (not yet accepted).
    EXPECT_EQ(Told(city, normal, "deadline_overdue"), 1) << "the first red card";
    EXPECT_EQ(Told(city, normal, "supervision_notice", "催办"), 0) << "waits for the digest";
    EXPECT_EQ(Told(city, critical, "deadline_overdue"), 1);
    EXPECT_EQ(Told(city, critical, "supervision_notice", "催办"), 1) << "特急 never waits";
}

// Point 11: the choice.
TEST_F(SupervisionDigestApiTest, EachPersonChoosesImmediateOrDigestPerKind) {
    Session admin = LogIn("admin");
    Session city = LogIn("city-office");
    Session handler = LogIn("unit-handler");
    const auto mode_of = [](Session& session, std::string_view kind) {
        const HttpResponse got = session.Get("/api/v1/notifications/preferences");
        EXPECT_THAT(got, HasStatus(200));
        const nlohmann::json item = FindBy(got.json.at("items"), "kind", kind);
        return item.is_object()
                   ? item.at("mode").get<std::string>() + (item.at("chosen").get<bool>() ? "!" : "")
                   : std::string("missing");
    };
    EXPECT_EQ(mode_of(city, "reminder"), "digest") << "the default for an office";
    EXPECT_EQ(mode_of(city, "case_dispatched"), "immediate");
    EXPECT_EQ(mode_of(handler, "reminder"), "immediate") << "the default for a unit";

    // Bad kinds and modes: 422 naming each, and nothing changes.
    const std::string path = "/api/v1/notifications/preferences";
    const HttpResponse bad = city.Put(
        path, {{"modes", {{"reminder", "immediate"}, {"bogus", "digest"}, {"written", "weekly"}}}});
    EXPECT_THAT(bad, IsError(422, "validation.failed"));
    EXPECT_THAT(FieldErrors(bad), Contains(Pair("modes.bogus", "unknown_kind")));
    EXPECT_THAT(FieldErrors(bad), Contains(Pair("modes.written", "invalid")));
    EXPECT_EQ(mode_of(city, "reminder"), "digest");
    EXPECT_THAT(city.Put(path, {{"modes", 5}}), IsError(422, "validation.failed"));
    EXPECT_THAT(city.Put(path, {{"mode", {{"reminder", "digest"}}}}),
                IsError(422, "validation.failed"));

    const HttpResponse set = city.Put(path, {{"modes", {{"reminder", "immediate"}}}});
    ASSERT_THAT(set, HasStatus(200));
    EXPECT_EQ(FindBy(set.json.at("items"), "kind", "reminder").at("mode"), "immediate");
    EXPECT_EQ(mode_of(city, "reminder"), "immediate!");
    ASSERT_THAT(handler.Put(path, {{"modes", {{"reminder", "digest"}}}}), HasStatus(200));

    // The choices take effect at delivery: the office hears of a 催办 at once, the unit in
    // the morning.
    Sweep(admin);
    const std::int64_t at_office = Registered(city, "环卫：垃圾清运不及时");
    const std::int64_t at_unit = Signed(city, handler, "供暖：供暖温度不达标");
    Advance(admin, 21 * 24 * 60);
    Sweep(admin);
    EXPECT_EQ(Told(city, at_office, "supervision_notice", "催办"), 1);
    EXPECT_EQ(Told(handler, at_unit, "supervision_notice", "催办"), 0);
    EXPECT_EQ(Told(handler, at_unit, "supervision_notice", "督办"), 1) << "only the kind chosen";

    // Back to the defaults for the other tests.
    ASSERT_THAT(city.Put(path, {{"modes", {{"reminder", "digest"}}}}), HasStatus(200));
    ASSERT_THAT(handler.Put(path, {{"modes", {{"reminder", "immediate"}}}}), HasStatus(200));
}

// Point 12.
TEST_F(SupervisionDigestApiTest, TheSupervisionCentrePagesWithACursorAndCountsByLevel) {
    Session admin = LogIn("admin");
    Session city = LogIn("city-office");
    Sweep(admin);
    for (int i = 0; i < 3; ++i) {
        Registered(city, "道路：路面塌陷" + std::to_string(i));
    }
    Advance(admin, 21 * 24 * 60);
    Sweep(admin);

    const HttpResponse whole = city.Get("/api/v1/supervisions?limit=500");
    ASSERT_THAT(whole, HasStatus(200));
    const nlohmann::json totals = whole.json.at("totals");
    const auto all = totals.at("all").get<std::int64_t>();
    EXPECT_EQ(all, totals.at("reminder").get<std::int64_t>() +
                       totals.at("written").get<std::int64_t>() +
                       totals.at("bulletin").get<std::int64_t>());
    EXPECT_GE(totals.at("bulletin").get<std::int64_t>(), 3);
    ASSERT_GE(all, 9);

    // Page by page, four at a time: every record once, newest first, then no next page.
    std::vector<std::int64_t> seen;
    std::string path = "/api/v1/supervisions?limit=4";
    int pages = 0;
    for (; pages < 1000; ++pages) {
        const HttpResponse page = city.Get(path);
        ASSERT_THAT(page, HasStatus(200));
        EXPECT_EQ(page.json.at("totals"), totals) << "the totals cover every page";
        for (const auto& s : page.json.at("items")) {
            seen.push_back(IdOf(s));
        }
        if (page.json.at("nextCursor").is_null()) {
            break;
        }
        path =
            "/api/v1/supervisions?limit=4&cursor=" + page.json.at("nextCursor").get<std::string>();
    }
    EXPECT_GE(pages, 2);
    EXPECT_EQ(static_cast<std::int64_t>(seen.size()), all);
    EXPECT_TRUE(std::ranges::is_sorted(seen, std::greater<>()));
    EXPECT_EQ(std::set<std::int64_t>(seen.begin(), seen.end()).size(), seen.size());

    // A filter narrows the totals too.
    const HttpResponse manual = city.Get("/api/v1/supervisions?status=manual");
    EXPECT_EQ(manual.json.at("totals").at("reminder"), 0);

    EXPECT_THAT(city.Get("/api/v1/supervisions?cursor=abc"), IsError(422, "validation.failed"));
    EXPECT_THAT(FieldErrors(city.Get("/api/v1/supervisions?cursor=-4")),
                Contains(Pair("cursor", "invalid")));
    EXPECT_THAT(FieldErrors(city.Get("/api/v1/supervisions?limit=0")),
                Contains(Pair("limit", "invalid")));
    EXPECT_THAT(FieldErrors(city.Get("/api/v1/supervisions?limit=501")),
                Contains(Pair("limit", "invalid")));
}

// Point 13 (the inspector's part).
TEST_F(SupervisionDigestApiTest, InspectorsHearOfEveryBulletinInTheirScope) {
    Session admin = LogIn("admin");
    Session city = LogIn("city-office");
    Session city_inspector = LogIn("inspector");
    const std::int64_t chuanying = CreateUser(admin, "inspector-chuanying");
    GrantRole(admin, chuanying, "inspector", UnitId(codes::kChuanying));
    const std::int64_t changyi = CreateUser(admin, "inspector-changyi");
    GrantRole(admin, changyi, "inspector", UnitId(codes::kChangyi));
    Session here = LogIn("inspector-chuanying");
    Session elsewhere = LogIn("inspector-changyi");

    Sweep(admin);
    // Recorded at a grid in 船营区, held by the city office.
    const std::int64_t id = Registered(city, "市政：井盖缺失");
    Advance(admin, 21 * 24 * 60);
    Sweep(admin);
    EXPECT_EQ(Told(city_inspector, id, "supervision_notice", "通报"), 1);
    EXPECT_EQ(Told(here, id, "supervision_notice", "通报"), 1);
    EXPECT_EQ(Told(elsewhere, id, "supervision_notice"), 0) << "outside their scope";
    EXPECT_EQ(Told(city_inspector, id, "supervision_notice", "催办"), 0) << "only 通报";
}

}  // namespace
}  // namespace minqing::tests
