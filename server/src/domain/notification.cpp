#include "domain/notification.hpp"

#include <algorithm>
#include <array>

#include "text/text_checks.hpp"

namespace minqing::domain {
namespace {

constexpr NameTable<NotificationChannel, 3> kChannelNames{{
    {NotificationChannel::kInbox, "inbox"},
    {NotificationChannel::kSms, "sms"},
    {NotificationChannel::kWebhook, "webhook"},
}};

constexpr NameTable<NotificationStatus, 3> kStatusNames{{
    {NotificationStatus::kPending, "pending"},
    {NotificationStatus::kSent, "sent"},
    {NotificationStatus::kFailed, "failed"},
}};

constexpr NameTable<AttemptOutcome, 3> kOutcomeNames{{
    {AttemptOutcome::kSent, "sent"},
    {AttemptOutcome::kRetry, "retry"},
    {AttemptOutcome::kFailed, "failed"},
}};

// Every value the notification rules (service/notifications.cpp) and the deadline sweep put
// into a message; a template naming anything else is refused when it is loaded.
constexpr std::array<std::string_view, 17> kPlaceholders = {
    "number", "title",        "deadline", "action",  "query_url",  "unit",
    "reason", "external_ref", "answer",   "urgency", "query_code", "note",
    "people", "date",         "summary",  "worst",   "message",
};

// Doubling stops here: 2^20 × any sane base is far beyond every cap.
constexpr int kMaxDoublings = 20;

}  // namespace

std::string_view NotificationChannelName(NotificationChannel channel) {
    return NameIn(kChannelNames, channel);
}

std::optional<NotificationChannel> ParseNotificationChannel(std::string_view name) {
    return ParseIn(kChannelNames, name);
}

std::string_view NotificationStatusName(NotificationStatus status) {
    return NameIn(kStatusNames, status);
}

std::optional<NotificationStatus> ParseNotificationStatus(std::string_view name) {
    return ParseIn(kStatusNames, name);
}

std::string_view AttemptOutcomeName(AttemptOutcome outcome) {
    return NameIn(kOutcomeNames, outcome);
}

bool IsKnownPlaceholder(std::string_view name) {
    return std::ranges::find(kPlaceholders, name) != kPlaceholders.end();
}

std::optional<std::string> FindUnknownPlaceholder(std::string_view text) {
    std::size_t at = 0;
    while ((at = text.find('{', at)) != std::string_view::npos) {
        const auto end = text.find('}', at + 1);
        if (end == std::string_view::npos || end == at + 1) {
            return "{";
        }
        const std::string_view name = text.substr(at + 1, end - at - 1);
        if (!IsKnownPlaceholder(name)) {
            return std::string(name);
        }
        at = end + 1;
    }
    return std::nullopt;
}

std::optional<std::string> CheckTemplateText(std::string_view text) {
    if (text.empty()) {
        return "required";
    }
    const auto characters = text::CountCharacters(text);
    if (!characters) {
        return "invalid_utf8";
    }
    if (*characters > kMaxTemplateCharacters) {
        return "length";
    }
    if (FindUnknownPlaceholder(text)) {
        return "unknown_placeholder";
    }
    return std::nullopt;
}

std::string RenderTemplate(std::string_view text,
                           const std::map<std::string, std::string>& params) {
    std::string out;
    out.reserve(text.size());
    std::size_t at = 0;
    while (at < text.size()) {
        const auto open = text.find('{', at);
        if (open == std::string_view::npos) {
            out.append(text.substr(at));
            break;
        }
        out.append(text.substr(at, open - at));
        const auto close = text.find('}', open + 1);
        if (close == std::string_view::npos) {
            out.append(text.substr(open));
            break;
        }
        const std::string name(text.substr(open + 1, close - open - 1));
        if (const auto value = params.find(name); value != params.end()) {
            out.append(value->second);
        } else if (!IsKnownPlaceholder(name)) {
            // Loading refuses such templates; keep the text visible rather than lose it.
            out.append(text.substr(open, close - open + 1));
        }
        at = close + 1;
    }
    return out;
}

std::optional<std::string> FindMissingValue(std::string_view text,
                                            const std::map<std::string, std::string>& params) {
    std::size_t at = 0;
    while ((at = text.find('{', at)) != std::string_view::npos) {
        const auto end = text.find('}', at + 1);
        if (end == std::string_view::npos) {
            return std::nullopt;
        }
        const std::string name(text.substr(at + 1, end - at - 1));
        if (IsKnownPlaceholder(name)) {
            const auto value = params.find(name);
            if (value == params.end() || value->second.empty()) {
                return name;
            }
        }
        at = end + 1;
    }
    return std::nullopt;
}

Instant NextAttemptAt(const RetrySchedule& schedule, int attempts_made, Instant now) {
    const int doublings = std::clamp(attempts_made - 1, 0, kMaxDoublings);
    auto wait = schedule.base * (std::int64_t{1} << doublings);
    wait = std::min(wait, schedule.cap);
    return now + wait;
}

}  // namespace minqing::domain
