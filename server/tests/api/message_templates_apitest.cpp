// Message templates through the API: administrators list and edit the texts; a bad text is
// refused with the reason, and a message rendered after an edit — in the inbox and pushed over
// the WebSocket by the dispatcher — reads the new text.
#include <string>

#include "support/api_test.hpp"
#include "support/case_body.hpp"
#include "support/websocket_client.hpp"

namespace minqing::tests {
namespace {

using ::testing::ElementsAre;
using ::testing::Pair;

constexpr std::string_view kTemplates = "/api/v1/message-templates";
constexpr std::string_view kDistrictAdmin = "chuanying-admin";

std::string Repeat(std::string_view piece, int times) {
    std::string text;
    for (int i = 0; i < times; ++i) {
        text += piece;
    }
    return text;
}

class MessageTemplatesApiTest : public ApiTest {
  protected:
    static void SetUpTestSuite() {
        StartServer(
            [](app::Config& config) {
                // The push follows within one interval; short, so that the suite is quick.
                config.notify.dispatch_interval_ms = 20;
            },
            [] {
                Session admin = LogIn("admin");
                GrantRole(admin, CreateUser(admin, kDistrictAdmin), "admin",
                          UnitId(codes::kChuanying));
            });
    }

    static std::string TemplatePath(std::string_view key, std::string_view channel) {
        return std::string(kTemplates) + "/" + std::string(key) + "/" + std::string(channel);
    }
};

TEST_F(MessageTemplatesApiTest, AdministratorsListEveryTemplate) {
    Session admin = LogIn("admin");
    const HttpResponse listed = admin.Get(std::string(kTemplates));
    ASSERT_THAT(listed, HasStatus(200));
    bool dispatched = false;
    for (const auto& item : listed.json.at("items")) {
        if (item.at("key") == "case_dispatched" && item.at("channel") == "inbox") {
            dispatched = true;
            EXPECT_EQ(item.at("text"),
                      "新派单：案件{number}「{title}」已分转到你单位，请及时签收办理。");
        }
    }
    EXPECT_TRUE(dispatched) << listed.body;
    Session office = LogIn("city-office");
    EXPECT_THAT(office.Get(std::string(kTemplates)), IsError(403, "auth.forbidden"));
    EXPECT_THAT(office.Put(TemplatePath("case_dispatched", "inbox"), {{"text", "x"}}),
                IsError(403, "auth.forbidden"));
    // One set of texts serves the city: a district's administrator reads but does not edit it.
    Session district = LogIn(kDistrictAdmin);
    EXPECT_THAT(district.Get(std::string(kTemplates)), HasStatus(200));
    EXPECT_THAT(district.Put(TemplatePath("case_dispatched", "inbox"), {{"text", "x{number}"}}),
                IsError(403, "auth.forbidden"));
}

TEST_F(MessageTemplatesApiTest, ABadTextOrAnUnknownTemplateIsRefused) {
    Session admin = LogIn("admin");
    const std::string path = TemplatePath("case_escalated", "inbox");
    EXPECT_THAT(admin.Put(TemplatePath("case_teleported", "inbox"), {{"text", "x"}}),
                IsError(404, "message_template.not_found"));
    EXPECT_THAT(admin.Put(TemplatePath("case_escalated", "fax"), {{"text", "x"}}),
                IsError(404, "message_template.not_found"));
    EXPECT_THAT(FieldErrors(admin.Put(path, {{"text", ""}})),
                ElementsAre(Pair("text", "required")));
    EXPECT_THAT(FieldErrors(admin.Put(path, {{"colour", "red"}})),
                ElementsAre(Pair("text", "required"), Pair("colour", "unknown_field")));
    EXPECT_THAT(FieldErrors(admin.Put(path, {{"text", Repeat("催", 501)}})),
                ElementsAre(Pair("text", "length")));
    EXPECT_THAT(FieldErrors(admin.Put(path, {{"text", "案件{nmber}已上报"}})),
                ElementsAre(Pair("text", "unknown_placeholder")));
    EXPECT_THAT(FieldErrors(admin.Put(path, {{"text", "案件{number已上报"}})),
                ElementsAre(Pair("text", "unknown_placeholder")));

    // Five hundred Chinese characters are five hundred, not 1500 bytes.
    const HttpResponse longest = admin.Put(path, {{"text", Repeat("催", 492) + "{number}"}});
    ASSERT_THAT(longest, HasStatus(200));
    EXPECT_EQ(longest.json.at("key"), "case_escalated");
    EXPECT_EQ(longest.json.at("channel"), "inbox");
    const auto listed = admin.Get(std::string(kTemplates)).json.at("items");
    for (const auto& item : listed) {
        if (item.at("key") == "case_escalated" && item.at("channel") == "inbox") {
            EXPECT_EQ(item.at("text").get<std::string>(), Repeat("催", 492) + "{number}");
        }
    }
}

TEST_F(MessageTemplatesApiTest, AMessageRenderedAfterAnEditReadsTheNewText) {
    Session admin = LogIn("admin");
    Session city = LogIn("city-office");
    Session handler = LogIn("unit-handler");
    ASSERT_THAT(admin.Put(TemplatePath("case_dispatched", "inbox"),
                          {{"text", "派单提醒：{number}「{title}」请今日签收。"}}),
                HasStatus(200));

    WebSocketClient socket(port(), "/api/v1/ws", {{"Cookie", handler.CookieHeader()}});
    const nlohmann::json created = CreateCase(
        city,
        CaseBody("walk_in").Title("模板测试：楼道堆物").GridId(UnitId(codes::kYongqianGrid1)));
    const std::int64_t id = IdOf(created);
    MoveCase(city, id, "accept");
    MoveCase(city, id, "dispatch",
             {{"targetId", UnitId(codes::kHousingBureau)}, {"method", "network"}});
    const std::string expected = "派单提醒：" + created.at("number").get<std::string>() +
                                 "「模板测试：楼道堆物」请今日签收。";

    std::optional<nlohmann::json> pushed;
    while (auto message = socket.Receive()) {
        if ((*message)["notification"]["caseId"] == id) {
            pushed = std::move(message);
            break;
        }
    }
    ASSERT_TRUE(pushed) << "no push for the dispatch";
    EXPECT_EQ((*pushed)["notification"]["text"].get<std::string>(), expected);
    const HttpResponse inbox = handler.Get("/api/v1/notifications?limit=100");
    bool listed = false;
    for (const auto& item : inbox.json.at("items")) {
        if (item.at("caseId") == id) {
            listed = true;
            EXPECT_EQ(item.at("text").get<std::string>(), expected);
        }
    }
    EXPECT_TRUE(listed) << inbox.body;
}

}  // namespace
}  // namespace minqing::tests
