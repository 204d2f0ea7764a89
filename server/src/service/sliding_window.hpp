// Counts events per key within a sliding time window, in memory, to limit how often a key
// (an account, an address) may do something. Thread-safe.
#pragma once

#include <chrono>
#include <deque>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

#include "common/clock.hpp"

namespace minqing::service {

class SlidingWindow {
  public:
    SlidingWindow(int limit, std::chrono::milliseconds window) : limit_(limit), window_(window) {}

    /// Seconds until the key may act again (its count in the window is below the limit);
    /// 0 when it may act now.
    int RetryAfterSeconds(std::string_view key, Instant now);
    void Record(std::string_view key, Instant now);
    void Clear(std::string_view key);
    /// Records and answers in one step: 0 and recorded when allowed, else the wait.
    int TryAcquire(std::string_view key, Instant now);

  private:
    int WaitLocked(std::string_view key, Instant now);
    void PruneAllLocked(Instant now);

    const int limit_;
    const std::chrono::milliseconds window_;
    std::mutex mutex_;
    std::unordered_map<std::string, std::deque<Instant>> events_;
};

}  // namespace minqing::service
