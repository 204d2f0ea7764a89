#include "domain/time_limit.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <tuple>

namespace minqing::domain {
namespace {

constexpr NameTable<Warning, 3> kWarningNames{{
    {Warning::kNormal, "normal"},
    {Warning::kYellow, "yellow"},
    {Warning::kRed, "red"},
}};

// Units as written, longest suffix first so "wh" is not read as "h".
constexpr std::array<std::tuple<std::string_view, TimeLimit::Unit, int>, 5> kSuffixes{{
    {"wd", TimeLimit::Unit::kWorkingDays, 1},
    {"wh", TimeLimit::Unit::kWorkingMinutes, 60},
    {"wm", TimeLimit::Unit::kWorkingMinutes, 1},
    {"h", TimeLimit::Unit::kClockMinutes, 60},
    {"m", TimeLimit::Unit::kClockMinutes, 1},
}};

// A year of working days is the longest limit anyone sets; more is a typo.
constexpr std::int64_t kMaxWorkingDays = 260;
// No unit accepts more of itself than there are clock minutes in kMaxWorkingDays days.
constexpr std::int64_t kMaxAmount = kMaxWorkingDays * 24 * 60;

std::int64_t InMinutesOfItsUnit(const TimeLimit& limit, const OfficeHours& hours) {
    return limit.unit == TimeLimit::Unit::kWorkingDays ? limit.amount * hours.MinutesPerDay()
                                                       : limit.amount;
}

}  // namespace

std::optional<TimeLimit> ParseTimeLimit(std::string_view text) {
    for (const auto& [suffix, unit, factor] : kSuffixes) {
        if (!text.ends_with(suffix)) {
            continue;
        }
        const std::string_view number = text.substr(0, text.size() - suffix.size());
        std::int64_t amount = 0;
        const auto [end, ec] =
            std::from_chars(number.data(), number.data() + number.size(), amount);
        // Bounded before it is multiplied: "200000000000000000h" in minutes overflowed.
        if (number.empty() || ec != std::errc() || end != number.data() + number.size() ||
            amount <= 0 || amount > kMaxAmount) {
            return std::nullopt;
        }
        TimeLimit limit{amount * factor, unit};
        const std::int64_t days = unit == TimeLimit::Unit::kWorkingDays ? limit.amount
                                  : unit == TimeLimit::Unit::kWorkingMinutes
                                      ? limit.amount / (7 * 60)
                                      : limit.amount / (24 * 60);
        if (days > kMaxWorkingDays) {
            return std::nullopt;
        }
        return limit;
    }
    return std::nullopt;
}

std::string FormatTimeLimit(const TimeLimit& limit) {
    switch (limit.unit) {
        case TimeLimit::Unit::kWorkingDays:
            return std::to_string(limit.amount) + "wd";
        case TimeLimit::Unit::kWorkingMinutes:
            return limit.amount % 60 == 0 ? std::to_string(limit.amount / 60) + "wh"
                                          : std::to_string(limit.amount) + "wm";
        case TimeLimit::Unit::kClockMinutes:
            break;
    }
    return limit.amount % 60 == 0 ? std::to_string(limit.amount / 60) + "h"
                                  : std::to_string(limit.amount) + "m";
}

std::optional<TimeLimit> TimeLimitTable::For(Urgency urgency, CaseKind kind, Channel channel,
                                             DeadlineStep step) const {
    const TimeLimitRule* best = nullptr;
    int best_score = -1;
    for (const TimeLimitRule& rule : rules_) {
        if (rule.step != step || (rule.urgency && *rule.urgency != urgency) ||
            (rule.kind && *rule.kind != kind) || (rule.channel && *rule.channel != channel)) {
            continue;
        }
        const int score = (rule.channel ? 4 : 0) + (rule.kind ? 2 : 0) + (rule.urgency ? 1 : 0);
        if (score > best_score || (score == best_score && rule.id < best->id)) {
            best = &rule;
            best_score = score;
        }
    }
    return best != nullptr ? std::optional(best->limit) : std::nullopt;
}

Instant DeadlineAfter(const WorkCalendar& calendar, Instant start, TimeLimit limit) {
    switch (limit.unit) {
        case TimeLimit::Unit::kClockMinutes:
            return start + std::chrono::minutes(limit.amount);
        case TimeLimit::Unit::kWorkingMinutes:
            return calendar.AddWorkingMinutes(start, limit.amount);
        case TimeLimit::Unit::kWorkingDays:
            break;
    }
    return calendar.AddWorkingDays(start, static_cast<int>(limit.amount));
}

Instant YellowFrom(const WorkCalendar& calendar, Instant start, Instant deadline, TimeLimit limit) {
    const std::int64_t per_day = calendar.hours().MinutesPerDay();
    const std::int64_t length = InMinutesOfItsUnit(limit, calendar.hours());
    // A limit of one day or less shows yellow in its last fifth: a whole day's warning would
    // make it yellow from its first minute.
    if (limit.unit == TimeLimit::Unit::kClockMinutes) {
        if (length > 24 * 60) {
            return std::max(start, calendar.SubtractWorkingMinutes(deadline, per_day));
        }
        return deadline - std::chrono::minutes(length / 5);
    }
    if (length > per_day) {
        return std::max(start, calendar.SubtractWorkingMinutes(deadline, per_day));
    }
    return calendar.SubtractWorkingMinutes(deadline, length / 5);
}

std::string_view WarningName(Warning warning) {
    return NameIn(kWarningNames, warning);
}

std::optional<Warning> ParseWarning(std::string_view name) {
    return ParseIn(kWarningNames, name);
}

Warning WarningAt(Instant now, Instant yellow_from, Instant deadline) {
    if (now > deadline) {
        return Warning::kRed;
    }
    return now >= yellow_from ? Warning::kYellow : Warning::kNormal;
}

}  // namespace minqing::domain
