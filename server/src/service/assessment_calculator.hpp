// Computes assessments from the stored cases: loads the cases a range of days may count with
// their event logs, reads each one's facts once, and runs the domain's Assess for each period
// asked, with the accepted appeals of that period. Used inside a unit of work; thread-safe as
// its inputs are.
#pragma once

#include <memory>
#include <set>
#include <string>
#include <vector>

#include "domain/assessment.hpp"
#include "domain/store.hpp"
#include "domain/work_calendar.hpp"

namespace minqing::service {

class AssessmentCalculator {
  public:
    /// `calendar` turns handling time into working days (may be null: no handling days).
    AssessmentCalculator(domain::Repositories& repositories, const domain::OrgTree& tree,
                         std::shared_ptr<const domain::WorkCalendar> calendar)
        : repositories_(repositories), tree_(tree), calendar_(std::move(calendar)) {}

    /// Loads the facts of every case `periods` may count (once for all of them).
    void Load(const std::vector<domain::AssessmentPeriod>& periods);
    /// The results of `period` (one that Load covered) under `scheme`, with the appeals
    /// accepted for it.
    std::vector<domain::UnitAssessment> Assess(const domain::AssessmentPeriod& period,
                                               const domain::AssessmentScheme& scheme);

  private:
    domain::Repositories& repositories_;
    const domain::OrgTree& tree_;
    std::shared_ptr<const domain::WorkCalendar> calendar_;
    std::vector<domain::CaseFacts> facts_;
};

/// The accepted appeals of a period as the exclusions Assess takes.
std::set<domain::AppealExclusion> AcceptedAppeals(domain::AssessmentRepository& assessments,
                                                  const std::string& label);

}  // namespace minqing::service
