#include "domain/workflow.hpp"

#include <algorithm>
#include <chrono>
#include <functional>
#include <ostream>
#include <set>
#include <stdexcept>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

namespace minqing::domain {
namespace {

using std::chrono::days;
using std::chrono::hours;

constexpr Instant kNow = std::chrono::sys_days{std::chrono::year{2026} / 3 / 2} + hours{10};

OrgUnit Org(OrgUnitId id, std::string name, OrgKind kind, OrgLevel level, std::string path,
            std::string unit_type = "") {
    OrgUnit unit;
    unit.id = id;
    unit.name = std::move(name);
    unit.kind = kind;
    unit.level = level;
    unit.path = std::move(path);
    unit.unit_type = std::move(unit_type);
    return unit;
}

// The network of the examples: one line from the city down to a community, the city's and
// the district's housing bureaus, the 12345 hotline, and a neighbouring district's street.
const OrgUnit kCity = Org(1, "吉林市", OrgKind::kDivision, OrgLevel::kCity, "/1/");
const OrgUnit kDistrict = Org(2, "船营区", OrgKind::kDivision, OrgLevel::kDistrict, "/1/2/");
const OrgUnit kStreet = Org(3, "德胜街道", OrgKind::kDivision, OrgLevel::kStreet, "/1/2/3/");
const OrgUnit kCommunity =
    Org(4, "永前社区", OrgKind::kDivision, OrgLevel::kCommunity, "/1/2/3/4/");
const OrgUnit kOtherDistrict = Org(5, "昌邑区", OrgKind::kDivision, OrgLevel::kDistrict, "/1/5/");
const OrgUnit kOtherStreet = Org(6, "延安街道", OrgKind::kDivision, OrgLevel::kStreet, "/1/5/6/");
const OrgUnit kDistrictHousing =
    Org(8, "船营区住房和城乡建设局", OrgKind::kUnit, OrgLevel::kDistrict, "/1/2/8/", "department");
const OrgUnit kCityHousing =
    Org(9, "吉林市住房和城乡建设局", OrgKind::kUnit, OrgLevel::kCity, "/1/9/", "department");
const OrgUnit kCityManagement =
    Org(10, "吉林市城市管理局", OrgKind::kUnit, OrgLevel::kCity, "/1/10/", "department");
const OrgUnit kHotline =
    Org(12, "吉林市12345政务服务便民热线", OrgKind::kUnit, OrgLevel::kCity, "/1/12/", "hotline");
const OrgUnit kHousingSection =
    Org(13, "供热管理处", OrgKind::kSection, OrgLevel::kCity, "/1/9/13/");

constexpr CaseId kCaseId = 101;

/// A plausible case in `state`: dispatched by the city to its housing bureau, with the
/// fields that state implies filled in.
Case CaseIn(CaseState state) {
    Case current;
    current.id = kCaseId;
    current.number = "2026-0000101";
    current.channel = Channel::kGrid;
    current.kind = CaseKind::kHelp;
    current.category_code = "0103";
    current.title = "永前社区3号楼屋顶漏雨";
    current.content = "3号楼5单元顶层住户反映屋顶漏雨，多次找物业未解决。";
    current.state = state;
    current.holder_id = kCityHousing.id;
    current.origin_id = kCommunity.id;
    current.receiving_office_id = kCommunity.id;
    current.dispatcher_id = kCity.id;
    current.lead_unit_id = kCityHousing.id;
    current.deadline = kNow + days{2};
    if (state == CaseState::kExtensionRequested) {
        current.requested_extension_days = 5;
    }
    if (state == CaseState::kEscalated) {
        current.escalated_from = CaseState::kHandling;
        current.escalated_to_id = kCity.id;
    }
    if (state == CaseState::kAnswered || state == CaseState::kFollowUp ||
        state == CaseState::kClosed) {
        current.result = AnswerResult::kSolved;
        current.answer_text = "已协调物业于3月5日完成屋面防水维修。";
    }
    if (state == CaseState::kClosed) {
        current.satisfaction = Satisfaction::kSatisfied;
        current.closed_at = kNow - days{1};
    }
    return current;
}

/// Complete, valid inputs for `action`, with the holder the action is checked against.
ActionInput ValidInput(CaseAction action) {
    ActionInput input;
    switch (action) {
        case CaseAction::kDecline:
        case CaseAction::kRequestReturn:
            input.reason = "不属于本单位职责";
            input.legal_basis = "《吉林市物业管理条例》第十二条";
            break;
        case CaseAction::kMerge:
            input.master_case_id = 100;
            break;
        case CaseAction::kForward:
            input.holder = kCommunity;
            input.target = kStreet;
            break;
        case CaseAction::kDispatch:
            input.holder = kCity;
            input.target = kCityHousing;
            input.assisting = {kDistrictHousing};
            input.method = DispatchMethod::kNetwork;
            break;
        case CaseAction::kHandleLocally:
            input.holder = kCommunity;
            break;
        case CaseAction::kRequestExtension:
            input.reason = "需协调施工单位，雨季后方可施工";
            input.extension_days = 5;
            break;
        case CaseAction::kEscalate:
            input.target = kCity;
            break;
        case CaseAction::kCommitLongTerm:
            input.reason = "纳入2026年老旧小区改造计划";
            input.committed_date = kNow + days{90};
            break;
        case CaseAction::kAnswer:
            input.result = AnswerResult::kSolved;
            input.answer_text = "已协调物业完成屋面防水维修。";
            break;
        case CaseAction::kFollowUp:
            input.contacted = true;
            input.solved = true;
            input.satisfaction = Satisfaction::kSatisfied;
            break;
        case CaseAction::kHandover:
            input.target = kHotline;
            input.external_ref = "12345-20260302-0042";
            break;
        case CaseAction::kRefuseReturn:
        case CaseAction::kRefuseExtension:
        case CaseAction::kReturnForRework:
        case CaseAction::kReopen:
        case CaseAction::kWithdraw:
        case CaseAction::kRejectUnitAnswer:
            input.reason = "答复未回应居民诉求";
            break;
        case CaseAction::kAssign:
            input.holder = kCityHousing;
            input.target = kHousingSection;
            break;
        case CaseAction::kContactReporter:
        case CaseAction::kInstruct:
        case CaseAction::kSupervise:
        case CaseAction::kAssist:
            input.note = "已电话联系居民，约定上门查看";
            break;
        case CaseAction::kAccept:
        case CaseAction::kRecall:
        case CaseAction::kSign:
        case CaseAction::kApproveReturn:
        case CaseAction::kApproveExtension:
        case CaseAction::kApproveAnswer:
        case CaseAction::kClose:
        case CaseAction::kAttach:
        case CaseAction::kApproveUnitAnswer:
            break;
    }
    return input;
}

/// The case in `state`, held by the holder `input` names (so forward and dispatch check
/// levels against the right office), with a drafted answer waiting when `action` is the unit
/// leader's decision on one.
Case CaseFor(CaseState state, const ActionInput& input,
             std::optional<CaseAction> action = std::nullopt) {
    Case current = CaseIn(state);
    if (input.holder) {
        current.holder_id = input.holder->id;
    }
    if (action == CaseAction::kApproveUnitAnswer || action == CaseAction::kRejectUnitAnswer) {
        current.unit_review_pending = true;
        current.result = AnswerResult::kSolved;
        current.answer_text = "已协调物业完成屋面防水维修。";
    }
    return current;
}

Relations Everyone() {
    return Relations().set();
}

Result<Case> Apply(const Case& before, CaseAction action, const Relations& actor,
                   const ActionInput& input, Instant now = kNow) {
    return ApplyAction(before, action, actor, input, now, WorkflowLimits{});
}

std::vector<std::pair<std::string, std::string>> FieldsOf(const Error& error) {
    std::vector<std::pair<std::string, std::string>> fields;
    for (const FieldError& field : error.fields) {
        fields.emplace_back(field.field, field.reason);
    }
    return fields;
}

std::string Describe(const Result<Case>& result) {
    return result ? "allowed, now " + std::string(CaseStateName(result->state))
                  : "refused: " + result.error().reason;
}

// ---------------------------------------------------------------------------------------
// Names

TEST(CaseActionNamesTest, EveryActionRoundTripsInEnumOrder) {
    const std::vector<std::pair<CaseAction, std::string_view>> spelling{
        {CaseAction::kAccept, "accept"},
        {CaseAction::kDecline, "decline"},
        {CaseAction::kMerge, "merge"},
        {CaseAction::kForward, "forward"},
        {CaseAction::kDispatch, "dispatch"},
        {CaseAction::kHandleLocally, "handle_locally"},
        {CaseAction::kRecall, "recall"},
        {CaseAction::kSign, "sign"},
        {CaseAction::kRequestReturn, "request_return"},
        {CaseAction::kApproveReturn, "approve_return"},
        {CaseAction::kRefuseReturn, "refuse_return"},
        {CaseAction::kContactReporter, "contact_reporter"},
        {CaseAction::kRequestExtension, "request_extension"},
        {CaseAction::kApproveExtension, "approve_extension"},
        {CaseAction::kRefuseExtension, "refuse_extension"},
        {CaseAction::kEscalate, "escalate"},
        {CaseAction::kInstruct, "instruct"},
        {CaseAction::kCommitLongTerm, "commit_long_term"},
        {CaseAction::kAnswer, "answer"},
        {CaseAction::kApproveAnswer, "approve_answer"},
        {CaseAction::kReturnForRework, "return_for_rework"},
        {CaseAction::kFollowUp, "follow_up"},
        {CaseAction::kReopen, "reopen"},
        {CaseAction::kClose, "close"},
        {CaseAction::kWithdraw, "withdraw"},
        {CaseAction::kHandover, "handover"},
        {CaseAction::kSupervise, "supervise"},
        {CaseAction::kAssist, "assist"},
        {CaseAction::kAttach, "attach"},
        {CaseAction::kAssign, "assign"},
        {CaseAction::kApproveUnitAnswer, "approve_unit_answer"},
        {CaseAction::kRejectUnitAnswer, "reject_unit_answer"},
    };
    const auto all = AllCaseActions();
    ASSERT_EQ(all.size(), spelling.size());
    for (std::size_t i = 0; i < spelling.size(); ++i) {
        const auto& [action, name] = spelling[i];
        EXPECT_EQ(all[i], action) << name;
        EXPECT_EQ(CaseActionName(action), name);
        EXPECT_EQ(ParseCaseAction(name), action) << name;
    }
    for (const std::string_view unknown : {"", "Accept", "handleLocally", "delete", "sign "}) {
        EXPECT_FALSE(ParseCaseAction(unknown).has_value()) << '"' << unknown << '"';
    }
}

TEST(RelationsTest, MakeRelationsSetsExactlyTheNamedBits) {
    const Relations relations = MakeRelations({Relation::kReviewer, Relation::kReporter});
    EXPECT_EQ(relations.count(), 2U);
    EXPECT_TRUE(relations.test(static_cast<std::size_t>(Relation::kReviewer)));
    EXPECT_TRUE(relations.test(static_cast<std::size_t>(Relation::kReporter)));
    EXPECT_TRUE(MakeRelations({}).none());
}

// ---------------------------------------------------------------------------------------
// The state matrix: every (state, action) pair, for an actor holding every relation.

struct Transition {
    CaseAction action;
    CaseState from;
    CaseState to;
};

// The specification, written out independently of the implementation's permit table.
const std::vector<Transition> kTransitions = [] {
    using A = CaseAction;
    using S = CaseState;
    std::vector<Transition> transitions{
        {A::kAccept, S::kRegistered, S::kRouting},
        {A::kDecline, S::kRegistered, S::kDeclined},
        {A::kDecline, S::kRouting, S::kDeclined},
        {A::kMerge, S::kRegistered, S::kMerged},
        {A::kMerge, S::kRouting, S::kMerged},
        {A::kForward, S::kRouting, S::kRouting},
        {A::kDispatch, S::kRouting, S::kDispatched},
        {A::kHandleLocally, S::kRouting, S::kHandling},
        {A::kRecall, S::kDispatched, S::kRouting},
        {A::kSign, S::kDispatched, S::kHandling},
        {A::kRequestReturn, S::kDispatched, S::kReturnRequested},
        {A::kApproveReturn, S::kReturnRequested, S::kRouting},
        {A::kRefuseReturn, S::kReturnRequested, S::kDispatched},
        {A::kContactReporter, S::kHandling, S::kHandling},
        {A::kContactReporter, S::kLongTerm, S::kLongTerm},
        {A::kRequestExtension, S::kHandling, S::kExtensionRequested},
        {A::kApproveExtension, S::kExtensionRequested, S::kHandling},
        {A::kRefuseExtension, S::kExtensionRequested, S::kHandling},
        {A::kEscalate, S::kRouting, S::kEscalated},
        {A::kEscalate, S::kHandling, S::kEscalated},
        {A::kInstruct, S::kEscalated, S::kHandling},
        {A::kCommitLongTerm, S::kHandling, S::kLongTerm},
        {A::kAnswer, S::kHandling, S::kAnswered},
        {A::kAnswer, S::kLongTerm, S::kAnswered},
        {A::kApproveAnswer, S::kAnswered, S::kFollowUp},
        {A::kReturnForRework, S::kAnswered, S::kHandling},
        {A::kFollowUp, S::kFollowUp, S::kClosed},
        {A::kReopen, S::kFollowUp, S::kHandling},
        {A::kReopen, S::kClosed, S::kHandling},
        {A::kClose, S::kFollowUp, S::kClosed},
        {A::kWithdraw, S::kRegistered, S::kWithdrawn},
        {A::kWithdraw, S::kRouting, S::kWithdrawn},
        {A::kWithdraw, S::kDispatched, S::kWithdrawn},
        {A::kHandover, S::kRouting, S::kDispatched},
        {A::kAssist, S::kHandling, S::kHandling},
        {A::kAssist, S::kLongTerm, S::kLongTerm},
        {A::kAssign, S::kHandling, S::kHandling},
        {A::kAssign, S::kLongTerm, S::kLongTerm},
        {A::kApproveUnitAnswer, S::kHandling, S::kAnswered},
        {A::kApproveUnitAnswer, S::kLongTerm, S::kAnswered},
        {A::kRejectUnitAnswer, S::kHandling, S::kHandling},
        {A::kRejectUnitAnswer, S::kLongTerm, S::kLongTerm},
    };
    // Supervision and attaching files are overlays on every open state.
    for (const CaseState state : AllCaseStates()) {
        if (!IsTerminal(state)) {
            transitions.push_back({A::kSupervise, state, state});
            transitions.push_back({A::kAttach, state, state});
        }
    }
    return transitions;
}();

std::optional<CaseState> ExpectedTarget(CaseState from, CaseAction action) {
    for (const Transition& transition : kTransitions) {
        if (transition.action == action && transition.from == from) {
            return transition.to;
        }
    }
    return std::nullopt;
}

class StateMatrixTest : public testing::TestWithParam<std::tuple<CaseState, CaseAction>> {};

TEST_P(StateMatrixTest, AllowsExactlyTheSpecifiedTransitions) {
    const auto [state, action] = GetParam();
    const ActionInput input = ValidInput(action);
    const auto result = Apply(CaseFor(state, input, action), action, Everyone(), input);

    if (const auto expected = ExpectedTarget(state, action)) {
        ASSERT_TRUE(result.has_value()) << Describe(result);
        EXPECT_EQ(result->state, *expected) << CaseStateName(result->state);
        return;
    }
    ASSERT_FALSE(result.has_value()) << Describe(result);
    EXPECT_EQ(result.error().code, ErrorCode::kConflict);
    EXPECT_EQ(result.error().reason, IsTerminal(state) ? "case.terminal" : "case.wrong_state");
}

INSTANTIATE_TEST_SUITE_P(
    EveryStateAndAction, StateMatrixTest,
    testing::Combine(testing::ValuesIn(AllCaseStates()), testing::ValuesIn(AllCaseActions())),
    [](const testing::TestParamInfo<std::tuple<CaseState, CaseAction>>& param_info) {
        return std::string(CaseStateName(std::get<0>(param_info.param))) + "_" +
               std::string(CaseActionName(std::get<1>(param_info.param)));
    });

std::vector<CaseAction> Without(std::vector<CaseAction> actions,
                                std::initializer_list<CaseAction> left_out) {
    std::erase_if(actions, [&](CaseAction action) {
        return std::ranges::find(left_out, action) != left_out.end();
    });
    return actions;
}

TEST(AvailableActionsTest, MatchTheStateMatrixForAnActorWithEveryRelation) {
    for (const CaseState state : AllCaseStates()) {
        std::vector<CaseAction> expected;
        for (const CaseAction action : AllCaseActions()) {
            if (ExpectedTarget(state, action)) {
                expected.push_back(action);
            }
        }
        // Held by the district office: an office with one above it and offices below.
        EXPECT_EQ(
            AvailableActions(CaseIn(state), Everyone(), kDistrict, kNow, WorkflowLimits{}),
            Without(expected, {CaseAction::kHandleLocally, CaseAction::kAssign,
                               CaseAction::kApproveUnitAnswer, CaseAction::kRejectUnitAnswer}))
            << CaseStateName(state);
    }
}

std::vector<CaseAction> Offered(const Case& c, const Relations& actor,
                                const OrgUnit& holder = kCityHousing, Instant now = kNow) {
    return AvailableActions(c, actor, holder, now, WorkflowLimits{});
}

TEST(AvailableActionsTest, FilterByRelation) {
    const Relations reviewer = MakeRelations({Relation::kReviewer});
    EXPECT_EQ(Offered(CaseIn(CaseState::kFollowUp), reviewer),
              (std::vector{CaseAction::kFollowUp, CaseAction::kReopen, CaseAction::kClose}));
    EXPECT_EQ(Offered(CaseIn(CaseState::kClosed), reviewer), std::vector{CaseAction::kReopen});
    EXPECT_TRUE(Offered(CaseIn(CaseState::kClosed), MakeRelations({})).empty());
}

// An offered action must succeed with a valid input: the case's own limits hide it.
TEST(AvailableActionsTest, LeaveOutWhatTheCasesOwnLimitsForbid) {
    const Relations unit = MakeRelations({Relation::kHolderUnit});
    Case handling = CaseIn(CaseState::kHandling);
    const auto asks_extension = [&](const Case& c, Instant now) {
        const auto offered = Offered(c, unit, kCityHousing, now);
        return std::ranges::find(offered, CaseAction::kRequestExtension) != offered.end();
    };
    EXPECT_TRUE(asks_extension(handling, kNow));
    EXPECT_FALSE(asks_extension(handling, *handling.deadline + hours{1}));
    handling.extension_count = 1;
    EXPECT_FALSE(asks_extension(handling, kNow));

    const Relations office = MakeRelations({Relation::kHolderOffice});
    const Case routing = CaseIn(CaseState::kRouting);
    const auto offers = [&](const OrgUnit& holder, CaseAction action) {
        const auto offered = Offered(routing, office, holder);
        return std::ranges::find(offered, action) != offered.end();
    };
    EXPECT_FALSE(offers(kCity, CaseAction::kHandleLocally));
    EXPECT_FALSE(offers(kDistrict, CaseAction::kHandleLocally));
    EXPECT_TRUE(offers(kStreet, CaseAction::kHandleLocally));
    EXPECT_TRUE(offers(kCommunity, CaseAction::kHandleLocally));
    EXPECT_FALSE(offers(kCity, CaseAction::kForward));
    EXPECT_TRUE(offers(kCommunity, CaseAction::kForward));
    EXPECT_FALSE(offers(kCommunity, CaseAction::kDispatch));
    EXPECT_TRUE(offers(kStreet, CaseAction::kDispatch));

    Case drafted = CaseIn(CaseState::kHandling);
    const Relations leader = MakeRelations({Relation::kLeadUnit, Relation::kUnitLeader});
    const auto leader_offered = [&] { return Offered(drafted, leader); };
    EXPECT_EQ(std::ranges::count(leader_offered(), CaseAction::kApproveUnitAnswer), 0);
    drafted.unit_review_pending = true;
    EXPECT_EQ(std::ranges::count(leader_offered(), CaseAction::kApproveUnitAnswer), 1);
    EXPECT_EQ(std::ranges::count(leader_offered(), CaseAction::kAnswer), 0);
}

// ---------------------------------------------------------------------------------------
// Relations: each action needs one of its relations and no other will do.

struct RelationCase {
    CaseAction action;
    CaseState state;
    std::vector<Relation> required;  // any one suffices
};

void PrintTo(const RelationCase& c, std::ostream* os) {
    *os << CaseActionName(c.action) << " in " << CaseStateName(c.state);
}

class RelationTest : public testing::TestWithParam<RelationCase> {};

TEST_P(RelationTest, EveryOtherRelationIsRefused) {
    const RelationCase& c = GetParam();
    const ActionInput input = ValidInput(c.action);
    Relations others = Everyone();
    for (const Relation relation : c.required) {
        others.reset(static_cast<std::size_t>(relation));
    }
    const auto result = Apply(CaseFor(c.state, input, c.action), c.action, others, input);
    ASSERT_FALSE(result.has_value()) << Describe(result);
    EXPECT_EQ(result.error().code, ErrorCode::kForbidden);
    EXPECT_EQ(result.error().reason, "case.not_holder");
}

TEST_P(RelationTest, EachRequiredRelationAloneIsEnough) {
    const RelationCase& c = GetParam();
    const ActionInput input = ValidInput(c.action);
    for (const Relation relation : c.required) {
        const auto result =
            Apply(CaseFor(c.state, input, c.action), c.action, MakeRelations({relation}), input);
        EXPECT_TRUE(result.has_value())
            << "relation " << static_cast<int>(relation) << ": " << Describe(result);
    }
}

const std::vector<RelationCase> kRelationCases = [] {
    using A = CaseAction;
    using S = CaseState;
    using R = Relation;
    return std::vector<RelationCase>{
        {A::kAccept, S::kRegistered, {R::kHolderOffice}},
        {A::kDecline, S::kRegistered, {R::kHolderOffice}},
        {A::kDecline, S::kRouting, {R::kHolderOffice}},
        {A::kMerge, S::kRouting, {R::kHolderOffice}},
        {A::kForward, S::kRouting, {R::kHolderOffice}},
        {A::kDispatch, S::kRouting, {R::kHolderOffice}},
        {A::kHandleLocally, S::kRouting, {R::kHolderOffice}},
        {A::kRecall, S::kDispatched, {R::kDispatcher}},
        {A::kSign, S::kDispatched, {R::kHolderUnit}},
        {A::kRequestReturn, S::kDispatched, {R::kHolderUnit}},
        {A::kApproveReturn, S::kReturnRequested, {R::kDispatcher}},
        {A::kRefuseReturn, S::kReturnRequested, {R::kDispatcher}},
        {A::kContactReporter, S::kHandling, {R::kHolderUnit}},
        {A::kContactReporter, S::kLongTerm, {R::kHolderUnit}},
        {A::kRequestExtension, S::kHandling, {R::kHolderUnit}},
        {A::kApproveExtension, S::kExtensionRequested, {R::kDispatcher}},
        {A::kRefuseExtension, S::kExtensionRequested, {R::kDispatcher}},
        {A::kEscalate, S::kRouting, {R::kHolderOffice}},
        {A::kEscalate, S::kHandling, {R::kHolderUnit, R::kDispatcher}},
        {A::kInstruct, S::kEscalated, {R::kEscalatedLeader}},
        {A::kCommitLongTerm, S::kHandling, {R::kLeadUnit}},
        {A::kAnswer, S::kHandling, {R::kLeadUnit}},
        {A::kAnswer, S::kLongTerm, {R::kLeadUnit}},
        {A::kApproveAnswer, S::kAnswered, {R::kReviewer}},
        {A::kReturnForRework, S::kAnswered, {R::kReviewer}},
        {A::kFollowUp, S::kFollowUp, {R::kReviewer}},
        {A::kReopen, S::kFollowUp, {R::kReviewer}},
        {A::kReopen, S::kClosed, {R::kReviewer}},
        {A::kClose, S::kFollowUp, {R::kReviewer}},
        {A::kWithdraw, S::kRegistered, {R::kReporter, R::kReceivingOffice}},
        {A::kWithdraw, S::kDispatched, {R::kReporter, R::kReceivingOffice}},
        {A::kHandover, S::kRouting, {R::kHolderOffice}},
        {A::kSupervise, S::kRegistered, {R::kSupervisor}},
        {A::kSupervise, S::kAnswered, {R::kSupervisor}},
        {A::kAssist, S::kHandling, {R::kAssistingUnit}},
        {A::kAssist, S::kLongTerm, {R::kAssistingUnit}},
        {A::kAttach,
         S::kRegistered,
         {R::kHolderOffice, R::kHolderUnit, R::kLeadUnit, R::kAssistingUnit, R::kDispatcher,
          R::kReceivingOffice, R::kCreator}},
        {A::kAttach,
         S::kAnswered,
         {R::kHolderOffice, R::kHolderUnit, R::kLeadUnit, R::kAssistingUnit, R::kDispatcher,
          R::kReceivingOffice, R::kCreator}},
        {A::kAssign, S::kHandling, {R::kLeadUnit}},
        {A::kApproveUnitAnswer, S::kHandling, {R::kUnitLeader}},
        {A::kRejectUnitAnswer, S::kLongTerm, {R::kUnitLeader}},
    };
}();

INSTANTIATE_TEST_SUITE_P(EveryAction, RelationTest, testing::ValuesIn(kRelationCases),
                         [](const testing::TestParamInfo<RelationCase>& param_info) {
                             return std::string(CaseStateName(param_info.param.state)) + "_" +
                                    std::string(CaseActionName(param_info.param.action));
                         });

TEST(RelationTableTest, CoversEveryAction) {
    std::set<CaseAction> covered;
    for (const RelationCase& c : kRelationCases) {
        covered.insert(c.action);
    }
    EXPECT_EQ(covered.size(), AllCaseActions().size());
}

TEST(RelationTest, StateIsCheckedBeforeRelation) {
    const auto result = Apply(CaseIn(CaseState::kHandling), CaseAction::kAccept, MakeRelations({}),
                              ValidInput(CaseAction::kAccept));
    ASSERT_FALSE(result.has_value());
    EXPECT_EQ(result.error().reason, "case.wrong_state");
}

TEST(RelationTest, RelationIsCheckedBeforeInputs) {
    const auto result = Apply(CaseIn(CaseState::kRegistered), CaseAction::kDecline,
                              MakeRelations({Relation::kReporter}), ActionInput{});
    ASSERT_FALSE(result.has_value());
    EXPECT_EQ(result.error().reason, "case.not_holder");
}

// ---------------------------------------------------------------------------------------
// Inputs: each rule, with the JSON field it names.

struct InputCase {
    const char* name;
    CaseAction action;
    CaseState state;
    std::function<void(ActionInput&)> change;
    std::string field;   // empty: the changed input is still valid
    std::string reason;  // the field error's reason
};

void PrintTo(const InputCase& c, std::ostream* os) {
    *os << c.name;
}

class InputTest : public testing::TestWithParam<InputCase> {};

TEST_P(InputTest, NamesTheOffendingField) {
    const InputCase& c = GetParam();
    ActionInput input = ValidInput(c.action);
    c.change(input);
    const auto result = Apply(CaseFor(c.state, input, c.action), c.action, Everyone(), input);
    if (c.field.empty()) {
        EXPECT_TRUE(result.has_value()) << Describe(result);
        return;
    }
    ASSERT_FALSE(result.has_value()) << Describe(result);
    EXPECT_EQ(result.error().code, ErrorCode::kValidation);
    EXPECT_EQ(result.error().reason, "validation.failed");
    EXPECT_EQ(FieldsOf(result.error()),
              (std::vector<std::pair<std::string, std::string>>{{c.field, c.reason}}));
}

const std::vector<InputCase> kInputCases = [] {
    using A = CaseAction;
    using S = CaseState;
    const auto no_reason = [](ActionInput& in) { in.reason.clear(); };
    const auto blank_reason = [](ActionInput& in) { in.reason = " \t\n "; };
    const auto no_basis = [](ActionInput& in) { in.legal_basis.clear(); };
    const auto no_note = [](ActionInput& in) { in.note = "   "; };
    const auto no_target = [](ActionInput& in) { in.target.reset(); };
    return std::vector<InputCase>{
        {"decline_without_reason", A::kDecline, S::kRegistered, no_reason, "reason", "required"},
        {"decline_blank_reason", A::kDecline, S::kRouting, blank_reason, "reason", "required"},
        {"decline_without_basis", A::kDecline, S::kRegistered, no_basis, "legalBasis", "required"},
        {"merge_without_master", A::kMerge, S::kRegistered,
         [](ActionInput& in) { in.master_case_id.reset(); }, "masterCaseId", "required"},
        {"merge_into_itself", A::kMerge, S::kRouting,
         [](ActionInput& in) { in.master_case_id = kCaseId; }, "masterCaseId", "invalid"},
        {"merge_into_no_case", A::kMerge, S::kRouting,
         [](ActionInput& in) { in.master_case_id = 0; }, "masterCaseId", "invalid"},
        {"forward_without_target", A::kForward, S::kRouting, no_target, "targetId", "required"},
        {"dispatch_without_target", A::kDispatch, S::kRouting, no_target, "targetId", "required"},
        {"dispatch_without_method", A::kDispatch, S::kRouting,
         [](ActionInput& in) { in.method.reset(); }, "method", "required"},
        {"request_return_without_reason", A::kRequestReturn, S::kDispatched, no_reason, "reason",
         "required"},
        {"request_return_without_basis", A::kRequestReturn, S::kDispatched, no_basis, "legalBasis",
         "required"},
        {"refuse_return_without_reason", A::kRefuseReturn, S::kReturnRequested, no_reason, "reason",
         "required"},
        {"contact_without_note", A::kContactReporter, S::kHandling, no_note, "note", "required"},
        {"extension_without_reason", A::kRequestExtension, S::kHandling, no_reason, "reason",
         "required"},
        {"extension_without_days", A::kRequestExtension, S::kHandling,
         [](ActionInput& in) { in.extension_days = 0; }, "extensionDays", "required"},
        {"extension_negative_days", A::kRequestExtension, S::kHandling,
         [](ActionInput& in) { in.extension_days = -1; }, "extensionDays", "out_of_range"},
        {"extension_too_long", A::kRequestExtension, S::kHandling,
         [](ActionInput& in) { in.extension_days = 11; }, "extensionDays", "out_of_range"},
        {"extension_at_the_limit", A::kRequestExtension, S::kHandling,
         [](ActionInput& in) { in.extension_days = 10; }, "", ""},
        {"refuse_extension_without_reason", A::kRefuseExtension, S::kExtensionRequested, no_reason,
         "reason", "required"},
        {"escalate_without_target", A::kEscalate, S::kHandling, no_target, "targetId", "required"},
        {"instruct_without_note", A::kInstruct, S::kEscalated, no_note, "note", "required"},
        {"long_term_without_reason", A::kCommitLongTerm, S::kHandling, no_reason, "reason",
         "required"},
        {"long_term_without_date", A::kCommitLongTerm, S::kHandling,
         [](ActionInput& in) { in.committed_date.reset(); }, "committedDate", "required"},
        {"long_term_date_now", A::kCommitLongTerm, S::kHandling,
         [](ActionInput& in) { in.committed_date = kNow; }, "committedDate", "out_of_range"},
        {"long_term_date_past", A::kCommitLongTerm, S::kHandling,
         [](ActionInput& in) { in.committed_date = kNow - days{1}; }, "committedDate",
         "out_of_range"},
        {"long_term_date_beyond_nine_months", A::kCommitLongTerm, S::kHandling,
         [](ActionInput& in) { in.committed_date = kNow + days{271}; }, "committedDate",
         "out_of_range"},
        {"long_term_date_at_the_limit", A::kCommitLongTerm, S::kHandling,
         [](ActionInput& in) { in.committed_date = kNow + days{270}; }, "", ""},
        {"answer_without_result", A::kAnswer, S::kHandling,
         [](ActionInput& in) { in.result.reset(); }, "result", "required"},
        {"answer_blank_text", A::kAnswer, S::kLongTerm,
         [](ActionInput& in) { in.answer_text = "  "; }, "answerText", "required"},
        {"answer_cannot_be_done_without_basis", A::kAnswer, S::kHandling,
         [](ActionInput& in) { in.result = AnswerResult::kCannotBeDone; }, "legalBasis",
         "required"},
        {"answer_cannot_be_done_with_basis", A::kAnswer, S::kHandling,
         [](ActionInput& in) {
             in.result = AnswerResult::kCannotBeDone;
             in.legal_basis = "《吉林市城市供热条例》第二十条";
         },
         "", ""},
        {"rework_without_reason", A::kReturnForRework, S::kAnswered, no_reason, "reason",
         "required"},
        {"follow_up_without_satisfaction", A::kFollowUp, S::kFollowUp,
         [](ActionInput& in) { in.satisfaction.reset(); }, "satisfaction", "required"},
        {"follow_up_unreachable_needs_no_satisfaction", A::kFollowUp, S::kFollowUp,
         [](ActionInput& in) {
             in.satisfaction.reset();
             in.unreachable = true;
         },
         "", ""},
        {"reopen_without_reason", A::kReopen, S::kClosed, no_reason, "reason", "required"},
        {"withdraw_without_reason", A::kWithdraw, S::kRegistered, no_reason, "reason", "required"},
        {"handover_without_target", A::kHandover, S::kRouting, no_target, "targetId", "required"},
        {"handover_without_external_ref", A::kHandover, S::kRouting,
         [](ActionInput& in) { in.external_ref.clear(); }, "", ""},
        {"supervise_without_note", A::kSupervise, S::kDispatched, no_note, "note", "required"},
        {"assist_without_note", A::kAssist, S::kHandling, no_note, "note", "required"},
    };
}();

INSTANTIATE_TEST_SUITE_P(Rules, InputTest, testing::ValuesIn(kInputCases),
                         [](const testing::TestParamInfo<InputCase>& param_info) {
                             return std::string(param_info.param.name);
                         });

// The inputs an action can be given, each cleared by its wire name.
const std::vector<std::pair<std::string_view, std::function<void(ActionInput&)>>> kClearable{
    {"reason", [](ActionInput& in) { in.reason.clear(); }},
    {"legalBasis", [](ActionInput& in) { in.legal_basis.clear(); }},
    {"note", [](ActionInput& in) { in.note.clear(); }},
    {"answerText", [](ActionInput& in) { in.answer_text.clear(); }},
    {"externalRef", [](ActionInput& in) { in.external_ref.clear(); }},
    {"relayMessage", [](ActionInput& in) { in.relay_message.clear(); }},
    {"masterCaseId", [](ActionInput& in) { in.master_case_id.reset(); }},
    {"targetId", [](ActionInput& in) { in.target.reset(); }},
    {"assistingIds", [](ActionInput& in) { in.assisting.clear(); }},
    {"method", [](ActionInput& in) { in.method.reset(); }},
    {"result", [](ActionInput& in) { in.result.reset(); }},
    {"extensionDays", [](ActionInput& in) { in.extension_days = 0; }},
    {"committedDate", [](ActionInput& in) { in.committed_date.reset(); }},
    {"contacted", [](ActionInput& in) { in.contacted.reset(); }},
    {"solved", [](ActionInput& in) { in.solved.reset(); }},
    {"satisfaction", [](ActionInput& in) { in.satisfaction.reset(); }},
    {"assigneeId", [](ActionInput& in) { in.assignee_user_id.reset(); }},
};

// Every valid way to take `action` (an input and, where it needs one, the case it suits): an
// input some valid way goes without is not required.
struct ValidWay {
    ActionInput input;
    std::function<void(Case&)> suit = [](Case&) {};
};

std::vector<ValidWay> ValidWays(CaseAction action) {
    std::vector<ValidWay> ways{{ValidInput(action)}};
    ActionInput other = ValidInput(action);
    if (action == CaseAction::kAssign) {
        other.target.reset();
        other.assignee_user_id = 31;  // a named 承办人 instead of a section
        ways.push_back({other});
    } else if (action == CaseAction::kFollowUp) {
        other = {};
        other.unreachable = true;
        ways.push_back({other});
    } else if (action == CaseAction::kContactReporter) {
        other.note.clear();
        other.relay_message = "请明日上午在家等候";  // relayed to a confidential reporter
        ways.push_back({other, [](Case& c) {
                            c.reporter.confidential = true;
                            c.reporter.anonymous = false;
                            c.reporter.phone = "13800000000";
                        }});
    }
    return ways;
}

// What the published forms mark required (RequiredInputs) is what the steps refuse to go
// without: an input is listed exactly when clearing it from every valid input is refused
// with that field "required".
TEST(RequiredInputsTest, AreExactlyTheInputsEveryValidWayRefusesToGoWithout) {
    for (const CaseAction action : AllCaseActions()) {
        if (action == CaseAction::kAttach) {
            continue;  // an upload, with no form
        }
        const auto from = std::ranges::find(kTransitions, action, &Transition::action);
        ASSERT_NE(from, kTransitions.end()) << CaseActionName(action);
        std::vector<std::string> required;
        for (const auto& [field, clear] : kClearable) {
            const bool always_refused = std::ranges::all_of(ValidWays(action), [&](ValidWay way) {
                Case before = CaseFor(from->from, way.input, action);
                way.suit(before);
                EXPECT_TRUE(Apply(before, action, Everyone(), way.input).has_value())
                    << CaseActionName(action) << ": a way that is not valid";
                clear(way.input);
                const auto result = Apply(before, action, Everyone(), way.input);
                return !result && std::ranges::count(
                                      FieldsOf(result.error()),
                                      std::pair<std::string, std::string>(field, "required")) > 0;
            });
            if (always_refused) {
                required.emplace_back(field);
            }
        }
        std::vector<std::string> listed(RequiredInputs(action).begin(),
                                        RequiredInputs(action).end());
        std::ranges::sort(required);
        std::ranges::sort(listed);
        EXPECT_EQ(required, listed) << CaseActionName(action);
    }
}

TEST(InputTest, EveryProblemIsReportedAtOnce) {
    const auto declined =
        Apply(CaseIn(CaseState::kRegistered), CaseAction::kDecline, Everyone(), ActionInput{});
    ASSERT_FALSE(declined.has_value());
    EXPECT_EQ(FieldsOf(declined.error()), (std::vector<std::pair<std::string, std::string>>{
                                              {"reason", "required"}, {"legalBasis", "required"}}));

    const auto answered =
        Apply(CaseIn(CaseState::kHandling), CaseAction::kAnswer, Everyone(), ActionInput{});
    ASSERT_FALSE(answered.has_value());
    EXPECT_EQ(FieldsOf(answered.error()), (std::vector<std::pair<std::string, std::string>>{
                                              {"result", "required"}, {"answerText", "required"}}));
}

TEST(InputTest, InputsAreCheckedBeforeTargets) {
    ActionInput input = ValidInput(CaseAction::kDispatch);
    input.holder = kDistrict;
    input.target = kCityHousing;  // a district office may not dispatch to a city bureau
    input.method.reset();
    const auto result =
        Apply(CaseFor(CaseState::kRouting, input), CaseAction::kDispatch, Everyone(), input);
    ASSERT_FALSE(result.has_value());
    EXPECT_EQ(result.error().reason, "validation.failed");
    EXPECT_EQ(FieldsOf(result.error()),
              (std::vector<std::pair<std::string, std::string>>{{"method", "required"}}));
}

// ---------------------------------------------------------------------------------------
// Targets: forward, dispatch, escalate, handover, and which offices handle locally.

struct TargetCase {
    const char* name;
    CaseAction action;
    OrgUnit holder;
    OrgUnit target;
    std::vector<OrgUnit> assisting;
    std::optional<CaseState> to;  // nullopt: refused
    std::string bad_field;        // for refusals: targetId or assistingIds
};

void PrintTo(const TargetCase& c, std::ostream* os) {
    *os << c.name;
}

class TargetTest : public testing::TestWithParam<TargetCase> {};

TEST_P(TargetTest, FollowsTheNetwork) {
    const TargetCase& c = GetParam();
    ActionInput input = ValidInput(c.action);
    input.holder = c.holder;
    input.target = c.target;
    input.assisting = c.assisting;
    const auto result = Apply(CaseFor(CaseState::kRouting, input), c.action, Everyone(), input);
    if (c.to) {
        ASSERT_TRUE(result.has_value()) << Describe(result);
        EXPECT_EQ(result->state, *c.to);
        return;
    }
    ASSERT_FALSE(result.has_value()) << Describe(result);
    EXPECT_EQ(result.error().code, ErrorCode::kValidation);
    EXPECT_EQ(result.error().reason, "case.bad_target");
    EXPECT_EQ(FieldsOf(result.error()),
              (std::vector<std::pair<std::string, std::string>>{{c.bad_field, "case.bad_target"}}));
}

OrgUnit Inactive(OrgUnit unit) {
    unit.active = false;
    return unit;
}

const std::vector<TargetCase> kTargetCases = [] {
    using A = CaseAction;
    using S = CaseState;
    const std::string bad = "targetId";
    const std::string bad_assisting = "assistingIds";
    return std::vector<TargetCase>{
        // Forward (上报): to any office above, in the holder's own line (分别上报至街道、区、市).
        {"forward_community_to_its_street", A::kForward, kCommunity, kStreet, {}, S::kRouting, ""},
        {"forward_street_to_its_district", A::kForward, kStreet, kDistrict, {}, S::kRouting, ""},
        {"forward_district_to_the_city", A::kForward, kDistrict, kCity, {}, S::kRouting, ""},
        {"forward_community_past_the_street",
         A::kForward,
         kCommunity,
         kDistrict,
         {},
         S::kRouting,
         ""},
        {"forward_community_to_the_city", A::kForward, kCommunity, kCity, {}, S::kRouting, ""},
        {"forward_to_another_district", A::kForward, kStreet, kOtherDistrict, {}, {}, bad},
        {"forward_to_another_districts_street", A::kForward, kCommunity, kOtherStreet, {}, {}, bad},
        {"forward_down", A::kForward, kStreet, kCommunity, {}, {}, bad},
        {"forward_to_a_unit", A::kForward, kDistrict, kCityHousing, {}, {}, bad},
        {"forward_to_an_inactive_office", A::kForward, kCommunity, Inactive(kStreet), {}, {}, bad},
        // Dispatch (分转) to a member unit: the holder's level, or district units from the city.
        {"dispatch_city_to_city_unit", A::kDispatch, kCity, kCityHousing, {}, S::kDispatched, ""},
        {"dispatch_city_to_district_unit",
         A::kDispatch,
         kCity,
         kDistrictHousing,
         {},
         S::kDispatched,
         ""},
        {"dispatch_district_to_its_unit",
         A::kDispatch,
         kDistrict,
         kDistrictHousing,
         {},
         S::kDispatched,
         ""},
        {"dispatch_district_to_city_unit", A::kDispatch, kDistrict, kCityHousing, {}, {}, bad},
        {"dispatch_other_district_to_unit",
         A::kDispatch,
         kOtherDistrict,
         kDistrictHousing,
         {},
         {},
         bad},
        {"dispatch_street_to_unit", A::kDispatch, kStreet, kDistrictHousing, {}, {}, bad},
        {"dispatch_to_inactive_unit", A::kDispatch, kCity, Inactive(kCityHousing), {}, {}, bad},
        // Dispatch down to an office below, within the holder's subtree.
        {"dispatch_city_to_street", A::kDispatch, kCity, kStreet, {}, S::kRouting, ""},
        {"dispatch_district_to_street", A::kDispatch, kDistrict, kStreet, {}, S::kRouting, ""},
        {"dispatch_street_to_community", A::kDispatch, kStreet, kCommunity, {}, S::kRouting, ""},
        {"dispatch_district_to_itself", A::kDispatch, kDistrict, kDistrict, {}, {}, bad},
        {"dispatch_to_other_districts_street", A::kDispatch, kDistrict, kOtherStreet, {}, {}, bad},
        // Assisting units (协办).
        {"dispatch_with_two_assisting_units",
         A::kDispatch,
         kCity,
         kCityHousing,
         {kDistrictHousing, kCityManagement},
         S::kDispatched,
         ""},
        {"assisting_office", A::kDispatch, kCity, kCityHousing, {kStreet}, {}, bad_assisting},
        {"assisting_twice",
         A::kDispatch,
         kCity,
         kCityHousing,
         {kDistrictHousing, kDistrictHousing},
         {},
         bad_assisting},
        {"assisting_lead", A::kDispatch, kCity, kCityHousing, {kCityHousing}, {}, bad_assisting},
        {"assisting_without_lead_unit",
         A::kDispatch,
         kDistrict,
         kStreet,
         {kDistrictHousing},
         {},
         bad_assisting},
        // Escalate (提级): to a leader's node at city or district level.
        {"escalate_to_city", A::kEscalate, kStreet, kCity, {}, S::kEscalated, ""},
        {"escalate_to_district", A::kEscalate, kStreet, kDistrict, {}, S::kEscalated, ""},
        {"escalate_to_street", A::kEscalate, kCommunity, kStreet, {}, {}, bad},
        {"escalate_to_unit", A::kEscalate, kDistrict, kDistrictHousing, {}, {}, bad},
        // Handover (移交) to the mayor's hotline.
        {"handover_to_hotline", A::kHandover, kDistrict, kHotline, {}, S::kDispatched, ""},
        {"handover_to_a_bureau", A::kHandover, kDistrict, kCityHousing, {}, {}, bad},
        {"handover_to_an_office", A::kHandover, kDistrict, kCity, {}, {}, bad},
    };
}();

INSTANTIATE_TEST_SUITE_P(Network, TargetTest, testing::ValuesIn(kTargetCases),
                         [](const testing::TestParamInfo<TargetCase>& param_info) {
                             return std::string(param_info.param.name);
                         });

TEST(TargetTest, BadLeadAndBadAssistingAreReportedTogether) {
    ActionInput input = ValidInput(CaseAction::kDispatch);
    input.holder = kDistrict;
    input.target = kCityHousing;
    input.assisting = {kStreet};
    const auto result =
        Apply(CaseFor(CaseState::kRouting, input), CaseAction::kDispatch, Everyone(), input);
    ASSERT_FALSE(result.has_value());
    EXPECT_EQ(FieldsOf(result.error()),
              (std::vector<std::pair<std::string, std::string>>{
                  {"targetId", "case.bad_target"}, {"assistingIds", "case.bad_target"}}));
}

TEST(TargetTest, TheCityForwardsNowhereAndACommunityDispatchesNowhere) {
    ActionInput forward = ValidInput(CaseAction::kForward);
    forward.holder = kCity;
    forward.target = kCity;
    const auto from_city =
        Apply(CaseFor(CaseState::kRouting, forward), CaseAction::kForward, Everyone(), forward);
    ASSERT_FALSE(from_city.has_value());
    EXPECT_EQ(from_city.error().reason, "case.top_level");

    ActionInput dispatch = ValidInput(CaseAction::kDispatch);
    dispatch.holder = kCommunity;
    dispatch.target = kDistrictHousing;
    dispatch.assisting.clear();
    const auto from_community =
        Apply(CaseFor(CaseState::kRouting, dispatch), CaseAction::kDispatch, Everyone(), dispatch);
    ASSERT_FALSE(from_community.has_value());
    EXPECT_EQ(from_community.error().reason, "case.nothing_below");
}

struct LocalCase {
    OrgUnit holder;
    bool allowed;
};

void PrintTo(const LocalCase& c, std::ostream* os) {
    *os << c.holder.name;
}

class HandleLocallyTest : public testing::TestWithParam<LocalCase> {};

TEST_P(HandleLocallyTest, OnlyStreetsAndCommunitiesHandleThemselves) {
    const LocalCase& c = GetParam();
    ActionInput input;
    input.holder = c.holder;
    const auto result =
        Apply(CaseFor(CaseState::kRouting, input), CaseAction::kHandleLocally, Everyone(), input);
    if (c.allowed) {
        ASSERT_TRUE(result.has_value()) << Describe(result);
        EXPECT_EQ(result->state, CaseState::kHandling);
        EXPECT_EQ(result->holder_id, c.holder.id);
        EXPECT_EQ(result->lead_unit_id, c.holder.id);
        EXPECT_EQ(result->dispatcher_id, c.holder.id);
        EXPECT_TRUE(result->assisting_unit_ids.empty());
        return;
    }
    ASSERT_FALSE(result.has_value()) << Describe(result);
    EXPECT_EQ(result.error().code, ErrorCode::kConflict);
    EXPECT_EQ(result.error().reason, "case.not_local");
}

INSTANTIATE_TEST_SUITE_P(Levels, HandleLocallyTest,
                         testing::Values(LocalCase{kCommunity, true}, LocalCase{kStreet, true},
                                         LocalCase{kDistrict, false}, LocalCase{kCity, false}),
                         [](const testing::TestParamInfo<LocalCase>& param_info) {
                             return std::string(OrgLevelName(param_info.param.holder.level));
                         });

TEST(HolderInputTest, AMissingOrForeignHolderIsACallerBug) {
    ActionInput input = ValidInput(CaseAction::kForward);
    const Case routing = CaseFor(CaseState::kRouting, input);
    input.holder.reset();
    EXPECT_THROW((void)Apply(routing, CaseAction::kForward, Everyone(), input),
                 std::invalid_argument);
    input.holder = kDistrict;
    EXPECT_THROW((void)Apply(routing, CaseAction::kForward, Everyone(), input),
                 std::invalid_argument);
}

// ---------------------------------------------------------------------------------------
// What each action records.

TEST(EffectsTest, DispatchToAUnitMakesItLeadAndHolder) {
    const ActionInput input = ValidInput(CaseAction::kDispatch);
    Case routing = CaseFor(CaseState::kRouting, input);
    routing.lead_unit_id.reset();
    routing.dispatcher_id.reset();
    const auto result = Apply(routing, CaseAction::kDispatch, Everyone(), input);
    ASSERT_TRUE(result.has_value()) << Describe(result);
    EXPECT_EQ(result->holder_id, kCityHousing.id);
    EXPECT_EQ(result->lead_unit_id, kCityHousing.id);
    EXPECT_EQ(result->dispatcher_id, kCity.id);
    EXPECT_EQ(result->assisting_unit_ids, std::vector<OrgUnitId>{kDistrictHousing.id});
}

TEST(EffectsTest, DispatchToAnOfficeBelowKeepsRoutingWithoutUnits) {
    ActionInput input = ValidInput(CaseAction::kDispatch);
    input.holder = kDistrict;
    input.target = kStreet;
    input.assisting.clear();
    const auto result =
        Apply(CaseFor(CaseState::kRouting, input), CaseAction::kDispatch, Everyone(), input);
    ASSERT_TRUE(result.has_value()) << Describe(result);
    EXPECT_EQ(result->state, CaseState::kRouting);
    EXPECT_EQ(result->holder_id, kStreet.id);
    EXPECT_EQ(result->dispatcher_id, kDistrict.id);
    EXPECT_FALSE(result->lead_unit_id.has_value());
    EXPECT_TRUE(result->assisting_unit_ids.empty());
}

TEST(EffectsTest, ForwardMovesTheHolderUp) {
    const ActionInput input = ValidInput(CaseAction::kForward);
    const auto result =
        Apply(CaseFor(CaseState::kRouting, input), CaseAction::kForward, Everyone(), input);
    ASSERT_TRUE(result.has_value()) << Describe(result);
    EXPECT_EQ(result->holder_id, kStreet.id);
}

TEST(EffectsTest, RecallAndApprovedReturnGoBackToTheDispatcher) {
    for (const auto& [action, state] :
         {std::pair{CaseAction::kRecall, CaseState::kDispatched},
          std::pair{CaseAction::kApproveReturn, CaseState::kReturnRequested}}) {
        Case dispatched = CaseIn(state);
        dispatched.assisting_unit_ids = {kDistrictHousing.id};
        const auto result = Apply(dispatched, action, Everyone(), ActionInput{});
        ASSERT_TRUE(result.has_value()) << Describe(result);
        EXPECT_EQ(result->state, CaseState::kRouting);
        EXPECT_EQ(result->holder_id, kCity.id);
        EXPECT_FALSE(result->lead_unit_id.has_value());
        EXPECT_TRUE(result->assisting_unit_ids.empty());
    }
}

TEST(EffectsTest, WithoutADispatcherARecallGoesToTheReceivingOffice) {
    Case direct_card = CaseIn(CaseState::kDispatched);
    direct_card.channel = Channel::kDirectCard;
    direct_card.dispatcher_id.reset();
    const auto result = Apply(direct_card, CaseAction::kRecall, Everyone(), ActionInput{});
    ASSERT_TRUE(result.has_value()) << Describe(result);
    EXPECT_EQ(result->holder_id, kCommunity.id);
}

TEST(EffectsTest, RefusedReturnStaysWithTheSameUnit) {
    const auto result = Apply(CaseIn(CaseState::kReturnRequested), CaseAction::kRefuseReturn,
                              Everyone(), ValidInput(CaseAction::kRefuseReturn));
    ASSERT_TRUE(result.has_value()) << Describe(result);
    EXPECT_EQ(result->state, CaseState::kDispatched);
    EXPECT_EQ(result->holder_id, kCityHousing.id);
    EXPECT_EQ(result->lead_unit_id, kCityHousing.id);
}

TEST(EffectsTest, MergeLinksTheMasterCase) {
    const auto result = Apply(CaseIn(CaseState::kRegistered), CaseAction::kMerge, Everyone(),
                              ValidInput(CaseAction::kMerge));
    ASSERT_TRUE(result.has_value()) << Describe(result);
    EXPECT_EQ(result->master_case_id, CaseId{100});
}

TEST(EffectsTest, FirstContactIsRecordedOnce) {
    const ActionInput input = ValidInput(CaseAction::kContactReporter);
    const auto first =
        Apply(CaseIn(CaseState::kHandling), CaseAction::kContactReporter, Everyone(), input);
    ASSERT_TRUE(first.has_value()) << Describe(first);
    EXPECT_EQ(first->first_contact_at, kNow);
    const auto second =
        Apply(*first, CaseAction::kContactReporter, Everyone(), input, kNow + days{3});
    ASSERT_TRUE(second.has_value()) << Describe(second);
    EXPECT_EQ(second->first_contact_at, kNow);
}

TEST(EffectsTest, ExtensionIsRefusedAtTheLimitBeforeItsFormIsChecked) {
    Case handling = CaseIn(CaseState::kHandling);
    handling.extension_count = 1;
    const auto result = Apply(handling, CaseAction::kRequestExtension, Everyone(), ActionInput{});
    ASSERT_FALSE(result.has_value());
    EXPECT_EQ(result.error().code, ErrorCode::kConflict);
    EXPECT_EQ(result.error().reason, "case.extension_limit");

    WorkflowLimits generous;
    generous.max_extensions = 2;
    EXPECT_TRUE(ApplyAction(handling, CaseAction::kRequestExtension, Everyone(),
                            ValidInput(CaseAction::kRequestExtension), kNow, generous)
                    .has_value());
}

TEST(EffectsTest, ExtensionMustBeAskedBeforeTheDeadline) {
    const Case handling = CaseIn(CaseState::kHandling);
    const ActionInput input = ValidInput(CaseAction::kRequestExtension);
    const auto late = Apply(handling, CaseAction::kRequestExtension, Everyone(), input,
                            *handling.deadline + std::chrono::milliseconds{1});
    ASSERT_FALSE(late.has_value());
    EXPECT_EQ(late.error().code, ErrorCode::kConflict);
    EXPECT_EQ(late.error().reason, "case.deadline_passed");
    EXPECT_TRUE(
        Apply(handling, CaseAction::kRequestExtension, Everyone(), input, *handling.deadline)
            .has_value());

    Case no_deadline = handling;
    no_deadline.deadline.reset();
    EXPECT_TRUE(
        Apply(no_deadline, CaseAction::kRequestExtension, Everyone(), input, kNow + days{30})
            .has_value());
}

TEST(EffectsTest, ApprovedExtensionCountsButLeavesTheDeadlineToTheTimeLimitService) {
    const Case asked = CaseIn(CaseState::kExtensionRequested);
    const auto approved = Apply(asked, CaseAction::kApproveExtension, Everyone(), ActionInput{});
    ASSERT_TRUE(approved.has_value()) << Describe(approved);
    EXPECT_EQ(approved->extension_count, 1);
    EXPECT_EQ(approved->deadline, asked.deadline);

    const auto refused = Apply(asked, CaseAction::kRefuseExtension, Everyone(),
                               ValidInput(CaseAction::kRefuseExtension));
    ASSERT_TRUE(refused.has_value()) << Describe(refused);
    EXPECT_EQ(refused->extension_count, 0);
}

// An approver grants what was asked unless they choose fewer days, never more than the
// case's limit allows, and never silently less.
TEST(EffectsTest, AnApprovalGrantsTheDaysAskedOrTheDaysChosenWithinTheCap) {
    Case asked = CaseIn(CaseState::kExtensionRequested);
    asked.requested_extension_days = 3;
    WorkflowLimits limits;
    limits.max_extension_days = 3;
    ActionInput choice;
    EXPECT_EQ(GrantedExtensionDays(asked, choice), 3);
    choice.granted_days = 2;
    EXPECT_EQ(GrantedExtensionDays(asked, choice), 2);
    EXPECT_TRUE(
        ApplyAction(asked, CaseAction::kApproveExtension, Everyone(), choice, kNow, limits));
    for (const int granted : {0, 4, -1}) {
        choice.granted_days = granted;
        const auto refused =
            ApplyAction(asked, CaseAction::kApproveExtension, Everyone(), choice, kNow, limits);
        ASSERT_FALSE(refused.has_value()) << granted;
        EXPECT_EQ(
            FieldsOf(refused.error()),
            (std::vector<std::pair<std::string, std::string>>{{"grantedDays", "out_of_range"}}));
    }
    // The unit cannot ask for more than the cap in the first place.
    Case handling = CaseIn(CaseState::kHandling);
    ActionInput request = ValidInput(CaseAction::kRequestExtension);
    request.extension_days = 10;
    const auto too_long =
        ApplyAction(handling, CaseAction::kRequestExtension, Everyone(), request, kNow, limits);
    ASSERT_FALSE(too_long.has_value());
    EXPECT_EQ(
        FieldsOf(too_long.error()),
        (std::vector<std::pair<std::string, std::string>>{{"extensionDays", "out_of_range"}}));
}

TEST(EffectsTest, AUnitLeaderSignsWhatAHandlerDrafted) {
    ActionInput answer = ValidInput(CaseAction::kAnswer);
    answer.unit_approval_required = true;
    const Case handling = CaseIn(CaseState::kHandling);
    const auto drafted =
        Apply(handling, CaseAction::kAnswer, MakeRelations({Relation::kLeadUnit}), answer);
    ASSERT_TRUE(drafted.has_value()) << Describe(drafted);
    EXPECT_EQ(drafted->state, CaseState::kHandling);  // still in the unit
    EXPECT_TRUE(drafted->unit_review_pending);
    EXPECT_EQ(drafted->answer_text, answer.answer_text);

    const auto again =
        Apply(*drafted, CaseAction::kAnswer, MakeRelations({Relation::kLeadUnit}), answer);
    ASSERT_FALSE(again.has_value());
    EXPECT_EQ(again.error().reason, "case.answer_pending");

    const auto signed_off = Apply(*drafted, CaseAction::kApproveUnitAnswer,
                                  MakeRelations({Relation::kUnitLeader}), ActionInput{});
    ASSERT_TRUE(signed_off.has_value()) << Describe(signed_off);
    EXPECT_EQ(signed_off->state, CaseState::kAnswered);
    EXPECT_FALSE(signed_off->unit_review_pending);

    const auto sent_back =
        Apply(*drafted, CaseAction::kRejectUnitAnswer, MakeRelations({Relation::kUnitLeader}),
              ValidInput(CaseAction::kRejectUnitAnswer));
    ASSERT_TRUE(sent_back.has_value()) << Describe(sent_back);
    EXPECT_EQ(sent_back->state, CaseState::kHandling);
    EXPECT_FALSE(sent_back->unit_review_pending);
    EXPECT_FALSE(sent_back->result.has_value());

    // The leader's own answer leaves at once; so does any answer where the unit switched it off.
    const auto by_leader =
        Apply(handling, CaseAction::kAnswer,
              MakeRelations({Relation::kLeadUnit, Relation::kUnitLeader}), answer);
    ASSERT_TRUE(by_leader.has_value());
    EXPECT_EQ(by_leader->state, CaseState::kAnswered);
    answer.unit_approval_required = false;
    const auto unchecked =
        Apply(handling, CaseAction::kAnswer, MakeRelations({Relation::kLeadUnit}), answer);
    ASSERT_TRUE(unchecked.has_value());
    EXPECT_EQ(unchecked->state, CaseState::kAnswered);
}

TEST(EffectsTest, MergingUnlikeCasesNeedsConfirmation) {
    ActionInput merge = ValidInput(CaseAction::kMerge);
    Case master = CaseIn(CaseState::kRouting);
    master.id = 100;
    merge.master = master;
    const Case routing = CaseIn(CaseState::kRouting);
    EXPECT_TRUE(Apply(routing, CaseAction::kMerge, Everyone(), merge));  // alike
    merge.master->category_code = "0501";
    const auto unconfirmed = Apply(routing, CaseAction::kMerge, Everyone(), merge);
    ASSERT_FALSE(unconfirmed.has_value());
    EXPECT_EQ(unconfirmed.error().reason, "case.merge_unconfirmed");
    merge.confirm = true;
    EXPECT_TRUE(Apply(routing, CaseAction::kMerge, Everyone(), merge));
}

TEST(EffectsTest, OnlyAConfidentialReporterWithAPhoneGetsRelayedMessages) {
    ActionInput relay;
    relay.relay_message = "您好，我们是市住建局，明天上午上门查看，请保持电话畅通。";
    Case handling = CaseIn(CaseState::kHandling);
    handling.reporter.phone = "13812341234";
    const auto open = Apply(handling, CaseAction::kContactReporter, Everyone(), relay);
    ASSERT_FALSE(open.has_value());
    EXPECT_EQ(FieldsOf(open.error()),
              (std::vector<std::pair<std::string, std::string>>{{"relayMessage", "invalid"}}));
    handling.reporter.confidential = true;
    const auto relayed = Apply(handling, CaseAction::kContactReporter, Everyone(), relay);
    ASSERT_TRUE(relayed.has_value()) << Describe(relayed);
    EXPECT_EQ(relayed->first_contact_at, kNow);
}

TEST(EffectsTest, InstructionReturnsToTheStateEscalatedFrom) {
    ActionInput escalation = ValidInput(CaseAction::kEscalate);
    const auto escalated =
        Apply(CaseIn(CaseState::kRouting), CaseAction::kEscalate, Everyone(), escalation);
    ASSERT_TRUE(escalated.has_value()) << Describe(escalated);
    EXPECT_EQ(escalated->escalated_to_id, kCity.id);
    EXPECT_EQ(escalated->escalated_from, CaseState::kRouting);

    const auto instructed =
        Apply(*escalated, CaseAction::kInstruct, Everyone(), ValidInput(CaseAction::kInstruct));
    ASSERT_TRUE(instructed.has_value()) << Describe(instructed);
    EXPECT_EQ(instructed->state, CaseState::kRouting);
    EXPECT_FALSE(instructed->escalated_from.has_value());

    Case unknown_origin = CaseIn(CaseState::kEscalated);
    unknown_origin.escalated_from.reset();
    const auto defaulted =
        Apply(unknown_origin, CaseAction::kInstruct, Everyone(), ValidInput(CaseAction::kInstruct));
    ASSERT_TRUE(defaulted.has_value()) << Describe(defaulted);
    EXPECT_EQ(defaulted->state, CaseState::kHandling);
}

TEST(EffectsTest, LongTermCommitmentKeepsTheDate) {
    const ActionInput input = ValidInput(CaseAction::kCommitLongTerm);
    const auto result =
        Apply(CaseIn(CaseState::kHandling), CaseAction::kCommitLongTerm, Everyone(), input);
    ASSERT_TRUE(result.has_value()) << Describe(result);
    EXPECT_EQ(result->committed_date, input.committed_date);
}

TEST(EffectsTest, AnswerKeepsResultAndTextAndReworkClearsTheResult) {
    Case handling = CaseIn(CaseState::kHandling);
    ActionInput input = ValidInput(CaseAction::kAnswer);
    input.result = AnswerResult::kExplained;
    const auto answered = Apply(handling, CaseAction::kAnswer, Everyone(), input);
    ASSERT_TRUE(answered.has_value()) << Describe(answered);
    EXPECT_EQ(answered->result, AnswerResult::kExplained);
    EXPECT_EQ(answered->answer_text, input.answer_text);

    const auto rework = Apply(*answered, CaseAction::kReturnForRework, Everyone(),
                              ValidInput(CaseAction::kReturnForRework));
    ASSERT_TRUE(rework.has_value()) << Describe(rework);
    EXPECT_EQ(rework->state, CaseState::kHandling);
    EXPECT_FALSE(rework->result.has_value());
}

TEST(EffectsTest, ApprovalStartsTheFollowUpCount) {
    Case answered = CaseIn(CaseState::kAnswered);
    answered.follow_up_attempts = 2;
    const auto result = Apply(answered, CaseAction::kApproveAnswer, Everyone(), ActionInput{});
    ASSERT_TRUE(result.has_value()) << Describe(result);
    EXPECT_EQ(result->follow_up_attempts, 0);
}

struct FollowUpCase {
    const char* name;
    int attempts_before;
    int attempts_given;
    bool unreachable;
    std::optional<Satisfaction> satisfaction;
    CaseState to;
    int attempts_after;
};

void PrintTo(const FollowUpCase& c, std::ostream* os) {
    *os << c.name;
}

class FollowUpTest : public testing::TestWithParam<FollowUpCase> {};

TEST_P(FollowUpTest, ClosesWhenSatisfiedOrFinallyUnreachable) {
    const FollowUpCase& c = GetParam();
    Case follow_up = CaseIn(CaseState::kFollowUp);
    follow_up.follow_up_attempts = c.attempts_before;
    ActionInput input;
    input.unreachable = c.unreachable;
    input.satisfaction = c.satisfaction;
    input.follow_up_attempts = c.attempts_given;
    const auto result = Apply(follow_up, CaseAction::kFollowUp, Everyone(), input);
    ASSERT_TRUE(result.has_value()) << Describe(result);
    EXPECT_EQ(result->state, c.to);
    EXPECT_EQ(result->follow_up_attempts, c.attempts_after);
    EXPECT_EQ(result->satisfaction, c.unreachable ? std::nullopt : c.satisfaction);
    if (c.to == CaseState::kClosed) {
        EXPECT_EQ(result->closed_at, kNow);
    } else {
        EXPECT_FALSE(result->closed_at.has_value());
    }
}

INSTANTIATE_TEST_SUITE_P(
    Outcomes, FollowUpTest,
    testing::Values(
        FollowUpCase{"very_satisfied", 0, 0, false, Satisfaction::kVerySatisfied,
                     CaseState::kClosed, 1},
        FollowUpCase{"satisfied", 0, 0, false, Satisfaction::kSatisfied, CaseState::kClosed, 1},
        FollowUpCase{"basically_satisfied", 1, 0, false, Satisfaction::kBasicallySatisfied,
                     CaseState::kClosed, 2},
        FollowUpCase{"dissatisfied", 0, 0, false, Satisfaction::kDissatisfied, CaseState::kFollowUp,
                     1},
        FollowUpCase{"very_dissatisfied", 0, 0, false, Satisfaction::kVeryDissatisfied,
                     CaseState::kFollowUp, 1},
        FollowUpCase{"unreachable_first_try", 0, 0, true, std::nullopt, CaseState::kFollowUp, 1},
        FollowUpCase{"unreachable_second_try", 1, 0, true, std::nullopt, CaseState::kFollowUp, 2},
        FollowUpCase{"unreachable_third_try", 2, 0, true, std::nullopt, CaseState::kClosed, 3},
        FollowUpCase{"unreachable_count_given", 0, 3, true, std::nullopt, CaseState::kClosed, 3},
        FollowUpCase{"unreachable_ignores_satisfaction", 0, 0, true, Satisfaction::kSatisfied,
                     CaseState::kFollowUp, 1}),
    [](const testing::TestParamInfo<FollowUpCase>& param_info) {
        return std::string(param_info.param.name);
    });

TEST(EffectsTest, ReopenGoesBackToTheLeadUnitWithAFreshSlate) {
    Case closed = CaseIn(CaseState::kClosed);
    closed.holder_id = kCity.id;
    const auto result =
        Apply(closed, CaseAction::kReopen, Everyone(), ValidInput(CaseAction::kReopen));
    ASSERT_TRUE(result.has_value()) << Describe(result);
    EXPECT_EQ(result->state, CaseState::kHandling);
    EXPECT_EQ(result->holder_id, kCityHousing.id);
    EXPECT_EQ(result->reopen_count, 1);
    EXPECT_FALSE(result->result.has_value());
    EXPECT_FALSE(result->satisfaction.has_value());
    EXPECT_FALSE(result->closed_at.has_value());

    closed.lead_unit_id.reset();
    const auto without_lead =
        Apply(closed, CaseAction::kReopen, Everyone(), ValidInput(CaseAction::kReopen));
    ASSERT_TRUE(without_lead.has_value()) << Describe(without_lead);
    EXPECT_EQ(without_lead->holder_id, kCity.id);
}

TEST(EffectsTest, CloseStampsTheTime) {
    const auto result =
        Apply(CaseIn(CaseState::kFollowUp), CaseAction::kClose, Everyone(), ActionInput{});
    ASSERT_TRUE(result.has_value()) << Describe(result);
    EXPECT_EQ(result->closed_at, kNow);
}

TEST(EffectsTest, HandoverSendsTheCaseToTheHotline) {
    ActionInput input = ValidInput(CaseAction::kHandover);
    Case routing = CaseIn(CaseState::kRouting);
    routing.holder_id = kDistrict.id;
    const auto result = Apply(routing, CaseAction::kHandover, Everyone(), input);
    ASSERT_TRUE(result.has_value()) << Describe(result);
    EXPECT_EQ(result->holder_id, kHotline.id);
    EXPECT_EQ(result->lead_unit_id, kHotline.id);
    EXPECT_EQ(result->dispatcher_id, kDistrict.id);
    EXPECT_EQ(result->external_ref, "12345-20260302-0042");

    routing.external_ref = "12345-20260301-0007";
    input.external_ref.clear();
    const auto later = Apply(routing, CaseAction::kHandover, Everyone(), input);
    ASSERT_TRUE(later.has_value()) << Describe(later);
    EXPECT_EQ(later->external_ref, "12345-20260301-0007");
}

TEST(EffectsTest, SupervisionAndAssistanceChangeNothingButTheRecord) {
    for (const CaseAction action : {CaseAction::kSupervise, CaseAction::kAssist}) {
        const Case handling = CaseIn(CaseState::kHandling);
        const auto result = Apply(handling, action, Everyone(), ValidInput(action));
        ASSERT_TRUE(result.has_value()) << Describe(result);
        EXPECT_EQ(result->state, handling.state);
        EXPECT_EQ(result->holder_id, handling.holder_id);
        EXPECT_EQ(result->lead_unit_id, handling.lead_unit_id);
        EXPECT_EQ(result->deadline, handling.deadline);
        EXPECT_FALSE(result->first_contact_at.has_value());
    }
}

// ---------------------------------------------------------------------------------------
// Whole paths.

/// Takes one step as an actor with the single relation `as`; a refusal fails the test.
[[nodiscard]] bool Take(Case& current, CaseAction action, Relation as, const ActionInput& input,
                        Instant at = kNow) {
    auto next = ApplyAction(current, action, MakeRelations({as}), input, at, WorkflowLimits{});
    if (!next) {
        ADD_FAILURE() << CaseActionName(action) << " in " << CaseStateName(current.state)
                      << " refused: " << next.error().reason;
        return false;
    }
    current = std::move(*next);
    return true;
}

ActionInput Holding(const OrgUnit& holder, const OrgUnit& target) {
    ActionInput input;
    input.holder = holder;
    input.target = target;
    input.method = DispatchMethod::kNetwork;
    return input;
}

Case GridReport() {
    Case report;
    report.id = 202;
    report.number = "2026-0000202";
    report.channel = Channel::kGrid;
    report.kind = CaseKind::kComplaint;
    report.category_code = "0101";
    report.title = "永前社区物业停止清运垃圾";
    report.content = "小区物业已一周未清运垃圾，楼道堆积，居民多次反映无果。";
    report.state = CaseState::kRegistered;
    report.holder_id = kCommunity.id;
    report.origin_id = kCommunity.id;
    report.receiving_office_id = kCommunity.id;
    return report;
}

TEST(PathTest, GridReportForwardedToTheCityAndClosedSatisfied) {
    Case c = GridReport();
    ASSERT_TRUE(Take(c, CaseAction::kAccept, Relation::kHolderOffice, {}));
    EXPECT_EQ(c.state, CaseState::kRouting);

    ASSERT_TRUE(
        Take(c, CaseAction::kForward, Relation::kHolderOffice, Holding(kCommunity, kStreet)));
    ASSERT_TRUE(
        Take(c, CaseAction::kForward, Relation::kHolderOffice, Holding(kStreet, kDistrict)));
    ASSERT_TRUE(Take(c, CaseAction::kForward, Relation::kHolderOffice, Holding(kDistrict, kCity)));
    EXPECT_EQ(c.state, CaseState::kRouting);
    EXPECT_EQ(c.holder_id, kCity.id);

    ActionInput dispatch = Holding(kCity, kCityHousing);
    dispatch.assisting = {kDistrictHousing};
    ASSERT_TRUE(Take(c, CaseAction::kDispatch, Relation::kHolderOffice, dispatch));
    EXPECT_EQ(c.state, CaseState::kDispatched);
    EXPECT_EQ(c.holder_id, kCityHousing.id);
    EXPECT_EQ(c.lead_unit_id, kCityHousing.id);
    EXPECT_EQ(c.dispatcher_id, kCity.id);
    EXPECT_EQ(c.assisting_unit_ids, std::vector<OrgUnitId>{kDistrictHousing.id});

    ASSERT_TRUE(Take(c, CaseAction::kSign, Relation::kHolderUnit, {}, kNow + hours{1}));
    EXPECT_EQ(c.state, CaseState::kHandling);

    ActionInput contact;
    contact.note = "已电话联系居民，物业承诺当日清运";
    ASSERT_TRUE(
        Take(c, CaseAction::kContactReporter, Relation::kHolderUnit, contact, kNow + hours{2}));
    EXPECT_EQ(c.first_contact_at, kNow + hours{2});

    ActionInput assist;
    assist.note = "区住建局已约谈物业公司";
    ASSERT_TRUE(Take(c, CaseAction::kAssist, Relation::kAssistingUnit, assist));

    ActionInput answer;
    answer.result = AnswerResult::kSolved;
    answer.answer_text = "经市住建局督促，物业已恢复每日清运。";
    ASSERT_TRUE(Take(c, CaseAction::kAnswer, Relation::kLeadUnit, answer, kNow + days{2}));
    EXPECT_EQ(c.state, CaseState::kAnswered);

    ASSERT_TRUE(Take(c, CaseAction::kApproveAnswer, Relation::kReviewer, {}, kNow + days{3}));
    EXPECT_EQ(c.state, CaseState::kFollowUp);

    ActionInput follow_up;
    follow_up.contacted = true;
    follow_up.solved = true;
    follow_up.satisfaction = Satisfaction::kSatisfied;
    ASSERT_TRUE(Take(c, CaseAction::kFollowUp, Relation::kReviewer, follow_up, kNow + days{4}));
    EXPECT_EQ(c.state, CaseState::kClosed);
    EXPECT_EQ(c.satisfaction, Satisfaction::kSatisfied);
    EXPECT_EQ(c.closed_at, kNow + days{4});
    EXPECT_EQ(Offered(c, MakeRelations({Relation::kReviewer})), std::vector{CaseAction::kReopen});
}

TEST(PathTest, ApprovedReturnIsDispatchedAgain) {
    Case c = GridReport();
    c.channel = Channel::kWalkIn;
    c.holder_id = kDistrict.id;
    c.receiving_office_id = kDistrict.id;
    ASSERT_TRUE(Take(c, CaseAction::kAccept, Relation::kHolderOffice, {}));
    ASSERT_TRUE(Take(c, CaseAction::kDispatch, Relation::kHolderOffice,
                     Holding(kDistrict, kDistrictHousing)));
    EXPECT_EQ(c.holder_id, kDistrictHousing.id);

    ActionInput request;
    request.reason = "涉及全市物业企业资质，属市级事权";
    request.legal_basis = "《吉林市物业管理条例》第八条";
    ASSERT_TRUE(Take(c, CaseAction::kRequestReturn, Relation::kHolderUnit, request));
    EXPECT_EQ(c.state, CaseState::kReturnRequested);
    EXPECT_EQ(c.holder_id, kDistrictHousing.id);

    ASSERT_TRUE(Take(c, CaseAction::kApproveReturn, Relation::kDispatcher, {}));
    EXPECT_EQ(c.state, CaseState::kRouting);
    EXPECT_EQ(c.holder_id, kDistrict.id);
    EXPECT_FALSE(c.lead_unit_id.has_value());

    ASSERT_TRUE(Take(c, CaseAction::kForward, Relation::kHolderOffice, Holding(kDistrict, kCity)));
    ASSERT_TRUE(
        Take(c, CaseAction::kDispatch, Relation::kHolderOffice, Holding(kCity, kCityHousing)));
    EXPECT_EQ(c.state, CaseState::kDispatched);
    EXPECT_EQ(c.holder_id, kCityHousing.id);
    EXPECT_EQ(c.lead_unit_id, kCityHousing.id);
    EXPECT_EQ(c.dispatcher_id, kCity.id);
    ASSERT_TRUE(Take(c, CaseAction::kSign, Relation::kHolderUnit, {}));
    EXPECT_EQ(c.state, CaseState::kHandling);
}

TEST(PathTest, SecondExtensionIsRefused) {
    Case c = CaseIn(CaseState::kHandling);
    c.deadline = kNow + days{3};
    ActionInput extension;
    extension.reason = "需等待供热管网停运后施工";
    extension.extension_days = 5;
    ASSERT_TRUE(Take(c, CaseAction::kRequestExtension, Relation::kHolderUnit, extension));
    EXPECT_EQ(c.state, CaseState::kExtensionRequested);
    ASSERT_TRUE(Take(c, CaseAction::kApproveExtension, Relation::kDispatcher, {}));
    EXPECT_EQ(c.state, CaseState::kHandling);
    EXPECT_EQ(c.extension_count, 1);

    const auto again =
        ApplyAction(c, CaseAction::kRequestExtension, MakeRelations({Relation::kHolderUnit}),
                    extension, kNow + hours{1}, WorkflowLimits{});
    ASSERT_FALSE(again.has_value());
    EXPECT_EQ(again.error().code, ErrorCode::kConflict);
    EXPECT_EQ(again.error().reason, "case.extension_limit");
}

TEST(PathTest, DissatisfiedReporterGetsTheCaseReopened) {
    Case c = CaseIn(CaseState::kAnswered);
    ASSERT_TRUE(Take(c, CaseAction::kApproveAnswer, Relation::kReviewer, {}));

    ActionInput unhappy;
    unhappy.contacted = true;
    unhappy.solved = false;
    unhappy.satisfaction = Satisfaction::kDissatisfied;
    ASSERT_TRUE(Take(c, CaseAction::kFollowUp, Relation::kReviewer, unhappy));
    EXPECT_EQ(c.state, CaseState::kFollowUp);
    EXPECT_EQ(c.satisfaction, Satisfaction::kDissatisfied);

    ActionInput reopen;
    reopen.reason = "屋顶仍漏雨，居民诉求合理";
    ASSERT_TRUE(Take(c, CaseAction::kReopen, Relation::kReviewer, reopen));
    EXPECT_EQ(c.state, CaseState::kHandling);
    EXPECT_EQ(c.holder_id, kCityHousing.id);
    EXPECT_EQ(c.reopen_count, 1);
    EXPECT_FALSE(c.satisfaction.has_value());
    EXPECT_FALSE(c.result.has_value());

    ActionInput answer;
    answer.result = AnswerResult::kSolved;
    answer.answer_text = "已更换屋面防水层，经雨天检验不再渗漏。";
    ASSERT_TRUE(Take(c, CaseAction::kAnswer, Relation::kLeadUnit, answer));
    ASSERT_TRUE(Take(c, CaseAction::kApproveAnswer, Relation::kReviewer, {}));
    ActionInput happy;
    happy.satisfaction = Satisfaction::kVerySatisfied;
    ASSERT_TRUE(Take(c, CaseAction::kFollowUp, Relation::kReviewer, happy));
    EXPECT_EQ(c.state, CaseState::kClosed);
    EXPECT_EQ(c.reopen_count, 1);
}

}  // namespace
}  // namespace minqing::domain
