#include "domain/case.hpp"

#include <set>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

namespace minqing::domain {
namespace {

// Each enumeration's expected wire names, written out so a renamed value shows up here.
template <typename Enum>
using Spelling = std::vector<std::pair<Enum, std::string_view>>;

template <typename Enum, typename NameFn, typename ParseFn>
void ExpectRoundTrip(const Spelling<Enum>& spelling, NameFn name_of, ParseFn parse) {
    std::set<std::string_view> seen;
    for (const auto& [value, name] : spelling) {
        EXPECT_EQ(name_of(value), name);
        EXPECT_EQ(parse(name), value) << name;
        EXPECT_TRUE(seen.insert(name).second) << "duplicate name " << name;
    }
    for (const std::string_view unknown : {"", "Registered", "unknown", " closed", "closed "}) {
        EXPECT_FALSE(parse(unknown).has_value()) << '"' << unknown << '"';
    }
}

TEST(CaseNamesTest, StatesRoundTrip) {
    const Spelling<CaseState> spelling{
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
    };
    ExpectRoundTrip(spelling, CaseStateName, ParseCaseState);

    const auto all = AllCaseStates();
    ASSERT_EQ(all.size(), spelling.size());
    for (std::size_t i = 0; i < all.size(); ++i) {
        EXPECT_EQ(all[i], spelling[i].first) << "AllCaseStates keeps declaration order";
    }
}

TEST(CaseNamesTest, ChannelsRoundTrip) {
    ExpectRoundTrip(Spelling<Channel>{{Channel::kGrid, "grid"},
                                      {Channel::kCadreReport, "cadre_report"},
                                      {Channel::kDirectCard, "direct_card"},
                                      {Channel::kHotline, "hotline"},
                                      {Channel::kWalkIn, "walk_in"},
                                      {Channel::kMailbox, "mailbox"},
                                      {Channel::kMessageBoard, "message_board"}},
                    ChannelName, ParseChannel);
}

TEST(CaseNamesTest, KindsRoundTrip) {
    ExpectRoundTrip(Spelling<CaseKind>{{CaseKind::kQuestion, "question"},
                                       {CaseKind::kHelp, "help"},
                                       {CaseKind::kComplaint, "complaint"},
                                       {CaseKind::kReport, "report"},
                                       {CaseKind::kSuggestion, "suggestion"},
                                       {CaseKind::kPraise, "praise"},
                                       {CaseKind::kOther, "other"}},
                    CaseKindName, ParseCaseKind);
}

TEST(CaseNamesTest, ScopesRoundTrip) {
    ExpectRoundTrip(Spelling<CaseScope>{{CaseScope::kIndividual, "individual"},
                                        {CaseScope::kCollective, "collective"}},
                    CaseScopeName, ParseCaseScope);
}

TEST(CaseNamesTest, UrgenciesRoundTrip) {
    ExpectRoundTrip(Spelling<Urgency>{{Urgency::kCritical, "critical"},
                                      {Urgency::kUrgent, "urgent"},
                                      {Urgency::kNormal, "normal"},
                                      {Urgency::kComplex, "complex"}},
                    UrgencyName, ParseUrgency);
}

TEST(CaseNamesTest, SatisfactionsRoundTrip) {
    ExpectRoundTrip(
        Spelling<Satisfaction>{{Satisfaction::kVerySatisfied, "very_satisfied"},
                               {Satisfaction::kSatisfied, "satisfied"},
                               {Satisfaction::kBasicallySatisfied, "basically_satisfied"},
                               {Satisfaction::kDissatisfied, "dissatisfied"},
                               {Satisfaction::kVeryDissatisfied, "very_dissatisfied"}},
        SatisfactionName, ParseSatisfaction);
}

TEST(CaseNamesTest, AnswerResultsRoundTrip) {
    ExpectRoundTrip(Spelling<AnswerResult>{{AnswerResult::kSolved, "solved"},
                                           {AnswerResult::kPartlySolved, "partly_solved"},
                                           {AnswerResult::kExplained, "explained"},
                                           {AnswerResult::kCannotBeDone, "cannot_be_done"}},
                    AnswerResultName, ParseAnswerResult);
}

TEST(CaseNamesTest, DispatchMethodsRoundTrip) {
    ExpectRoundTrip(Spelling<DispatchMethod>{{DispatchMethod::kNetwork, "network"},
                                             {DispatchMethod::kPhone, "phone"},
                                             {DispatchMethod::kWriting, "writing"}},
                    DispatchMethodName, ParseDispatchMethod);
}

TEST(CaseNamesTest, NameTableLookupsWorkBothWays) {
    constexpr NameTable<CaseScope, 1> kTable{{{CaseScope::kCollective, "collective"}}};
    static_assert(NameIn(kTable, CaseScope::kCollective) == "collective");
    static_assert(NameIn(kTable, CaseScope::kIndividual).empty());
    static_assert(ParseIn(kTable, "collective") == CaseScope::kCollective);
    static_assert(!ParseIn(kTable, "individual").has_value());
}

TEST(CaseStateTest, OnlyDeclinedMergedClosedAndWithdrawnAreTerminal) {
    const std::set<CaseState> terminal{CaseState::kDeclined, CaseState::kMerged, CaseState::kClosed,
                                       CaseState::kWithdrawn};
    for (const CaseState state : AllCaseStates()) {
        EXPECT_EQ(IsTerminal(state), terminal.contains(state)) << CaseStateName(state);
    }
}

}  // namespace
}  // namespace minqing::domain
