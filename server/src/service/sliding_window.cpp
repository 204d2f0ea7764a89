#include "service/sliding_window.hpp"

#include <algorithm>

namespace minqing::service {
namespace {

// Keys are pruned wholesale past this many, so a flood of distinct addresses cannot grow
// the table without bound.
constexpr std::size_t kPruneAbove = 10'000;

}  // namespace

int SlidingWindow::WaitLocked(std::string_view key, Instant now) {
    const auto found = events_.find(std::string(key));
    if (found == events_.end()) {
        return 0;
    }
    auto& times = found->second;
    while (!times.empty() && times.front() + window_ <= now) {
        times.pop_front();
    }
    if (times.empty()) {
        events_.erase(found);
        return 0;
    }
    if (static_cast<int>(times.size()) < limit_) {
        return 0;
    }
    // Allowed again once enough of the events have aged out of the window.
    const Instant free_at = times[times.size() - static_cast<std::size_t>(limit_)] + window_;
    const auto wait = std::chrono::ceil<std::chrono::seconds>(free_at - now).count();
    return static_cast<int>(std::max<std::int64_t>(wait, 1));
}

void SlidingWindow::PruneAllLocked(Instant now) {
    for (auto it = events_.begin(); it != events_.end();) {
        auto& times = it->second;
        while (!times.empty() && times.front() + window_ <= now) {
            times.pop_front();
        }
        it = times.empty() ? events_.erase(it) : std::next(it);
    }
}

int SlidingWindow::RetryAfterSeconds(std::string_view key, Instant now) {
    const std::lock_guard lock(mutex_);
    return WaitLocked(key, now);
}

void SlidingWindow::Record(std::string_view key, Instant now) {
    const std::lock_guard lock(mutex_);
    if (events_.size() > kPruneAbove) {
        PruneAllLocked(now);
    }
    events_[std::string(key)].push_back(now);
}

void SlidingWindow::Clear(std::string_view key) {
    const std::lock_guard lock(mutex_);
    events_.erase(std::string(key));
}

int SlidingWindow::TryAcquire(std::string_view key, Instant now) {
    const std::lock_guard lock(mutex_);
    if (const int wait = WaitLocked(key, now); wait > 0) {
        return wait;
    }
    if (events_.size() > kPruneAbove) {
        PruneAllLocked(now);
    }
    events_[std::string(key)].push_back(now);
    return 0;
}

}  // namespace minqing::service
