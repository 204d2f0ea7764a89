#include "domain/assessment_repository.hpp"

#include "domain/name_table.hpp"

namespace minqing::domain {
namespace {

constexpr NameTable<AssessmentPeriodState, 3> kPeriodStateNames{{
    {AssessmentPeriodState::kOpen, "open"},
    {AssessmentPeriodState::kPreliminary, "preliminary"},
    {AssessmentPeriodState::kClosed, "closed"},
}};

constexpr NameTable<AppealState, 3> kAppealStateNames{{
    {AppealState::kFiled, "filed"},
    {AppealState::kAccepted, "accepted"},
    {AppealState::kRejected, "rejected"},
}};

}  // namespace

std::string_view AssessmentPeriodStateName(AssessmentPeriodState state) {
    return NameIn(kPeriodStateNames, state);
}

std::optional<AssessmentPeriodState> ParseAssessmentPeriodState(std::string_view name) {
    return ParseIn(kPeriodStateNames, name);
}

std::string_view AppealStateName(AppealState state) {
    return NameIn(kAppealStateNames, state);
}

std::optional<AppealState> ParseAppealState(std::string_view name) {
    return ParseIn(kAppealStateNames, name);
}

}  // namespace minqing::domain
