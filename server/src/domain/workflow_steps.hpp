// The workflow's steps, one function per action: what each does to a case once its permit
// and the case's own limits allow it (workflow.cpp checks those). Internal to the workflow:
// callers use ApplyAction and AvailableActions of workflow.hpp.
#pragma once

#include <initializer_list>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

#include "domain/workflow.hpp"
#include "text/text_checks.hpp"

namespace minqing::domain {

/// One action being applied: the case before it, the checked input, the time and limits.
struct Step {
    const Case& before;
    const ActionInput& input;
    Instant now;
    const WorkflowLimits& limits;
    const Relations& actor;
};

// JSON field names, as the API spells them, for field errors.
inline constexpr std::string_view kBadTarget = "case.bad_target";
inline constexpr std::string_view kReasonField = "reason";
inline constexpr std::string_view kLegalBasisField = "legalBasis";
inline constexpr std::string_view kMasterCaseIdField = "masterCaseId";
inline constexpr std::string_view kTargetIdField = "targetId";
inline constexpr std::string_view kAssistingIdsField = "assistingIds";
inline constexpr std::string_view kMethodField = "method";
inline constexpr std::string_view kResultField = "result";
inline constexpr std::string_view kAnswerTextField = "answerText";
inline constexpr std::string_view kExtensionDaysField = "extensionDays";
inline constexpr std::string_view kCommittedDateField = "committedDate";
inline constexpr std::string_view kSatisfactionField = "satisfaction";
inline constexpr std::string_view kNoteField = "note";
inline constexpr std::string_view kGrantedDaysField = "grantedDays";
inline constexpr std::string_view kAssigneeIdField = "assigneeId";
inline constexpr std::string_view kConfirmField = "confirm";
inline constexpr std::string_view kRelayMessageField = "relayMessage";

/// Field errors collected over all inputs, so a form can show every problem at once.
class FieldErrors {
  public:
    void Add(std::string_view field, std::string_view reason, std::string_view message) {
        fields_.push_back({std::string(field), std::string(reason), std::string(message)});
    }

    /// Required free text must hold more than white space.
    void RequireText(std::string_view field, std::string_view value) {
        if (text::Trim(value).empty()) {
            Add(field, "required", "This field is required.");
        }
    }

    template <typename T>
    void RequirePresent(std::string_view field, const std::optional<T>& value) {
        if (!value) {
            Add(field, "required", "This field is required.");
        }
    }

    /// The collected inputs' failure ("validation.failed"), or nullopt when all were fine.
    std::optional<Error> Failure() const {
        if (fields_.empty()) {
            return std::nullopt;
        }
        return Validation(fields_);
    }

    /// The collected targets' failure ("case.bad_target"), or nullopt when all were fine.
    std::optional<Error> TargetFailure() const {
        auto error = Failure();
        if (error) {
            error->reason = std::string(kBadTarget);
            error->message = "A target is of the wrong kind or level for this action.";
        }
        return error;
    }

  private:
    std::vector<FieldError> fields_;
};

/// The case after `action`, or the inputs' field errors ("validation.failed",
/// "case.bad_target"), or a conflict the inputs cause.
Result<Case> TakeStep(CaseAction action, const Step& step);

/// The case's current holder, which the service resolved; throws std::invalid_argument when it
/// did not (a bug in the caller, not a user error).
const OrgUnit& HolderOf(const Step& step);
/// The case as it was, now in state `to`.
Case Moved(const Step& step, CaseState to);

/// The failure ("validation.failed") listing each (field, text) that is blank, or nullopt.
std::optional<Error> MissingTexts(
    std::initializer_list<std::pair<std::string_view, std::string_view>> fields);
/// The failure of an action whose only required input is its reason, when it is blank.
std::optional<Error> MissingReason(const Step& step);

// The steps of workflow_answer_steps.cpp.
Result<Case> Answer(const Step& step);
Result<Case> ApproveUnitAnswer(const Step& step);
Result<Case> RejectUnitAnswer(const Step& step);
Result<Case> Assign(const Step& step);
Result<Case> ApproveAnswer(const Step& step);
Result<Case> ReturnForRework(const Step& step);
Result<Case> FollowUp(const Step& step);
Result<Case> Reopen(const Step& step);
Result<Case> Close(const Step& step);
Result<Case> Withdraw(const Step& step);

inline bool IsOffice(const OrgUnit& unit) {
    return unit.kind == OrgKind::kDivision;
}

/// A street or community office, which may handle a case itself.
inline bool IsLocalOffice(const OrgUnit& unit) {
    return IsOffice(unit) &&
           (unit.level == OrgLevel::kStreet || unit.level == OrgLevel::kCommunity);
}

}  // namespace minqing::domain
