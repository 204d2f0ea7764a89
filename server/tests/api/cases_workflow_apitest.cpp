// The workflow through the API (POST /api/v1/cases/{id}/actions/{action}): the full path from a
// grid report up every level to a city unit and back to the reporter, returns, extensions,
// reopening, escalation to a leader, the refusals (wrong state, not the holder, stale version,
// unknown action, outside jurisdiction), the history with its hash chain, and two handlers
// signing the same case at once.
#include <algorithm>
#include <latch>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "support/api_test.hpp"
#include "support/case_body.hpp"

namespace minqing::tests {
namespace {

using ::testing::AnyOf;
using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::Not;
using ::testing::Pair;
using ::testing::UnorderedElementsAre;

constexpr std::string_view kHousing = "吉林市住房和城乡建设局";
constexpr std::string_view kHeating = "吉林市热力集团有限公司";
// A handler of the heating company, the assisting unit of joint cases.
constexpr std::string_view kHeatingHandler = "heating-handler";

class CaseWorkflowApiTest : public ApiTest {
  protected:
    static void SetUpTestSuite() {
        StartServer({}, [] {
            Session admin = LogIn("admin");
            GrantRole(admin, CreateUser(admin, kHeatingHandler), "unit_handler",
                      UnitId(codes::kHeatingGroup));
            // This suite walks the offices' workflow; the unit's own sign-off before an answer
            // leaves it (二级工作网络) has its tests in workflow_rules_apitest.cpp.
            const HttpResponse switched =
                admin.Patch("/api/v1/org/units/" + std::to_string(UnitId(codes::kHousingBureau)),
                            {{"answerApproval", false}});
            if (switched.status != 200) {
                throw std::runtime_error("cannot switch off the sign-off: " + switched.body);
            }
        });
    }

    // A walk-in the city office registered and accepted: routing at 吉林市.
    static nlohmann::json RoutingAtCity(Session& city, std::string_view title) {
        const nlohmann::json created = CreateCase(
            city, CaseBody("walk_in").Title(title).GridId(UnitId(codes::kYongqianGrid1)));
        return MoveCase(city, IdOf(created), "accept");
    }

    static nlohmann::json DispatchBody(std::string_view unit_code) {
        return {{"targetId", UnitId(unit_code)}, {"method", "network"}, {"note", "请按职责办理"}};
    }

    // The same, dispatched by the city office to 住建局.
    static nlohmann::json DispatchedToHousing(Session& city, std::string_view title) {
        return MoveCase(city, IdOf(RoutingAtCity(city, title)), "dispatch",
                        DispatchBody(codes::kHousingBureau));
    }

    // The same, signed for by the 住建局 handler.
    static nlohmann::json HandlingAtHousing(Session& city, Session& handler,
                                            std::string_view title) {
        return MoveCase(handler, IdOf(DispatchedToHousing(city, title)), "sign");
    }

    // The same, answered by 住建局 and approved by the city office: waiting for the follow-up.
    static nlohmann::json InFollowUp(Session& city, Session& handler, std::string_view title) {
        const std::int64_t id = IdOf(HandlingAtHousing(city, handler, title));
        MoveCase(handler, id, "answer",
                 {{"result", "solved"}, {"answerText", "已协调热力集团排查管线，室温已达标。"}});
        return MoveCase(city, id, "approve_answer");
    }

    static nlohmann::json EventsOf(Session& session, std::int64_t id) {
        HttpResponse events = session.Get(CasePath(id, "/events"));
        if (events.status != 200) {
            return nlohmann::json::array();
        }
        return events.json["items"];
    }
};

// --- the full path ----------------------------------------------------------------------------

struct Step {
    Session* actor;
    std::string_view action;
    nlohmann::json body;
    std::string_view state;
    std::string_view holder;
};

TEST_F(CaseWorkflowApiTest, GridReportTravelsUpEveryLevelToTheUnitAndIsClosed) {
    Session grid = LogIn("grid-worker");
    Session community = LogIn("community-staff");
    Session street = LogIn("street-office");
    Session district = LogIn("district-office");
    Session city = LogIn("city-office");
    Session handler = LogIn("unit-handler");
    const nlohmann::json created = CreateCase(grid, CaseBody("grid")
                                                        .Title("我家暖气不热，室温只有十五度")
                                                        .GridId(UnitId(codes::kYongqianGrid1))
                                                        .Address("永前社区3号楼2单元"));
    const std::int64_t id = IdOf(created);
    ASSERT_EQ(created["state"], "registered");
    ASSERT_EQ(UnitNameAt(created, "holder"), "永前社区");
    const std::vector<Step> steps = {
        {&community, "accept", nlohmann::json::object(), "routing", "永前社区"},
        {&community, "forward", {{"note", "供热问题超出社区处理能力"}}, "routing", "德胜街道"},
        {&street, "forward", {{"note", "请区里协调"}}, "routing", "船营区"},
        {&district, "forward", {{"note", "涉及市级供热单位"}}, "routing", "吉林市"},
        {&city,
         "dispatch",
         {{"targetId", UnitId(codes::kHousingBureau)},
          {"assistingIds", {UnitId(codes::kHeatingGroup)}},
          {"method", "network"},
          {"note", "住建局主办，热力集团协办"}},
         "dispatched",
         kHousing},
        {&handler, "sign", nlohmann::json::object(), "handling", kHousing},
        {&handler,
         "contact_reporter",
         {{"note", "已电话联系张先生，约定明天上门"}},
         "handling",
         kHousing},
        {&handler,
         "answer",
         {{"result", "solved"}, {"answerText", "热力集团已对楼内管线排气，室温达到二十度。"}},
         "answered",
         kHousing},
        {&city, "approve_answer", nlohmann::json::object(), "follow_up", kHousing},
        {&city,
         "follow_up",
         {{"contacted", true}, {"solved", true}, {"satisfaction", "satisfied"}},
         "closed",
         kHousing},
    };

    for (const Step& step : steps) {
        SCOPED_TRACE(std::string(step.action));
        HttpResponse response = step.actor->Post(ActionPath(id, step.action), step.body);
        ASSERT_THAT(response, HasStatus(200));
        EXPECT_EQ(response.json["state"], step.state);
        EXPECT_EQ(UnitNameAt(response.json, "holder"), step.holder);
        if (step.action == "dispatch") {
            EXPECT_EQ(UnitNameAt(response.json, "leadUnit"), kHousing);
            EXPECT_EQ(UnitNameAt(response.json, "dispatcher"), "吉林市");
            EXPECT_EQ(Strings(response.json["assistingUnits"], "name"),
                      std::vector<std::string>{std::string(kHeating)});
        }
        if (step.action == "contact_reporter") {
            EXPECT_TRUE(response.json["firstContactAt"].is_string());
        }
    }

    HttpResponse closed = city.Get(CasePath(id));
    EXPECT_THAT(grid.Get(CasePath(id)), HasStatus(200)) << "the grid manager lost their report";
    EXPECT_THAT(community.Get(CasePath(id)), HasStatus(200));
    ASSERT_THAT(closed, HasStatus(200));
    EXPECT_EQ(closed.json["result"], "solved");
    EXPECT_EQ(closed.json["satisfaction"], "satisfied");
    EXPECT_TRUE(closed.json["closedAt"].is_string());
    EXPECT_EQ(closed.json["version"], 11);
}

TEST_F(CaseWorkflowApiTest, HistoryOfTheFullPathNamesEachActorAndItsChainIsIntact) {
    Session grid = LogIn("grid-worker");
    Session community = LogIn("community-staff");
    Session street = LogIn("street-office");
    Session district = LogIn("district-office");
    Session city = LogIn("city-office");
    Session handler = LogIn("unit-handler");
    const std::int64_t id = IdOf(CreateCase(grid, CaseBody("grid").Title("暖气不热")));
    MoveCase(community, id, "accept");
    MoveCase(community, id, "forward");
    MoveCase(street, id, "forward");
    MoveCase(district, id, "forward");
    MoveCase(city, id, "dispatch",
             {{"targetId", UnitId(codes::kHousingBureau)},
              {"assistingIds", {UnitId(codes::kHeatingGroup)}},
              {"method", "network"}});
    MoveCase(handler, id, "sign");
    MoveCase(handler, id, "contact_reporter", {{"note", "已联系"}});
    MoveCase(handler, id, "answer", {{"result", "solved"}, {"answerText", "已修复"}});
    MoveCase(city, id, "approve_answer");
    MoveCase(city, id, "follow_up", {{"satisfaction", "very_satisfied"}});

    HttpResponse events = city.Get(CasePath(id, "/events"));
    HttpResponse verify = city.Get(CasePath(id, "/verify"));

    ASSERT_THAT(events, HasStatus(200));
    const nlohmann::json& items = events.json["items"];
    ASSERT_EQ(items.size(), 11u);
    EXPECT_EQ(Strings(items, "action"),
              (std::vector<std::string>{"create", "accept", "forward", "forward", "forward",
                                        "dispatch", "sign", "contact_reporter", "answer",
                                        "approve_answer", "follow_up"}));
    EXPECT_EQ(
        Strings(items, "actorRole"),
        (std::vector<std::string>{"grid_worker", "community_staff", "community_staff",
                                  "street_office", "district_office", "city_office", "unit_handler",
                                  "unit_handler", "unit_handler", "city_office", "city_office"}));
    const std::vector<std::int64_t> actors = {
        grid.user_id(),     community.user_id(), community.user_id(), street.user_id(),
        district.user_id(), city.user_id(),      handler.user_id(),   handler.user_id(),
        handler.user_id(),  city.user_id(),      city.user_id()};
    for (std::size_t i = 0; i < items.size(); ++i) {
        SCOPED_TRACE(items[i].dump());
        EXPECT_EQ(items[i]["seq"], i + 1);
        EXPECT_EQ(items[i]["actorId"], actors[i]);
        EXPECT_EQ(items[i]["prevHash"], i == 0 ? nlohmann::json("") : items[i - 1]["hash"]);
    }
    EXPECT_TRUE(items[0]["fromState"].is_null());
    EXPECT_EQ(items[0]["toState"], "registered");
    EXPECT_EQ(items[5]["fromState"], "routing");
    EXPECT_EQ(items[5]["toState"], "dispatched");
    EXPECT_EQ(items[10]["toState"], "closed");
    EXPECT_EQ(items[5]["payload"]["targetName"], kHousing);
    ASSERT_THAT(verify, HasStatus(200));
    EXPECT_EQ(verify.json["intact"], true);
    EXPECT_EQ(verify.json["events"], 11);
    EXPECT_TRUE(verify.json["brokenSeq"].is_null());
}

TEST_F(CaseWorkflowApiTest, GridCaseSolvedOnTheSpotIsReviewedByTheCommunity) {
    Session grid = LogIn("grid-worker");
    Session community = LogIn("community-staff");
    const std::int64_t id = IdOf(CreateCase(
        grid, CaseBody("grid")
                  .Title("楼道灯不亮")
                  .Category("0206")
                  .Set("grid", {{"solvedOnSpot", true}, {"evidence", "已当场更换灯泡。"}})));

    HttpResponse approved =
        community.Post(ActionPath(id, "approve_answer"), nlohmann::json::object());
    HttpResponse closed =
        community.Post(ActionPath(id, "follow_up"), {{"satisfaction", "satisfied"}});

    ASSERT_THAT(approved, HasStatus(200));
    EXPECT_EQ(approved.json["state"], "follow_up");
    ASSERT_THAT(closed, HasStatus(200));
    EXPECT_EQ(closed.json["state"], "closed");
}

TEST_F(CaseWorkflowApiTest, CommunityHandlesACaseItselfAndReviewsItsOwnAnswer) {
    Session grid = LogIn("grid-worker");
    Session community = LogIn("community-staff");
    const std::int64_t id =
        IdOf(CreateCase(grid, CaseBody("grid").Title("楼道堆放杂物").Category("0201")));
    MoveCase(community, id, "accept");

    HttpResponse handling =
        community.Post(ActionPath(id, "handle_locally"), nlohmann::json::object());
    HttpResponse answered = community.Post(
        ActionPath(id, "answer"), {{"result", "solved"}, {"answerText", "已组织清理楼道杂物。"}});
    HttpResponse approved =
        community.Post(ActionPath(id, "approve_answer"), nlohmann::json::object());

    ASSERT_THAT(handling, HasStatus(200));
    EXPECT_EQ(handling.json["state"], "handling");
    EXPECT_EQ(UnitNameAt(handling.json, "holder"), "永前社区");
    ASSERT_THAT(answered, HasStatus(200));
    EXPECT_EQ(answered.json["state"], "answered");
    ASSERT_THAT(approved, HasStatus(200));
    EXPECT_EQ(approved.json["state"], "follow_up");
}

TEST_F(CaseWorkflowApiTest, CityOfficeMayNotHandleACaseItself) {
    Session city = LogIn("city-office");
    const std::int64_t id = IdOf(RoutingAtCity(city, "城市发展建议"));

    HttpResponse response = city.Post(ActionPath(id, "handle_locally"), nlohmann::json::object());

    EXPECT_THAT(response, IsError(409, "case.not_local"));
}

// --- returns, extensions, reopening, escalation --------------------------------------------

TEST_F(CaseWorkflowApiTest, ApprovedReturnGoesBackToTheCityWhichDispatchesItAgain) {
    Session city = LogIn("city-office");
    Session handler = LogIn("unit-handler");
    const std::int64_t id = IdOf(DispatchedToHousing(city, "小区集中供热管网漏水"));

    HttpResponse requested = handler.Post(ActionPath(id, "request_return"),
                                          {{"reason", "供热管网归热力集团管理，不属我局职责"},
                                           {"legalBasis", "《吉林市城市供热条例》第十条"}});
    HttpResponse approved = city.Post(ActionPath(id, "approve_return"), {{"note", "同意退回"}});
    HttpResponse redispatched =
        city.Post(ActionPath(id, "dispatch"), DispatchBody(codes::kHeatingGroup));

    ASSERT_THAT(requested, HasStatus(200));
    EXPECT_EQ(requested.json["state"], "return_requested");
    EXPECT_EQ(UnitNameAt(requested.json, "holder"), kHousing);
    ASSERT_THAT(approved, HasStatus(200));
    EXPECT_EQ(approved.json["state"], "routing");
    EXPECT_EQ(UnitNameAt(approved.json, "holder"), "吉林市");
    EXPECT_TRUE(approved.json["leadUnit"].is_null());
    ASSERT_THAT(redispatched, HasStatus(200));
    EXPECT_EQ(redispatched.json["state"], "dispatched");
    EXPECT_EQ(UnitNameAt(redispatched.json, "holder"), kHeating);
    EXPECT_EQ(Strings(EventsOf(city, id), "action"),
              (std::vector<std::string>{"create", "accept", "dispatch", "request_return",
                                        "approve_return", "dispatch"}));
}

TEST_F(CaseWorkflowApiTest, UnitThatReturnedACaseStillSeesItButMayNotSignIt) {
    Session city = LogIn("city-office");
    Session handler = LogIn("unit-handler");
    const std::int64_t id = IdOf(DispatchedToHousing(city, "热力管线漏水"));
    MoveCase(handler, id, "request_return", {{"reason", "非我局职责"}, {"legalBasis", "三定方案"}});
    MoveCase(city, id, "approve_return");
    MoveCase(city, id, "dispatch", DispatchBody(codes::kHeatingGroup));

    HttpResponse seen = handler.Get(CasePath(id));
    HttpResponse sign = handler.Post(ActionPath(id, "sign"), nlohmann::json::object());

    EXPECT_THAT(seen, HasStatus(200));
    EXPECT_THAT(sign, IsError(403, "case.not_holder"));
}

TEST_F(CaseWorkflowApiTest, RefusedReturnStaysWithTheUnit) {
    Session city = LogIn("city-office");
    Session handler = LogIn("unit-handler");
    const std::int64_t id = IdOf(DispatchedToHousing(city, "物业不作为"));
    MoveCase(handler, id, "request_return", {{"reason", "非我局职责"}, {"legalBasis", "三定方案"}});

    HttpResponse refused =
        city.Post(ActionPath(id, "refuse_return"), {{"reason", "物业监管属住建部门职责"}});

    ASSERT_THAT(refused, HasStatus(200));
    EXPECT_EQ(refused.json["state"], "dispatched");
    EXPECT_EQ(UnitNameAt(refused.json, "holder"), kHousing);
}

TEST_F(CaseWorkflowApiTest, ReturnWithoutReasonAndBasisIs422ListingBoth) {
    Session city = LogIn("city-office");
    Session handler = LogIn("unit-handler");
    const std::int64_t id = IdOf(DispatchedToHousing(city, "供热不达标"));

    HttpResponse response =
        handler.Post(ActionPath(id, "request_return"), nlohmann::json::object());

    EXPECT_THAT(response, IsError(422, "validation.failed"));
    EXPECT_THAT(FieldErrors(response),
                UnorderedElementsAre(Pair("reason", "required"), Pair("legalBasis", "required")));
}

TEST_F(CaseWorkflowApiTest, ApprovedExtensionIsCountedAndASecondOneIsRefused) {
    Session city = LogIn("city-office");
    Session handler = LogIn("unit-handler");
    const std::int64_t id = IdOf(HandlingAtHousing(city, handler, "老旧小区供热改造"));

    HttpResponse requested = handler.Post(
        ActionPath(id, "request_extension"),
        {{"reason", "需协调热力集团停热施工，五个工作日内无法完成"}, {"extensionDays", 5}});
    HttpResponse approved =
        city.Post(ActionPath(id, "approve_extension"), nlohmann::json::object());
    HttpResponse again = handler.Post(ActionPath(id, "request_extension"),
                                      {{"reason", "施工仍未完成"}, {"extensionDays", 3}});

    ASSERT_THAT(requested, HasStatus(200));
    EXPECT_EQ(requested.json["state"], "extension_requested");
    ASSERT_THAT(approved, HasStatus(200));
    EXPECT_EQ(approved.json["state"], "handling");
    EXPECT_EQ(approved.json["extensionCount"], 1);
    EXPECT_EQ(UnitNameAt(approved.json, "holder"), kHousing);
    EXPECT_THAT(again, IsError(409, "case.extension_limit"));
}

TEST_F(CaseWorkflowApiTest, ExtensionLongerThanTheRulesAllowIs422) {
    Session city = LogIn("city-office");
    Session handler = LogIn("unit-handler");
    const std::int64_t id = IdOf(HandlingAtHousing(city, handler, "供热管网改造"));

    HttpResponse response = handler.Post(ActionPath(id, "request_extension"),
                                         {{"reason", "工程量大"}, {"extensionDays", 30}});

    EXPECT_THAT(response, IsError(422, "validation.failed"));
    EXPECT_THAT(FieldErrors(response), ElementsAre(Pair("extensionDays", "out_of_range")));
}

TEST_F(CaseWorkflowApiTest, DissatisfiedFollowUpKeepsTheCaseOpenAndReopenSendsItBack) {
    Session city = LogIn("city-office");
    Session handler = LogIn("unit-handler");
    const std::int64_t id = IdOf(InFollowUp(city, handler, "暖气时冷时热"));

    HttpResponse followed =
        city.Post(ActionPath(id, "follow_up"),
                  {{"contacted", true}, {"solved", false}, {"satisfaction", "dissatisfied"}});
    HttpResponse reopened =
        city.Post(ActionPath(id, "reopen"), {{"reason", "回访时室温仍只有十六度，诉求合理"}});

    ASSERT_THAT(followed, HasStatus(200));
    EXPECT_EQ(followed.json["state"], "follow_up");
    EXPECT_EQ(followed.json["satisfaction"], "dissatisfied");
    ASSERT_THAT(reopened, HasStatus(200));
    EXPECT_EQ(reopened.json["state"], "handling");
    EXPECT_EQ(UnitNameAt(reopened.json, "holder"), kHousing);
    EXPECT_EQ(reopened.json["reopenCount"], 1);
    EXPECT_TRUE(reopened.json["result"].is_null());
    EXPECT_TRUE(reopened.json["satisfaction"].is_null());
}

TEST_F(CaseWorkflowApiTest, ReopenedCaseIsAnsweredAgainByTheUnit) {
    Session city = LogIn("city-office");
    Session handler = LogIn("unit-handler");
    const std::int64_t id = IdOf(InFollowUp(city, handler, "暖气温度不够"));
    MoveCase(city, id, "follow_up", {{"satisfaction", "very_dissatisfied"}});
    MoveCase(city, id, "reopen", {{"reason", "诉求合理，重办"}});

    HttpResponse answered = handler.Post(
        ActionPath(id, "answer"), {{"result", "solved"}, {"answerText", "更换了暖气片阀门。"}});

    ASSERT_THAT(answered, HasStatus(200));
    EXPECT_EQ(answered.json["state"], "answered");
}

TEST_F(CaseWorkflowApiTest, UnitEscalatesToTheCityLeaderWhoInstructs) {
    Session city = LogIn("city-office");
    Session handler = LogIn("unit-handler");
    Session leader = LogIn("leader");
    const std::int64_t id = IdOf(HandlingAtHousing(city, handler, "整栋楼冬季供暖不达标"));

    HttpResponse escalated = handler.Post(
        ActionPath(id, "escalate"),
        {{"targetId", UnitId(codes::kCity)}, {"note", "涉及热源厂改造，跨部门，请市领导协调"}});
    HttpResponse leader_view = leader.Get(CasePath(id));
    HttpResponse instructed = leader.Post(ActionPath(id, "instruct"),
                                          {{"note", "请住建局牵头，热力集团配合，一周内解决。"}});

    ASSERT_THAT(escalated, HasStatus(200));
    EXPECT_EQ(escalated.json["state"], "escalated");
    EXPECT_EQ(UnitNameAt(escalated.json, "escalatedTo"), "吉林市");
    EXPECT_EQ(UnitNameAt(escalated.json, "holder"), kHousing);
    ASSERT_THAT(leader_view, HasStatus(200));
    EXPECT_THAT(leader_view.json["actions"], Contains("instruct"));
    ASSERT_THAT(instructed, HasStatus(200));
    EXPECT_EQ(instructed.json["state"], "handling");
    const nlohmann::json events = EventsOf(city, id);
    ASSERT_GE(events.size(), 2u);
    EXPECT_EQ(events[events.size() - 1]["action"], "instruct");
    EXPECT_EQ(events[events.size() - 1]["actorRole"], "leader");
    EXPECT_EQ(events[events.size() - 1]["payload"]["note"],
              "请住建局牵头，热力集团配合，一周内解决。");
}

TEST_F(CaseWorkflowApiTest, InstructionWithoutANoteIs422) {
    Session city = LogIn("city-office");
    Session handler = LogIn("unit-handler");
    Session leader = LogIn("leader");
    const std::int64_t id = IdOf(HandlingAtHousing(city, handler, "跨部门供热难题"));
    MoveCase(handler, id, "escalate", {{"targetId", UnitId(codes::kCity)}});

    HttpResponse response = leader.Post(ActionPath(id, "instruct"), nlohmann::json::object());

    EXPECT_THAT(response, IsError(422, "validation.failed"));
    EXPECT_THAT(FieldErrors(response), ElementsAre(Pair("note", "required")));
}

TEST_F(CaseWorkflowApiTest, AssistingUnitPostsItsPartButOnlyTheLeadUnitAnswers) {
    Session city = LogIn("city-office");
    Session handler = LogIn("unit-handler");
    Session heating = LogIn(kHeatingHandler);
    const std::int64_t id = IdOf(RoutingAtCity(city, "供热管线漏水"));
    MoveCase(city, id, "dispatch",
             {{"targetId", UnitId(codes::kHousingBureau)},
              {"assistingIds", {UnitId(codes::kHeatingGroup)}},
              {"method", "network"}});
    MoveCase(handler, id, "sign");

    HttpResponse assisted =
        heating.Post(ActionPath(id, "assist"), {{"note", "热力集团已派维修班组更换阀门。"}});
    HttpResponse answered =
        heating.Post(ActionPath(id, "answer"), {{"result", "solved"}, {"answerText", "已修复"}});

    ASSERT_THAT(assisted, HasStatus(200));
    EXPECT_EQ(assisted.json["state"], "handling");
    EXPECT_THAT(answered, IsError(403, "case.not_holder"));
}

TEST_F(CaseWorkflowApiTest, CityOfficeHandsAnIndividualAppealToTheHotline) {
    Session city = LogIn("city-office");
    const std::int64_t id = IdOf(RoutingAtCity(city, "个人咨询社保缴费"));

    HttpResponse response =
        city.Post(ActionPath(id, "handover"), {{"targetId", UnitId(codes::kHotline12345)},
                                               {"method", "phone"},
                                               {"externalRef", "12345-HO-0001"}});

    ASSERT_THAT(response, HasStatus(200));
    EXPECT_EQ(response.json["state"], "dispatched");
    EXPECT_EQ(UnitNameAt(response.json, "holder"), "吉林市12345政务服务便民热线");
    EXPECT_EQ(response.json["externalRef"], "12345-HO-0001");
}

TEST_F(CaseWorkflowApiTest, ReporterUnreachableThreeTimesClosesTheCase) {
    Session city = LogIn("city-office");
    Session handler = LogIn("unit-handler");
    const std::int64_t id = IdOf(InFollowUp(city, handler, "暖气阀门损坏"));
    const nlohmann::json unreachable = {{"unreachable", true}, {"note", "电话无人接听"}};

    HttpResponse first = city.Post(ActionPath(id, "follow_up"), unreachable);
    HttpResponse second = city.Post(ActionPath(id, "follow_up"), unreachable);
    HttpResponse third = city.Post(ActionPath(id, "follow_up"), unreachable);

    EXPECT_EQ(first.json["state"], "follow_up");
    EXPECT_EQ(second.json["state"], "follow_up");
    ASSERT_THAT(third, HasStatus(200));
    EXPECT_EQ(third.json["state"], "closed");
    EXPECT_TRUE(third.json["satisfaction"].is_null());
}

TEST_F(CaseWorkflowApiTest, UnitCommitsToALongTermSolutionAndAnswersLater) {
    Session city = LogIn("city-office");
    Session handler = LogIn("unit-handler");
    const std::int64_t id = IdOf(HandlingAtHousing(city, handler, "老旧小区加装电梯"));
    const std::string committed = ChinaDate(60);

    HttpResponse long_term =
        handler.Post(ActionPath(id, "commit_long_term"),
                     {{"reason", "需纳入明年老旧小区改造计划"}, {"committedDate", committed}});
    HttpResponse progress =
        handler.Post(ActionPath(id, "contact_reporter"), {{"note", "改造方案已报批"}});
    HttpResponse answered = handler.Post(
        ActionPath(id, "answer"), {{"result", "solved"}, {"answerText", "电梯已加装完成。"}});

    ASSERT_THAT(long_term, HasStatus(200));
    EXPECT_EQ(long_term.json["state"], "long_term");
    EXPECT_EQ(long_term.json["committedDate"].get<std::string>().substr(0, 10), committed);
    ASSERT_THAT(progress, HasStatus(200));
    EXPECT_EQ(progress.json["state"], "long_term");
    ASSERT_THAT(answered, HasStatus(200));
    EXPECT_EQ(answered.json["state"], "answered");
}

TEST_F(CaseWorkflowApiTest, CommitmentBeyondTheLongTermLimitIs422) {
    Session city = LogIn("city-office");
    Session handler = LogIn("unit-handler");
    const std::int64_t id = IdOf(HandlingAtHousing(city, handler, "小区整体改造"));

    HttpResponse response =
        handler.Post(ActionPath(id, "commit_long_term"),
                     {{"reason", "工程浩大"}, {"committedDate", ChinaDate(400)}});

    EXPECT_THAT(response, IsError(422, "validation.failed"));
    EXPECT_THAT(FieldErrors(response), ElementsAre(Pair("committedDate", "out_of_range")));
}

TEST_F(CaseWorkflowApiTest, DispatcherRecallsACaseNotYetSigned) {
    Session city = LogIn("city-office");
    Session handler = LogIn("unit-handler");
    const std::int64_t id = IdOf(DispatchedToHousing(city, "派错单位的供热投诉"));

    HttpResponse recalled = city.Post(ActionPath(id, "recall"), {{"note", "派错单位，撤回重派"}});

    ASSERT_THAT(recalled, HasStatus(200));
    EXPECT_EQ(recalled.json["state"], "routing");
    EXPECT_EQ(UnitNameAt(recalled.json, "holder"), "吉林市");
    EXPECT_THAT(handler.Post(ActionPath(id, "sign"), nlohmann::json::object()),
                IsError(409, "case.wrong_state"));
}

TEST_F(CaseWorkflowApiTest, ReceivingOfficeWithdrawsForTheReporter) {
    Session street = LogIn("street-office");
    const std::int64_t id = IdOf(CreateCase(street, CaseBody("walk_in").Title("邻里纠纷已和解")));

    HttpResponse withdrawn =
        street.Post(ActionPath(id, "withdraw"), {{"reason", "来电人表示双方已自行和解"}});

    ASSERT_THAT(withdrawn, HasStatus(200));
    EXPECT_EQ(withdrawn.json["state"], "withdrawn");
    EXPECT_THAT(street.Post(ActionPath(id, "accept"), nlohmann::json::object()),
                IsError(409, "case.terminal"));
}

TEST_F(CaseWorkflowApiTest, RepeatedRequestIsMergedIntoTheFirstCase) {
    Session city = LogIn("city-office");
    const std::int64_t master =
        IdOf(CreateCase(city, CaseBody("walk_in").Title("解放东路积雪未清")));
    const std::int64_t repeat = IdOf(CreateCase(city, CaseBody("walk_in").Title("解放东路积雪")));

    HttpResponse merged = city.Post(ActionPath(repeat, "merge"), {{"masterCaseId", master}});
    HttpResponse into_itself = city.Post(ActionPath(master, "merge"), {{"masterCaseId", master}});

    ASSERT_THAT(merged, HasStatus(200));
    EXPECT_EQ(merged.json["state"], "merged");
    EXPECT_EQ(merged.json["masterCaseId"], master);
    EXPECT_THAT(into_itself, IsError(422, "validation.failed"));
    EXPECT_THAT(FieldErrors(into_itself), ElementsAre(Pair("masterCaseId", "invalid")));
}

TEST_F(CaseWorkflowApiTest, SupervisionLeavesTheStateAndIsRecorded) {
    Session city = LogIn("city-office");
    Session inspector = LogIn("inspector");
    const std::int64_t id = IdOf(DispatchedToHousing(city, "供热投诉久拖未办"));

    HttpResponse response =
        inspector.Post(ActionPath(id, "supervise"), {{"note", "请于今日内签收办理。"}});

    ASSERT_THAT(response, HasStatus(200));
    EXPECT_EQ(response.json["state"], "dispatched");
    EXPECT_EQ(EventsOf(city, id).back()["action"], "supervise");
}

TEST_F(CaseWorkflowApiTest, DetailOffersTheActionsTheCallerMayTakeNow) {
    Session city = LogIn("city-office");
    Session handler = LogIn("unit-handler");
    const std::int64_t id = IdOf(DispatchedToHousing(city, "暖气漏水"));

    HttpResponse as_handler = handler.Get(CasePath(id));
    HttpResponse as_city = city.Get(CasePath(id));

    ASSERT_THAT(as_handler, HasStatus(200));
    EXPECT_THAT(as_handler.json["actions"], Contains("sign"));
    EXPECT_THAT(as_handler.json["actions"], Contains("request_return"));
    EXPECT_THAT(as_handler.json["actions"], Not(Contains("answer")));
    ASSERT_THAT(as_city, HasStatus(200));
    EXPECT_THAT(as_city.json["actions"], Contains("recall"));
    EXPECT_THAT(as_city.json["actions"], Not(Contains("sign")));
}

// --- refusals ---------------------------------------------------------------------------------

TEST_F(CaseWorkflowApiTest, ActionInTheWrongStateIs409) {
    Session city = LogIn("city-office");
    Session handler = LogIn("unit-handler");
    const std::int64_t id = IdOf(DispatchedToHousing(city, "暖气不热"));

    HttpResponse response =
        handler.Post(ActionPath(id, "answer"), {{"result", "solved"}, {"answerText", "已解决"}});

    EXPECT_THAT(response, IsError(409, "case.wrong_state"));
    EXPECT_EQ(handler.Get(CasePath(id)).json["state"], "dispatched");
}

TEST_F(CaseWorkflowApiTest, ActionBySomeoneWhoIsNotTheHolderIs403) {
    Session grid = LogIn("grid-worker");
    Session street = LogIn("street-office");
    const std::int64_t id = IdOf(CreateCase(grid, CaseBody("grid")));

    HttpResponse response = street.Post(ActionPath(id, "accept"), nlohmann::json::object());

    EXPECT_THAT(response, IsError(403, "case.not_holder"));
    EXPECT_EQ(street.Get(CasePath(id)).json["state"], "registered");
}

TEST_F(CaseWorkflowApiTest, ActionOnAStaleVersionIs409AndChangesNothing) {
    Session grid = LogIn("grid-worker");
    Session community = LogIn("community-staff");
    const std::int64_t id = IdOf(CreateCase(grid, CaseBody("grid")));
    const std::int64_t seen = community.Get(CasePath(id)).json["version"];
    ASSERT_THAT(community.Post(ActionPath(id, "accept"), {{"version", seen}}), HasStatus(200));

    HttpResponse response = community.Post(ActionPath(id, "forward"), {{"version", seen}});

    EXPECT_THAT(response, IsError(409, "case.version_conflict"));
    HttpResponse now = community.Get(CasePath(id));
    EXPECT_EQ(now.json["state"], "routing");
    EXPECT_EQ(UnitNameAt(now.json, "holder"), "永前社区");
    EXPECT_EQ(now.json["version"], seen + 1);
}

TEST_F(CaseWorkflowApiTest, UnknownActionIs404) {
    Session grid = LogIn("grid-worker");
    Session community = LogIn("community-staff");
    const std::int64_t id = IdOf(CreateCase(grid, CaseBody("grid")));

    HttpResponse response =
        community.Post(ActionPath(id, "approve_everything"), nlohmann::json::object());

    EXPECT_THAT(response, IsError(404, "case.unknown_action"));
}

TEST_F(CaseWorkflowApiTest, ActionOutsideTheCallersJurisdictionIs404) {
    Session city = LogIn("city-office");
    Session district = LogIn("district-office");
    const std::int64_t id = IdOf(CreateCase(
        city, CaseBody("walk_in").GridId(UnitId(codes::kDongchangzhaiGrid1)).Title("昌邑区来访")));

    HttpResponse response = district.Post(ActionPath(id, "accept"), nlohmann::json::object());

    EXPECT_THAT(response, IsError(404, "case.not_found"));
}

TEST_F(CaseWorkflowApiTest, UnitActingOnACaseNotYetDispatchedToItIs404) {
    Session city = LogIn("city-office");
    Session handler = LogIn("unit-handler");
    const std::int64_t id = IdOf(RoutingAtCity(city, "尚未分转"));

    HttpResponse response = handler.Post(ActionPath(id, "sign"), nlohmann::json::object());

    EXPECT_THAT(response, IsError(404, "case.not_found"));
}

TEST_F(CaseWorkflowApiTest, ActionOnAnUnknownCaseIs404) {
    Session city = LogIn("city-office");

    EXPECT_THAT(city.Post(ActionPath(987654321, "accept"), nlohmann::json::object()),
                IsError(404, "case.not_found"));
    EXPECT_THAT(city.Post("/api/v1/cases/abc/actions/accept", nlohmann::json::object()),
                IsError(404, "case.not_found"));
}

TEST_F(CaseWorkflowApiTest, ActionOnADeclinedCaseIs409Terminal) {
    Session city = LogIn("city-office");
    const std::int64_t id = IdOf(CreateCase(city, CaseBody("walk_in").Title("要求撤换法官")));
    MoveCase(city, id, "decline",
             {{"reason", "属于司法程序事项"}, {"legalBasis", "请向法院或检察院反映"}});

    HttpResponse response = city.Post(ActionPath(id, "accept"), nlohmann::json::object());

    EXPECT_THAT(response, IsError(409, "case.terminal"));
}

TEST_F(CaseWorkflowApiTest, DeclineWithoutReasonAndBasisIs422ListingBoth) {
    Session city = LogIn("city-office");
    const std::int64_t id = IdOf(CreateCase(city, CaseBody("walk_in")));

    HttpResponse response = city.Post(ActionPath(id, "decline"), nlohmann::json::object());

    EXPECT_THAT(response, IsError(422, "validation.failed"));
    EXPECT_THAT(FieldErrors(response),
                UnorderedElementsAre(Pair("reason", "required"), Pair("legalBasis", "required")));
}

TEST_F(CaseWorkflowApiTest, DispatchWithoutTargetAndMethodIs422ListingBoth) {
    Session city = LogIn("city-office");
    const std::int64_t id = IdOf(RoutingAtCity(city, "未指定单位"));

    HttpResponse response = city.Post(ActionPath(id, "dispatch"), nlohmann::json::object());

    EXPECT_THAT(response, IsError(422, "validation.failed"));
    EXPECT_THAT(FieldErrors(response),
                UnorderedElementsAre(Pair("targetId", "required"), Pair("method", "required")));
}

// A community has neither units nor offices below it: dispatch is not offered, and refused.
TEST_F(CaseWorkflowApiTest, CommunityDispatchingIs409NothingBelow) {
    Session grid = LogIn("grid-worker");
    Session community = LogIn("community-staff");
    const std::int64_t id = IdOf(CreateCase(grid, CaseBody("grid")));
    const nlohmann::json routing = MoveCase(community, id, "accept");

    HttpResponse response =
        community.Post(ActionPath(id, "dispatch"), DispatchBody(codes::kHousingBureau));

    EXPECT_THAT(routing["actions"], Not(Contains("dispatch")));
    EXPECT_THAT(response, IsError(409, "case.nothing_below"));
    EXPECT_EQ(community.Get(CasePath(id)).json["version"], routing["version"]);
}

TEST_F(CaseWorkflowApiTest, ActionBodyWithAnUnknownFieldIs422) {
    Session grid = LogIn("grid-worker");
    Session community = LogIn("community-staff");
    const std::int64_t id = IdOf(CreateCase(grid, CaseBody("grid")));

    HttpResponse response = community.Post(ActionPath(id, "accept"), {{"comment", "收到"}});

    EXPECT_THAT(response, IsError(422, "validation.failed"));
    EXPECT_THAT(FieldErrors(response), ElementsAre(Pair("comment", "unknown_field")));
}

TEST_F(CaseWorkflowApiTest, RefusedActionsLeaveNoEvent) {
    Session grid = LogIn("grid-worker");
    Session street = LogIn("street-office");
    const std::int64_t id = IdOf(CreateCase(grid, CaseBody("grid")));
    ASSERT_THAT(street.Post(ActionPath(id, "accept"), nlohmann::json::object()), HasStatus(403));
    ASSERT_THAT(street.Post(ActionPath(id, "sign"), nlohmann::json::object()), HasStatus(409));

    HttpResponse verify = street.Get(CasePath(id, "/verify"));

    EXPECT_EQ(Strings(EventsOf(street, id), "action"), std::vector<std::string>{"create"});
    EXPECT_EQ(verify.json["intact"], true);
    EXPECT_EQ(verify.json["events"], 1);
}

// --- two handlers sign at once ----------------------------------------------------------------

class CaseConcurrencyApiTest : public CaseWorkflowApiTest {
  protected:
    static void SetUpTestSuite() {
        StartServer({}, [] {
            Session admin = LogIn("admin");
            GrantRole(admin, CreateUser(admin, "unit-handler-2"), "unit_handler",
                      UnitId(codes::kHousingBureau));
        });
    }
};

TEST_F(CaseConcurrencyApiTest, TwoHandlersSigningAtOnceOneWinsTheOtherGets409) {
    Session director = LogIn("director");
    Session city = LogIn("city-office");
    Session first = LogIn("unit-handler");
    Session second = LogIn("unit-handler-2");
    constexpr int kRounds = 10;

    for (int round = 0; round < kRounds; ++round) {
        SCOPED_TRACE("round " + std::to_string(round));
        const std::int64_t id = IdOf(CreateCase(
            director, CaseBody("direct_card")
                          .Title("直通卡：供热管网老化第" + std::to_string(round) + "件")
                          .Set("directCard", {{"unitId", UnitId(codes::kHousingBureau)}})));
        std::latch start(2);
        HttpResponse first_answer;
        HttpResponse second_answer;
        const auto sign = [&start, id](Session& handler, HttpResponse& answer) {
            start.arrive_and_wait();
            answer = handler.Post(ActionPath(id, "sign"), nlohmann::json::object());
        };
        std::thread first_thread(sign, std::ref(first), std::ref(first_answer));
        std::thread second_thread(sign, std::ref(second), std::ref(second_answer));
        first_thread.join();
        second_thread.join();

        const int winners =
            (first_answer.status == 200 ? 1 : 0) + (second_answer.status == 200 ? 1 : 0);
        EXPECT_EQ(winners, 1) << first_answer.body << "\n" << second_answer.body;
        HttpResponse& loser = first_answer.status == 200 ? second_answer : first_answer;
        EXPECT_THAT(loser,
                    AnyOf(IsError(409, "case.wrong_state"), IsError(409, "case.version_conflict")));
        const nlohmann::json events = EventsOf(city, id);
        EXPECT_EQ(Strings(events, "action"), (std::vector<std::string>{"create", "sign"}));
        HttpResponse verify = city.Get(CasePath(id, "/verify"));
        EXPECT_EQ(verify.json["intact"], true);
        EXPECT_EQ(city.Get(CasePath(id)).json["state"], "handling");
    }
}

// A client that retries on a timeout may send its retry while the first request still runs.
TEST_F(CaseConcurrencyApiTest, SameKeyTwiceAtOnceRecordsOneCase) {
    Session first = LogIn("street-office");
    Session second = LogIn("street-office");
    constexpr int kRounds = 5;

    for (int round = 0; round < kRounds; ++round) {
        SCOPED_TRACE("round " + std::to_string(round));
        const nlohmann::json body =
            CaseBody("walk_in").Title("来电反映楼道漏水第" + std::to_string(round) + "次");
        const Headers key = {{"Idempotency-Key", "parallel-retry-" + std::to_string(round)}};
        std::latch start(2);
        HttpResponse first_answer;
        HttpResponse second_answer;
        const auto post = [&start, &body, &key](Session& session, HttpResponse& answer) {
            start.arrive_and_wait();
            answer = session.Post("/api/v1/cases", body, key);
        };
        std::thread first_thread(post, std::ref(first), std::ref(first_answer));
        std::thread second_thread(post, std::ref(second), std::ref(second_answer));
        first_thread.join();
        second_thread.join();

        std::vector<int> statuses = {first_answer.status, second_answer.status};
        std::sort(statuses.begin(), statuses.end());
        EXPECT_EQ(statuses, (std::vector<int>{200, 201})) << first_answer.body << "\n"
                                                          << second_answer.body;
        EXPECT_EQ(first_answer.json["id"], second_answer.json["id"]);
        EXPECT_EQ(first_answer.json["number"], second_answer.json["number"]);
    }
}

}  // namespace
}  // namespace minqing::tests
