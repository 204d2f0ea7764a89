// Contract: NotificationRepository on every backend — dedupe, the outbox sharing its unit of
// work's fate, leases, settling and the inbox.
#include "domain/notification_repository.hpp"

#include "storage/contract/store_fixture.hpp"

namespace minqing::storage::contract {
namespace {

using domain::Notification;
using domain::NotificationChannel;
using domain::NotificationStatus;
using domain::Repositories;
using std::chrono::seconds;

Notification Webhook(std::string dedupe_key) {
    Notification message;
    message.channel = NotificationChannel::kWebhook;
    message.target = "hotline";
    message.template_key = "case_handover";
    message.dedupe_key = std::move(dedupe_key);
    message.created_at = kNow;
    message.next_attempt_at = kNow;
    return message;
}

template <typename Backend>
class NotificationContract : public StoreContract<Backend> {
  protected:
    std::int64_t Count(NotificationStatus status) {
        return domain::Query(this->store(), [&](Repositories& repositories) {
            return repositories.Notifications().CountWithStatus(status);
        });
    }

    std::vector<Notification> Claim(std::string_view worker) {
        std::vector<Notification> claimed;
        this->store().Write([&](Repositories& repositories) {
            claimed = repositories.Notifications().Claim(worker, kNow, kNow + seconds(60), 10);
            return true;
        });
        return claimed;
    }
};

TYPED_TEST_SUITE(NotificationContract, Backends, BackendNames);

TYPED_TEST(NotificationContract, EnqueuesADedupeKeyOnce) {
    bool first = false;
    bool second = false;
    this->store().Write([&](Repositories& repositories) {
        first = repositories.Notifications().Enqueue(Webhook("case:1:2:case_handover"));
        second = repositories.Notifications().Enqueue(Webhook("case:1:2:case_handover"));
        return true;
    });
    EXPECT_TRUE(first);
    EXPECT_FALSE(second);
    EXPECT_EQ(this->Count(NotificationStatus::kPending), 1);
}

TYPED_TEST(NotificationContract, ADiscardedUnitOfWorkLeavesNoMessage) {
    this->store().Write([&](Repositories& repositories) {
        repositories.Notifications().Enqueue(Webhook("rolled-back"));
        return false;
    });
    EXPECT_EQ(this->Count(NotificationStatus::kPending), 0);
}

TYPED_TEST(NotificationContract, ALeasedMessageIsClaimedByOneWorkerOnly) {
    this->store().Write([&](Repositories& repositories) {
        repositories.Notifications().Enqueue(Webhook("one"));
        return true;
    });
    const auto first = this->Claim("a");
    const auto second = this->Claim("b");
    ASSERT_EQ(first.size(), 1u);
    EXPECT_TRUE(second.empty());

    Notification sent = first.front();
    sent.status = NotificationStatus::kSent;
    sent.attempts = 1;
    sent.sent_at = kNow;
    domain::DeliveryAttempt attempt{0, sent.id, kNow, domain::AttemptOutcome::kSent, "HTTP 200"};
    bool by_other = true;
    bool by_holder = false;
    this->store().Write([&](Repositories& repositories) {
        by_other = repositories.Notifications().Settle(sent, "b", attempt);
        by_holder = repositories.Notifications().Settle(sent, "a", attempt);
        return true;
    });
    EXPECT_FALSE(by_other);
    EXPECT_TRUE(by_holder);
    EXPECT_EQ(this->Count(NotificationStatus::kSent), 1);
    EXPECT_TRUE(this->Claim("c").empty()) << "a sent message is never claimed again";
}

TYPED_TEST(NotificationContract, ParamsReadBackAsTheyWereWrittenAndSettled) {
    Notification digest = Webhook("digest:2026-12-07");
    digest.params.values = {{"date", "2026-12-07"},
                            {"worst", "JL-1「路灯」超期 2 个工作日"},
                            {"query_code", "A1B2C3D4"},
                            {"empty", ""}};
    digest.params.cases = {{7, "JL-1", "路灯不亮", 2}, {9, "JL-2", "", 0}};
    this->store().Write([&](Repositories& repositories) {
        repositories.Notifications().Enqueue(digest);
        return true;
    });
    this->Reopen();
    auto claimed = this->Claim("a");
    ASSERT_EQ(claimed.size(), 1u);
    EXPECT_EQ(claimed.front().params, digest.params);

    Notification settled = claimed.front();
    settled.status = NotificationStatus::kSent;
    settled.params.values.erase("query_code");
    bool recorded = false;
    this->store().Write([&](Repositories& repositories) {
        recorded = repositories.Notifications().Settle(
            settled, "a", {0, settled.id, kNow, domain::AttemptOutcome::kSent, "HTTP 200"});
        return true;
    });
    EXPECT_TRUE(recorded);
    const auto stored = domain::Query(this->store(), [&](Repositories& repositories) {
        return repositories.Notifications().FindById(settled.id);
    });
    ASSERT_TRUE(stored);
    EXPECT_EQ(stored->params, settled.params);
    EXPECT_FALSE(stored->params.values.contains("query_code"));
}

TYPED_TEST(NotificationContract, KeepsAnInboxWithUnreadCount) {
    const auto user = this->AddAccount("handler");
    std::vector<domain::NotificationId> ids;
    this->store().Write([&](Repositories& repositories) {
        for (int i = 0; i < 3; ++i) {
            Notification message;
            message.user_id = user.id;
            message.template_key = "case_dispatched";
            message.dedupe_key = "inbox:" + std::to_string(i);
            message.created_at = kNow;
            message.next_attempt_at = kNow;
            repositories.Notifications().Enqueue(message);
        }
        return true;
    });
    const auto page = domain::Query(this->store(), [&](Repositories& repositories) {
        return repositories.Notifications().Inbox({user.id, false, std::nullopt, 2});
    });
    ASSERT_EQ(page.size(), 2u);
    EXPECT_GT(page[0].id, page[1].id);
    bool marked = false;
    bool foreign = true;
    this->store().Write([&](Repositories& repositories) {
        marked = repositories.Notifications().MarkRead(user.id, page[0].id, kNow);
        foreign = repositories.Notifications().MarkRead(user.id + 1, page[1].id, kNow);
        return true;
    });
    EXPECT_TRUE(marked);
    EXPECT_FALSE(foreign);
    const auto unread = domain::Query(this->store(), [&](Repositories& repositories) {
        return repositories.Notifications().CountUnread(user.id);
    });
    EXPECT_EQ(unread, 2);
}

TYPED_TEST(NotificationContract, TheTemplateFileDoesNotUndoAnAdministratorsEdit) {
    const auto admin = this->AddAccount("template-admin");
    const auto text_of = [this](std::string_view key) {
        return domain::Query(this->store(), [&](Repositories& repositories) {
            for (const auto& stored : repositories.Notifications().Templates()) {
                if (stored.key == key) {
                    return stored.text;
                }
            }
            return std::string();
        });
    };
    bool edited = false;
    bool missing = true;
    this->store().Write([&](Repositories& repositories) {
        auto& notifications = repositories.Notifications();
        notifications.SaveTemplate(
            {"case_dispatched", NotificationChannel::kInbox, "新派单{number}"});
        notifications.SaveTemplate({"case_escalated", NotificationChannel::kInbox, "上报{number}"});
        edited = notifications.EditTemplate(
            {"case_dispatched", NotificationChannel::kInbox, "派单：{number}"}, kNow, admin.id);
        missing = notifications.EditTemplate({"case_dispatched", NotificationChannel::kSms, "x"},
                                             kNow, admin.id);
        return true;
    });
    EXPECT_TRUE(edited);
    EXPECT_FALSE(missing) << "an edit never creates a template";
    // The next start loads the file again.
    this->store().Write([&](Repositories& repositories) {
        repositories.Notifications().SaveTemplate(
            {"case_dispatched", NotificationChannel::kInbox, "新派单{number}（新版）"});
        repositories.Notifications().SaveTemplate(
            {"case_escalated", NotificationChannel::kInbox, "上报{number}（新版）"});
        return true;
    });
    EXPECT_EQ(text_of("case_dispatched"), "派单：{number}");
    EXPECT_EQ(text_of("case_escalated"), "上报{number}（新版）");
}

}  // namespace
}  // namespace minqing::storage::contract
