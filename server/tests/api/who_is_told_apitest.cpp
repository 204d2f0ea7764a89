// Who is told what (issue 11, points 6 and 13–16): a community's 特急 case goes straight to the
// city office and the offices passed over are told; collective cases reach the city's and the
// district's leaders; a leader's instruction reaches the holder; the city office hears of every
// direct-card case and the card holder of each step; the recorder hears the answer and the
// close; a reporter recorded by staff gets a query code by SMS; and no SMS leaves with a hole
// in its text. Runs on the database of MINQING_TEST_DB, with a real SMS receiver.
#include <chrono>
#include <memory>
#include <set>
#include <thread>

#include "support/api_test.hpp"
#include "support/case_body.hpp"
#include "support/http_receiver.hpp"

namespace minqing::tests {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

constexpr std::string_view kNotifications = "/api/v1/notifications";
constexpr std::string_view kQueryUrl = "https://minqing.example.gov.cn/q";
// Guards against a message that never comes; no test asserts on how long anything takes.
constexpr int kPolls = 1000;
constexpr auto kPollInterval = std::chrono::milliseconds(20);

// The inbox item of `key` about case `id`, or null.
nlohmann::json InboxItem(Session& session, std::int64_t id, std::string_view key) {
    for (const auto& item : InboxAbout(session, id)) {
        if (item["key"] == key) {
            return item;
        }
    }
    return nullptr;
}

std::int64_t HolderId(const nlohmann::json& c) {
    return c["holder"]["id"].get<std::int64_t>();
}

class WhoIsToldApiTest : public ApiTest {
  protected:
    static void SetUpTestSuite() {
        sms_ = std::make_unique<HttpReceiver>();
        StartServer([](app::Config& config) {
            config.notify.dispatch_interval_ms = 20;
            config.notify.max_attempts = 1;
            config.notify.sms.url = sms_->Url("/sms");
            config.notify.sms.key = "sms-key";
            config.notify.query_url = kQueryUrl;
        });
    }

    static void TearDownTestSuite() {
        StopServer();
        sms_.reset();
    }

    // The SMS the gateway received for `phone` whose text contains `needle`, waiting for the
    // dispatcher (unless `wait` is false); null when none came.
    static nlohmann::json SmsTo(std::string_view phone, std::string_view needle, bool wait = true) {
        for (int poll = 0; poll < (wait ? kPolls : 1); ++poll) {
            for (const auto& request : sms_->Requests()) {
                const auto body = nlohmann::json::parse(request.body, nullptr, false);
                if (body.is_object() && body.value("phone", "") == phone &&
                    body.value("text", "").find(needle) != std::string::npos) {
                    return body;
                }
            }
            std::this_thread::sleep_for(kPollInterval);
        }
        return nullptr;
    }

    // The failed message of `key` about the case numbered `number`, waiting for the
    // dispatcher; null when none came.
    static nlohmann::json FailedMessage(Session& city, std::string_view number,
                                        std::string_view key) {
        for (int poll = 0; poll < kPolls; ++poll) {
            const HttpResponse failed = city.Get(std::string(kNotifications) + "/failed?limit=100");
            for (const auto& item : failed.json["items"]) {
                if (item["caseNumber"] == number && item["key"] == key) {
                    return item;
                }
            }
            std::this_thread::sleep_for(kPollInterval);
        }
        return nullptr;
    }

    // A new user holding `role` on the unit `code`, logged in.
    static Session NewUserWithRole(std::string_view username, std::string_view role,
                                   std::string_view code) {
        Session admin = LogIn("admin");
        GrantRole(admin, CreateUser(admin, username), role, UnitId(code));
        return LogIn(username);
    }

    static std::unique_ptr<HttpReceiver> sms_;
};

std::unique_ptr<HttpReceiver> WhoIsToldApiTest::sms_;

// Point 6: a 特急 case must not climb community → street → district → city with its 15-minute
// accept clock restarting at each.
TEST_F(WhoIsToldApiTest, ACommunitysCriticalCaseGoesStraightToTheCityOfficeAndTheChainIsTold) {
    Session grid = LogIn("grid-worker");
    Session city = LogIn("city-office");
    Session district = LogIn("district-office");
    Session street = LogIn("street-office");
    Session community = LogIn("community-staff");

    const nlohmann::json created =
        CreateCase(grid, CaseBody("grid").Title("楼内燃气泄漏").Urgency("critical"));
    const std::int64_t id = IdOf(created);

    EXPECT_EQ(HolderId(created), UnitId(codes::kCity));
    EXPECT_EQ(created["state"], "registered");
    EXPECT_THAT(city.Get(CasePath(id)).json["actions"], ::testing::Contains("accept"));
    EXPECT_EQ(KeysOf(InboxAbout(city, id)), std::set<std::string>{"critical_case"});
    for (Session* passed_over : {&district, &street}) {
        const nlohmann::json told = InboxItem(*passed_over, id, "critical_passed_over");
        ASSERT_FALSE(told.is_null());
        EXPECT_THAT(told["text"].get<std::string>(), HasSubstr("楼内燃气泄漏"));
    }
    EXPECT_TRUE(InboxAbout(community, id).empty()) << "the recorder's own office is not told";
}

TEST_F(WhoIsToldApiTest, TheRecorderMayKeepACriticalCaseNearer) {
    Session community = LogIn("community-staff");
    Session district = LogIn("district-office");
    Session street = LogIn("street-office");

    const nlohmann::json at_district =
        CreateCase(community, CaseBody("walk_in")
                                  .Title("化粪池冒溢")
                                  .Urgency("critical")
                                  .Set("officeId", UnitId(codes::kChuanying)));
    const nlohmann::json at_home =
        CreateCase(community, CaseBody("walk_in")
                                  .Title("楼道杂物堵塞")
                                  .Urgency("critical")
                                  .Set("officeId", UnitId(codes::kYongqian)));

    EXPECT_EQ(HolderId(at_district), UnitId(codes::kChuanying));
    EXPECT_EQ(at_district["receivingOffice"]["id"], UnitId(codes::kChuanying));
    EXPECT_EQ(KeysOf(InboxAbout(street, IdOf(at_district))),
              std::set<std::string>{"critical_passed_over"});
    EXPECT_TRUE(InboxItem(district, IdOf(at_district), "critical_passed_over").is_null())
        << "the office it went to is not passed over";
    EXPECT_EQ(HolderId(at_home), UnitId(codes::kYongqian));
    EXPECT_TRUE(InboxAbout(street, IdOf(at_home)).empty());
    EXPECT_TRUE(InboxAbout(district, IdOf(at_home)).empty());
}

TEST_F(WhoIsToldApiTest, ANonCriticalCaseGoesWhereTheRecorderChoosesOnTheirChain) {
    Session community = LogIn("community-staff");

    const nlohmann::json normal = CreateCase(community, CaseBody("walk_in").Title("路灯不亮"));
    const nlohmann::json chosen = CreateCase(
        community,
        CaseBody("walk_in").Title("多个小区停水").Set("officeId", UnitId(codes::kChuanying)));

    EXPECT_EQ(HolderId(normal), UnitId(codes::kYongqian));
    EXPECT_EQ(HolderId(chosen), UnitId(codes::kChuanying));
}

TEST_F(WhoIsToldApiTest, AnOfficeOffTheRecordersChainIsRefused) {
    Session community = LogIn("community-staff");
    Session cadre = LogIn("cadre");
    const auto body = [](std::int64_t office) {
        return CaseBody("walk_in")
            .Title("特急：路面塌陷")
            .Urgency("critical")
            .Set("officeId", office);
    };

    const HttpResponse other_street =
        community.Post("/api/v1/cases", body(UnitId(codes::kXinghuaStreet)));
    const HttpResponse a_unit =
        community.Post("/api/v1/cases", body(UnitId(codes::kHousingBureau)));
    const HttpResponse below = community.Post("/api/v1/cases", body(UnitId(codes::kYongqianGrid1)));
    const HttpResponse from_cadre = cadre.Post(
        "/api/v1/cases", CaseBody("cadre_report")
                             .Set("cadreReport", {{"cadreUnit", "市民政局"},
                                                  {"communityId", UnitId(codes::kYongqian)},
                                                  {"summary", "居民反映路面塌陷"}})
                             .Set("officeId", UnitId(codes::kCity)));
    const HttpResponse from_public =
        Anonymous().Post("/api/v1/public/submissions",
                         CaseBody("mailbox").Set("officeId", UnitId(codes::kCity)).json());

    ASSERT_THAT(other_street, IsError(422, "validation.failed"));
    EXPECT_THAT(FieldErrors(other_street), ::testing::Contains(std::pair<std::string, std::string>{
                                               "officeId", "not_on_chain"}));
    ASSERT_THAT(a_unit, HasStatus(422));
    EXPECT_THAT(FieldErrors(a_unit),
                ::testing::Contains(std::pair<std::string, std::string>{"officeId", "unknown"}));
    ASSERT_THAT(below, HasStatus(422));
    EXPECT_THAT(FieldErrors(below),
                ::testing::Contains(std::pair<std::string, std::string>{"officeId", "unknown"}));
    ASSERT_THAT(from_cadre, HasStatus(422));
    EXPECT_THAT(FieldErrors(from_cadre), ::testing::Contains(std::pair<std::string, std::string>{
                                             "officeId", "not_allowed"}));
    ASSERT_THAT(from_public, HasStatus(422));
    EXPECT_THAT(FieldErrors(from_public), ::testing::Contains(std::pair<std::string, std::string>{
                                              "officeId", "unknown_field"}));
}

// Point 13: 群体性、代表性、普遍性问题…上报市、区主管领导.
TEST_F(WhoIsToldApiTest, ACollectiveCaseReachesTheCityAndDistrictLeadersAtOnce) {
    Session grid = LogIn("grid-worker");
    Session city_leader = LogIn("leader");
    Session district_leader = NewUserWithRole("chuanying-leader", "leader", codes::kChuanying);
    Session other_leader = NewUserWithRole("changyi-leader", "leader", codes::kChangyi);

    const std::int64_t many =
        IdOf(CreateCase(grid, CaseBody("grid").Title("整栋楼停暖").PeopleInvolved(10)));
    const std::int64_t scoped =
        IdOf(CreateCase(grid, CaseBody("grid").Title("小区普遍反映物业收费").Scope("collective")));
    const std::int64_t few =
        IdOf(CreateCase(grid, CaseBody("grid").Title("两户暖气不热").PeopleInvolved(9)));

    for (const std::int64_t id : {many, scoped}) {
        for (Session* leader : {&city_leader, &district_leader}) {
            const nlohmann::json told = InboxItem(*leader, id, "collective_case");
            ASSERT_FALSE(told.is_null()) << "case " << id;
        }
        EXPECT_TRUE(InboxAbout(other_leader, id).empty()) << "another district's leader";
    }
    EXPECT_THAT(InboxItem(city_leader, many, "collective_case")["text"].get<std::string>(),
                HasSubstr("10人"));
    EXPECT_TRUE(InboxAbout(city_leader, few).empty());
    EXPECT_TRUE(InboxAbout(district_leader, few).empty());
}

TEST_F(WhoIsToldApiTest, ALeadersInstructionReachesTheOfficeHoldingTheCase) {
    Session city = LogIn("city-office");
    Session leader = LogIn("leader");
    const std::int64_t id = IdOf(CreateCase(city, CaseBody("walk_in")
                                                      .Title("热源厂改造影响三个小区供暖")
                                                      .GridId(UnitId(codes::kYongqianGrid1))));
    MoveCase(city, id, "accept");
    MoveCase(city, id, "escalate", {{"targetId", UnitId(codes::kCity)}, {"note", "请市领导协调"}});

    MoveCase(leader, id, "instruct", {{"note", "请住建局牵头，一周内解决"}});

    const nlohmann::json told = InboxItem(city, id, "case_instructed");
    ASSERT_FALSE(told.is_null());
    EXPECT_THAT(told["text"].get<std::string>(), HasSubstr("请住建局牵头，一周内解决"));
}

// Point 14: 直通卡…限时处理，并报市社情民意绿色通道工作办公室.
TEST_F(WhoIsToldApiTest, TheCityOfficeHearsOfADirectCardCaseAndTheHolderOfEachStep) {
    Session director = LogIn("director");
    Session city = LogIn("city-office");
    Session handler = LogIn("unit-handler");
    Session unit_leader = LogIn("unit-leader");
    const std::int64_t id = IdOf(
        CreateCase(director, CaseBody("direct_card")
                                 .Title("直通卡：小区供水管道破裂")
                                 .Set("directCard", {{"unitId", UnitId(codes::kHousingBureau)}})));

    EXPECT_FALSE(InboxItem(city, id, "direct_card_reported").is_null());

    MoveCase(city, id, "recall");
    MoveCase(city, id, "dispatch",
             {{"targetId", UnitId(codes::kHousingBureau)}, {"method", "network"}});
    EXPECT_FALSE(InboxItem(director, id, "direct_card_dispatched").is_null());

    MoveCase(handler, id, "sign");
    MoveCase(handler, id, "answer", {{"result", "solved"}, {"answerText", "已更换破裂管段。"}});
    MoveCase(unit_leader, id, "approve_unit_answer");
    MoveCase(city, id, "approve_answer");
    EXPECT_FALSE(InboxItem(director, id, "direct_card_answered").is_null());

    MoveCase(city, id, "follow_up", {{"satisfaction", "satisfied"}});
    EXPECT_FALSE(InboxItem(director, id, "direct_card_closed").is_null());
}

// Point 15: 件件有落实、事事有反馈 — to the collector too.
TEST_F(WhoIsToldApiTest, TheGridWorkerHearsWhenTheirCaseIsAnsweredAndClosed) {
    Session grid = LogIn("grid-worker");
    Session community = LogIn("community-staff");
    const std::int64_t id =
        IdOf(CreateCase(grid, CaseBody("grid").Title("楼道堆放杂物").Category("0201")));
    MoveCase(community, id, "accept");
    MoveCase(community, id, "handle_locally");
    MoveCase(community, id, "answer",
             {{"result", "solved"}, {"answerText", "已组织清理楼道杂物。"}});

    MoveCase(community, id, "approve_answer");
    const nlohmann::json answered = InboxItem(grid, id, "collector_answered");
    MoveCase(community, id, "follow_up", {{"satisfaction", "satisfied"}});
    const nlohmann::json closed = InboxItem(grid, id, "collector_closed");

    ASSERT_FALSE(answered.is_null());
    EXPECT_THAT(answered["text"].get<std::string>(), HasSubstr("已组织清理楼道杂物。"));
    EXPECT_FALSE(closed.is_null());
    EXPECT_TRUE(InboxItem(community, id, "collector_answered").is_null())
        << "who approved it need not be told";
}

TEST_F(WhoIsToldApiTest, OfficeStaffWhoRecordedACaseHearWhenAnotherOfficeAnswersIt) {
    Session community = LogIn("community-staff");
    Session street = LogIn("street-office");
    const std::int64_t id = IdOf(CreateCase(
        community,
        CaseBody("walk_in").Title("街路积水").Set("officeId", UnitId(codes::kDeshengStreet))));
    MoveCase(street, id, "accept");
    MoveCase(street, id, "handle_locally");
    MoveCase(street, id, "answer", {{"result", "solved"}, {"answerText", "已疏通雨水口。"}});

    MoveCase(street, id, "approve_answer");

    EXPECT_FALSE(InboxItem(community, id, "collector_answered").is_null());
}

// Point 16: a reporter recorded by staff can follow their case like one who wrote in.
TEST_F(WhoIsToldApiTest, AReporterRecordedByStaffGetsAQueryCodeBySms) {
    Session community = LogIn("community-staff");
    const nlohmann::json created = CreateCase(
        community, CaseBody("walk_in").Title("单元门禁损坏").Reporter("王五", "13700001111"));
    const nlohmann::json anonymous =
        CreateCase(community, CaseBody("walk_in").Title("单元门禁损坏").Anonymous());

    ASSERT_TRUE(created["queryCode"].is_string()) << created.dump();
    const std::string code = created["queryCode"];
    const std::string number = created["number"];
    const nlohmann::json sms = SmsTo("13700001111", number);
    ASSERT_FALSE(sms.is_null()) << "no registration SMS";
    const std::string text = sms["text"];
    EXPECT_THAT(text, HasSubstr(code));
    EXPECT_THAT(text, HasSubstr(std::string(kQueryUrl)));
    const HttpResponse status =
        Anonymous().Get("/api/v1/public/submissions/" + number + "?code=" + code);
    ASSERT_THAT(status, HasStatus(200));
    EXPECT_EQ(status.json["number"], number);
    EXPECT_TRUE(anonymous["queryCode"].is_null());
}

TEST_F(WhoIsToldApiTest, AMessageWhoseTemplateLacksAValueIsFailedWithTheReasonNotSent) {
    Session admin = LogIn("admin");
    Session city = LogIn("city-office");
    ASSERT_THAT(
        admin.Put("/api/v1/message-templates/reporter_declined/sms",
                  {{"text", "您反映的事项（编号{number}）不予受理，热线编号{external_ref}。"}}),
        HasStatus(200));
    const nlohmann::json created =
        CreateCase(city, CaseBody("walk_in").Title("要求撤换法官").Reporter("赵六", "13600002222"));
    MoveCase(city, IdOf(created), "decline",
             {{"reason", "属于司法程序事项"}, {"legalBasis", "请向法院或检察院反映"}});

    const nlohmann::json failed =
        FailedMessage(city, created["number"].get<std::string>(), "reporter_declined");

    ASSERT_FALSE(failed.is_null());
    EXPECT_EQ(failed["lastError"], "missing value {external_ref}");
    EXPECT_FALSE(SmsTo("13600002222", "查询码").is_null())
        << "the registration SMS, whose values are all there, went out";
    EXPECT_TRUE(SmsTo("13600002222", "不予受理", false).is_null()) << "the broken text went out";
}

}  // namespace
}  // namespace minqing::tests
