// The counting behind Assess (assessment.hpp): what each case adds to each unit's measures and
// adjustments in one period. Internal to the assessment; pure.
#pragma once

#include <map>
#include <set>
#include <vector>

#include "domain/assessment.hpp"

namespace minqing::domain {

struct UnitTally {
    std::map<AssessmentMeasure, MeasureResult> measures;
    std::vector<ScoreAdjustment> adjustments;
};

class AssessmentTally {
  public:
    AssessmentTally(const AssessmentPeriod& period, const AssessmentScheme& scheme,
                    const std::set<AppealExclusion>& appeals)
        : period_(period), scheme_(scheme), appeals_(appeals) {}

    /// Adds what `facts` counts for in the period.
    void Add(const CaseFacts& facts);
    const std::map<AssessedUnit, UnitTally>& units() const { return units_; }

    /// Counts the case in the measure: `amount` on the numerator when `hit` (a ratio's 1, an
    /// average's value), 1 on the denominator; or excludes it for an accepted appeal.
    void Count(AssessedUnit unit, AssessmentMeasure measure, CaseId id, bool hit,
               std::int64_t amount = 1);
    void Exclude(AssessedUnit unit, AssessmentMeasure measure, CaseId id, std::string reason);
    void Adjust(AssessedUnit unit, std::string kind, CaseId id, double points);
    bool InPeriod(Instant at) const { return period_.Contains(at); }
    bool EndedBefore(Instant at) const;
    const AssessmentScheme& scheme() const { return scheme_; }

  private:
    const AssessmentPeriod& period_;
    const AssessmentScheme& scheme_;
    const std::set<AppealExclusion>& appeals_;
    std::map<AssessedUnit, UnitTally> units_;
};

}  // namespace minqing::domain
