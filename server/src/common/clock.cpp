#include "common/clock.hpp"

#include <cstdio>
#include <string>

namespace minqing {

Instant SystemClock::Now() const {
    return std::chrono::time_point_cast<std::chrono::milliseconds>(
        std::chrono::system_clock::now());
}

std::string FormatIso8601Cst(Instant at) {
    // China has kept UTC+8 without daylight saving since 1991, so a fixed offset is exact.
    constexpr auto kCstOffset = std::chrono::hours(8);
    const auto local = at + kCstOffset;
    const auto day = std::chrono::floor<std::chrono::days>(local);
    const std::chrono::year_month_day ymd{day};
    const std::chrono::hh_mm_ss hms{local - day};
    char buffer[40];
    std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02uT%02d:%02d:%02d.%03d+08:00",
                  static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                  static_cast<unsigned>(ymd.day()), static_cast<int>(hms.hours().count()),
                  static_cast<int>(hms.minutes().count()), static_cast<int>(hms.seconds().count()),
                  static_cast<int>(hms.subseconds().count()));
    return buffer;
}

std::optional<Instant> ParseIso8601(std::string_view text) {
    const auto digits = [&text](std::size_t at, std::size_t count, int& value) {
        if (at + count > text.size()) {
            return false;
        }
        value = 0;
        for (std::size_t i = at; i < at + count; ++i) {
            if (text[i] < '0' || text[i] > '9') {
                return false;
            }
            value = value * 10 + (text[i] - '0');
        }
        return true;
    };
    const auto is = [&text](std::size_t at, char c) { return at < text.size() && text[at] == c; };
    int year = 0, month = 0, day = 0;
    if (!digits(0, 4, year) || !is(4, '-') || !digits(5, 2, month) || !is(7, '-') ||
        !digits(8, 2, day)) {
        return std::nullopt;
    }
    const std::chrono::year_month_day date{std::chrono::year(year),
                                           std::chrono::month(static_cast<unsigned>(month)),
                                           std::chrono::day(static_cast<unsigned>(day))};
    if (!date.ok()) {
        return std::nullopt;
    }
    const Instant midnight_utc{std::chrono::sys_days(date)};
    constexpr auto kCst = std::chrono::hours(8);
    if (text.size() == 10) {
        return midnight_utc - kCst;
    }
    int hour = 0, minute = 0, second = 0, millis = 0;
    if (!is(10, 'T') || !digits(11, 2, hour) || !is(13, ':') || !digits(14, 2, minute) ||
        !is(16, ':') || !digits(17, 2, second) || hour > 23 || minute > 59 || second > 59) {
        return std::nullopt;
    }
    std::size_t at = 19;
    if (is(at, '.')) {
        if (!digits(at + 1, 3, millis)) {
            return std::nullopt;
        }
        at += 4;
    }
    std::chrono::minutes offset{0};
    if (is(at, 'Z') && at + 1 == text.size()) {
        offset = std::chrono::minutes(0);
    } else if ((is(at, '+') || is(at, '-')) && at + 6 == text.size() && is(at + 3, ':')) {
        int offset_hours = 0, offset_minutes = 0;
        if (!digits(at + 1, 2, offset_hours) || !digits(at + 4, 2, offset_minutes)) {
            return std::nullopt;
        }
        offset = std::chrono::minutes(offset_hours * 60 + offset_minutes);
        if (is(at, '-')) {
            offset = -offset;
        }
    } else {
        return std::nullopt;
    }
    return midnight_utc + std::chrono::hours(hour) + std::chrono::minutes(minute) +
           std::chrono::seconds(second) + std::chrono::milliseconds(millis) - offset;
}

}  // namespace minqing
