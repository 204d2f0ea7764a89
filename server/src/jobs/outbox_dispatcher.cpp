#include "jobs/outbox_dispatcher.hpp"

#include <nlohmann/json.hpp>
#include <spdlog/spdlog.h>
#include <unistd.h>

#include "http/status.hpp"
#include "service/crypto.hpp"

namespace minqing::jobs {
namespace {

using domain::Notification;
using domain::NotificationChannel;
using domain::Repositories;

constexpr std::size_t kDetailLimit = 200;
constexpr std::size_t kWorkerIdBytes = 6;

// Attempt details are stored as text on both databases; PostgreSQL refuses invalid UTF-8,
// and a receiver's answer cut at a byte limit may end in the middle of a character.
std::string PrintableAscii(std::string_view text) {
    std::string out;
    for (const char c : text.substr(0, std::min(text.size(), kDetailLimit))) {
        out += c >= ' ' && c <= '~' ? c : '?';
    }
    return out;
}

std::string DefaultWorkerId() {
    return "pid" + std::to_string(::getpid()) + "-" + service::RandomToken(kWorkerIdBytes);
}

nlohmann::json Nullable(const std::map<std::string, std::string>& params, const char* name) {
    const auto found = params.find(name);
    return found == params.end() || found->second.empty() ? nlohmann::json(nullptr)
                                                          : nlohmann::json(found->second);
}

DispatcherOptions WithWorkerId(DispatcherOptions options) {
    if (options.worker_id.empty()) {
        options.worker_id = DefaultWorkerId();
    }
    return options;
}

}  // namespace

OutboxDispatcher::OutboxDispatcher(domain::Store& store, const Clock& clock,
                                   const service::NotificationService& renderer,
                                   service::NotificationHub& hub, DispatcherOptions options)
    : store_(store),
      clock_(clock),
      renderer_(renderer),
      hub_(hub),
      options_(WithWorkerId(std::move(options))),
      client_(options_.request_timeout),
      // A full batch suggests more are due: the next pass starts at once. When the database
      // is away, the claimed messages keep their lease and are taken again when it ends.
      passes_("outbox dispatcher " + options_.worker_id, options_.interval,
              [this] { return RunOnce() >= options_.batch_size; }) {}

int OutboxDispatcher::RunOnce() {
    const Instant now = clock_.Now();
    const Instant lease_until = now + options_.lease;
    std::vector<service::RenderedNotification> claimed;
    store_.Write([&](Repositories& repositories) {
        claimed.clear();  // a unit of work may run again after a serialization failure
        for (const Notification& message : repositories.Notifications().Claim(
                 options_.worker_id, now, lease_until, options_.batch_size)) {
            claimed.push_back(renderer_.Render(repositories, message));
        }
        return true;
    });
    if (claimed.empty()) {
        return 0;
    }
    struct Settled {
        Notification message;
        domain::DeliveryAttempt attempt;
    };
    std::vector<Settled> settled;
    std::vector<domain::NotificationId> released;
    for (const auto& item : claimed) {
        const Instant at = clock_.Now();
        // A request that could outlast the lease might be repeated by another dispatcher
        // meanwhile: hand the rest of the batch back instead.
        if (item.message.channel != NotificationChannel::kInbox &&
            at + options_.request_timeout >= lease_until) {
            released.push_back(item.message.id);
            continue;
        }
        const Outcome outcome = Deliver(item, at);
        Notification message = item.message;
        message.attempts += 1;
        domain::DeliveryAttempt attempt;
        attempt.notification_id = message.id;
        attempt.at = at;
        attempt.detail = PrintableAscii(outcome.detail);
        if (outcome.sent) {
            message.status = domain::NotificationStatus::kSent;
            message.sent_at = at;
            message.last_error.clear();
            attempt.outcome = domain::AttemptOutcome::kSent;
        } else if (outcome.permanent || message.attempts >= options_.retry.max_attempts) {
            message.status = domain::NotificationStatus::kFailed;
            message.last_error = attempt.detail;
            attempt.outcome = domain::AttemptOutcome::kFailed;
        } else {
            message.next_attempt_at = domain::NextAttemptAt(options_.retry, message.attempts, at);
            message.last_error = attempt.detail;
            attempt.outcome = domain::AttemptOutcome::kRetry;
        }
        if (message.status != domain::NotificationStatus::kPending) {
            // The reporter's query code rests in the outbox only until its SMS is settled.
            message.params.values.erase("query_code");
        }
        settled.push_back({std::move(message), std::move(attempt)});
    }
    // One transaction for the whole batch: a crash before it commits repeats the batch's
    // requests after the lease (receivers drop them by message id), never loses one.
    store_.Write([&](Repositories& repositories) {
        for (const auto& [message, attempt] : settled) {
            if (!repositories.Notifications().Settle(message, options_.worker_id, attempt)) {
                spdlog::warn("outbox: lease on message {} was lost before its outcome was recorded",
                             message.id);
            }
        }
        for (const auto id : released) {
            repositories.Notifications().Release(id, options_.worker_id);
        }
        return true;
    });
    return static_cast<int>(claimed.size());
}

int OutboxDispatcher::Drain() {
    int total = 0;
    while (const int claimed = RunOnce()) {
        total += claimed;
    }
    return total;
}

OutboxDispatcher::Outcome OutboxDispatcher::Deliver(const service::RenderedNotification& item,
                                                    Instant now) {
    // A text with a hole in it must not leave: the office sees it failed, with the reason.
    if (item.message.channel != NotificationChannel::kInbox && !item.missing_value.empty()) {
        return {false, "missing value {" + item.missing_value + "}", true};
    }
    switch (item.message.channel) {
        case NotificationChannel::kInbox: {
            // The inbox row is the delivery; the push only tells whoever is online now.
            const std::size_t connections = hub_.Publish(item);
            return {true, "pushed to " + std::to_string(connections) + " connections"};
        }
        case NotificationChannel::kSms:
            return SendSms(item);
        case NotificationChannel::kWebhook:
            return SendWebhook(item, now);
    }
    return {false, "unknown channel", true};
}

namespace {

// 2xx: delivered. 4xx but 408/429: the receiver refuses this request as it is, so retrying
// cannot help. Anything else (5xx, timeouts, no answer): try again later.
bool IsSent(const http::PostOutcome& delivery) {
    return delivery.answered && http::status::IsSuccess(delivery.status);
}

bool IsRefused(const http::PostOutcome& delivery) {
    return delivery.answered && http::status::IsClientError(delivery.status) &&
           delivery.status != http::status::kRequestTimeout &&
           delivery.status != http::status::kTooManyRequests;
}

std::string Describe(const http::PostOutcome& delivery) {
    if (!delivery.answered) {
        return delivery.detail;
    }
    return "HTTP " + std::to_string(delivery.status) +
           (delivery.detail.empty() ? "" : ": " + delivery.detail);
}

}  // namespace

OutboxDispatcher::Outcome OutboxDispatcher::SendSms(const service::RenderedNotification& item) {
    if (options_.sms.url.empty()) {
        return {false, "sms not configured", true};
    }
    const std::string message_id = std::to_string(item.message.id);
    const nlohmann::json body = {{"messageId", message_id},
                                 {"phone", item.message.phone},
                                 {"template", options_.sms.template_id},
                                 {"text", item.text}};
    const auto delivery = client_.Post(
        options_.sms.url, {{"X-Api-Key", options_.sms.key}, {"X-Minqing-Message-Id", message_id}},
        body.dump());
    return {IsSent(delivery), Describe(delivery), IsRefused(delivery)};
}

OutboxDispatcher::Outcome OutboxDispatcher::SendWebhook(const service::RenderedNotification& item,
                                                        Instant now) {
    const auto target = options_.webhooks.find(item.message.target);
    if (target == options_.webhooks.end() || target->second.url.empty()) {
        return {false, "webhook " + item.message.target + " not configured", true};
    }
    const auto& params = item.message.params.values;
    const std::string message_id = std::to_string(item.message.id);
    const nlohmann::json body = {
        {"messageId", message_id},
        {"event", item.message.template_key},
        {"occurredAt", FormatIso8601Cst(item.message.created_at)},
        {"text", item.text},
        {"case",
         {{"id",
           item.message.case_id ? nlohmann::json(*item.message.case_id) : nlohmann::json(nullptr)},
          {"number", Nullable(params, "number")},
          {"externalRef", Nullable(params, "external_ref")},
          {"title", Nullable(params, "title")},
          {"state", Nullable(params, "state")},
          {"result", Nullable(params, "result")},
          {"answer", Nullable(params, "answer")}}}};
    const std::string text = body.dump();
    const std::string timestamp = std::to_string(
        std::chrono::duration_cast<std::chrono::seconds>(now.time_since_epoch()).count());
    const std::string signature =
        "sha256=" + service::HmacSha256Hex(target->second.secret, timestamp + "." + text);
    const auto delivery = client_.Post(target->second.url,
                                       {{"X-Minqing-Timestamp", timestamp},
                                        {"X-Minqing-Signature", signature},
                                        {"X-Minqing-Message-Id", message_id},
                                        {"X-Minqing-Event", item.message.template_key}},
                                       text);
    return {IsSent(delivery), Describe(delivery), IsRefused(delivery)};
}

}  // namespace minqing::jobs
