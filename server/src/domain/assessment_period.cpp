#include "domain/assessment_period.hpp"

#include <charconv>
#include <chrono>

#include "domain/case_stats.hpp"

namespace minqing::domain {
namespace {

constexpr int kFirstYear = 1970;
constexpr int kLastYear = 9999;
constexpr unsigned kMonthsPerQuarter = 3;
constexpr unsigned kQuarters = 4;
constexpr unsigned kMonths = 12;

DayNumber FirstDay(int year, unsigned month) {
    const std::chrono::sys_days day{std::chrono::year(year) / std::chrono::month(month) /
                                    std::chrono::day(1)};
    return static_cast<DayNumber>(day.time_since_epoch().count());
}

std::optional<int> Number(std::string_view text, std::size_t digits) {
    int value = 0;
    const auto parsed = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.size() != digits || parsed.ec != std::errc() ||
        parsed.ptr != text.data() + text.size()) {
        return std::nullopt;
    }
    return value;
}

std::string Label(AssessmentPeriodKind kind, DayNumber from) {
    const std::chrono::year_month_day ymd{std::chrono::sys_days{std::chrono::days{from}}};
    const std::string year = std::to_string(static_cast<int>(ymd.year()));
    const unsigned month = static_cast<unsigned>(ymd.month());
    switch (kind) {
        case AssessmentPeriodKind::kMonth:
            return year + (month < 10 ? "-0" : "-") + std::to_string(month);
        case AssessmentPeriodKind::kQuarter:
            return year + "-Q" + std::to_string((month - 1) / kMonthsPerQuarter + 1);
        case AssessmentPeriodKind::kYear:
            return year;
    }
    return year;
}

StatsPeriod StatsPeriodOf(AssessmentPeriodKind kind) {
    switch (kind) {
        case AssessmentPeriodKind::kMonth:
            return StatsPeriod::kMonth;
        case AssessmentPeriodKind::kQuarter:
            return StatsPeriod::kQuarter;
        case AssessmentPeriodKind::kYear:
            return StatsPeriod::kYear;
    }
    return StatsPeriod::kMonth;
}

}  // namespace

bool AssessmentPeriod::Contains(Instant at) const {
    const DayNumber day = DayNumberOf(at);
    return day >= from && day < to;
}

AssessmentPeriod PeriodContaining(AssessmentPeriodKind kind, DayNumber day) {
    AssessmentPeriod period;
    period.kind = kind;
    period.from = PeriodStart(day, StatsPeriodOf(kind));
    period.to = NextPeriodStart(period.from, StatsPeriodOf(kind));
    period.label = Label(kind, period.from);
    return period;
}

std::optional<AssessmentPeriod> ParseAssessmentPeriod(std::string_view label) {
    constexpr std::size_t kYearDigits = 4;
    const auto year = Number(label.substr(0, kYearDigits), kYearDigits);
    if (!year || *year < kFirstYear || *year > kLastYear) {
        return std::nullopt;
    }
    const std::string_view rest = label.substr(kYearDigits);
    if (rest.empty()) {
        return PeriodContaining(AssessmentPeriodKind::kYear, FirstDay(*year, 1));
    }
    if (rest.size() == 3 && rest.substr(0, 2) == "-Q") {
        const auto quarter = Number(rest.substr(2), 1);
        if (!quarter || *quarter < 1 || *quarter > static_cast<int>(kQuarters)) {
            return std::nullopt;
        }
        const auto month = static_cast<unsigned>(*quarter - 1) * kMonthsPerQuarter + 1;
        return PeriodContaining(AssessmentPeriodKind::kQuarter, FirstDay(*year, month));
    }
    if (rest.size() == 3 && rest[0] == '-') {
        const auto month = Number(rest.substr(1), 2);
        if (!month || *month < 1 || *month > static_cast<int>(kMonths)) {
            return std::nullopt;
        }
        return PeriodContaining(AssessmentPeriodKind::kMonth,
                                FirstDay(*year, static_cast<unsigned>(*month)));
    }
    return std::nullopt;
}

}  // namespace minqing::domain
