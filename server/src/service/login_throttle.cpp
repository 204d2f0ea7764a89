#include "service/login_throttle.hpp"

namespace minqing::service {

void LoginThrottle::Prune(Failures& failures, Instant now) const {
    while (!failures.empty() && failures.front() + options_.window <= now) {
        failures.pop_front();
    }
}

int LoginThrottle::WaitFor(std::unordered_map<std::string, Failures>& table, std::string_view key,
                           int limit, Instant now) {
    const auto found = table.find(std::string(key));
    if (found == table.end()) {
        return 0;
    }
    Failures& failures = found->second;
    Prune(failures, now);
    if (failures.empty()) {
        table.erase(found);
        return 0;
    }
    if (static_cast<int>(failures.size()) < limit) {
        return 0;
    }
    // Refused until enough of the failures have aged out of the window.
    const Instant free_at =
        failures[failures.size() - static_cast<std::size_t>(limit)] + options_.window;
    const auto wait = std::chrono::ceil<std::chrono::seconds>(free_at - now).count();
    return static_cast<int>(std::max<std::int64_t>(wait, 1));
}

int LoginThrottle::RetryAfterSeconds(std::string_view account, std::string_view address,
                                     Instant now) {
    const std::lock_guard lock(mutex_);
    return std::max(WaitFor(by_account_, account, options_.failures_per_account, now),
                    WaitFor(by_address_, address, options_.failures_per_address, now));
}

void LoginThrottle::RecordFailure(std::string_view account, std::string_view address, Instant now) {
    const std::lock_guard lock(mutex_);
    by_account_[std::string(account)].push_back(now);
    by_address_[std::string(address)].push_back(now);
}

void LoginThrottle::RecordSuccess(std::string_view account) {
    const std::lock_guard lock(mutex_);
    by_account_.erase(std::string(account));
}

}  // namespace minqing::service
