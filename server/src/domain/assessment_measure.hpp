// The measures units are assessed on (WORKFLOW.md, "Measures"), their wire names and which way
// is better, and what one measure of one unit counted: numerator, denominator, the cases
// counted and the cases left out with the reason. Pure; thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "domain/case.hpp"

namespace minqing::domain {

enum class AssessmentMeasure {
    kOnTimeSigning,  // 按期签收率: dispatches signed within the limit ÷ dispatches
    kResponse,       // 响应率: first contact within the limit ÷ cases handled
    kOnTimeAnswer,   // 按期办结率: answers by the (extended) deadline ÷ deadlines in period
    kCompletion,     // 办结率: closed ÷ (closed + open past deadline)
    kResolution,     // 解决率: solved ÷ rated
    kSatisfaction,   // 满意率: (非常满意 + 满意 + 基本满意) ÷ rated
    kSatisfactionStrict,  // the same without 基本满意
    kReturnRate,          // 退回率: return requests ÷ dispatches
    kRefusedReturns,      // refused returns ÷ return requests
    kCorrectDispatch,     // 准确分转率: dispatches neither returned nor recalled ÷ dispatches
    kReopen,              // 重办率: reopened ÷ closed
    kExtension,           // 延期率: dispatches with an approved extension ÷ dispatches
    kAverageHandlingDays,  // 平均办理时长: Σ(answer − sign) ÷ answers, in working days
    kDirectResolution,     // 直接办结率: closed by the receiving office itself ÷ accepted
    kValidReports,         // 有效上报率 (grid workers): accepted ÷ submitted
    kRepeatRequests,       // 重复诉求率: merged ÷ (accepted + merged)
};

std::string_view AssessmentMeasureName(AssessmentMeasure measure);
std::optional<AssessmentMeasure> ParseAssessmentMeasure(std::string_view name);
std::span<const AssessmentMeasure> AllAssessmentMeasures();
/// False for the measures where less is better (returns, reopens, extensions, handling time,
/// repeats).
bool HigherIsBetter(AssessmentMeasure measure);
/// True for average handling days, whose numerator is a sum (hundredths of a working day), not
/// a count of cases.
bool IsAverage(AssessmentMeasure measure);

/// A case left out of a measure, and why: "appeal" (an accepted appeal), "returned" /
/// "recalled" (taken from the unit before it answered), "unreachable" (the reporter could
/// not be reached), "not_rated" (closed without that rating), "pending" (nothing decided
/// yet), "withdrawn", "no_deadline" (no answer deadline in the log), "no_calendar" (handling
/// days asked for without a calendar).
struct ExcludedCase {
    CaseId case_id = 0;
    std::string reason;
    bool operator==(const ExcludedCase&) const = default;
};

/// What one measure of one unit counted in one period. For a ratio measure numerator and
/// denominator count dispatches, answer clocks or cases (a case may count more than once when
/// it was dispatched to the unit more than once: `counted` lists it each time). For average
/// handling days the numerator is the sum of working days × 100 (hundredths of a working day)
/// and the denominator the number of answers.
struct MeasureResult {
    std::int64_t numerator = 0;
    std::int64_t denominator = 0;
    std::vector<CaseId> counted;
    /// Of `counted`, those that count against the unit: not meeting a higher-is-better measure
    /// (late, not solved …) or adding to a lower-is-better one (a return, a reopen …). What a
    /// unit reads before it appeals. Empty for averages.
    std::vector<CaseId> against;
    std::vector<ExcludedCase> excluded;

    /// numerator ÷ denominator as a percentage (average: working days); nullopt without data.
    std::optional<double> Value(AssessmentMeasure measure) const;
    bool operator==(const MeasureResult&) const = default;
};

}  // namespace minqing::domain
