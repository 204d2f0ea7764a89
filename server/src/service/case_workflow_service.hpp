// Acting on a case: resolves who the caller is to it and what the action names, asks the
// domain's state machine, and saves the case and its event in one transaction. Two callers
// acting on the same version: exactly one wins, the other gets 409. Thread-safe.
#pragma once

#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "common/clock.hpp"
#include "common/result.hpp"
#include "domain/principal.hpp"
#include "domain/store.hpp"
#include "domain/workflow.hpp"
#include "service/case_view.hpp"
#include "service/org_tree_cache.hpp"
#include "service/time_rules_service.hpp"

namespace minqing::service {

struct ActionRequest {
    domain::CaseAction action = domain::CaseAction::kSupervise;
    /// The version the caller saw; a stale one is a 409.
    std::optional<std::int64_t> expected_version;
    /// The org node the action names (dispatch, handover, escalate); forward finds its own.
    std::optional<domain::OrgUnitId> target_id;
    std::vector<domain::OrgUnitId> assisting_ids;
    /// Texts, choices and dates; org units are filled in here.
    domain::ActionInput input;
};

/// The inputs the service chooses itself when a request leaves them out, although the step
/// needs them (domain::RequiredInputs): forward goes to the next office up, escalate to the
/// leader in charge of the district the matter arose in. The published forms leave them
/// optional.
std::span<const std::string_view> InputsChosenWhenOmitted(domain::CaseAction action);

class CaseWorkflowService {
  public:
    CaseWorkflowService(domain::Store& store, const Clock& clock, TimeRulesService& time_rules,
                        OrgTreeCache& org_tree, domain::WorkflowLimits limits = {})
        : store_(store),
          clock_(clock),
          time_rules_(time_rules),
          org_tree_(org_tree),
          limits_(limits) {}

    /// Errors: 404 "case.not_found" (also when outside the caller's jurisdiction);
    /// 409 "case.version_conflict", "case.wrong_state", "case.terminal", …; 403
    /// "case.not_holder"; 422 with every bad field.
    Result<CaseView> Act(const domain::Principal& caller, domain::CaseId id, ActionRequest request);

    /// Shows the reporter unmasked and records that it was shown. Errors: 404; 403
    /// "case.reporter_hidden" for callers who may not see the reporter.
    Result<CaseView> RevealReporter(const domain::Principal& caller, domain::CaseId id);

  private:
    domain::Store& store_;
    const Clock& clock_;
    TimeRulesService& time_rules_;
    OrgTreeCache& org_tree_;
    const domain::WorkflowLimits limits_;
};

}  // namespace minqing::service
