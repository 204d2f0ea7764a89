// Unit assessment (考核) for callers: the scheme and its versions, each period's results (live
// until the period is closed, then from its frozen snapshot), a unit's profile and trend, and
// the city office's workflow: publish preliminary results, take appeals, close, reopen. Every
// step is logged. Thread-safe; blocks on the Store.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/clock.hpp"
#include "common/result.hpp"
#include "domain/assessment_repository.hpp"
#include "domain/principal.hpp"
#include "domain/store.hpp"
#include "service/assessment_audience.hpp"
#include "service/org_tree_cache.hpp"
#include "service/time_rules_service.hpp"

namespace minqing::service {

/// A period as a caller reads it: its state and the rows they may see.
struct AssessmentResults {
    domain::AssessmentPeriod period;
    /// The stored record, or an open one for a period nobody published.
    domain::AssessmentPeriodRecord record;
    /// The scheme the results were computed with.
    int scheme_version = 0;
    std::vector<domain::UnitAssessment> units;
    /// The name of each unit and grid worker of `units`.
    std::map<domain::AssessedUnit, std::string> names;
};

struct ResultsFilter {
    std::optional<domain::PeerGroup> group;
    /// Within a group: the district of district member units.
    std::optional<domain::OrgUnitId> scope;
};

/// One unit of one period with the cases behind its numbers and its appeals.
struct UnitProfile {
    AssessmentResults results;  // `units` holds the one unit (empty rows when nothing counted)
    std::map<domain::CaseId, std::string> case_numbers;
    std::vector<domain::AssessmentAppeal> appeals;
};

/// One month of a unit's trend.
struct TrendPoint {
    domain::AssessmentPeriod period;
    domain::AssessmentPeriodState state = domain::AssessmentPeriodState::kOpen;
    std::optional<domain::UnitAssessment> unit;  // nullopt: nothing counted that month
};

struct AppealForm {
    std::string period;
    std::string unit;  // "org-34", "user-12"
    std::string measure;
    domain::CaseId case_id = 0;
    std::string reason;
    std::vector<std::int64_t> attachment_ids;
};

/// "org-34" or "user-12"; nullopt for anything else.
std::optional<domain::AssessedUnit> ParseUnitKey(std::string_view key);
std::string UnitKey(const domain::AssessedUnit& unit);

class AssessmentService {
  public:
    AssessmentService(domain::Store& store, const Clock& clock, OrgTreeCache& org_tree,
                      TimeRulesService& time_rules)
        : store_(store), clock_(clock), org_tree_(org_tree), time_rules_(time_rules) {}

    /// Stores `scheme` as version 1 when no version exists (the seed); true when it did.
    bool SeedScheme(const domain::AssessmentScheme& scheme);

    /// Errors (all reads): 403 "auth.forbidden" for callers who read no assessment.
    Result<std::vector<domain::StoredAssessmentScheme>> Schemes(const domain::Principal& caller);
    Result<domain::StoredAssessmentScheme> CurrentScheme(const domain::Principal& caller);
    /// Errors: 403 "auth.forbidden" unless the city office or an administrator of the city.
    Status CanEditScheme(const domain::Principal& caller);
    /// Errors: 403 "auth.forbidden" for callers who appeal for no unit.
    Status CanAppeal(const domain::Principal& caller);
    /// Saves `scheme` as the next version. Errors: 403 "auth.forbidden" unless the city office
    /// or an administrator of the city; 422 with ValidateScheme's fields.
    Result<domain::StoredAssessmentScheme> ChangeScheme(const domain::Principal& caller,
                                                        domain::AssessmentScheme scheme,
                                                        const std::string& note);

    /// The periods with a record, and the recent months, quarters and years (open unless
    /// recorded), newest first.
    Result<std::vector<domain::AssessmentPeriodRecord>> Periods(const domain::Principal& caller);
    /// The rows of `label` the caller reads. Errors: 422 "period" invalid.
    Result<AssessmentResults> Results(const domain::Principal& caller, std::string_view label,
                                      const ResultsFilter& filter = {});
    /// Errors: 422 "period"; 404 "assessment.unit_not_found" for a key that names nothing the
    /// caller reads.
    Result<UnitProfile> Profile(const domain::Principal& caller, std::string_view label,
                                std::string_view unit_key);
    /// Month by month from `from` to `to` ("2026-01", at most 24 months). Errors: 422 "from" /
    /// "to"; 404 as Profile.
    Result<std::vector<TrendPoint>> Trend(const domain::Principal& caller,
                                          std::string_view unit_key, std::string_view from,
                                          std::string_view to);

    /// Preliminary results: units may appeal for scheme.appeal_days days. Errors: 403
    /// "auth.forbidden" unless the city office; 422 "period"; 409 "assessment.period_not_ended",
    /// "assessment.already_published", "assessment.period_closed".
    Result<domain::AssessmentPeriodRecord> Publish(const domain::Principal& caller,
                                                   std::string_view label);
    /// Freezes the results (snapshot with the scheme version). Errors as Publish, without
    /// already_published.
    Result<domain::AssessmentPeriodRecord> Close(const domain::Principal& caller,
                                                 std::string_view label);
    /// A closed period is computed live again. Errors: 403; 422 "period", "reason" required;
    /// 409 "assessment.period_not_closed".
    Result<domain::AssessmentPeriodRecord> Reopen(const domain::Principal& caller,
                                                  std::string_view label,
                                                  const std::string& reason);
    /// Errors: 403 "auth.forbidden" unless a reader of the whole city; 422 "period".
    Result<std::vector<domain::AssessmentLogEntry>> Log(const domain::Principal& caller,
                                                        std::string_view label);

    /// Errors: 403 "auth.forbidden" for callers who appeal for no unit, 403
    /// "assessment.not_your_unit"; 422 for the form's fields ("caseId" "not_counted" when the
    /// case does not count for the unit in the measure); 409
    /// "assessment.appeal_window_closed" unless preliminary and within the window; 409
    /// "assessment.appeal_exists" for a second appeal on the same case and measure.
    Result<domain::AssessmentAppeal> FileAppeal(const domain::Principal& caller,
                                                const AppealForm& form);
    /// The appeals of the units the caller reads. Errors: 403.
    Result<std::vector<domain::AssessmentAppeal>> Appeals(const domain::Principal& caller,
                                                          const domain::AppealQuery& query);
    /// Errors: 403 unless the city office; 404 "assessment.appeal_not_found"; 422 "reason"
    /// required; 409 "assessment.appeal_decided", "assessment.period_closed".
    Result<domain::AssessmentAppeal> Decide(const domain::Principal& caller, std::int64_t id,
                                            bool accept, const std::string& reason);

    /// The period's results as an .xlsx workbook, one sheet per peer group. Errors as Results.
    Result<std::string> Export(const domain::Principal& caller, std::string_view label);

  private:
    /// What every call starts from: the caller's audience over the current org tree.
    struct Context {
        const domain::Principal& caller;
        std::shared_ptr<const domain::OrgTree> tree;
        AssessmentAudience audience;
    };
    Context Begin(const domain::Principal& caller);
    /// Begin, refusing callers who read no assessment (403 "auth.forbidden").
    Result<Context> Reader(const domain::Principal& caller);
    /// Every unit's results of `period`: the snapshot of a closed one, else computed now.
    AssessmentResults Compute(domain::Repositories& repositories, const Context& context,
                              const domain::AssessmentPeriod& period);
    void Name(domain::Repositories& repositories, const Context& context,
              AssessmentResults& results);
    std::string UnitName(domain::Repositories& repositories, const Context& context,
                         const domain::AssessedUnit& unit);
    bool Reads(domain::Repositories& repositories, const Context& context,
               const domain::AssessedUnit& unit);
    Result<domain::AssessmentPeriodRecord> Transition(const domain::Principal& caller,
                                                      std::string_view label,
                                                      domain::AssessmentPeriodState to,
                                                      const std::string& reason);

    domain::Store& store_;
    const Clock& clock_;
    OrgTreeCache& org_tree_;
    TimeRulesService& time_rules_;
};

}  // namespace minqing::service
