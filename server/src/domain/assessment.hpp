// Unit assessment (考核): from the facts of many cases, for one period and one scheme, each
// assessed unit's measures (numerator, denominator, the cases counted and excluded), its
// composite score with every deduction and bonus, and its rank among its peers. Pure;
// thread-safe.
//
// Which period a case counts in (WORKFLOW.md): timeliness in the period its deadline falls
// in, results in the period the case closed in. Which unit it counts for, per measure:
//   on_time_signing, return_rate, refused_returns, extension — the unit dispatched to, each
//     dispatch on its own (dispatches to an office below are not signed and not counted);
//   response, on_time_answer, average_handling_days — the unit whose answer clock it was
//     (an approved return or a recall takes the clock away: excluded, "returned"/"recalled");
//   completion, resolution, satisfaction(_strict), reopen — the lead unit at the close;
//   correct_dispatch — the office that dispatched;
//   direct_resolution, repeat_requests — the office that accepted (or merged) the report;
//   valid_reports — the grid worker who recorded it (a user).
#pragma once

#include <compare>
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "domain/assessment_facts.hpp"
#include "domain/assessment_measure.hpp"
#include "domain/assessment_period.hpp"
#include "domain/assessment_scheme.hpp"
#include "domain/org_tree.hpp"

namespace minqing::domain {

/// Who is assessed: an org unit (member unit, office, community) or a grid worker (a user).
struct AssessedUnit {
    enum class Kind { kOrgUnit, kUser };
    Kind kind = Kind::kOrgUnit;
    std::int64_t id = 0;

    auto operator<=>(const AssessedUnit&) const = default;
};
inline AssessedUnit OrgUnitAssessed(OrgUnitId id) {
    return {AssessedUnit::Kind::kOrgUnit, id};
}
inline AssessedUnit UserAssessed(UserId id) {
    return {AssessedUnit::Kind::kUser, id};
}

/// An appeal (考核申诉) the city office accepted: `case_id` does not count in `measure` for
/// `unit`; it is listed as excluded with the reason "appeal".
struct AppealExclusion {
    AssessedUnit unit;
    AssessmentMeasure measure = AssessmentMeasure::kResponse;
    CaseId case_id = 0;

    auto operator<=>(const AppealExclusion&) const = default;
};

/// A deduction or a bonus on the composite, case by case.
struct ScoreAdjustment {
    /// "red_card", "bulletin", "reopen" (deductions), "praise" (bonus).
    std::string kind;
    CaseId case_id = 0;
    /// Negative for a deduction.
    double points = 0;
    bool operator==(const ScoreAdjustment&) const = default;
};

struct UnitAssessment {
    AssessedUnit unit;
    /// The peer group it is ranked in; nullopt for units of no group (the city office, a
    /// section, an inactive or unknown unit).
    std::optional<PeerGroup> group;
    /// Within a group: the district of a district's member units; 0 otherwise.
    OrgUnitId group_scope = 0;
    /// Only the measures with something counted or excluded for the unit.
    std::map<AssessmentMeasure, MeasureResult> measures;
    /// Distinct cases counted in any measure (appeals excluded): the number the minimum is
    /// compared with.
    std::int64_t case_count = 0;
    /// Σ weight × measure over the weighted measures with data, the weights scaled to the
    /// ones present (a lower-is-better measure counts as 100 − it); nullopt when none has data.
    std::optional<double> measure_score;
    std::vector<ScoreAdjustment> adjustments;
    /// measure_score + adjustments, kept within 0–100.
    std::optional<double> composite;
    /// 1 for the best of its group, ties sharing a rank (1, 1, 3); nullopt when not ranked:
    /// below the minimum, no composite, or a group the scheme does not rank.
    std::optional<int> rank;
    bool below_minimum = false;
};

/// Every unit with anything counted, excluded or adjusted in `period`, ordered by group, then
/// group scope, then rank (unranked last), then unit. `tree` places units in their peer group.
/// `appeals` are accepted appeals. Unanswered clocks whose deadline fell in the period count
/// as late: assess a period once it has ended.
std::vector<UnitAssessment> Assess(const std::vector<CaseFacts>& cases,
                                   const AssessmentPeriod& period, const AssessmentScheme& scheme,
                                   const OrgTree& tree, const std::set<AppealExclusion>& appeals);

}  // namespace minqing::domain
