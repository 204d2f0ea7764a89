// The city's working calendar: weekends, the official holidays and make-up working days (调休)
// of the State Council's yearly notices, and office hours, all in China Standard Time. Deadline
// arithmetic runs on it. Pure; immutable after construction, so thread-safe.
#pragma once

#include <chrono>
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "common/clock.hpp"

namespace minqing::domain {

using LocalDay = std::chrono::sys_days;  // a calendar day in China

/// A day the notice changes: a holiday on a weekday, or a weekend day that is worked.
struct CalendarDay {
    LocalDay day;
    bool working = false;
    std::string name;  // the festival, e.g. "国庆节"
};

/// Office hours of a working day, as minutes after midnight (default 08:30–11:30, 13:00–17:00).
struct OfficeHours {
    int morning_start = 8 * 60 + 30;
    int morning_end = 11 * 60 + 30;
    int afternoon_start = 13 * 60;
    int afternoon_end = 17 * 60;

    /// Working minutes in one working day (420 by default).
    int MinutesPerDay() const {
        return (morning_end - morning_start) + (afternoon_end - afternoon_start);
    }
};

class WorkCalendar {
  public:
    /// `days` are the notices' changes; `official_years` the years whose notice is loaded.
    /// A year without one works on weekends alone and its deadlines are provisional.
    WorkCalendar(std::vector<CalendarDay> days, std::set<int> official_years, OfficeHours hours);

    bool IsWorkingDay(LocalDay day) const;
    /// True when the day's year has no official notice loaded.
    bool IsProvisional(LocalDay day) const;
    const OfficeHours& hours() const { return hours_; }

    /// The instant `minutes` working minutes after `from`, counting only office hours of
    /// working days. Starting outside office hours counts from the next opening.
    Instant AddWorkingMinutes(Instant from, std::int64_t minutes) const;
    /// N working days = N × the minutes of a working day: the same time of day N working days
    /// later when `from` lies in office hours.
    Instant AddWorkingDays(Instant from, int days) const;
    /// The instant `minutes` working minutes before `from` (the inverse of AddWorkingMinutes;
    /// at a lunch break's edge, the afternoon side).
    Instant SubtractWorkingMinutes(Instant from, std::int64_t minutes) const;
    /// Working minutes from `from` to `to`; negative when `to` is before `from`.
    std::int64_t WorkingMinutesBetween(Instant from, Instant to) const;

  private:
    // The working minutes of the local day that lie before the minute-of-day `minute`.
    int WorkedBefore(int minute) const;

    std::map<LocalDay, bool> overrides_;
    std::set<int> official_years_;
    OfficeHours hours_;
};

/// "2026-10-01" and back; nullopt for anything else (including 2026-02-30).
std::string FormatLocalDay(LocalDay day);
std::optional<LocalDay> ParseLocalDay(std::string_view text);

/// The local day and minute of the day of an instant in China Standard Time.
LocalDay LocalDayOf(Instant at);
int LocalMinuteOf(Instant at);
/// The instant of a local day and minute of the day.
Instant AtLocal(LocalDay day, int minute);

}  // namespace minqing::domain
