// Counts recent login failures per account and per address in memory and says when to
// refuse further attempts. Thread-safe. Persisted lockout lives on the user row instead.
#pragma once

#include <chrono>
#include <string_view>

#include "common/clock.hpp"
#include "service/sliding_window.hpp"

namespace minqing::service {

struct ThrottleOptions {
    int failures_per_account = 5;   // within the window, before attempts are refused
    int failures_per_address = 20;  // within the window, before attempts are refused
    std::chrono::minutes window{15};
};

class LoginThrottle {
  public:
    explicit LoginThrottle(ThrottleOptions options)
        : by_account_(options.failures_per_account, options.window),
          by_address_(options.failures_per_address, options.window) {}

    /// Seconds to wait before the next attempt for this account or address; 0 when allowed.
    int RetryAfterSeconds(std::string_view account, std::string_view address, Instant now);
    void RecordFailure(std::string_view account, std::string_view address, Instant now);
    /// A successful login clears the account's failures (not the address's).
    void RecordSuccess(std::string_view account);

  private:
    SlidingWindow by_account_;
    SlidingWindow by_address_;
};

}  // namespace minqing::service
