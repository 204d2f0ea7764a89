#include "domain/assessment_measure.hpp"

#include <array>
#include <utility>

namespace minqing::domain {
namespace {

using M = AssessmentMeasure;

constexpr std::array<std::pair<M, std::string_view>, 16> kNames = {{
    {M::kOnTimeSigning, "on_time_signing"},
    {M::kResponse, "response"},
    {M::kOnTimeAnswer, "on_time_answer"},
    {M::kCompletion, "completion"},
    {M::kResolution, "resolution"},
    {M::kSatisfaction, "satisfaction"},
    {M::kSatisfactionStrict, "satisfaction_strict"},
    {M::kReturnRate, "return_rate"},
    {M::kRefusedReturns, "refused_returns"},
    {M::kCorrectDispatch, "correct_dispatch"},
    {M::kReopen, "reopen"},
    {M::kExtension, "extension"},
    {M::kAverageHandlingDays, "average_handling_days"},
    {M::kDirectResolution, "direct_resolution"},
    {M::kValidReports, "valid_reports"},
    {M::kRepeatRequests, "repeat_requests"},
}};

constexpr std::array<M, kNames.size()> kAll = [] {
    std::array<M, kNames.size()> all{};
    for (std::size_t i = 0; i < kNames.size(); ++i) {
        all[i] = kNames[i].first;
    }
    return all;
}();

// Percentages for ratios; hundredths of a working day turn back into days.
constexpr double kPercent = 100.0;
constexpr double kCentiPerDay = 100.0;

}  // namespace

std::string_view AssessmentMeasureName(AssessmentMeasure measure) {
    for (const auto& [value, name] : kNames) {
        if (value == measure) {
            return name;
        }
    }
    return "";
}

std::optional<AssessmentMeasure> ParseAssessmentMeasure(std::string_view name) {
    for (const auto& [value, wire] : kNames) {
        if (wire == name) {
            return value;
        }
    }
    return std::nullopt;
}

std::span<const AssessmentMeasure> AllAssessmentMeasures() {
    return kAll;
}

bool HigherIsBetter(AssessmentMeasure measure) {
    switch (measure) {
        case M::kReturnRate:
        case M::kRefusedReturns:
        case M::kReopen:
        case M::kExtension:
        case M::kAverageHandlingDays:
        case M::kRepeatRequests:
            return false;
        default:
            return true;
    }
}

bool IsAverage(AssessmentMeasure measure) {
    return measure == M::kAverageHandlingDays;
}

std::optional<double> MeasureResult::Value(AssessmentMeasure measure) const {
    if (denominator == 0) {
        return std::nullopt;
    }
    const double ratio = static_cast<double>(numerator) / static_cast<double>(denominator);
    return IsAverage(measure) ? ratio / kCentiPerDay : ratio * kPercent;
}

}  // namespace minqing::domain
