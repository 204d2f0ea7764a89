// NotificationRepository over a SqlSession; the same SQL serves SQLite and PostgreSQL.
#pragma once

#include "domain/notification_repository.hpp"
#include "storage/sql.hpp"

namespace minqing::storage {

class SqlNotificationRepository final : public domain::NotificationRepository {
  public:
    explicit SqlNotificationRepository(SqlSession& session) : session_(session) {}

    bool Enqueue(const domain::Notification& message) override;
    std::optional<domain::Notification> FindById(domain::NotificationId id) override;
    std::vector<domain::Notification> Claim(std::string_view worker, Instant now,
                                            Instant lease_until, int limit) override;
    bool Settle(const domain::Notification& message, std::string_view worker,
                const domain::DeliveryAttempt& attempt) override;
    void Release(domain::NotificationId id, std::string_view worker) override;
    std::vector<domain::DeliveryAttempt> Attempts(domain::NotificationId id) override;
    std::int64_t CountWithStatus(domain::NotificationStatus status) override;
    std::vector<domain::Notification> Inbox(const domain::InboxQuery& query) override;
    std::int64_t CountUnread(domain::UserId user) override;
    bool MarkRead(domain::UserId user, domain::NotificationId id, Instant at) override;
    std::int64_t MarkAllRead(domain::UserId user, Instant at) override;
    std::vector<domain::Notification> Failed(std::optional<domain::NotificationId> before_id,
                                             int limit) override;
    std::vector<domain::Recipient> Recipients(const domain::RecipientQuery& query) override;
    void SaveTemplate(const domain::MessageTemplate& message_template) override;
    bool EditTemplate(const domain::MessageTemplate& message_template, Instant at,
                      domain::UserId by) override;
    std::vector<domain::MessageTemplate> Templates() override;

  private:
    SqlSession& session_;
};

}  // namespace minqing::storage
