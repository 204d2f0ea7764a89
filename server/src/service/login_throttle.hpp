// Counts recent login failures per account and per address in memory and says when to
// refuse further attempts. Thread-safe. Persisted lockout lives on the user row instead.
#pragma once

#include <chrono>
#include <deque>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

#include "common/clock.hpp"

namespace minqing::service {

struct ThrottleOptions {
    int failures_per_account = 5;   // within the window, before attempts are refused
    int failures_per_address = 20;  // within the window, before attempts are refused
    std::chrono::minutes window{15};
};

class LoginThrottle {
  public:
    explicit LoginThrottle(ThrottleOptions options) : options_(options) {}

    /// Seconds to wait before the next attempt for this account or address; 0 when allowed.
    int RetryAfterSeconds(std::string_view account, std::string_view address, Instant now);
    void RecordFailure(std::string_view account, std::string_view address, Instant now);
    /// A successful login clears the account's failures (not the address's).
    void RecordSuccess(std::string_view account);

  private:
    using Failures = std::deque<Instant>;
    int WaitFor(std::unordered_map<std::string, Failures>& table, std::string_view key, int limit,
                Instant now);
    void Prune(Failures& failures, Instant now) const;

    const ThrottleOptions options_;
    std::mutex mutex_;
    std::unordered_map<std::string, Failures> by_account_;
    std::unordered_map<std::string, Failures> by_address_;
};

}  // namespace minqing::service
