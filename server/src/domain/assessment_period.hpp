// The period an assessment covers: a calendar month, quarter or year in China days, written
// "2026-11", "2026-Q4" or "2026". Pure; thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "common/clock.hpp"
#include "domain/case_rollup.hpp"

namespace minqing::domain {

enum class AssessmentPeriodKind { kMonth, kQuarter, kYear };

struct AssessmentPeriod {
    AssessmentPeriodKind kind = AssessmentPeriodKind::kMonth;
    /// [from, to) in China days.
    DayNumber from = 0;
    DayNumber to = 0;
    /// "2026-11", "2026-Q4", "2026".
    std::string label;

    /// Whether `at` falls on a day of the period (China time).
    bool Contains(Instant at) const;
    bool operator==(const AssessmentPeriod&) const = default;
};

/// The period of `kind` that contains `day`.
AssessmentPeriod PeriodContaining(AssessmentPeriodKind kind, DayNumber day);
/// "2026-11", "2026-Q4" or "2026"; nullopt for anything else (month 13, quarter 5, a year
/// outside 1970–9999, extra characters).
std::optional<AssessmentPeriod> ParseAssessmentPeriod(std::string_view label);

}  // namespace minqing::domain
