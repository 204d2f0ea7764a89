#include "service/login_throttle.hpp"

#include <gtest/gtest.h>

namespace minqing::service {
namespace {

using std::chrono::minutes;
using std::chrono::seconds;

class LoginThrottleTest : public testing::Test {
  protected:
    LoginThrottle throttle_{ThrottleOptions{3, 5, minutes(15)}};
    FakeClock clock_{Instant(std::chrono::hours(24 * 20000))};
};

TEST_F(LoginThrottleTest, AllowsUntilTheAccountLimitThenTellsHowLongToWait) {
    for (int i = 0; i < 3; ++i) {
        EXPECT_EQ(throttle_.RetryAfterSeconds("admin", "10.0.0.1", clock_.Now()), 0);
        throttle_.RecordFailure("admin", "10.0.0.1", clock_.Now());
        clock_.Advance(minutes(1));
    }
    // The first failure was 3 minutes ago; it leaves the 15-minute window in 12 minutes.
    EXPECT_EQ(throttle_.RetryAfterSeconds("admin", "10.0.0.2", clock_.Now()), 12 * 60);
    clock_.Advance(minutes(12));
    EXPECT_EQ(throttle_.RetryAfterSeconds("admin", "10.0.0.2", clock_.Now()), 0);
}

TEST_F(LoginThrottleTest, LimitsAnAddressAcrossAccounts) {
    for (int i = 0; i < 5; ++i) {
        throttle_.RecordFailure("user" + std::to_string(i), "10.0.0.9", clock_.Now());
    }
    EXPECT_GT(throttle_.RetryAfterSeconds("someone-else", "10.0.0.9", clock_.Now()), 0);
    EXPECT_EQ(throttle_.RetryAfterSeconds("someone-else", "10.0.0.10", clock_.Now()), 0);
}

TEST_F(LoginThrottleTest, SuccessClearsTheAccountButNotTheAddress) {
    for (int i = 0; i < 3; ++i) {
        throttle_.RecordFailure("admin", "10.0.0.1", clock_.Now());
    }
    throttle_.RecordSuccess("admin");
    EXPECT_EQ(throttle_.RetryAfterSeconds("admin", "10.0.0.3", clock_.Now()), 0);
    throttle_.RecordFailure("x", "10.0.0.1", clock_.Now());
    throttle_.RecordFailure("y", "10.0.0.1", clock_.Now());
    EXPECT_GT(throttle_.RetryAfterSeconds("admin", "10.0.0.1", clock_.Now()), 0);
}

}  // namespace
}  // namespace minqing::service
