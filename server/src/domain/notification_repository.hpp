// Port: the outbox (notifications), its delivery attempts, the message templates and the
// staff a message goes to. Used inside a unit of work (see store.hpp).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/notification.hpp"
#include "domain/port.hpp"
#include "domain/role.hpp"
#include "domain/user.hpp"

namespace minqing::domain {

/// Active staff holding one of `roles` on one of `at_nodes`, or anywhere inside `within_path`.
struct RecipientQuery {
    std::vector<Role> roles;
    std::vector<OrgUnitId> at_nodes;
    std::optional<std::string> within_path;
};

struct Recipient {
    UserId user_id = 0;
    std::string phone;
};

/// A page of an inbox, newest first; `before_id` continues after the last id of the page
/// before.
struct InboxQuery {
    UserId user_id = 0;
    bool unread_only = false;
    std::optional<NotificationId> before_id;
    int limit = 20;
};

class NotificationRepository : public Port {
  public:
    /// Stores a pending message unless one with its dedupe key exists; true when stored.
    virtual bool Enqueue(const Notification& message) = 0;
    virtual std::optional<Notification> FindById(NotificationId id) = 0;

    /// Leases up to `limit` due messages (pending, next attempt at or before `now`, no live
    /// lease) to `worker` until `lease_until`, oldest due first, and returns them. A message
    /// leased by one worker is never returned to another before its lease ends.
    virtual std::vector<Notification> Claim(std::string_view worker, Instant now,
                                            Instant lease_until, int limit) = 0;
    /// Records an attempt and the message's new state (status, attempts, next attempt,
    /// sent_at, last_error, params) and ends the lease — only while `worker` holds it; false when
    /// the lease was lost (the attempt is recorded either way).
    virtual bool Settle(const Notification& message, std::string_view worker,
                        const DeliveryAttempt& attempt) = 0;
    /// Ends `worker`'s lease on a message it did not get to, so that it is due again at once.
    virtual void Release(NotificationId id, std::string_view worker) = 0;
    virtual std::vector<DeliveryAttempt> Attempts(NotificationId id) = 0;
    /// How many messages have this status (for monitoring and tests).
    virtual std::int64_t CountWithStatus(NotificationStatus status) = 0;

    virtual std::vector<Notification> Inbox(const InboxQuery& query) = 0;
    virtual std::int64_t CountUnread(UserId user) = 0;
    /// Marks one inbox message of `user` read (keeping an earlier read time); false when the
    /// user has no inbox message with that id.
    virtual bool MarkRead(UserId user, NotificationId id, Instant at) = 0;
    /// Marks every unread inbox message of `user` read; returns how many.
    virtual std::int64_t MarkAllRead(UserId user, Instant at) = 0;
    /// Messages given up on, newest first.
    virtual std::vector<Notification> Failed(std::optional<NotificationId> before_id,
                                             int limit) = 0;

    virtual std::vector<Recipient> Recipients(const RecipientQuery& query) = 0;

    /// Inserts the template of its key and channel, or replaces its text unless an
    /// administrator edited it (EditTemplate): the template file loaded at every start must
    /// not undo an edit.
    virtual void SaveTemplate(const MessageTemplate& message_template) = 0;
    /// Replaces the text of the template of its key and channel and records the edit; false
    /// when there is no such template.
    virtual bool EditTemplate(const MessageTemplate& message_template, Instant at, UserId by) = 0;
    virtual std::vector<MessageTemplate> Templates() = 0;
};

}  // namespace minqing::domain
