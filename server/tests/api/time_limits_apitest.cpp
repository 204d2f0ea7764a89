// Time limits through the API: the working calendar and the time-limit rules (read by staff,
// edited by administrators), the deadline, working time left and warning card of every case,
// and how routing, signing and an extension move them.
#include <chrono>
#include <future>
#include <string>
#include <thread>

#include "common/clock.hpp"
#include "support/api_test.hpp"
#include "support/case_body.hpp"

namespace minqing::tests {
namespace {

using ::testing::Contains;
using ::testing::Not;

Instant At(const nlohmann::json& text) {
    const auto parsed = ParseIso8601(text.get<std::string>());
    if (!parsed) {
        throw std::runtime_error("not an instant: " + text.dump());
    }
    return *parsed;
}

std::vector<int> Years(const nlohmann::json& items) {
    std::vector<int> years;
    for (const auto& item : items) {
        years.push_back(item.is_object() ? item.at("year").get<int>() : item.get<int>());
    }
    return years;
}

// Sends a CSV body as the calendar import expects it.
HttpResponse PostCsv(Session& session, std::string_view path, std::string csv) {
    return session.client().Send("POST", path, std::move(csv),
                                 {{"Cookie", session.CookieHeader()},
                                  {"X-CSRF-Token", session.csrf_token()},
                                  {"Content-Type", "text/csv"}});
}

class TimeLimitsApiTest : public ApiTest {
  protected:
    // A walk-in the city office registered: waiting to be accepted and routed.
    static nlohmann::json Registered(Session& city, std::string_view title) {
        return CreateCase(city,
                          CaseBody("walk_in").Title(title).GridId(UnitId(codes::kYongqianGrid1)));
    }

    // The same, accepted and dispatched to 住建局, then signed for by its handler.
    static nlohmann::json Signed(Session& city, Session& handler, std::string_view title) {
        const std::int64_t id = IdOf(Registered(city, title));
        MoveCase(city, id, "accept");
        MoveCase(city, id, "dispatch",
                 {{"targetId", UnitId(codes::kHousingBureau)}, {"method", "network"}});
        return MoveCase(handler, id, "sign");
    }
};

TEST_F(TimeLimitsApiTest, TheCalendarListsTheNoticesDaysAndWhichYearsHaveNone) {
    Session staff = LogIn("street-office");
    const HttpResponse calendar = staff.Get("/api/v1/calendar?year=2026");
    ASSERT_THAT(calendar, HasStatus(200));
    const auto& days = calendar.json.at("days");
    const auto national_day = FindBy(days, "date", "2026-10-01");
    ASSERT_TRUE(national_day.is_object()) << calendar.body;
    EXPECT_FALSE(national_day.at("working").get<bool>());
    EXPECT_EQ(national_day.at("name"), "国庆节");
    EXPECT_TRUE(FindBy(days, "date", "2026-10-10").at("working").get<bool>());  // make-up Saturday
    EXPECT_TRUE(FindBy(days, "date", "2025-10-01").is_null()) << "filtered by year";
    const auto official = Years(calendar.json.at("officialYears"));
    EXPECT_THAT(official, Contains(2025));
    EXPECT_THAT(official, Contains(2026));
    for (const int year : Years(calendar.json.at("provisionalYears"))) {
        EXPECT_THAT(official, Not(Contains(year)));
    }
    EXPECT_EQ(calendar.json.at("officeHours").at("minutesPerDay"), 420);
    EXPECT_THAT(staff.Get("/api/v1/calendar?year=twenty"), IsError(422, "validation.failed"));
}

TEST_F(TimeLimitsApiTest, OnlyAdministratorsChangeDaysAndBadInputChangesNothing) {
    Session admin = LogIn("admin");
    Session office = LogIn("city-office");
    EXPECT_THAT(office.Put("/api/v1/calendar/days/2026-12-24", {{"working", false}}),
                IsError(403, "auth.forbidden"));
    EXPECT_THAT(admin.Put("/api/v1/calendar/days/2026-13-01", {{"working", false}}),
                IsError(404, "calendar.day_not_found"));
    const HttpResponse missing = admin.Put("/api/v1/calendar/days/2026-12-24", {{"name", "x"}});
    EXPECT_THAT(missing, IsError(422, "validation.failed"));
    EXPECT_THAT(FieldErrors(missing),
                Contains(std::pair<std::string, std::string>("working", "required")));

    const HttpResponse set =
        admin.Put("/api/v1/calendar/days/2026-12-24", {{"working", false}, {"name", "试行"}});
    ASSERT_THAT(set, HasStatus(200));
    EXPECT_EQ(set.json.at("source"), "admin");
    auto days = admin.Get("/api/v1/calendar?year=2026").json.at("days");
    EXPECT_EQ(FindBy(days, "date", "2026-12-24").at("name"), "试行");

    EXPECT_THAT(admin.Delete("/api/v1/calendar/days/2026-12-24"), HasStatus(204));
    EXPECT_THAT(admin.Delete("/api/v1/calendar/days/2026-12-24"),
                IsError(404, "calendar.day_not_found"));
    days = admin.Get("/api/v1/calendar?year=2026").json.at("days");
    EXPECT_TRUE(FindBy(days, "date", "2026-12-24").is_null());
}

TEST_F(TimeLimitsApiTest, ANoticeIsImportedAsCsvAndABadRowRejectsTheWholeFile) {
    Session admin = LogIn("admin");
    const HttpResponse bad = PostCsv(admin, "/api/v1/calendar/import",
                                     "date,kind,name,year,source\n"
                                     "2031-01-01,holiday,元旦,2031,test\n"
                                     "2031-02-30,holiday,春节,2031,test\n"
                                     "2031-02-08,weekday,春节,2031,test\n");
    EXPECT_THAT(bad, IsError(422, "validation.failed"));
    EXPECT_THAT(FieldErrors(bad),
                Contains(std::pair<std::string, std::string>("row 3.date", "invalid")));
    EXPECT_THAT(FieldErrors(bad),
                Contains(std::pair<std::string, std::string>("row 4.kind", "invalid")));
    auto calendar = admin.Get("/api/v1/calendar?year=2031").json;
    EXPECT_TRUE(calendar.at("days").empty()) << "nothing of a rejected file is stored";

    const HttpResponse good = PostCsv(admin, "/api/v1/calendar/import",
                                      "date,kind,name,year,source\n"
                                      "2031-01-01,holiday,元旦,2031,test\n"
                                      "2031-01-04,workday,元旦,2031,test\n");
    ASSERT_THAT(good, HasStatus(200));
    EXPECT_EQ(good.json.at("days"), 2);
    calendar = admin.Get("/api/v1/calendar?year=2031").json;
    EXPECT_EQ(calendar.at("days").size(), 2u);
    EXPECT_THAT(Years(calendar.at("officialYears")), Contains(2031));

    Session office = LogIn("city-office");
    EXPECT_THAT(PostCsv(office, "/api/v1/calendar/import", "date,kind,name,year\n"),
                IsError(403, "auth.forbidden"));
}

TEST_F(TimeLimitsApiTest, RulesAreSeededFromWorkflowDefaultsAndEditedByAdministrators) {
    Session staff = LogIn("unit-handler");
    const HttpResponse rules = staff.Get("/api/v1/time-limit-rules");
    ASSERT_THAT(rules, HasStatus(200));
    bool normal_answer = false;
    for (const auto& rule : rules.json.at("items")) {
        if (rule.at("step") == "answer" && rule.at("urgency") == "normal" &&
            rule.at("kind").is_null() && rule.at("channel").is_null()) {
            normal_answer = true;
            EXPECT_EQ(rule.at("limit"), "5wd");
        }
    }
    EXPECT_TRUE(normal_answer) << rules.body;

    Session admin = LogIn("admin");
    const nlohmann::json rule = {
        {"urgency", "urgent"}, {"kind", "question"}, {"step", "answer"}, {"limit", "2wd"}};
    EXPECT_THAT(staff.Post("/api/v1/time-limit-rules", rule), IsError(403, "auth.forbidden"));
    const HttpResponse created = admin.Post("/api/v1/time-limit-rules", rule);
    ASSERT_THAT(created, HasStatus(201));
    EXPECT_EQ(created.json.at("channel"), nullptr);
    EXPECT_THAT(admin.Post("/api/v1/time-limit-rules", rule), IsError(409, "time_limit.duplicate"));
    const HttpResponse bad = admin.Post(
        "/api/v1/time-limit-rules",
        {{"urgency", "soon"}, {"step", "answer"}, {"limit", "5 days"}, {"colour", "red"}});
    EXPECT_THAT(bad, IsError(422, "validation.failed"));
    const auto problems = FieldErrors(bad);
    EXPECT_THAT(problems, Contains(std::pair<std::string, std::string>("urgency", "invalid")));
    EXPECT_THAT(problems, Contains(std::pair<std::string, std::string>("limit", "invalid")));
    EXPECT_THAT(problems, Contains(std::pair<std::string, std::string>("colour", "unknown_field")));

    const std::string path = "/api/v1/time-limit-rules/" + std::to_string(IdOf(created.json));
    nlohmann::json changed = rule;
    changed["limit"] = "6wh";
    const HttpResponse updated = admin.Put(path, changed);
    ASSERT_THAT(updated, HasStatus(200));
    EXPECT_EQ(updated.json.at("limit"), "6wh");
    EXPECT_THAT(admin.Delete(path), HasStatus(204));
    EXPECT_THAT(admin.Delete(path), IsError(404, "time_limit.not_found"));
}

TEST_F(TimeLimitsApiTest, EveryStepSetsItsDeadlineAndCountsTheWorkingTimeLeft) {
    Session city = LogIn("city-office");
    Session handler = LogIn("unit-handler");
    const nlohmann::json registered = Registered(city, "供暖：楼道暖气不热，要求尽快处理");
    EXPECT_EQ(registered.at("deadlineStep"), "accept");
    EXPECT_GT(At(registered.at("deadline")), At(registered.at("createdAt")));
    // Two working hours to accept and route a normal case.
    EXPECT_GT(registered.at("workingMinutesLeft").get<int>(), 0);
    EXPECT_LE(registered.at("workingMinutesLeft").get<int>(), 120);
    EXPECT_NE(registered.at("warning"), "red");

    const std::int64_t id = IdOf(registered);
    const nlohmann::json accepted = MoveCase(city, id, "accept");
    EXPECT_EQ(accepted.at("deadline"), registered.at("deadline")) << "the same step goes on";
    const nlohmann::json dispatched = MoveCase(
        city, id, "dispatch", {{"targetId", UnitId(codes::kHousingBureau)}, {"method", "phone"}});
    EXPECT_EQ(dispatched.at("deadlineStep"), "sign");
    EXPECT_LE(dispatched.at("workingMinutesLeft").get<int>(), 240);

    const nlohmann::json signed_for = MoveCase(handler, id, "sign");
    EXPECT_EQ(signed_for.at("deadlineStep"), "contact");
    EXPECT_EQ(signed_for.at("deadline"), signed_for.at("contactDeadline"));
    ASSERT_TRUE(signed_for.at("answerDeadline").is_string());
    // Five working days to answer: more than four days of office time left, at most five.
    const int answer_left = signed_for.at("workingMinutesLeft").get<int>();
    EXPECT_GT(answer_left, 0);
    const nlohmann::json contacted =
        MoveCase(handler, id, "contact_reporter", {{"note", "已电话联系"}});
    EXPECT_EQ(contacted.at("deadlineStep"), "answer");
    EXPECT_EQ(contacted.at("deadline"), signed_for.at("answerDeadline"));
    EXPECT_GT(contacted.at("workingMinutesLeft").get<int>(), 4 * 420);
    EXPECT_LE(contacted.at("workingMinutesLeft").get<int>(), 5 * 420);

    // An approved extension of three working days moves the promised answer deadline.
    const nlohmann::json asked =
        MoveCase(handler, id, "request_extension",
                 {{"reason", "需协调热力集团更换管线"}, {"extensionDays", 3}});
    EXPECT_EQ(asked.at("deadlineStep"), "extension_decision");
    const nlohmann::json approved = MoveCase(city, id, "approve_extension");
    EXPECT_EQ(approved.at("deadlineStep"), "answer");
    const auto moved = At(approved.at("answerDeadline")) - At(contacted.at("answerDeadline"));
    EXPECT_GE(moved, std::chrono::days(3));
    EXPECT_EQ(approved.at("deadline"), approved.at("answerDeadline"));

    // Lists filter by the card: the case is not red.
    const HttpResponse red = city.Get("/api/v1/cases?warning=red&limit=100");
    ASSERT_THAT(red, HasStatus(200));
    EXPECT_FALSE(IdsIn(red).contains(id));
    EXPECT_THAT(city.Get("/api/v1/cases?warning=purple"), IsError(422, "validation.failed"));
}

TEST_F(TimeLimitsApiTest, TheReporterHearsOfAnApprovedExtensionWithTheNewDeadline) {
    Session city = LogIn("city-office");
    Session handler = LogIn("unit-handler");
    const nlohmann::json signed_for = Signed(city, handler, "燃气：表具漏气需更换");
    const std::int64_t id = IdOf(signed_for);
    MoveCase(handler, id, "request_extension",
             {{"reason", "等待燃气公司排期"}, {"extensionDays", 2}});
    const nlohmann::json approved = MoveCase(city, id, "approve_extension");
    // No SMS gateway is configured here, so the message fails at once and is listed with its
    // text: the proof that it was written for this reporter.
    nlohmann::json listed;
    for (int poll = 0; poll < 500 && listed.is_null(); ++poll) {
        const HttpResponse failed = city.Get("/api/v1/notifications/failed?limit=100");
        for (const auto& message : failed.json.at("items")) {
            if (message.at("caseNumber") == approved.at("number") &&
                message.at("key") == "reporter_extended") {
                listed = message;
            }
        }
        if (listed.is_null()) {
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
    }
    ASSERT_FALSE(listed.is_null()) << "no SMS for the reporter";
    EXPECT_EQ(listed.at("recipient").at("phone"), "138****1234");
    const std::string day = approved.at("answerDeadline").get<std::string>().substr(0, 10);
    EXPECT_THAT(listed.at("text").get<std::string>(), ::testing::HasSubstr(day.substr(5)));
}

TEST_F(TimeLimitsApiTest, ACalendarChangeNeverMovesADeadlineAlreadyPromised) {
    Session city = LogIn("city-office");
    Session handler = LogIn("unit-handler");
    Session admin = LogIn("admin");
    const nlohmann::json before = Signed(city, handler, "噪音：夜间施工扰民");
    const std::int64_t id = IdOf(before);
    // The next ten days become days off.
    std::vector<std::string> days;
    for (int i = 1; i <= 10; ++i) {
        days.push_back(ChinaDate(i));
        ASSERT_THAT(admin.Put("/api/v1/calendar/days/" + days.back(),
                              {{"working", false}, {"name", "测试"}}),
                    HasStatus(200));
    }
    const HttpResponse after = city.Get(CasePath(id));
    ASSERT_THAT(after, HasStatus(200));
    EXPECT_EQ(after.json.at("answerDeadline"), before.at("answerDeadline"));
    EXPECT_EQ(after.json.at("deadline"), before.at("deadline"));
    // A case signed now is promised an answer after the days off.
    const nlohmann::json later = Signed(city, handler, "噪音：夜间施工扰民（二）");
    EXPECT_GT(At(later.at("answerDeadline")), At(before.at("answerDeadline")));
    for (const auto& day : days) {
        admin.Delete("/api/v1/calendar/days/" + day);
    }
}

TEST_F(TimeLimitsApiTest, TestRoutesDoNotExistOutsideTestMode) {
    Session admin = LogIn("admin");
    EXPECT_THAT(admin.Post("/api/v1/test/clock", {{"advanceMinutes", 60}}), HasStatus(404));
    EXPECT_THAT(admin.Post("/api/v1/test/sweep", nlohmann::json::object()), HasStatus(404));
}

// ---------------------------------------------------------------------------------------------
// The sweep, driven through the test-mode clock.

class SweepApiTest : public TimeLimitsApiTest {
  protected:
    static void SetUpTestSuite() {
        StartServer([](app::Config& config) {
            config.test_mode = true;
            // The tests move the clock by weeks; their sessions should outlive that.
            config.security.session_ttl_minutes = 365 * 24 * 60;
        });
    }

    static nlohmann::json Sweep(Session& admin) {
        const HttpResponse report = admin.Post("/api/v1/test/sweep", nlohmann::json::object());
        if (report.status != 200) {
            throw std::runtime_error("sweep: " + report.body);
        }
        return report.json;
    }

    static void Advance(Session& admin, int minutes) {
        const HttpResponse moved = admin.Post("/api/v1/test/clock", {{"advanceMinutes", minutes}});
        if (moved.status != 200) {
            throw std::runtime_error("clock: " + moved.body);
        }
    }

    static std::vector<std::string> Levels(Session& session, std::int64_t id, bool manual) {
        std::vector<std::string> levels;
        const HttpResponse list = session.Get(CasePath(id, "/supervisions"));
        for (const auto& s : list.json.at("items")) {
            if (s.at("manual").get<bool>() == manual) {
                levels.push_back(s.at("level").get<std::string>());
            }
        }
        std::ranges::sort(levels);
        return levels;
    }
};

TEST_F(SweepApiTest, ALateCaseTurnsRedAndIsSupervisedOnceAtEachLevel) {
    Session admin = LogIn("admin");
    Session city = LogIn("city-office");
    Sweep(admin);  // whatever earlier tests left is swept first
    const std::int64_t id = IdOf(Registered(city, "供水：小区停水三天无人处理"));
    const nlohmann::json fresh = Sweep(admin);
    EXPECT_TRUE(fresh.at("ran").get<bool>());
    EXPECT_EQ(fresh.at("red"), 0);
    EXPECT_TRUE(Levels(city, id, false).empty());

    // The leader would hear of the 通报 in the morning digest (supervision_digest_apitest);
    // this one chose to hear of each at once.
    Session leader = LogIn("leader");
    ASSERT_THAT(
        leader.Put("/api/v1/notifications/preferences", {{"modes", {{"bulletin", "immediate"}}}}),
        HasStatus(200));

    // Three weeks later the two-hour acceptance is far overdue, holidays or not.
    Advance(admin, 21 * 24 * 60);
    const nlohmann::json late = Sweep(admin);
    EXPECT_GE(late.at("red").get<int>(), 1);
    const HttpResponse c = city.Get(CasePath(id));
    EXPECT_EQ(c.json.at("warning"), "red");
    EXPECT_LT(c.json.at("workingMinutesLeft").get<int>(), -5 * 420);
    EXPECT_EQ(c.json.at("supervisionLevel"), 3);
    EXPECT_EQ(Levels(city, id, false),
              (std::vector<std::string>{"bulletin", "reminder", "written"}));
    EXPECT_TRUE(IdsIn(city.Get("/api/v1/cases?warning=red&limit=100")).contains(id));
    // The 通报 reaches the city's leader in charge.
    const HttpResponse inbox = leader.Get("/api/v1/notifications?limit=100");
    ASSERT_THAT(inbox, HasStatus(200));
    bool told = false;
    for (const auto& message : inbox.json.at("items")) {
        told = told || (message.at("caseId") == id &&
                        message.at("text").get<std::string>().find("通报") != std::string::npos);
    }
    EXPECT_TRUE(told) << inbox.body;

    // Running again, or twice at once, does nothing more.
    const nlohmann::json again = Sweep(admin);
    for (const char* effect : {"yellow", "red", "reminders", "written", "bulletins"}) {
        EXPECT_EQ(again.at(effect), 0) << effect;
    }
    const std::int64_t second = IdOf(Registered(city, "供水：另一个小区停水"));
    Advance(admin, 21 * 24 * 60);
    auto first_run = std::async(std::launch::async, [] {
        Session other = LogIn("admin");
        return Sweep(other);
    });
    const nlohmann::json mine = Sweep(admin);
    const nlohmann::json theirs = first_run.get();
    EXPECT_EQ(mine.at("red").get<int>() + theirs.at("red").get<int>(), 1);
    EXPECT_EQ(Levels(city, second, false),
              (std::vector<std::string>{"bulletin", "reminder", "written"}));

    // A new step starts clean: the case moves on and is no longer red.
    MoveCase(city, id, "accept");
    MoveCase(city, id, "dispatch",
             {{"targetId", UnitId(codes::kHousingBureau)}, {"method", "network"}});
    const HttpResponse next = city.Get(CasePath(id));
    EXPECT_EQ(next.json.at("deadlineStep"), "sign");
    EXPECT_NE(next.json.at("warning"), "red");
    EXPECT_EQ(next.json.at("supervisionLevel"), 0);
}

TEST_F(SweepApiTest, ASupervisionOrderIsRepliedByTheUnitAndALateReplyIsFlagged) {
    Session admin = LogIn("admin");
    Session city = LogIn("city-office");
    Session handler = LogIn("unit-handler");
    Session inspector = LogIn("inspector");
    const std::int64_t id = IdOf(Signed(city, handler, "物业：电梯停运一周"));
    const std::string path = CasePath(id, "/supervisions");

    EXPECT_THAT(LogIn("grid-worker").Post(path, {{"note", "快办"}}),
                IsError(403, "supervision.forbidden"));
    const HttpResponse empty = city.Post(path, {{"replyDays", 20}});
    EXPECT_THAT(empty, IsError(422, "validation.failed"));
    EXPECT_THAT(FieldErrors(empty),
                Contains(std::pair<std::string, std::string>("note", "required")));

    const HttpResponse issued =
        city.Post(path, {{"note", "请三日内报告处理进展"}, {"replyDays", 1}});
    ASSERT_THAT(issued, HasStatus(201));
    EXPECT_EQ(issued.json.at("level"), "written");
    const std::string number = city.Get(CasePath(id)).json.at("number").get<std::string>();
    EXPECT_EQ(issued.json.at("caseNumber"), number) << "the order names its case";
    EXPECT_EQ(issued.json.at("unitId"), UnitId(codes::kHousingBureau));
    ASSERT_TRUE(issued.json.at("replyDue").is_string());
    const std::string reply_path = path + "/" + std::to_string(IdOf(issued.json)) + "/reply";
    EXPECT_THAT(LogIn("cadre").Post(reply_path, {{"reply", "不归我管"}}),
                IsError(404, "supervision.not_found"));
    EXPECT_THAT(city.Post(reply_path, {{"reply", "代答"}}),
                IsError(403, "supervision.not_addressee"));
    const HttpResponse replied = handler.Post(reply_path, {{"reply", "已派人更换电梯主板"}});
    ASSERT_THAT(replied, HasStatus(200));
    EXPECT_TRUE(replied.json.at("repliedAt").is_string());
    EXPECT_THAT(handler.Post(reply_path, {{"reply", "再答一次"}}),
                IsError(409, "supervision.already_replied"));

    // An inspector's order left unanswered past its day is flagged by the sweep.
    const HttpResponse unanswered = inspector.Post(path, {{"note", "请说明延误原因"}});
    ASSERT_THAT(unanswered, HasStatus(201));
    Advance(admin, 5 * 24 * 60);
    EXPECT_GE(Sweep(admin).at("lateReplies").get<int>(), 1);
    const HttpResponse overdue = inspector.Get("/api/v1/supervisions?status=overdue");
    ASSERT_THAT(overdue, HasStatus(200));
    const auto flagged = FindBy(overdue.json.at("items"), "note", "请说明延误原因");
    ASSERT_TRUE(flagged.is_object()) << overdue.body;
    EXPECT_TRUE(flagged.at("replyLate").get<bool>());
    EXPECT_EQ(flagged.at("caseNumber"), number) << "the centre's list names the case";
    EXPECT_TRUE(FindBy(overdue.json.at("items"), "note", "请三日内报告处理进展").is_null());
    EXPECT_EQ(Levels(city, id, true), (std::vector<std::string>{"written", "written"}));

    // Both orders and the reply are in the case's history.
    std::vector<std::string> actions;
    const HttpResponse events = city.Get(CasePath(id, "/events"));
    for (const auto& event : events.json.at("items")) {
        actions.push_back(event.at("action").get<std::string>());
    }
    EXPECT_EQ(std::ranges::count(actions, "supervise"), 2);
    EXPECT_EQ(std::ranges::count(actions, "supervision_reply"), 1);
    EXPECT_THAT(LogIn("grid-worker").Get("/api/v1/supervisions?status=bogus"),
                IsError(422, "validation.failed"));
}

}  // namespace
}  // namespace minqing::tests
