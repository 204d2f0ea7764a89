// Notifications through the API: who is told of what (inbox), paging and read state, the
// outbox rows sharing the fate of their event, the live push over /api/v1/ws, and the office's
// list of messages that could not be delivered.
#include <chrono>
#include <set>
#include <stdexcept>
#include <thread>

#include "support/api_test.hpp"
#include "support/case_body.hpp"
#include "support/http_receiver.hpp"
#include "support/websocket_client.hpp"

namespace minqing::tests {
namespace {

constexpr std::string_view kNotifications = "/api/v1/notifications";

class NotificationsApiTest : public ApiTest {
  protected:
    static void SetUpTestSuite() {
        StartServer([](app::Config& config) {
            // The push follows within one interval; short, so that the suite is quick.
            config.notify.dispatch_interval_ms = 20;
            // The hotline is configured but away: its webhooks fail at the first attempt.
            config.notify.hotline.url = "http://127.0.0.1:9/unreachable";
            config.notify.hotline.secret = "secret";
            config.notify.max_attempts = 1;
        });
    }

    static nlohmann::json RoutingAtCity(Session& city, std::string_view title) {
        const nlohmann::json created = CreateCase(
            city, CaseBody("walk_in").Title(title).GridId(UnitId(codes::kYongqianGrid1)));
        return MoveCase(city, IdOf(created), "accept");
    }

    static nlohmann::json DispatchBody() {
        return {{"targetId", UnitId(codes::kHousingBureau)}, {"method", "network"}};
    }
};

TEST_F(NotificationsApiTest, ADispatchReachesTheInboxOfTheUnit) {
    Session city = LogIn("city-office");
    Session handler = LogIn("unit-handler");
    const std::int64_t id = IdOf(RoutingAtCity(city, "楼道灯不亮"));
    MoveCase(city, id, "dispatch", DispatchBody());

    const auto items = InboxAbout(handler, id);
    ASSERT_EQ(items.size(), 1u);
    EXPECT_EQ(items[0]["key"], "case_dispatched");
    EXPECT_EQ(items[0]["read"], false);
    EXPECT_THAT(items[0]["text"].get<std::string>(), ::testing::HasSubstr("楼道灯不亮"));
    EXPECT_EQ(items[0]["caseNumber"], city.Get(CasePath(id)).json["number"]);
    EXPECT_TRUE(InboxAbout(city, id).empty()) << "the dispatching office is not told";
}

TEST_F(NotificationsApiTest, AFailedActionLeavesNoMessage) {
    Session city = LogIn("city-office");
    Session handler = LogIn("unit-handler");
    const nlohmann::json routing = RoutingAtCity(city, "井盖缺失");
    const std::int64_t id = IdOf(routing);
    nlohmann::json stale = DispatchBody();
    stale["version"] = routing["version"].get<std::int64_t>() - 1;

    ASSERT_THAT(city.Post(ActionPath(id, "dispatch"), stale),
                IsError(409, "case.version_conflict"));

    EXPECT_TRUE(InboxAbout(handler, id).empty());
}

TEST_F(NotificationsApiTest, ACriticalCaseReachesTheCityOfficeAndTheLeaderAtOnce) {
    Session street = LogIn("street-office");
    Session city = LogIn("city-office");
    Session leader = LogIn("leader");
    const std::int64_t id =
        IdOf(CreateCase(street, CaseBody("walk_in").Title("燃气泄漏").Urgency("critical")));

    EXPECT_EQ(KeysOf(InboxAbout(city, id)), std::set<std::string>{"critical_case"});
    EXPECT_EQ(KeysOf(InboxAbout(leader, id)), std::set<std::string>{"critical_case"});
}

TEST_F(NotificationsApiTest, MarksOneAndThenAllRead) {
    Session city = LogIn("city-office");
    Session handler = LogIn("unit-handler");
    for (const auto title : {"路灯损坏一", "路灯损坏二"}) {
        MoveCase(city, IdOf(RoutingAtCity(city, title)), "dispatch", DispatchBody());
    }
    const HttpResponse before = handler.Get(std::string(kNotifications) + "?unread=true");
    ASSERT_THAT(before, HasStatus(200));
    const std::int64_t unread = before.json["unreadCount"];
    ASSERT_GE(unread, 2);
    const std::int64_t first = before.json["items"][0]["id"];

    EXPECT_THAT(handler.Post(std::string(kNotifications) + "/" + std::to_string(first) + "/read",
                             nlohmann::json::object()),
                HasStatus(204));
    EXPECT_EQ(handler.Get(std::string(kNotifications)).json["unreadCount"], unread - 1);

    const HttpResponse all =
        handler.Post(std::string(kNotifications) + "/read-all", nlohmann::json::object());
    ASSERT_THAT(all, HasStatus(200));
    EXPECT_EQ(all.json["updated"], unread - 1);
    const HttpResponse after = handler.Get(std::string(kNotifications) + "?unread=true");
    EXPECT_EQ(after.json["unreadCount"], 0);
    EXPECT_TRUE(after.json["items"].empty());
}

TEST_F(NotificationsApiTest, PagesNewestFirstWithACursor) {
    Session city = LogIn("city-office");
    Session handler = LogIn("unit-handler");
    for (const auto title : {"排水不畅一", "排水不畅二", "排水不畅三"}) {
        MoveCase(city, IdOf(RoutingAtCity(city, title)), "dispatch", DispatchBody());
    }
    const HttpResponse first = handler.Get(std::string(kNotifications) + "?limit=2");
    ASSERT_THAT(first, HasStatus(200));
    ASSERT_EQ(first.json["items"].size(), 2u);
    ASSERT_TRUE(first.json["nextCursor"].is_string());
    const HttpResponse second = handler.Get(std::string(kNotifications) + "?limit=2&cursor=" +
                                            first.json["nextCursor"].get<std::string>());
    ASSERT_THAT(second, HasStatus(200));
    ASSERT_FALSE(second.json["items"].empty());
    EXPECT_LT(second.json["items"][0]["id"], first.json["items"][1]["id"]);
    EXPECT_GT(first.json["items"][0]["id"], first.json["items"][1]["id"]);
}

TEST_F(NotificationsApiTest, ReadingAnotherUsersMessageIs404) {
    Session city = LogIn("city-office");
    Session handler = LogIn("unit-handler");
    const std::int64_t id = IdOf(RoutingAtCity(city, "违章搭建"));
    MoveCase(city, id, "dispatch", DispatchBody());
    const auto items = InboxAbout(handler, id);
    ASSERT_EQ(items.size(), 1u);

    EXPECT_THAT(city.Post(std::string(kNotifications) + "/" +
                              std::to_string(items[0]["id"].get<std::int64_t>()) + "/read",
                          nlohmann::json::object()),
                IsError(404, "notification.not_found"));
}

TEST_F(NotificationsApiTest, BadPagingIs422ListingEveryField) {
    Session handler = LogIn("unit-handler");
    const HttpResponse response =
        handler.Get(std::string(kNotifications) + "?limit=0&cursor=x&unread=maybe");
    EXPECT_THAT(response, IsError(422, "validation.failed"));
    EXPECT_THAT(FieldErrors(response),
                ::testing::UnorderedElementsAre(std::pair{"unread", "invalid"},
                                                std::pair{"cursor", "invalid"},
                                                std::pair{"limit", "invalid"}));
}

TEST_F(NotificationsApiTest, TheInboxNeedsALogin) {
    EXPECT_THAT(Anonymous().Get(std::string(kNotifications)), HasStatus(401));
}

TEST_F(NotificationsApiTest, ALoggedInClientHearsOfADispatchOverTheWebSocket) {
    Session city = LogIn("city-office");
    Session handler = LogIn("unit-handler");
    WebSocketClient socket(port(), "/api/v1/ws", {{"Cookie", handler.CookieHeader()}});
    const std::int64_t id = IdOf(RoutingAtCity(city, "小区停水"));
    MoveCase(city, id, "dispatch", DispatchBody());

    // Earlier tests' messages may still be on their way: read until this case's arrives.
    std::optional<nlohmann::json> pushed;
    while (auto message = socket.Receive()) {
        if ((*message)["notification"]["caseId"] == id) {
            pushed = std::move(message);
            break;
        }
    }
    ASSERT_TRUE(pushed) << "no push for the dispatch";
    EXPECT_EQ((*pushed)["type"], "notification");
    EXPECT_EQ((*pushed)["notification"]["key"], "case_dispatched");
    EXPECT_EQ((*pushed)["notification"]["read"], false);
}

TEST_F(NotificationsApiTest, TheWebSocketRefusesAClientWithoutSession) {
    EXPECT_THROW(WebSocketClient(port(), "/api/v1/ws", {}), std::runtime_error);
}

TEST_F(NotificationsApiTest, TheWebSocketRefusesAnotherSitesPage) {
    Session handler = LogIn("unit-handler");
    EXPECT_THROW(
        WebSocketClient(port(), "/api/v1/ws",
                        {{"Cookie", handler.CookieHeader()}, {"Origin", "https://evil.example"}}),
        std::runtime_error);
}

TEST_F(NotificationsApiTest, APlainRequestToTheWebSocketIs400) {
    Session handler = LogIn("unit-handler");
    EXPECT_THAT(handler.Get("/api/v1/ws"), IsError(400, "ws.upgrade_required"));
}

TEST_F(NotificationsApiTest, AnUndeliverableWebhookIsListedForTheCityOfficeOnly) {
    Session city = LogIn("city-office");
    const std::int64_t id = IdOf(RoutingAtCity(city, "跨区信访事项"));
    MoveCase(city, id, "handover",
             {{"targetId", UnitId(codes::kHotline12345)},
              {"method", "network"},
              {"externalRef", "12345-2026-000321"}});

    // The dispatcher gives up at the first attempt (maxAttempts 1); wait for it to get there.
    nlohmann::json listed;
    for (int poll = 0; poll < 1000 && listed.is_null(); ++poll) {
        const HttpResponse failed = city.Get(std::string(kNotifications) + "/failed");
        ASSERT_THAT(failed, HasStatus(200));
        // The reporter's registration SMS fails here too: look for the webhook.
        for (const auto& item : failed.json["items"]) {
            if (item["caseNumber"] == city.Get(CasePath(id)).json["number"] &&
                item["key"] == "case_handover") {
                listed = item;
            }
        }
        if (listed.is_null()) {
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
    }
    ASSERT_FALSE(listed.is_null()) << "the hand-over webhook never failed";
    EXPECT_EQ(listed["channel"], "webhook");
    EXPECT_EQ(listed["key"], "case_handover");
    EXPECT_EQ(listed["recipient"]["target"], "hotline");
    EXPECT_EQ(listed["attempts"], 1);
    EXPECT_EQ(listed["attemptLog"].size(), 1u);
    EXPECT_FALSE(listed["lastError"].get<std::string>().empty());

    Session handler = LogIn("unit-handler");
    EXPECT_THAT(handler.Get(std::string(kNotifications) + "/failed"),
                IsError(403, "auth.forbidden"));
}

TEST_F(NotificationsApiTest, ADeclinedReporterIsToldBySmsButNeverAnAnonymousOne) {
    Session city = LogIn("city-office");
    const std::int64_t named = IdOf(CreateCase(
        city, CaseBody("walk_in").Title("要求撤换法官").Reporter("李四", "13912345678")));
    const std::int64_t anonymous =
        IdOf(CreateCase(city, CaseBody("walk_in").Title("要求撤换法官").Anonymous()));
    for (const auto id : {named, anonymous}) {
        MoveCase(city, id, "decline",
                 {{"reason", "属于司法程序事项"}, {"legalBasis", "请向法院或检察院反映"}});
    }
    const auto number_of = [&city](std::int64_t id) {
        return city.Get(CasePath(id)).json["number"].get<std::string>();
    };

    // No SMS gateway is configured here, so the message fails at its first attempt and shows
    // in the failed list: proof that it was written, and with which text. (The reporter's
    // registration SMS with their query code fails there too.)
    nlohmann::json listed;
    for (int poll = 0; poll < 1000 && listed.is_null(); ++poll) {
        const HttpResponse failed = city.Get(std::string(kNotifications) + "/failed?limit=100");
        for (const auto& item : failed.json["items"]) {
            if (item["caseNumber"] == number_of(named) && item["key"] == "reporter_declined") {
                listed = item;
            }
        }
        if (listed.is_null()) {
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
    }
    ASSERT_FALSE(listed.is_null()) << "no SMS for the named reporter";
    EXPECT_EQ(listed["channel"], "sms");
    EXPECT_EQ(listed["key"], "reporter_declined");
    EXPECT_EQ(listed["recipient"]["phone"], "139****5678");
    EXPECT_EQ(listed["lastError"], "sms not configured");
    EXPECT_THAT(listed["text"].get<std::string>(), ::testing::HasSubstr("属于司法程序事项"));
    EXPECT_TRUE(FindBy(city.Get(std::string(kNotifications) + "/failed?limit=100").json["items"],
                       "caseNumber", number_of(anonymous))
                    .is_null());
}

}  // namespace
}  // namespace minqing::tests
