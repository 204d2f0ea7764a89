// For the domain's tests: real dates in China time, and the 2026 National Day and Mid-Autumn
// arrangement of the State Council's notice (a holiday week, a make-up Sunday before it and a
// make-up Saturday after it).
#pragma once

#include <chrono>

#include "domain/work_calendar.hpp"

namespace minqing::domain::testing {

inline LocalDay Day(int y, unsigned m, unsigned d) {
    return LocalDay(std::chrono::year(y) / std::chrono::month(m) / std::chrono::day(d));
}

inline Instant At(int y, unsigned m, unsigned d, int hour, int minute = 0) {
    return AtLocal(Day(y, m, d), hour * 60 + minute);
}

inline WorkCalendar Calendar2026() {
    std::vector<CalendarDay> changes = {{Day(2026, 9, 20), true, "国庆节"},
                                        {Day(2026, 9, 25), false, "中秋节"},
                                        {Day(2026, 10, 10), true, "国庆节"}};
    for (unsigned d = 1; d <= 7; ++d) {
        changes.push_back({Day(2026, 10, d), false, "国庆节"});
    }
    return WorkCalendar(changes, {2026}, OfficeHours{});
}

}  // namespace minqing::domain::testing
