#include "domain/work_calendar.hpp"

#include <gtest/gtest.h>

#include "domain/testing/calendar_2026.hpp"

namespace minqing::domain {
namespace {

using std::chrono::days;
using std::chrono::year;

using testing::At;
using testing::Calendar2026;
using testing::Day;

TEST(WorkCalendarTest, KnowsWeekendsHolidaysAndMakeUpDays) {
    const auto calendar = Calendar2026();
    EXPECT_TRUE(calendar.IsWorkingDay(Day(2026, 9, 30)));    // Wednesday
    EXPECT_FALSE(calendar.IsWorkingDay(Day(2026, 10, 1)));   // National Day
    EXPECT_FALSE(calendar.IsWorkingDay(Day(2026, 9, 25)));   // Friday, Mid-Autumn
    EXPECT_TRUE(calendar.IsWorkingDay(Day(2026, 9, 20)));    // make-up Sunday
    EXPECT_TRUE(calendar.IsWorkingDay(Day(2026, 10, 10)));   // make-up Saturday
    EXPECT_FALSE(calendar.IsWorkingDay(Day(2026, 10, 11)));  // ordinary Sunday
    EXPECT_FALSE(calendar.IsProvisional(Day(2026, 12, 31)));
    EXPECT_TRUE(calendar.IsProvisional(Day(2027, 1, 4)));
}

TEST(WorkCalendarTest, ACaseReceivedOnTheEveOfNationalDayIsDueAfterTheHoliday) {
    const auto calendar = Calendar2026();
    // 15:00 on 30 September: two working hours left that day, five more after the holiday.
    EXPECT_EQ(calendar.AddWorkingDays(At(2026, 9, 30, 15), 1), At(2026, 10, 8, 15));
    EXPECT_EQ(calendar.WorkingMinutesBetween(At(2026, 9, 30, 15), At(2026, 10, 8, 15)), 420);
}

TEST(WorkCalendarTest, AMakeUpSaturdayCounts) {
    const auto calendar = Calendar2026();
    // Friday 9 October 16:00 + 4 working hours: one hour Friday, three on Saturday the 10th.
    EXPECT_EQ(calendar.AddWorkingMinutes(At(2026, 10, 9, 16), 240), At(2026, 10, 10, 11, 30));
}

TEST(WorkCalendarTest, LunchAndEveningsAreNotWorkingTime) {
    const auto calendar = Calendar2026();
    EXPECT_EQ(calendar.AddWorkingMinutes(At(2026, 11, 27, 11), 60), At(2026, 11, 27, 13, 30));
    EXPECT_EQ(calendar.AddWorkingMinutes(At(2026, 11, 27, 12), 60), At(2026, 11, 27, 14));
    // Friday evening → Monday morning.
    EXPECT_EQ(calendar.AddWorkingMinutes(At(2026, 11, 27, 20), 30), At(2026, 11, 30, 9));
    EXPECT_EQ(calendar.WorkingMinutesBetween(At(2026, 11, 27, 11), At(2026, 11, 27, 14)), 90);
    EXPECT_EQ(calendar.WorkingMinutesBetween(At(2026, 11, 27, 14), At(2026, 11, 27, 11)), -90);
}

TEST(WorkCalendarTest, FiveWorkingDaysAcrossAYearEndWithoutANotice) {
    const auto calendar = Calendar2026();
    // Thursday 31 December 2026 10:00 + 5 working days; 2027 has no notice loaded, so 1 January
    // is an ordinary Friday and only weekends are off.
    EXPECT_EQ(calendar.AddWorkingDays(At(2026, 12, 31, 10), 5), At(2027, 1, 7, 10));
}

TEST(WorkCalendarTest, ArithmeticRoundTripsThroughOfficeHours) {
    const auto calendar = Calendar2026();
    const Instant start = At(2026, 9, 28, 9, 15);
    for (const int minutes : {0, 1, 179, 180, 181, 420, 421, 2000, 5000}) {
        const Instant due = calendar.AddWorkingMinutes(start, minutes);
        EXPECT_EQ(calendar.WorkingMinutesBetween(start, due), minutes) << minutes;
    }
}

}  // namespace
}  // namespace minqing::domain
