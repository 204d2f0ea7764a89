#include "common/clock.hpp"

#include <gtest/gtest.h>

namespace minqing {
namespace {

using std::chrono::days;
using std::chrono::hours;
using std::chrono::milliseconds;

Instant At(int y, unsigned m, unsigned d, int h = 0, int min = 0) {
    const auto day = std::chrono::sys_days(std::chrono::year(y) / m / d);
    return Instant(day) + hours(h) + std::chrono::minutes(min);
}

TEST(ClockTest, FormatsInChinaStandardTime) {
    EXPECT_EQ(FormatIso8601Cst(At(2026, 11, 28, 3, 55)), "2026-11-28T11:55:00.000+08:00");
    // 16:30 UTC on New Year's Eve is already the next year in Beijing.
    EXPECT_EQ(FormatIso8601Cst(At(2025, 12, 31, 16, 30) + milliseconds(7)),
              "2026-01-01T00:30:00.007+08:00");
}

TEST(ClockTest, FakeClockMovesOnlyWhenTold) {
    FakeClock clock(At(2026, 9, 30, 8));
    const Instant start = clock.Now();
    EXPECT_EQ(clock.Now(), start);
    clock.Advance(days(1));
    EXPECT_EQ(clock.Now(), start + days(1));
    clock.Set(At(2027, 1, 1));
    EXPECT_EQ(clock.Now(), At(2027, 1, 1));
}

TEST(ClockTest, EpochMillisecondsRoundTrip) {
    const Instant at = At(2026, 2, 16, 12) + milliseconds(345);
    EXPECT_EQ(FromEpochMs(ToEpochMs(at)), at);
}

}  // namespace
}  // namespace minqing

namespace minqing {
namespace {

TEST(ClockTest, ParsesDatesAsChinaDaysAndInstantsWithOffsets) {
    const auto day = ParseIso8601("2027-03-01");
    ASSERT_TRUE(day);
    EXPECT_EQ(FormatIso8601Cst(*day), "2027-03-01T00:00:00.000+08:00");
    EXPECT_EQ(ParseIso8601("2026-11-28T11:55:00+08:00"), ParseIso8601("2026-11-28T03:55:00Z"));
    EXPECT_EQ(FormatIso8601Cst(*ParseIso8601("2026-11-28T11:55:00.250+08:00")),
              "2026-11-28T11:55:00.250+08:00");
    for (const char* bad : {"", "2026-02-30", "2026-13-01", "2026-1-01", "2026-11-28T25:00:00Z",
                            "2026-11-28T11:55:00", "2026-11-28 11:55:00Z", "tomorrow"}) {
        EXPECT_FALSE(ParseIso8601(bad)) << bad;
    }
}

}  // namespace
}  // namespace minqing
