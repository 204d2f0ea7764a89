// The workflow rules offices meet in their first week: forwarding past a level, fields the
// server does not use, extensions granted as decided, merges of unlike cases, confidential
// reporters reached through the platform, and the unit's own layer (交办, the 分管领导's sign-off).
#include <chrono>
#include <string>
#include <thread>
#include <vector>

#include "support/api_test.hpp"
#include "support/case_body.hpp"

namespace minqing::tests {
namespace {

class WorkflowRulesApiTest : public ApiTest {
  protected:
    static nlohmann::json RoutingAtCommunity(Session& grid, Session& community,
                                             std::string_view title) {
        const nlohmann::json created =
            CreateCase(grid, CaseBody("grid").Title(title).GridId(UnitId(codes::kYongqianGrid1)));
        return MoveCase(community, IdOf(created), "accept");
    }

    static nlohmann::json RoutingAtCity(Session& city, const CaseBody& body) {
        return MoveCase(city, IdOf(CreateCase(city, body)), "accept");
    }

    static nlohmann::json HandlingAtHousing(Session& city, Session& handler, const CaseBody& body) {
        const std::int64_t id = IdOf(RoutingAtCity(city, body));
        MoveCase(city, id, "dispatch",
                 {{"targetId", UnitId(codes::kHousingBureau)}, {"method", "network"}});
        return MoveCase(handler, id, "sign");
    }

    static CaseBody Walkin(std::string_view title) {
        return std::move(CaseBody("walk_in").Title(title).GridId(UnitId(codes::kYongqianGrid1)));
    }

    static bool HasNotice(Session& session, std::int64_t case_id, std::string_view key) {
        return KeysOf(InboxAbout(session, case_id)).contains(std::string(key));
    }

    // No SMS gateway is configured for the tests, so every SMS fails at its first attempt and
    // shows in the failed list: proof that it was written, and with which text. The outbox
    // dispatcher works in the background, so this waits for it a little.
    static nlohmann::json SmsTo(Session& city, std::int64_t case_id, std::string_view key) {
        const std::string number = city.Get(CasePath(case_id)).json["number"];
        for (int poll = 0; poll < 200; ++poll) {
            std::string cursor;
            do {
                const HttpResponse page = city.Get("/api/v1/notifications/failed?limit=100" +
                                                   (cursor.empty() ? "" : "&cursor=" + cursor));
                if (page.status != 200) {
                    return nullptr;
                }
                for (const auto& item : page.json["items"]) {
                    if (item["caseNumber"] == number && item["key"] == key) {
                        return item;
                    }
                }
                cursor = page.json["nextCursor"].is_string() ? page.json["nextCursor"] : "";
            } while (!cursor.empty());
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
        return nullptr;
    }
};

// --- 5. skip-level forwarding, and nothing sent is ignored --------------------------------

TEST_F(WorkflowRulesApiTest, ACommunityForwardsToAnyOfficeAboveItOnItsOwnChain) {
    Session grid = LogIn("grid-worker");
    Session community = LogIn("community-staff");
    const std::int64_t to_next = IdOf(RoutingAtCommunity(grid, community, "路灯不亮"));
    EXPECT_EQ(UnitNameAt(MoveCase(community, to_next, "forward"), "holder"), "德胜街道");

    const std::int64_t to_district = IdOf(RoutingAtCommunity(grid, community, "河道垃圾"));
    const nlohmann::json at_district =
        MoveCase(community, to_district, "forward", {{"targetId", UnitId(codes::kChuanying)}});
    EXPECT_EQ(at_district["holderId"], UnitId(codes::kChuanying));

    const std::int64_t to_city = IdOf(RoutingAtCommunity(grid, community, "全市供暖不热"));
    EXPECT_EQ(
        MoveCase(community, to_city, "forward", {{"targetId", UnitId(codes::kCity)}})["holderId"],
        UnitId(codes::kCity));

    // Not up its own line, not down, not a unit: the case stays where it was.
    const std::int64_t stays = IdOf(RoutingAtCommunity(grid, community, "井盖缺失"));
    for (const std::string_view target :
         {codes::kChangyi, codes::kXinghuaStreet, codes::kHousingBureau}) {
        const HttpResponse refused =
            community.Post(ActionPath(stays, "forward"), {{"targetId", UnitId(target)}});
        EXPECT_THAT(refused, IsError(422, "case.bad_target")) << target;
        EXPECT_EQ(
            FieldErrors(refused),
            (std::vector<std::pair<std::string, std::string>>{{"targetId", "case.bad_target"}}));
    }
    EXPECT_EQ(community.Get(CasePath(stays)).json["holderId"], UnitId(codes::kYongqian));
}

TEST_F(WorkflowRulesApiTest, AFieldAnActionDoesNotUseIsRefusedOnEveryAction) {
    Session city = LogIn("city-office");
    const std::int64_t id = IdOf(RoutingAtCity(city, Walkin("噪音扰民")));
    const struct {
        std::string_view action;
        nlohmann::json body;
        std::string_view field;
    } rows[] = {
        {"accept", {{"targetId", 1}}, "targetId"},
        {"forward", {{"method", "network"}}, "method"},
        {"decline", {{"reason", "r"}, {"legalBasis", "b"}, {"answerText", "x"}}, "answerText"},
        {"dispatch",
         {{"targetId", UnitId(codes::kHousingBureau)}, {"method", "network"}, {"extensionDays", 3}},
         "extensionDays"},
        {"handle_locally", {{"result", "solved"}}, "result"},
        {"escalate", {{"masterCaseId", 1}}, "masterCaseId"},
        {"supervise", {{"note", "请加快"}, {"replyDays", 2}}, "replyDays"},
        {"merge", {{"masterCaseId", 1}, {"grantedDays", 1}}, "grantedDays"},
    };
    for (const auto& row : rows) {
        const HttpResponse refused = city.Post(ActionPath(id, row.action), row.body);
        EXPECT_EQ(refused.status, 422) << row.action << ": " << refused.body;
        EXPECT_THAT(FieldErrors(refused), ::testing::Contains(std::pair<std::string, std::string>(
                                              std::string(row.field), "unknown_field")))
            << row.action;
    }
    const nlohmann::json now = city.Get(CasePath(id)).json;
    EXPECT_EQ(now["state"], "routing");
    EXPECT_EQ(now["version"], 2);
}

// --- 4. 自行办理 is offered only where it works ----------------------------------------------

TEST_F(WorkflowRulesApiTest, OnlyStreetsAndCommunitiesAreOfferedToHandleACaseThemselves) {
    Session grid = LogIn("grid-worker");
    Session community = LogIn("community-staff");
    Session city = LogIn("city-office");
    const nlohmann::json at_community = RoutingAtCommunity(grid, community, "楼道堆物");
    EXPECT_THAT(at_community["actions"], ::testing::Contains("handle_locally"));
    EXPECT_THAT(at_community["actions"], ::testing::Not(::testing::Contains("dispatch")));
    const nlohmann::json at_city = RoutingAtCity(city, Walkin("广场舞噪音"));
    EXPECT_THAT(at_city["actions"], ::testing::Not(::testing::Contains("handle_locally")));
    EXPECT_THAT(at_city["actions"], ::testing::Not(::testing::Contains("forward")));
    EXPECT_THAT(city.Post(ActionPath(IdOf(at_city), "handle_locally"), nlohmann::json::object()),
                IsError(409, "case.not_local"));
}

// --- 9. extensions: the approver grants days, the record says both ------------------------

TEST_F(WorkflowRulesApiTest, AnExtensionIsGrantedAsDecidedAndTheRecordKeepsBothFigures) {
    Session city = LogIn("city-office");
    Session handler = LogIn("unit-handler");
    const nlohmann::json handling =
        HandlingAtHousing(city, handler, Walkin("小区主干道破损").Urgency("urgent"));
    const std::int64_t id = IdOf(handling);
    // An urgent case's answer limit is 3 working days: one extension cannot ask more.
    EXPECT_THAT(handler.Post(ActionPath(id, "request_extension"),
                             {{"reason", "需要协调施工"}, {"extensionDays", 10}}),
                IsError(422, "validation.failed"));
    MoveCase(handler, id, "request_extension", {{"reason", "需要协调施工"}, {"extensionDays", 3}});
    const HttpResponse too_many =
        city.Post(ActionPath(id, "approve_extension"), {{"grantedDays", 4}});
    EXPECT_THAT(too_many, IsError(422, "validation.failed"));
    EXPECT_EQ(FieldErrors(too_many),
              (std::vector<std::pair<std::string, std::string>>{{"grantedDays", "out_of_range"}}));
    const nlohmann::json approved =
        MoveCase(city, id, "approve_extension", {{"grantedDays", 2}, {"note", "给两天"}});
    const nlohmann::json events = city.Get(CasePath(id, "/events")).json["items"];
    const nlohmann::json& last = events.back();
    ASSERT_EQ(last["action"], "approve_extension");
    EXPECT_EQ(last["payload"]["requestedDays"], 3);
    EXPECT_EQ(last["payload"]["grantedDays"], 2);
    EXPECT_EQ(last["payload"]["answerDeadline"], approved["answerDeadline"]);
    EXPECT_NE(approved["answerDeadline"], handling["answerDeadline"]);
    EXPECT_TRUE(HasNotice(handler, id, "extension_approved"));
}

// --- 8. the answer clock starts at dispatch ------------------------------------------------

TEST_F(WorkflowRulesApiTest, SigningKeepsTheAnswerDeadlineSetAtDispatchAndIsNotYellow) {
    Session city = LogIn("city-office");
    Session handler = LogIn("unit-handler");
    const std::int64_t id = IdOf(RoutingAtCity(city, Walkin("供水管爆裂")));
    const nlohmann::json dispatched = MoveCase(
        city, id, "dispatch", {{"targetId", UnitId(codes::kHousingBureau)}, {"method", "network"}});
    ASSERT_FALSE(dispatched["answerDeadline"].is_null());
    EXPECT_EQ(dispatched["deadlineStep"], "sign");
    const nlohmann::json signed_case = MoveCase(handler, id, "sign");
    EXPECT_EQ(signed_case["answerDeadline"], dispatched["answerDeadline"]);
    EXPECT_EQ(signed_case["warning"], "normal");
}

// --- 19. merging unlike cases is confirmed, and the merged reporter is answered ------------

TEST_F(WorkflowRulesApiTest, MergingUnlikeCasesNeedsConfirmationAndMergedReportersHearTheAnswer) {
    Session city = LogIn("city-office");
    Session handler = LogIn("unit-handler");
    Session leader = LogIn("unit-leader");
    const std::int64_t master = IdOf(RoutingAtCity(city, Walkin("3号楼暖气不热").Category("0301")));
    const std::int64_t water = IdOf(
        RoutingAtCity(city, Walkin("3号楼停水").Category("0302").Reporter("李四", "13900001111")));
    const HttpResponse unconfirmed =
        city.Post(ActionPath(water, "merge"), {{"masterCaseId", master}});
    EXPECT_THAT(unconfirmed, IsError(409, "case.merge_unconfirmed"));
    EXPECT_EQ(city.Get(CasePath(water)).json["state"], "routing");
    MoveCase(city, water, "merge", {{"masterCaseId", master}, {"confirm", true}});

    MoveCase(city, master, "dispatch",
             {{"targetId", UnitId(codes::kHousingBureau)}, {"method", "network"}});
    MoveCase(handler, master, "sign");
    MoveCase(handler, master, "answer", {{"result", "solved"}, {"answerText", "已恢复供暖。"}});
    MoveCase(leader, master, "approve_unit_answer");
    MoveCase(city, master, "approve_answer");
    const nlohmann::json answered = SmsTo(city, water, "reporter_answered");
    ASSERT_FALSE(answered.is_null()) << "the merged case's reporter heard nothing";
    EXPECT_EQ(answered["recipient"]["phone"], "139****1111");
}

// --- 18. a confidential reporter is reached through the platform --------------------------

TEST_F(WorkflowRulesApiTest, AUnitReachesAConfidentialReporterThroughTheRelay) {
    Session city = LogIn("city-office");
    Session handler = LogIn("unit-handler");
    const nlohmann::json handling = HandlingAtHousing(
        city, handler, Walkin("举报违建").Reporter("王五", "13700002222").Confidential());
    const std::int64_t id = IdOf(handling);
    EXPECT_NE(handling["reporter"]["phone"], "13700002222");  // the unit never sees the number
    EXPECT_THAT(handler.Post(CasePath(id, "/reveal-reporter"), nlohmann::json::object()),
                IsError(403, "case.reporter_hidden"));
    const nlohmann::json relayed =
        MoveCase(handler, id, "contact_reporter",
                 {{"relayMessage", "您好，我们明天上午上门核实，请保持电话畅通。"}});
    EXPECT_FALSE(relayed["firstContactAt"].is_null());
    const nlohmann::json sms = SmsTo(city, id, "reporter_relay");
    ASSERT_FALSE(sms.is_null()) << "no relayed SMS";
    EXPECT_THAT(sms["text"].get<std::string>(), ::testing::HasSubstr("明天上午上门核实"));

    // An anonymous reporter: no contact step is set that nobody could meet.
    const nlohmann::json anonymous =
        HandlingAtHousing(city, handler, Walkin("匿名反映占道经营").Anonymous());
    EXPECT_TRUE(anonymous["contactDeadline"].is_null());
    EXPECT_EQ(anonymous["deadlineStep"], "answer");
}

// --- 17. the unit's own layer --------------------------------------------------------------

TEST_F(WorkflowRulesApiTest, AHandlersAnswerLeavesTheUnitOnlyOnceItsLeaderSignsIt) {
    Session city = LogIn("city-office");
    Session handler = LogIn("unit-handler");
    Session leader = LogIn("unit-leader");
    Session admin = LogIn("admin");
    const std::int64_t id = IdOf(HandlingAtHousing(city, handler, Walkin("老旧小区电梯故障")));
    const std::int64_t handler_id = UserIdOf(admin, "unit-handler");
    // Whom the unit may pass it to: its own people, by name; nobody outside reads the list.
    const std::string staff_path =
        "/api/v1/org/units/" + std::to_string(UnitId(codes::kHousingBureau)) + "/staff";
    const HttpResponse staff = leader.Get(staff_path);
    ASSERT_EQ(staff.status, 200) << staff.body;
    const nlohmann::json named = FindBy(staff.json["items"], "role", "unit_handler");
    ASSERT_FALSE(named.is_null()) << staff.body;
    EXPECT_EQ(named["id"], handler_id);
    EXPECT_FALSE(named["displayName"].get<std::string>().empty());
    EXPECT_THAT(city.Get(staff_path), IsError(404, "org.unit_not_found"));
    const nlohmann::json assigned =
        MoveCase(leader, id, "assign", {{"assigneeId", handler_id}, {"note", "请供热科办理"}});
    EXPECT_EQ(assigned["assigneeUserId"], handler_id);
    EXPECT_TRUE(HasNotice(handler, id, "case_assigned"));
    EXPECT_THAT(
        leader.Post(ActionPath(id, "assign"), {{"assigneeId", UserIdOf(admin, "city-office")}}),
        IsError(422, "validation.failed"));

    const nlohmann::json drafted = MoveCase(
        handler, id, "answer", {{"result", "solved"}, {"answerText", "已联系维保单位修复。"}});
    EXPECT_EQ(drafted["state"], "handling");
    EXPECT_TRUE(drafted["unitReviewPending"]);
    EXPECT_THAT(drafted["actions"], ::testing::Not(::testing::Contains("answer")));
    EXPECT_TRUE(HasNotice(leader, id, "unit_answer_drafted"));
    EXPECT_THAT(city.Get(CasePath(id)).json["actions"],
                ::testing::Not(::testing::Contains("approve_answer")));

    MoveCase(leader, id, "reject_unit_answer", {{"reason", "请写明修复时间"}});
    EXPECT_TRUE(HasNotice(handler, id, "unit_answer_returned"));
    MoveCase(handler, id, "answer",
             {{"result", "solved"}, {"answerText", "已于12月8日联系维保单位修复。"}});
    const nlohmann::json signed_off = MoveCase(leader, id, "approve_unit_answer");
    EXPECT_EQ(signed_off["state"], "answered");
    EXPECT_EQ(signed_off["answerText"], "已于12月8日联系维保单位修复。");

    // Switched off for the unit by an administrator: the handler's answer goes out at once.
    const HttpResponse switched =
        admin.Patch("/api/v1/org/units/" + std::to_string(UnitId(codes::kHousingBureau)),
                    {{"answerApproval", false}});
    ASSERT_EQ(switched.status, 200) << switched.body;
    const std::int64_t direct = IdOf(HandlingAtHousing(city, handler, Walkin("路面塌陷")));
    EXPECT_EQ(MoveCase(handler, direct, "answer",
                       {{"result", "solved"}, {"answerText", "已回填修复。"}})["state"],
              "answered");
    admin.Patch("/api/v1/org/units/" + std::to_string(UnitId(codes::kHousingBureau)),
                {{"answerApproval", true}});
    EXPECT_THAT(admin.Patch("/api/v1/org/units/" + std::to_string(UnitId(codes::kCity)),
                            {{"answerApproval", false}}),
                IsError(422, "validation.failed"));
}

}  // namespace
}  // namespace minqing::tests
