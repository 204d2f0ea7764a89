#include "service/assessment_calculator.hpp"

#include <algorithm>
#include <chrono>

namespace minqing::service {
namespace {

// How long before a period's first day a case may have finished and still count in it: a
// timeliness measure counts in the period its deadline falls in, and an answer may come well
// before its deadline (a long-term commitment's can be months ahead; those stay open, and
// open cases are always loaded).
constexpr auto kDeadlineTrail = std::chrono::days(92);

}  // namespace

void AssessmentCalculator::Load(const std::vector<domain::AssessmentPeriod>& periods) {
    facts_.clear();
    if (periods.empty()) {
        return;
    }
    const auto from = std::ranges::min(periods, {}, &domain::AssessmentPeriod::from).from;
    const auto to = std::ranges::max(periods, {}, &domain::AssessmentPeriod::to).to;
    domain::FactsContext context;
    context.calendar = calendar_.get();
    const auto ids = repositories_.Assessments().CasesActiveIn(
        domain::StartOfDayNumber(from) - kDeadlineTrail, domain::StartOfDayNumber(to));
    facts_.reserve(ids.size());
    for (const domain::CaseId id : ids) {
        const auto found = repositories_.Cases().FindById(id);
        if (!found) {
            continue;
        }
        facts_.push_back(domain::FactsOf(*found, repositories_.CaseEvents().History(id), context));
    }
}

std::vector<domain::UnitAssessment> AssessmentCalculator::Assess(
    const domain::AssessmentPeriod& period, const domain::AssessmentScheme& scheme) {
    return domain::Assess(facts_, period, scheme, tree_,
                          AcceptedAppeals(repositories_.Assessments(), period.label));
}

std::set<domain::AppealExclusion> AcceptedAppeals(domain::AssessmentRepository& assessments,
                                                  const std::string& label) {
    domain::AppealQuery query;
    query.period = label;
    query.state = domain::AppealState::kAccepted;
    std::set<domain::AppealExclusion> exclusions;
    for (const auto& appeal : assessments.Appeals(query)) {
        exclusions.insert({appeal.unit, appeal.measure, appeal.case_id});
    }
    return exclusions;
}

}  // namespace minqing::service
