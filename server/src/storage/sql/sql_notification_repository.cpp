#include <string>

#include "storage/sql/enum_text.hpp"
#include "storage/sql/notification_params_column.hpp"
#include "storage/sql/sql_fragments.hpp"
#include "storage/sql/sql_repositories.hpp"

namespace minqing::storage {
namespace {

using domain::DeliveryAttempt;
using domain::Notification;
using domain::NotificationChannel;
using domain::NotificationStatus;

const ColumnTable<Notification> kNotifications(
    "notifications",
    {Field<&Notification::id>("id", kGeneratedKey),
     Field<&Notification::channel>("channel", kWrittenOnce),
     Field<&Notification::user_id>("user_id", kWrittenOnce),
     Field<&Notification::phone>("phone", kWrittenOnce),
     Field<&Notification::target>("target", kWrittenOnce),
     Field<&Notification::template_key>("template_key", kWrittenOnce),
     Converted<&Notification::params, &NotificationParamsJson, &NotificationParamsOfJson>("params"),
     Field<&Notification::case_id>("case_id", kWrittenOnce),
     Field<&Notification::dedupe_key>("dedupe_key", kWrittenOnce),
     Field<&Notification::status>("status"), Field<&Notification::attempts>("attempts"),
     Field<&Notification::next_attempt_at>("next_attempt_at"),
     Field<&Notification::created_at>("created_at", kWrittenOnce),
     Field<&Notification::sent_at>("sent_at", kSelected | kUpdated),
     Field<&Notification::last_error>("last_error"),
     Field<&Notification::read_at>("read_at", kSelected)});

std::string OutcomeName(const domain::AttemptOutcome& outcome) {
    return std::string(domain::AttemptOutcomeName(outcome));
}
// An unknown name reads as a failure.
domain::AttemptOutcome OutcomeOfName(const std::string& name) {
    return name == "sent"    ? domain::AttemptOutcome::kSent
           : name == "retry" ? domain::AttemptOutcome::kRetry
                             : domain::AttemptOutcome::kFailed;
}

const ColumnTable<DeliveryAttempt> kAttempts(
    "notification_attempts",
    {Field<&DeliveryAttempt::id>("id", kGeneratedKey),
     Field<&DeliveryAttempt::notification_id>("notification_id", kWrittenOnce),
     Field<&DeliveryAttempt::at>("at", kWrittenOnce),
     Converted<&DeliveryAttempt::outcome, &OutcomeName, &OutcomeOfName>("outcome", kWrittenOnce),
     Field<&DeliveryAttempt::detail>("detail", kWrittenOnce)});

const ColumnTable<domain::MessageTemplate> kTemplates(
    "message_templates", {Field<&domain::MessageTemplate::key>("template_key", kWrittenOnce | kKey),
                          Field<&domain::MessageTemplate::channel>("channel", kWrittenOnce | kKey),
                          Field<&domain::MessageTemplate::text>("text")});

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
    // A message enters the outbox untried, whatever the caller's copy says.
    Notification fresh = message;
    fresh.status = NotificationStatus::kPending;
    fresh.attempts = 0;
    fresh.last_error.clear();
    return session_.Execute(kNotifications.InsertSql() + " ON CONFLICT (dedupe_key) DO NOTHING",
                            kNotifications.InsertValues(fresh)) == 1;
}

std::optional<Notification> SqlNotificationRepository::FindById(domain::NotificationId id) {
    return kNotifications.ReadOne(
        session_.QueryOne(kNotifications.SelectFrom() + "WHERE id = ?", {id}));
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
    DeliveryAttempt recorded = attempt;
    recorded.notification_id = message.id;
    session_.Execute(kAttempts.InsertSql(), kAttempts.InsertValues(recorded));
    std::vector<SqlValue> values = kNotifications.Values(message, kUpdated);
    values.emplace_back(message.id);
    values.emplace_back(std::string(worker));
    return session_.Execute("UPDATE notifications SET " + kNotifications.Assignments() +
                                ", leased_by = NULL, lease_until = NULL "
                                "WHERE id = ? AND leased_by = ? AND status = 'pending'",
                            values) == 1;
}

void SqlNotificationRepository::Release(domain::NotificationId id, std::string_view worker) {
    session_.Execute(
        "UPDATE notifications SET leased_by = NULL, lease_until = NULL "
        "WHERE id = ? AND leased_by = ?",
        {id, std::string(worker)});
}

std::vector<DeliveryAttempt> SqlNotificationRepository::Attempts(domain::NotificationId id) {
    return kAttempts.ReadAll(
        session_.Query(kAttempts.SelectFrom() + "WHERE notification_id = ? ORDER BY id", {id}));
}

std::int64_t SqlNotificationRepository::CountWithStatus(NotificationStatus status) {
    const auto row = session_.QueryOne("SELECT COUNT(*) FROM notifications WHERE status = ?",
                                       {std::string(domain::NotificationStatusName(status))});
    return row ? row->Int(0) : 0;
}

std::vector<Notification> SqlNotificationRepository::Inbox(const domain::InboxQuery& query) {
    std::string sql = kNotifications.SelectFrom() + "WHERE channel = 'inbox' AND user_id = ?";
    std::vector<SqlValue> params{query.user_id};
    if (query.unread_only) {
        sql += " AND read_at IS NULL";
    }
    AddNewestFirstPage(sql, params, "id", query.before_id, query.limit);
    return kNotifications.ReadAll(session_.Query(sql, params));
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
    std::string sql = kNotifications.SelectFrom() + "WHERE status = 'failed'";
    std::vector<SqlValue> params;
    AddNewestFirstPage(sql, params, "id", before_id, limit);
    return kNotifications.ReadAll(session_.Query(sql, params));
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
    // An administrator's edit wins over the seed.
    session_.Execute(kTemplates.UpsertSql() + " WHERE message_templates.edited_at IS NULL",
                     kTemplates.InsertValues(message_template));
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
    return kTemplates.ReadAll(
        session_.Query(kTemplates.SelectFrom() + "ORDER BY template_key, channel"));
}

}  // namespace minqing::storage
