// Messages to people and systems outside a case's own record (通知): the outbox row, its
// delivery attempts, the message templates and the retry schedule. Plain data and pure
// functions; no I/O; thread-safe.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/clock.hpp"
#include "domain/case.hpp"
#include "domain/user.hpp"

namespace minqing::domain {

using NotificationId = std::int64_t;

/// inbox: a staff user's in-app inbox (pushed over the WebSocket when they are online);
/// sms: a phone number through the SMS gateway; webhook: an external system by name.
enum class NotificationChannel { kInbox, kSms, kWebhook };

/// pending until delivered (sent) or given up on (failed).
enum class NotificationStatus { kPending, kSent, kFailed };

std::string_view NotificationChannelName(NotificationChannel channel);
std::optional<NotificationChannel> ParseNotificationChannel(std::string_view name);
std::string_view NotificationStatusName(NotificationStatus status);
std::optional<NotificationStatus> ParseNotificationStatus(std::string_view name);

/// A case a message names for its reader to open: the morning digest's most overdue cases.
struct LinkedCase {
    CaseId id = 0;
    std::string number;
    std::string title;
    /// Working days past its deadline when the message was written (0: not overdue).
    std::int64_t overdue_working_days = 0;

    bool operator==(const LinkedCase&) const = default;
};

/// What a message is written with: the values of its template's placeholders (for webhooks
/// also the case fields sent), by placeholder name, and the cases it links to.
struct NotificationParams {
    std::map<std::string, std::string> values;
    std::vector<LinkedCase> cases;

    bool operator==(const NotificationParams&) const = default;
};

/// One outbox row: written in the same transaction as the event that causes it, delivered
/// later by the dispatcher.
struct Notification {
    NotificationId id = 0;
    NotificationChannel channel = NotificationChannel::kInbox;
    std::optional<UserId> user_id;  // inbox; also sms to a staff member
    std::string phone;              // sms
    std::string target;             // webhook: the configured receiver's name ("hotline")
    std::string template_key;       // with the channel, names the template
    NotificationParams params;
    std::optional<CaseId> case_id;
    /// Unique over all messages: a retried sweep or a re-run unit of work never enqueues the
    /// same message twice.
    std::string dedupe_key;
    NotificationStatus status = NotificationStatus::kPending;
    int attempts = 0;
    Instant next_attempt_at{};
    Instant created_at{};
    std::optional<Instant> sent_at;
    std::string last_error;
    std::optional<Instant> read_at;  // inbox only
};

/// What one delivery attempt came to.
enum class AttemptOutcome { kSent, kRetry, kFailed };
std::string_view AttemptOutcomeName(AttemptOutcome outcome);

struct DeliveryAttempt {
    std::int64_t id = 0;
    NotificationId notification_id = 0;
    Instant at{};
    AttemptOutcome outcome = AttemptOutcome::kSent;
    std::string detail;  // the receiver's status, or why it could not be reached
};

/// A message text with placeholders in braces ("案件{number}已…"), one per key and channel.
struct MessageTemplate {
    std::string key;
    NotificationChannel channel = NotificationChannel::kInbox;
    std::string text;
};

/// The placeholder names a template may use.
bool IsKnownPlaceholder(std::string_view name);

/// The first placeholder of `text` that is not known, or an unclosed or empty brace as
/// "{" — nullopt when every placeholder is known.
std::optional<std::string> FindUnknownPlaceholder(std::string_view text);

/// A template's text is at most this many characters (code points).
inline constexpr std::size_t kMaxTemplateCharacters = 500;

/// The field-error reason for a template text an administrator wrote, or nullopt when it is
/// fine: "required", "length", "invalid_utf8", "unknown_placeholder" (a {name} the renderer
/// does not fill, or an empty or unclosed brace).
std::optional<std::string> CheckTemplateText(std::string_view text);

/// `text` with every {name} replaced by params[name]; a known name without a value becomes "".
std::string RenderTemplate(std::string_view text, const std::map<std::string, std::string>& params);

/// The first known placeholder of `text` that `params` leaves without a value (absent or
/// empty), or nullopt when every one has a value: a text sent with a hole in it ("请凭编号和
/// 查询码在查看") is worse than none, so such a message is failed instead of sent.
std::optional<std::string> FindMissingValue(std::string_view text,
                                            const std::map<std::string, std::string>& params);

/// The retry schedule: after the n-th failed attempt (n ≥ 1) wait base × 2^(n-1), at most
/// `cap`.
struct RetrySchedule {
    std::chrono::milliseconds base{30'000};
    std::chrono::milliseconds cap{3'600'000};
    /// Attempts after which a message is given up on (status failed).
    int max_attempts = 12;
};

/// When the next attempt is due after `attempts_made` failed ones, the last at `now`.
Instant NextAttemptAt(const RetrySchedule& schedule, int attempts_made, Instant now);

}  // namespace minqing::domain
