#include "storage/sql/sql_notification_repository.hpp"

#include <string>

#include "storage/sql/sql_org_repository.hpp"

namespace minqing::storage {
namespace {

using domain::DeliveryAttempt;
using domain::Notification;
using domain::NotificationChannel;
using domain::NotificationStatus;

constexpr std::string_view kSelect =
    "SELECT id, channel, user_id, phone, target, template_key, params, case_id, dedupe_key, "
    "status, attempts, next_attempt_at, created_at, sent_at, last_error, read_at "
    "FROM notifications ";

Notification FromRow(const SqlRow& row) {
    Notification message;
    message.id = row.Int(0);
    message.channel =
        domain::ParseNotificationChannel(row.Text(1)).value_or(NotificationChannel::kInbox);
    message.user_id = row.OptionalInt(2);
    message.phone = row.Text(3);
    message.target = row.Text(4);
    message.template_key = row.Text(5);
    message.params = row.Text(6);
    message.case_id = row.OptionalInt(7);
    message.dedupe_key = row.Text(8);
    message.status =
        domain::ParseNotificationStatus(row.Text(9)).value_or(NotificationStatus::kPending);
    message.attempts = static_cast<int>(row.Int(10));
    message.next_attempt_at = FromEpochMs(row.Int(11));
    message.created_at = FromEpochMs(row.Int(12));
    message.sent_at = row.OptionalInstant(13);
    message.last_error = row.Text(14);
    message.read_at = row.OptionalInstant(15);
    return message;
}

std::vector<Notification> AllFromRows(const std::vector<SqlRow>& rows) {
    std::vector<Notification> messages;
    messages.reserve(rows.size());
    for (const SqlRow& row : rows) {
        messages.push_back(FromRow(row));
    }
    return messages;
}

std::string ChannelText(NotificationChannel channel) {
    return std::string(domain::NotificationChannelName(channel));
}

// " AND column IN (?, …)"; nothing for an empty list.
template <typename T, typename ToValue>
void AddIn(std::string& sql, std::vector<SqlValue>& params, std::string_view column,
           const std::vector<T>& values, ToValue&& to_value) {
    sql += " AND ";
    sql += column;
    sql += " IN (";
    for (std::size_t i = 0; i < values.size(); ++i) {
        sql += i == 0 ? "?" : ", ?";
        params.emplace_back(to_value(values[i]));
    }
    sql += ")";
}

}  // namespace

bool SqlNotificationRepository::Enqueue(const Notification& message) {
    // ON CONFLICT DO NOTHING rather than catching the unique violation: on PostgreSQL a failed
    // statement would abort the caller's whole transaction, the case event included.
    return session_.Execute(
               "INSERT INTO notifications (channel, user_id, phone, target, template_key, params, "
               "case_id, dedupe_key, status, attempts, next_attempt_at, created_at, last_error) "
               "VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'pending', 0, ?, ?, '') "
               "ON CONFLICT (dedupe_key) DO NOTHING",
               {ChannelText(message.channel), Nullable(message.user_id), message.phone,
                message.target, message.template_key, message.params, Nullable(message.case_id),
                message.dedupe_key, ToEpochMs(message.next_attempt_at),
                ToEpochMs(message.created_at)}) == 1;
}

std::optional<Notification> SqlNotificationRepository::FindById(domain::NotificationId id) {
    const auto row = session_.QueryOne(std::string(kSelect) + "WHERE id = ?", {id});
    return row ? std::optional(FromRow(*row)) : std::nullopt;
}

std::vector<Notification> SqlNotificationRepository::Claim(std::string_view worker, Instant now,
                                                           Instant lease_until, int limit) {
    const std::int64_t now_ms = ToEpochMs(now);
    const auto candidates = session_.Query(
        "SELECT id FROM notifications WHERE status = 'pending' AND next_attempt_at <= ? "
        "AND (lease_until IS NULL OR lease_until < ?) ORDER BY next_attempt_at, id LIMIT ?",
        {now_ms, now_ms, std::int64_t{limit}});
    std::vector<Notification> claimed;
    for (const SqlRow& candidate : candidates) {
        const std::int64_t id = candidate.Int(0);
        // The condition is checked again by the UPDATE itself: of two dispatchers that saw the
        // same candidate, the one whose UPDATE runs second finds the lease taken (PostgreSQL
        // re-evaluates the WHERE after waiting for the row lock) and changes nothing.
        const auto changed = session_.Execute(
            "UPDATE notifications SET leased_by = ?, lease_until = ? WHERE id = ? "
            "AND status = 'pending' AND (lease_until IS NULL OR lease_until < ?)",
            {std::string(worker), ToEpochMs(lease_until), id, now_ms});
        if (changed == 1) {
            if (auto message = FindById(id)) {
                claimed.push_back(std::move(*message));
            }
        }
    }
    return claimed;
}

bool SqlNotificationRepository::Settle(const Notification& message, std::string_view worker,
                                       const DeliveryAttempt& attempt) {
    session_.Execute(
        "INSERT INTO notification_attempts (notification_id, at, outcome, detail) "
        "VALUES (?, ?, ?, ?)",
        {message.id, ToEpochMs(attempt.at),
         std::string(domain::AttemptOutcomeName(attempt.outcome)), attempt.detail});
    return session_.Execute(
               "UPDATE notifications SET status = ?, attempts = ?, next_attempt_at = ?, "
               "sent_at = ?, last_error = ?, params = ?, leased_by = NULL, lease_until = NULL "
               "WHERE id = ? AND leased_by = ? AND status = 'pending'",
               {std::string(domain::NotificationStatusName(message.status)),
                std::int64_t{message.attempts}, ToEpochMs(message.next_attempt_at),
                Nullable(message.sent_at.transform(ToEpochMs)), message.last_error, message.params,
                message.id, std::string(worker)}) == 1;
}

void SqlNotificationRepository::Release(domain::NotificationId id, std::string_view worker) {
    session_.Execute(
        "UPDATE notifications SET leased_by = NULL, lease_until = NULL "
        "WHERE id = ? AND leased_by = ?",
        {id, std::string(worker)});
}

std::vector<DeliveryAttempt> SqlNotificationRepository::Attempts(domain::NotificationId id) {
    std::vector<DeliveryAttempt> attempts;
    for (const SqlRow& row : session_.Query(
             "SELECT id, notification_id, at, outcome, detail FROM notification_attempts "
             "WHERE notification_id = ? ORDER BY id",
             {id})) {
        DeliveryAttempt attempt;
        attempt.id = row.Int(0);
        attempt.notification_id = row.Int(1);
        attempt.at = FromEpochMs(row.Int(2));
        const std::string outcome = row.Text(3);
        attempt.outcome = outcome == "sent"    ? domain::AttemptOutcome::kSent
                          : outcome == "retry" ? domain::AttemptOutcome::kRetry
                                               : domain::AttemptOutcome::kFailed;
        attempt.detail = row.Text(4);
        attempts.push_back(std::move(attempt));
    }
    return attempts;
}

std::int64_t SqlNotificationRepository::CountWithStatus(NotificationStatus status) {
    const auto row = session_.QueryOne("SELECT COUNT(*) FROM notifications WHERE status = ?",
                                       {std::string(domain::NotificationStatusName(status))});
    return row ? row->Int(0) : 0;
}

std::vector<Notification> SqlNotificationRepository::Inbox(const domain::InboxQuery& query) {
    std::string sql = std::string(kSelect) + "WHERE channel = 'inbox' AND user_id = ?";
    std::vector<SqlValue> params{query.user_id};
    if (query.unread_only) {
        sql += " AND read_at IS NULL";
    }
    if (query.before_id) {
        sql += " AND id < ?";
        params.emplace_back(*query.before_id);
    }
    sql += " ORDER BY id DESC LIMIT ?";
    params.emplace_back(std::int64_t{query.limit});
    return AllFromRows(session_.Query(sql, params));
}

std::int64_t SqlNotificationRepository::CountUnread(domain::UserId user) {
    const auto row = session_.QueryOne(
        "SELECT COUNT(*) FROM notifications WHERE channel = 'inbox' AND user_id = ? "
        "AND read_at IS NULL",
        {user});
    return row ? row->Int(0) : 0;
}

bool SqlNotificationRepository::MarkRead(domain::UserId user, domain::NotificationId id,
                                         Instant at) {
    const auto row = session_.QueryOne(
        "SELECT id FROM notifications WHERE id = ? AND channel = 'inbox' AND user_id = ?",
        {id, user});
    if (!row) {
        return false;
    }
    session_.Execute("UPDATE notifications SET read_at = ? WHERE id = ? AND read_at IS NULL",
                     {ToEpochMs(at), id});
    return true;
}

std::int64_t SqlNotificationRepository::MarkAllRead(domain::UserId user, Instant at) {
    return session_.Execute(
        "UPDATE notifications SET read_at = ? WHERE channel = 'inbox' AND user_id = ? "
        "AND read_at IS NULL",
        {ToEpochMs(at), user});
}

std::vector<Notification> SqlNotificationRepository::Failed(
    std::optional<domain::NotificationId> before_id, int limit) {
    std::string sql = std::string(kSelect) + "WHERE status = 'failed'";
    std::vector<SqlValue> params;
    if (before_id) {
        sql += " AND id < ?";
        params.emplace_back(*before_id);
    }
    sql += " ORDER BY id DESC LIMIT ?";
    params.emplace_back(std::int64_t{limit});
    return AllFromRows(session_.Query(sql, params));
}

std::vector<domain::Recipient> SqlNotificationRepository::Recipients(
    const domain::RecipientQuery& query) {
    if (query.roles.empty() || (query.at_nodes.empty() && !query.within_path)) {
        return {};
    }
    std::string sql =
        "SELECT DISTINCT u.id, u.phone FROM role_assignments r "
        "JOIN users u ON u.id = r.user_id JOIN org_units o ON o.id = r.org_unit_id "
        "WHERE u.active = 1";
    std::vector<SqlValue> params;
    AddIn(sql, params, "r.role", query.roles,
          [](domain::Role role) { return std::string(domain::RoleName(role)); });
    sql += " AND (";
    if (!query.at_nodes.empty()) {
        sql += "r.org_unit_id IN (";
        for (std::size_t i = 0; i < query.at_nodes.size(); ++i) {
            sql += i == 0 ? "?" : ", ?";
            params.emplace_back(query.at_nodes[i]);
        }
        sql += ")";
    }
    if (query.within_path) {
        sql += query.at_nodes.empty() ? "" : " OR ";
        sql += "(o.path >= ? AND o.path < ?)";
        params.emplace_back(*query.within_path);
        params.emplace_back(SubtreeUpperBound(*query.within_path));
    }
    sql += ") ORDER BY u.id";
    std::vector<domain::Recipient> recipients;
    for (const SqlRow& row : session_.Query(sql, params)) {
        recipients.push_back({row.Int(0), row.Text(1)});
    }
    return recipients;
}

void SqlNotificationRepository::SaveTemplate(const domain::MessageTemplate& message_template) {
    session_.Execute(
        "INSERT INTO message_templates (template_key, channel, text) VALUES (?, ?, ?) "
        "ON CONFLICT (template_key, channel) DO UPDATE SET text = excluded.text "
        "WHERE message_templates.edited_at IS NULL",
        {message_template.key, ChannelText(message_template.channel), message_template.text});
}

bool SqlNotificationRepository::EditTemplate(const domain::MessageTemplate& message_template,
                                             Instant at, domain::UserId by) {
    return session_.Execute(
               "UPDATE message_templates SET text = ?, edited_at = ?, edited_by = ? "
               "WHERE template_key = ? AND channel = ?",
               {message_template.text, ToEpochMs(at), by, message_template.key,
                ChannelText(message_template.channel)}) > 0;
}

std::vector<domain::MessageTemplate> SqlNotificationRepository::Templates() {
    std::vector<domain::MessageTemplate> templates;
    for (const SqlRow& row :
         session_.Query("SELECT template_key, channel, text FROM message_templates "
                        "ORDER BY template_key, channel")) {
        templates.push_back(
            {row.Text(0),
             domain::ParseNotificationChannel(row.Text(1)).value_or(NotificationChannel::kInbox),
             row.Text(2)});
    }
    return templates;
}

}  // namespace minqing::storage
