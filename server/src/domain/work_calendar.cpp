#include "domain/work_calendar.hpp"

#include <algorithm>
#include <charconv>
#include <cstdio>

namespace minqing::domain {
namespace {

constexpr auto kChinaOffset = std::chrono::hours(8);
constexpr int kMinutesPerDay = 24 * 60;
// A deadline further than this many days away means the calendar has no working days left,
// which a loaded calendar never does; stop rather than loop forever.
constexpr int kMaxDaysScanned = 3660;

}  // namespace

std::string FormatLocalDay(LocalDay day) {
    const std::chrono::year_month_day date(day);
    char text[16];
    std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(date.year()),
                  static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
    return text;
}

std::optional<LocalDay> ParseLocalDay(std::string_view text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') {
        return std::nullopt;
    }
    const auto number = [&](std::size_t at, std::size_t length) -> std::optional<int> {
        int value = 0;
        const char* begin = text.data() + at;
        const auto [end, ec] = std::from_chars(begin, begin + length, value);
        return ec == std::errc() && end == begin + length ? std::optional(value) : std::nullopt;
    };
    const auto y = number(0, 4);
    const auto m = number(5, 2);
    const auto d = number(8, 2);
    if (!y || !m || !d) {
        return std::nullopt;
    }
    const std::chrono::year_month_day date{std::chrono::year(*y),
                                           std::chrono::month(static_cast<unsigned>(*m)),
                                           std::chrono::day(static_cast<unsigned>(*d))};
    return date.ok() ? std::optional(LocalDay(date)) : std::nullopt;
}

LocalDay LocalDayOf(Instant at) {
    return std::chrono::floor<std::chrono::days>(at + kChinaOffset);
}

int LocalMinuteOf(Instant at) {
    const auto local = at + kChinaOffset;
    const auto since_midnight = local - std::chrono::floor<std::chrono::days>(local);
    return static_cast<int>(
        std::chrono::duration_cast<std::chrono::minutes>(since_midnight).count());
}

Instant AtLocal(LocalDay day, int minute) {
    return Instant(day) + std::chrono::minutes(minute) - kChinaOffset;
}

WorkCalendar::WorkCalendar(std::vector<CalendarDay> days, std::set<int> official_years,
                           OfficeHours hours)
    : official_years_(std::move(official_years)), hours_(hours) {
    for (const CalendarDay& day : days) {
        overrides_[day.day] = day.working;
    }
}

bool WorkCalendar::IsWorkingDay(LocalDay day) const {
    if (const auto found = overrides_.find(day); found != overrides_.end()) {
        return found->second;
    }
    const std::chrono::weekday weekday{day};
    return weekday != std::chrono::Saturday && weekday != std::chrono::Sunday;
}

bool WorkCalendar::IsProvisional(LocalDay day) const {
    const int year = static_cast<int>(std::chrono::year_month_day(day).year());
    return !official_years_.contains(year);
}

int WorkCalendar::WorkedBefore(int minute) const {
    const auto span = [minute](int start, int end) {
        return std::clamp(minute, start, end) - start;
    };
    return span(hours_.morning_start, hours_.morning_end) +
           span(hours_.afternoon_start, hours_.afternoon_end);
}

Instant WorkCalendar::AddWorkingMinutes(Instant from, std::int64_t minutes) const {
    LocalDay day = LocalDayOf(from);
    // Minutes already worked on the first day before `from`, counted as if `from` were the
    // start of that day's remaining office time.
    std::int64_t remaining = minutes + (IsWorkingDay(day) ? WorkedBefore(LocalMinuteOf(from)) : 0);
    const int per_day = hours_.MinutesPerDay();
    for (int scanned = 0; scanned < kMaxDaysScanned; ++scanned, day += std::chrono::days(1)) {
        if (!IsWorkingDay(day)) {
            continue;
        }
        if (remaining <= per_day) {
            // Find the minute of the day at which `remaining` working minutes are used up.
            const int morning = hours_.morning_end - hours_.morning_start;
            const int minute = remaining <= morning
                                   ? hours_.morning_start + static_cast<int>(remaining)
                                   : hours_.afternoon_start + static_cast<int>(remaining) - morning;
            const Instant at = AtLocal(day, minute);
            return std::max(at, from);
        }
        remaining -= per_day;
    }
    return AtLocal(day, hours_.afternoon_end);
}

Instant WorkCalendar::AddWorkingDays(Instant from, int days) const {
    return AddWorkingMinutes(from, static_cast<std::int64_t>(days) * hours_.MinutesPerDay());
}

Instant WorkCalendar::SubtractWorkingMinutes(Instant from, std::int64_t minutes) const {
    LocalDay day = LocalDayOf(from);
    const int per_day = hours_.MinutesPerDay();
    // Office time of the first day after `from` counts as already gone back over.
    std::int64_t remaining =
        minutes + (IsWorkingDay(day) ? per_day - WorkedBefore(LocalMinuteOf(from)) : 0);
    for (int scanned = 0; scanned < kMaxDaysScanned; ++scanned, day -= std::chrono::days(1)) {
        if (!IsWorkingDay(day)) {
            continue;
        }
        if (remaining <= per_day) {
            const int worked = per_day - static_cast<int>(remaining);
            const int morning = hours_.morning_end - hours_.morning_start;
            const int minute = worked < morning ? hours_.morning_start + worked
                                                : hours_.afternoon_start + worked - morning;
            return std::min(AtLocal(day, minute), from);
        }
        remaining -= per_day;
    }
    return AtLocal(day, hours_.morning_start);
}

std::int64_t WorkCalendar::WorkingMinutesBetween(Instant from, Instant to) const {
    if (to < from) {
        return -WorkingMinutesBetween(to, from);
    }
    const LocalDay first = LocalDayOf(from);
    const LocalDay last = LocalDayOf(to);
    std::int64_t total = 0;
    for (LocalDay day = first; day <= last; day += std::chrono::days(1)) {
        if (!IsWorkingDay(day)) {
            continue;
        }
        const int start = day == first ? LocalMinuteOf(from) : 0;
        const int end = day == last ? LocalMinuteOf(to) : kMinutesPerDay;
        total += WorkedBefore(end) - WorkedBefore(start);
    }
    return total;
}

}  // namespace minqing::domain
