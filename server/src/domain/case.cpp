#include "domain/case.hpp"

namespace minqing::domain {
namespace {

constexpr NameTable<CaseState, 14> kStateNames{{
    {CaseState::kRegistered, "registered"},
    {CaseState::kDeclined, "declined"},
    {CaseState::kMerged, "merged"},
    {CaseState::kRouting, "routing"},
    {CaseState::kDispatched, "dispatched"},
    {CaseState::kReturnRequested, "return_requested"},
    {CaseState::kHandling, "handling"},
    {CaseState::kExtensionRequested, "extension_requested"},
    {CaseState::kEscalated, "escalated"},
    {CaseState::kLongTerm, "long_term"},
    {CaseState::kAnswered, "answered"},
    {CaseState::kFollowUp, "follow_up"},
    {CaseState::kClosed, "closed"},
    {CaseState::kWithdrawn, "withdrawn"},
}};

constexpr NameTable<Channel, 7> kChannelNames{{
    {Channel::kGrid, "grid"},
    {Channel::kCadreReport, "cadre_report"},
    {Channel::kDirectCard, "direct_card"},
    {Channel::kHotline, "hotline"},
    {Channel::kWalkIn, "walk_in"},
    {Channel::kMailbox, "mailbox"},
    {Channel::kMessageBoard, "message_board"},
}};

constexpr NameTable<CaseKind, 7> kKindNames{{
    {CaseKind::kQuestion, "question"},
    {CaseKind::kHelp, "help"},
    {CaseKind::kComplaint, "complaint"},
    {CaseKind::kReport, "report"},
    {CaseKind::kSuggestion, "suggestion"},
    {CaseKind::kPraise, "praise"},
    {CaseKind::kOther, "other"},
}};

constexpr NameTable<CaseScope, 2> kScopeNames{{
    {CaseScope::kIndividual, "individual"},
    {CaseScope::kCollective, "collective"},
}};

constexpr NameTable<Urgency, 4> kUrgencyNames{{
    {Urgency::kCritical, "critical"},
    {Urgency::kUrgent, "urgent"},
    {Urgency::kNormal, "normal"},
    {Urgency::kComplex, "complex"},
}};

constexpr NameTable<Satisfaction, 5> kSatisfactionNames{{
    {Satisfaction::kVerySatisfied, "very_satisfied"},
    {Satisfaction::kSatisfied, "satisfied"},
    {Satisfaction::kBasicallySatisfied, "basically_satisfied"},
    {Satisfaction::kDissatisfied, "dissatisfied"},
    {Satisfaction::kVeryDissatisfied, "very_dissatisfied"},
}};

constexpr NameTable<AnswerResult, 4> kResultNames{{
    {AnswerResult::kSolved, "solved"},
    {AnswerResult::kPartlySolved, "partly_solved"},
    {AnswerResult::kExplained, "explained"},
    {AnswerResult::kCannotBeDone, "cannot_be_done"},
}};

constexpr NameTable<DispatchMethod, 3> kMethodNames{{
    {DispatchMethod::kNetwork, "network"},
    {DispatchMethod::kPhone, "phone"},
    {DispatchMethod::kWriting, "writing"},
}};

// The state list is derived from the name table so the two cannot drift apart.
constexpr auto kAllStates = [] {
    std::array<CaseState, kStateNames.size()> states{};
    for (std::size_t i = 0; i < kStateNames.size(); ++i) {
        states[i] = kStateNames[i].first;
    }
    return states;
}();

constexpr NameTable<DeadlineStep, 10> kStepNames{{
    {DeadlineStep::kAccept, "accept"},
    {DeadlineStep::kSign, "sign"},
    {DeadlineStep::kReturnDecision, "return_decision"},
    {DeadlineStep::kContact, "contact"},
    {DeadlineStep::kAnswer, "answer"},
    {DeadlineStep::kExtensionDecision, "extension_decision"},
    {DeadlineStep::kReview, "review"},
    {DeadlineStep::kFollowUp, "follow_up"},
    {DeadlineStep::kProgressNote, "progress_note"},
    {DeadlineStep::kInstruction, "instruction"},
}};

constexpr std::array kAllSteps = [] {
    std::array<DeadlineStep, kStepNames.size()> steps{};
    for (std::size_t i = 0; i < kStepNames.size(); ++i) {
        steps[i] = kStepNames[i].first;
    }
    return steps;
}();

}  // namespace

std::span<const CaseState> AllCaseStates() {
    return kAllStates;
}

std::string_view CaseStateName(CaseState state) {
    return NameIn(kStateNames, state);
}
std::optional<CaseState> ParseCaseState(std::string_view name) {
    return ParseIn(kStateNames, name);
}
std::string_view ChannelName(Channel channel) {
    return NameIn(kChannelNames, channel);
}
std::optional<Channel> ParseChannel(std::string_view name) {
    return ParseIn(kChannelNames, name);
}
std::string_view CaseKindName(CaseKind kind) {
    return NameIn(kKindNames, kind);
}
std::optional<CaseKind> ParseCaseKind(std::string_view name) {
    return ParseIn(kKindNames, name);
}
std::string_view CaseScopeName(CaseScope scope) {
    return NameIn(kScopeNames, scope);
}
std::optional<CaseScope> ParseCaseScope(std::string_view name) {
    return ParseIn(kScopeNames, name);
}
std::string_view UrgencyName(Urgency urgency) {
    return NameIn(kUrgencyNames, urgency);
}
std::optional<Urgency> ParseUrgency(std::string_view name) {
    return ParseIn(kUrgencyNames, name);
}
std::string_view SatisfactionName(Satisfaction satisfaction) {
    return NameIn(kSatisfactionNames, satisfaction);
}
std::optional<Satisfaction> ParseSatisfaction(std::string_view name) {
    return ParseIn(kSatisfactionNames, name);
}
std::string_view AnswerResultName(AnswerResult result) {
    return NameIn(kResultNames, result);
}
std::optional<AnswerResult> ParseAnswerResult(std::string_view name) {
    return ParseIn(kResultNames, name);
}
std::string_view DispatchMethodName(DispatchMethod method) {
    return NameIn(kMethodNames, method);
}
std::optional<DispatchMethod> ParseDispatchMethod(std::string_view name) {
    return ParseIn(kMethodNames, name);
}

bool IsTerminal(CaseState state) {
    switch (state) {
        case CaseState::kDeclined:
        case CaseState::kMerged:
        case CaseState::kClosed:
        case CaseState::kWithdrawn:
            return true;
        default:
            return false;
    }
}

std::string_view DeadlineStepName(DeadlineStep step) {
    return NameIn(kStepNames, step);
}

std::optional<DeadlineStep> ParseDeadlineStep(std::string_view name) {
    return ParseIn(kStepNames, name);
}

std::span<const DeadlineStep> AllDeadlineSteps() {
    return kAllSteps;
}

}  // namespace minqing::domain
