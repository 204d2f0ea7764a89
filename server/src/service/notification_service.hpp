// The staff inbox and the office's list of undeliverable messages: read, page, mark read.
// Blocks on the Store; thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/clock.hpp"
#include "common/result.hpp"
#include "domain/notification.hpp"
#include "domain/principal.hpp"
#include "domain/store.hpp"
#include "service/notification_hub.hpp"

namespace minqing::service {

struct NotificationOptions {
    /// The public page where reporters look up their case ({query_url} in templates).
    std::string query_url;
};

struct NotificationPage {
    std::vector<RenderedNotification> items;
    /// The id to pass as `before` for the next page; nullopt on the last page.
    std::optional<domain::NotificationId> next_before;
    /// Inbox pages only: the caller's unread messages in all.
    std::int64_t unread_count = 0;
};

/// A failed message with every attempt made.
struct FailedNotification {
    RenderedNotification item;
    std::vector<domain::DeliveryAttempt> attempts;
};

struct FailedPage {
    std::vector<FailedNotification> items;
    std::optional<domain::NotificationId> next_before;
};

class NotificationService {
  public:
    NotificationService(domain::Store& store, const Clock& clock, NotificationOptions options)
        : store_(store), clock_(clock), options_(std::move(options)) {}

    /// The caller's inbox, newest first, `limit` (1–100) at a time from before `before`.
    NotificationPage Inbox(const domain::Principal& caller, bool unread_only,
                           std::optional<domain::NotificationId> before, int limit);
    /// Errors: 404 "notification.not_found" when the caller has no inbox message `id`.
    Status MarkRead(const domain::Principal& caller, domain::NotificationId id);
    /// Returns how many messages were unread.
    std::int64_t MarkAllRead(const domain::Principal& caller);
    /// Messages given up on, newest first. Errors: 403 "auth.forbidden" unless the caller
    /// holds city_office or admin.
    Result<FailedPage> Failed(const domain::Principal& caller,
                              std::optional<domain::NotificationId> before, int limit);
    /// `message` rendered with the current templates (the dispatcher's push uses it too).
    RenderedNotification Render(domain::Repositories& repositories,
                                const domain::Notification& message) const;

  private:
    domain::Store& store_;
    const Clock& clock_;
    NotificationOptions options_;
};

}  // namespace minqing::service
