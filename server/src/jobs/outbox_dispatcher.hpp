// The outbox dispatcher: a thread that claims due messages under a lease (so two server
// processes never deliver the same message at once), delivers them — inbox messages by
// pushing them to the user's live connections, SMS through the gateway, webhooks signed with
// HMAC-SHA256 — records every attempt, and retries with exponential backoff until the
// message is sent or given up on. Delivery is at least once on the wire; every request
// carries the message id so that receivers keep it exactly once (docs/architecture.md).
// All times come from the Clock. Start/Stop from one thread; RunOnce from one thread at a time.
#pragma once

#include <chrono>
#include <map>
#include <string>

#include "common/clock.hpp"
#include "domain/notification.hpp"
#include "domain/store.hpp"
#include "http/client.hpp"
#include "jobs/periodic_task.hpp"
#include "service/notification_hub.hpp"
#include "service/notification_service.hpp"

namespace minqing::jobs {

/// The SMS provider's endpoint; an empty url disables SMS (messages fail at once).
struct SmsGateway {
    std::string url;
    std::string key;
    std::string template_id;
};

/// A webhook receiver; an empty url disables it (messages fail at once).
struct WebhookTarget {
    std::string url;
    std::string secret;
};

struct DispatcherOptions {
    domain::RetrySchedule retry;
    /// The pause between passes that found less than a full batch.
    std::chrono::milliseconds interval{1000};
    std::chrono::milliseconds lease{60'000};
    std::chrono::milliseconds request_timeout{5000};
    int batch_size = 32;
    SmsGateway sms;
    /// By the names messages carry as their target ("hotline").
    std::map<std::string, WebhookTarget> webhooks;
    /// Names this dispatcher in leases; a random one when empty.
    std::string worker_id;
};

class OutboxDispatcher {
  public:
    /// `renderer` renders inbox messages for the push; `hub` takes them.
    OutboxDispatcher(domain::Store& store, const Clock& clock,
                     const service::NotificationService& renderer, service::NotificationHub& hub,
                     DispatcherOptions options);
    ~OutboxDispatcher() { Stop(); }
    OutboxDispatcher(const OutboxDispatcher&) = delete;
    OutboxDispatcher& operator=(const OutboxDispatcher&) = delete;

    /// Starts the thread. Database faults inside a pass are logged and the pass is retried
    /// after the interval; the messages of a failed pass wait for their lease to end.
    void Start() { passes_.Start(); }
    /// Wakes the thread, lets the current delivery finish and joins it. Idempotent.
    void Stop() { passes_.Stop(); }
    /// Asks for a pass now instead of after the interval (new messages were written).
    void Wake() { passes_.Wake(); }

    /// One pass: claims up to a batch of due messages, delivers them and records the
    /// outcomes. Returns how many it claimed. Throws on database faults.
    int RunOnce();
    /// Passes until one claims nothing (due at the clock's present); returns how many were
    /// claimed in all. For tests and benchmarks.
    int Drain();

    const std::string& worker_id() const { return options_.worker_id; }

  private:
    struct Outcome {
        bool sent = false;
        std::string detail;
        bool permanent = false;  // not worth retrying (refused by the receiver, not configured)
    };
    Outcome Deliver(const service::RenderedNotification& item, Instant now);
    Outcome SendSms(const service::RenderedNotification& item);
    Outcome SendWebhook(const service::RenderedNotification& item, Instant now);

    domain::Store& store_;
    const Clock& clock_;
    const service::NotificationService& renderer_;
    service::NotificationHub& hub_;
    DispatcherOptions options_;
    http::Client client_;
    // Last: its thread runs passes over the members above.
    PeriodicTask passes_;
};

}  // namespace minqing::jobs
