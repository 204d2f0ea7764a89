// The in-process fan-out of new inbox messages to the live connections (WebSockets) of their
// user. Knows nothing of the transport: a connection subscribes a sink. Thread-safe; sinks are
// called outside the hub's lock, on the publishing thread, and must not block.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <unordered_map>

#include "domain/notification.hpp"

namespace minqing::service {

/// A stored message with its rendered text, as the inbox shows it.
struct RenderedNotification {
    domain::Notification message;
    std::string text;
    std::string case_number;
    /// The first placeholder its template names that has no value ("" when none): such an
    /// SMS or webhook is failed with the reason instead of going out with a hole in it.
    std::string missing_value;
};

class NotificationHub {
  public:
    using Sink = std::function<void(const RenderedNotification&)>;
    using SubscriptionId = std::uint64_t;

    NotificationHub() = default;
    NotificationHub(const NotificationHub&) = delete;
    NotificationHub& operator=(const NotificationHub&) = delete;

    /// Adds a sink for `user`'s new inbox messages; returns the id to unsubscribe with.
    SubscriptionId Subscribe(domain::UserId user, Sink sink);
    /// Removes a sink; unknown ids are ignored.
    void Unsubscribe(SubscriptionId id);
    /// Calls every sink of the message's user; returns how many there were.
    std::size_t Publish(const RenderedNotification& item);
    std::size_t SubscriberCount(domain::UserId user) const;

  private:
    struct Subscription {
        domain::UserId user = 0;
        Sink sink;
    };
    mutable std::mutex mutex_;
    SubscriptionId next_id_ = 1;
    std::map<SubscriptionId, Subscription> subscriptions_;
    std::unordered_multimap<domain::UserId, SubscriptionId> by_user_;
};

}  // namespace minqing::service
