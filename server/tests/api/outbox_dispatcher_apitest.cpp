// The outbox dispatcher against real HTTP receivers on 127.0.0.1, on the database of
// MINQING_TEST_DB, with a FakeClock: retries, backoff, giving up, leases and the webhook
// signature. Each test drives the dispatcher pass by pass (RunOnce/Drain), so nothing here
// depends on how fast anything runs.
#include <map>
#include <set>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "domain/notification.hpp"
#include "jobs/outbox_dispatcher.hpp"
#include "service/crypto.hpp"
#include "service/notification_hub.hpp"
#include "service/notification_service.hpp"
#include "service/notifications.hpp"
#include "storage/database.hpp"
#include "storage/sql_store.hpp"
#include "storage/testing/scratch_database.hpp"
#include "support/http_receiver.hpp"

namespace minqing::tests {
namespace {

using domain::Notification;
using domain::NotificationChannel;
using domain::NotificationStatus;
using std::chrono::hours;
using std::chrono::milliseconds;
using std::chrono::minutes;
using std::chrono::seconds;

constexpr std::string_view kSecret = "hotline-shared-secret";
const Instant kStart = FromEpochMs(1'764'300'000'000);

class OutboxDispatcherTest : public ::testing::Test {
  protected:
    OutboxDispatcherTest()
        : scratch_(storage::testing::BackendFromEnvironment()),
          store_(Open(scratch_.url())),
          clock_(kStart),
          renderer_(*store_, clock_, {"https://12345.example.gov.cn/q"}) {
        domain::Transact(*store_, [](domain::Repositories& repositories) -> Result<int> {
            repositories.Notifications().SaveTemplate(
                {"case_handover", NotificationChannel::kWebhook, "案件{number}移交热线"});
            repositories.Notifications().SaveTemplate({"reporter_answered",
                                                       NotificationChannel::kSms,
                                                       "编号{number}已答复，查看：{query_url}"});
            return 0;
        });
    }

    static std::unique_ptr<storage::SqlStore> Open(const std::string& url) {
        storage::DatabaseOptions options;
        options.url = url;
        options.pool_size = 2;
        return std::make_unique<storage::SqlStore>(storage::OpenDatabase(options));
    }

    jobs::DispatcherOptions Options() const {
        jobs::DispatcherOptions options;
        options.retry = {seconds(30), hours(1), 12};
        options.batch_size = 50;
        options.lease = seconds(60);
        options.request_timeout = seconds(5);
        options.sms = {sms_.Url("/sms"), "sms-key", "SMS_001"};
        options.webhooks["hotline"] = {hotline_.Url("/minqing"), std::string(kSecret)};
        return options;
    }

    std::unique_ptr<jobs::OutboxDispatcher> Dispatcher(jobs::DispatcherOptions options) {
        return std::make_unique<jobs::OutboxDispatcher>(*store_, clock_, renderer_, hub_,
                                                        std::move(options));
    }

    void Enqueue(NotificationChannel channel, std::string_view key, int count) {
        domain::Transact(*store_, [&](domain::Repositories& repositories) -> Result<int> {
            for (int i = 0; i < count; ++i) {
                Notification message;
                message.channel = channel;
                message.template_key = key;
                message.target = channel == NotificationChannel::kWebhook ? "hotline" : "";
                message.phone = channel == NotificationChannel::kSms ? "13800000000" : "";
                message.params.values = {{"number", "2026-" + std::to_string(i)}};
                message.dedupe_key = std::string(key) + ":" + std::to_string(next_++);
                message.created_at = clock_.Now();
                message.next_attempt_at = clock_.Now();
                repositories.Notifications().Enqueue(message);
            }
            return 0;
        });
    }

    std::optional<Notification> Find(domain::NotificationId id) {
        return domain::Query(*store_, [&](domain::Repositories& repositories) {
            return repositories.Notifications().FindById(id);
        });
    }

    std::vector<Notification> FailedMessages() {
        return domain::Query(*store_, [](domain::Repositories& repositories) {
            return repositories.Notifications().Failed(std::nullopt, 100);
        });
    }

    // Runs passes, moving the fake clock to the next due attempt whenever nothing is due,
    // until every message is sent or failed (or `limit` of fake time has passed).
    void RunUntilSettled(jobs::OutboxDispatcher& dispatcher, milliseconds limit) {
        const Instant end = clock_.Now() + limit;
        while (clock_.Now() <= end) {
            if (dispatcher.Drain() == 0) {
                if (PendingCount() == 0) {
                    return;
                }
                clock_.Advance(seconds(30));
            }
        }
    }

    std::int64_t PendingCount() {
        return domain::Query(*store_, [](domain::Repositories& repositories) {
            return repositories.Notifications().CountWithStatus(NotificationStatus::kPending);
        });
    }

    storage::testing::ScratchDatabase scratch_;
    std::unique_ptr<storage::SqlStore> store_;
    FakeClock clock_;
    service::NotificationService renderer_;
    service::NotificationHub hub_;
    HttpReceiver hotline_;
    HttpReceiver sms_;
    int next_ = 1;
};

TEST_F(OutboxDispatcherTest, DeliversEveryWebhookOnceByMessageIdThoughOneRequestInTenFails) {
    hotline_.SetAnswer(
        [](std::size_t index, const ReceivedRequest&) { return index % 10 == 9 ? 503 : 200; });
    constexpr int kMessages = 200;
    Enqueue(NotificationChannel::kWebhook, "case_handover", kMessages);
    auto dispatcher = Dispatcher(Options());
    RunUntilSettled(*dispatcher, hours(2));

    std::map<std::string, int> accepted;
    for (const auto& request : hotline_.Accepted()) {
        ++accepted[request.Header("x-minqing-message-id")];
    }
    EXPECT_EQ(accepted.size(), static_cast<std::size_t>(kMessages)) << "lost messages";
    for (const auto& [id, times] : accepted) {
        EXPECT_EQ(times, 1) << "message " << id << " accepted more than once";
    }
    EXPECT_GT(hotline_.Requests().size(), accepted.size()) << "the receiver never failed";
    EXPECT_TRUE(FailedMessages().empty());
    EXPECT_EQ(PendingCount(), 0);
}

TEST_F(OutboxDispatcherTest, SignsWebhooksWithHmacOverTimestampAndBody) {
    Enqueue(NotificationChannel::kWebhook, "case_handover", 1);
    auto dispatcher = Dispatcher(Options());
    ASSERT_EQ(dispatcher->Drain(), 1);
    const auto requests = hotline_.Requests();
    ASSERT_EQ(requests.size(), 1u);
    const auto& request = requests.front();
    EXPECT_EQ(request.target, "/minqing");
    EXPECT_EQ(request.Header("x-minqing-timestamp"), std::to_string(ToEpochMs(kStart) / 1000));
    EXPECT_EQ(request.Header("x-minqing-signature"),
              "sha256=" + service::HmacSha256Hex(
                              kSecret, request.Header("x-minqing-timestamp") + "." + request.body));
    const auto body = nlohmann::json::parse(request.body);
    EXPECT_EQ(body["messageId"], request.Header("x-minqing-message-id"));
    EXPECT_EQ(body["event"], "case_handover");
    EXPECT_EQ(body["case"]["number"], "2026-0");
    EXPECT_EQ(body["text"], "案件2026-0移交热线");
}

TEST_F(OutboxDispatcherTest, SmsWaitsWhileTheGatewayIsDownAndGoesOutWhenItIsBack) {
    bool down = true;
    sms_.SetAnswer([&down](std::size_t, const ReceivedRequest&) { return down ? 503 : 200; });
    Enqueue(NotificationChannel::kSms, "reporter_answered", 3);
    auto dispatcher = Dispatcher(Options());
    // An hour of fake time with the gateway down: attempts back off, nothing is given up.
    const Instant back_at = clock_.Now() + hours(1);
    while (clock_.Now() < back_at) {
        dispatcher->Drain();
        clock_.Advance(seconds(30));
    }
    EXPECT_TRUE(sms_.Accepted().empty());
    for (domain::NotificationId id = 1; id <= 3; ++id) {
        const auto message = Find(id);
        ASSERT_TRUE(message);
        EXPECT_EQ(message->status, NotificationStatus::kPending);
        EXPECT_GT(message->attempts, 3) << "it was retried";
        EXPECT_LT(message->attempts, 12) << "backoff spaced the attempts out";
    }
    const auto attempts_while_down = sms_.Requests().size();
    EXPECT_LT(attempts_while_down, 3u * 12u);

    down = false;
    RunUntilSettled(*dispatcher, hours(2));
    std::set<std::string> sent;
    for (const auto& request : sms_.Accepted()) {
        sent.insert(request.Header("x-minqing-message-id"));
        EXPECT_EQ(request.Header("x-api-key"), "sms-key");
        const auto body = nlohmann::json::parse(request.body);
        EXPECT_EQ(body["phone"], "13800000000");
        EXPECT_EQ(body["template"], "SMS_001");
        EXPECT_THAT(body["text"].get<std::string>(),
                    ::testing::HasSubstr("https://12345.example.gov.cn/q"));
    }
    EXPECT_EQ(sent, (std::set<std::string>{"1", "2", "3"}));
    for (domain::NotificationId id = 1; id <= 3; ++id) {
        EXPECT_EQ(Find(id)->status, NotificationStatus::kSent);
    }
}

TEST_F(OutboxDispatcherTest, GivesUpAfterTheLastAttemptAndListsTheMessageAsFailed) {
    hotline_.SetAnswer([](std::size_t, const ReceivedRequest&) { return 503; });
    auto options = Options();
    options.retry.max_attempts = 3;
    Enqueue(NotificationChannel::kWebhook, "case_handover", 1);
    auto dispatcher = Dispatcher(options);
    RunUntilSettled(*dispatcher, hours(2));

    EXPECT_EQ(hotline_.Requests().size(), 3u);
    const auto failed = FailedMessages();
    ASSERT_EQ(failed.size(), 1u);
    EXPECT_EQ(failed.front().status, NotificationStatus::kFailed);
    EXPECT_EQ(failed.front().attempts, 3);
    EXPECT_THAT(failed.front().last_error, ::testing::HasSubstr("503"));
    const auto attempts = domain::Query(*store_, [&](domain::Repositories& repositories) {
        return repositories.Notifications().Attempts(failed.front().id);
    });
    ASSERT_EQ(attempts.size(), 3u);
    EXPECT_EQ(attempts[0].outcome, domain::AttemptOutcome::kRetry);
    EXPECT_EQ(attempts[2].outcome, domain::AttemptOutcome::kFailed);
}

TEST_F(OutboxDispatcherTest, FailsSmsAtOnceWhenNoGatewayIsConfigured) {
    auto options = Options();
    options.sms.url.clear();
    Enqueue(NotificationChannel::kSms, "reporter_answered", 1);
    auto dispatcher = Dispatcher(options);
    dispatcher->Drain();
    const auto failed = FailedMessages();
    ASSERT_EQ(failed.size(), 1u);
    EXPECT_EQ(failed.front().last_error, "sms not configured");
}

TEST_F(OutboxDispatcherTest, AMessageLeasedByOneDispatcherIsNotDeliveredByAnother) {
    Enqueue(NotificationChannel::kWebhook, "case_handover", 1);
    // Another process claimed it and died before recording anything.
    domain::Transact(*store_, [&](domain::Repositories& repositories) -> Result<int> {
        return static_cast<int>(repositories.Notifications()
                                    .Claim("crashed", clock_.Now(), clock_.Now() + seconds(60), 10)
                                    .size());
    });
    auto dispatcher = Dispatcher(Options());
    EXPECT_EQ(dispatcher->Drain(), 0);
    EXPECT_TRUE(hotline_.Requests().empty());
    clock_.Advance(seconds(61));
    EXPECT_EQ(dispatcher->Drain(), 1) << "taken over once the lease ended";
    EXPECT_EQ(hotline_.Accepted().size(), 1u);
}

TEST_F(OutboxDispatcherTest, PushesInboxMessagesToTheUsersLiveConnections) {
    // An inbox message needs a user.
    const auto user = domain::Transact(*store_, [&](domain::Repositories& repositories) {
        domain::User staff;
        staff.username = "handler";
        staff.display_name = "承办人";
        staff.password_hash = "$argon2id$placeholder";
        staff.created_at = kStart;
        return repositories.Users().Insert(staff);
    });
    ASSERT_TRUE(user);
    domain::Transact(*store_, [&](domain::Repositories& repositories) -> Result<int> {
        repositories.Notifications().SaveTemplate(
            {"case_dispatched", NotificationChannel::kInbox, "新派单{number}"});
        Notification message;
        message.user_id = user->id;
        message.template_key = "case_dispatched";
        message.params.values = {{"number", "2026-0000007"}};
        message.dedupe_key = "push";
        message.created_at = kStart;
        message.next_attempt_at = kStart;
        return repositories.Notifications().Enqueue(message) ? 1 : 0;
    });
    std::vector<std::string> pushed;
    hub_.Subscribe(user->id,
                   [&](const service::RenderedNotification& item) { pushed.push_back(item.text); });
    auto dispatcher = Dispatcher(Options());
    EXPECT_EQ(dispatcher->Drain(), 1);
    EXPECT_EQ(pushed, std::vector<std::string>{"新派单2026-0000007"});
}

}  // namespace
}  // namespace minqing::tests
