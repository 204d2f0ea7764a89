#include "service/notification_hub.hpp"

#include <gtest/gtest.h>

namespace minqing::service {
namespace {

RenderedNotification For(domain::UserId user, std::string text) {
    RenderedNotification item;
    item.message.user_id = user;
    item.text = std::move(text);
    return item;
}

TEST(NotificationHub, DeliversToEverySinkOfTheUserOnly) {
    NotificationHub hub;
    std::vector<std::string> first;
    std::vector<std::string> second;
    std::vector<std::string> other;
    hub.Subscribe(7, [&](const RenderedNotification& item) { first.push_back(item.text); });
    hub.Subscribe(7, [&](const RenderedNotification& item) { second.push_back(item.text); });
    hub.Subscribe(8, [&](const RenderedNotification& item) { other.push_back(item.text); });
    EXPECT_EQ(hub.Publish(For(7, "新派单")), 2u);
    EXPECT_EQ(first, std::vector<std::string>{"新派单"});
    EXPECT_EQ(second, std::vector<std::string>{"新派单"});
    EXPECT_TRUE(other.empty());
}

TEST(NotificationHub, ForgetsUnsubscribedSinks) {
    NotificationHub hub;
    int calls = 0;
    const auto id = hub.Subscribe(7, [&](const RenderedNotification&) { ++calls; });
    hub.Unsubscribe(id);
    hub.Unsubscribe(id);
    EXPECT_EQ(hub.Publish(For(7, "x")), 0u);
    EXPECT_EQ(calls, 0);
    EXPECT_EQ(hub.SubscriberCount(7), 0u);
}

TEST(NotificationHub, LetsASinkUnsubscribeItselfWhileCalled) {
    NotificationHub hub;
    NotificationHub::SubscriptionId id = 0;
    id = hub.Subscribe(7, [&](const RenderedNotification&) { hub.Unsubscribe(id); });
    EXPECT_EQ(hub.Publish(For(7, "x")), 1u);
    EXPECT_EQ(hub.SubscriberCount(7), 0u);
}

}  // namespace
}  // namespace minqing::service
