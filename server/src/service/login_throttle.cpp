#include "service/login_throttle.hpp"

#include <algorithm>

namespace minqing::service {

int LoginThrottle::RetryAfterSeconds(std::string_view account, std::string_view address,
                                     Instant now) {
    return std::max(by_account_.RetryAfterSeconds(account, now),
                    by_address_.RetryAfterSeconds(address, now));
}

void LoginThrottle::RecordFailure(std::string_view account, std::string_view address, Instant now) {
    by_account_.Record(account, now);
    by_address_.Record(address, now);
}

void LoginThrottle::RecordSuccess(std::string_view account) {
    by_account_.Clear(account);
}

}  // namespace minqing::service
