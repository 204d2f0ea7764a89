#include "service/notification_hub.hpp"

#include <vector>

namespace minqing::service {

NotificationHub::SubscriptionId NotificationHub::Subscribe(domain::UserId user, Sink sink) {
    const std::lock_guard lock(mutex_);
    const SubscriptionId id = next_id_++;
    subscriptions_.emplace(id, Subscription{user, std::move(sink)});
    by_user_.emplace(user, id);
    return id;
}

void NotificationHub::Unsubscribe(SubscriptionId id) {
    const std::lock_guard lock(mutex_);
    const auto found = subscriptions_.find(id);
    if (found == subscriptions_.end()) {
        return;
    }
    auto [first, last] = by_user_.equal_range(found->second.user);
    for (auto entry = first; entry != last; ++entry) {
        if (entry->second == id) {
            by_user_.erase(entry);
            break;
        }
    }
    subscriptions_.erase(found);
}

std::size_t NotificationHub::Publish(const RenderedNotification& item) {
    if (!item.message.user_id) {
        return 0;
    }
    std::vector<Sink> sinks;
    {
        const std::lock_guard lock(mutex_);
        auto [first, last] = by_user_.equal_range(*item.message.user_id);
        for (auto entry = first; entry != last; ++entry) {
            sinks.push_back(subscriptions_.at(entry->second).sink);
        }
    }
    // Outside the lock: a sink may unsubscribe (its connection closing) while we call it.
    for (const Sink& sink : sinks) {
        sink(item);
    }
    return sinks.size();
}

std::size_t NotificationHub::SubscriberCount(domain::UserId user) const {
    const std::lock_guard lock(mutex_);
    return by_user_.count(user);
}

}  // namespace minqing::service
