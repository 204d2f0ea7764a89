#include "api/case_bodies.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace minqing::api {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;
using ::testing::Pair;

std::vector<std::pair<std::string, std::string>> Pairs(const std::vector<FieldError>& problems) {
    std::vector<std::pair<std::string, std::string>> pairs;
    for (const auto& problem : problems) {
        pairs.emplace_back(problem.field, problem.reason);
    }
    return pairs;
}

nlohmann::json GridBody() {
    return {{"channel", "grid"},
            {"kind", "complaint"},
            {"urgency", "urgent"},
            {"categoryCode", "0101"},
            {"title", "暖气不热"},
            {"content", "三号楼暖气不热"},
            {"peopleInvolved", 3},
            {"officeId", 7},
            {"location", {{"address", "永前社区"}, {"gridId", 12}, {"lat", 43.8}, {"lng", 126.5}}},
            {"reporter", {{"name", "张三"}, {"phone", "13800000000"}, {"confidential", true}}},
            {"grid", {{"solvedOnSpot", true}, {"evidence", "已修复"}}}};
}

TEST(DecodeCaseDraftTest, AStaffBodyFillsEveryField) {
    const auto decoded = DecodeCaseDraft(GridBody(), false);

    EXPECT_THAT(decoded.problems, IsEmpty());
    const auto& draft = decoded.draft;
    EXPECT_TRUE(draft.channel_known);
    EXPECT_EQ(draft.channel, domain::Channel::kGrid);
    EXPECT_EQ(draft.kind, domain::CaseKind::kComplaint);
    EXPECT_EQ(draft.urgency, domain::Urgency::kUrgent);
    EXPECT_EQ(draft.scope, domain::CaseScope::kIndividual);
    EXPECT_EQ(draft.title, "暖气不热");
    EXPECT_EQ(draft.people_involved, 3);
    EXPECT_EQ(draft.office_id, 7);
    EXPECT_EQ(draft.location.grid_id, 12);
    EXPECT_EQ(draft.location.lng, 126.5);
    EXPECT_EQ(draft.reporter.phone, "13800000000");
    EXPECT_TRUE(draft.reporter.confidential);
    EXPECT_TRUE(draft.fields.grid.solved_on_spot);
    EXPECT_EQ(draft.fields.grid.evidence, "已修复");
}

TEST(DecodeCaseDraftTest, AbsentFieldsKeepTheirDefaultsAndOnlyTheChannelIsRequired) {
    const auto decoded = DecodeCaseDraft(nlohmann::json::object(), true);

    EXPECT_THAT(Pairs(decoded.problems), ElementsAre(Pair("channel", "required")));
    EXPECT_FALSE(decoded.draft.channel_known);
    EXPECT_FALSE(decoded.draft.kind.has_value());
    EXPECT_EQ(decoded.draft.people_involved, 1);
}

TEST(DecodeCaseDraftTest, WrongTypesBadChoicesAndUnknownFieldsAreListedInOrder) {
    nlohmann::json body = GridBody();
    body["kind"] = "rant";
    body["title"] = 5;
    body["location"]["lat"] = "north";
    body["reporter"]["email"] = "zs@example.com";
    body["priority"] = "high";

    const auto decoded = DecodeCaseDraft(body, false);

    EXPECT_THAT(
        Pairs(decoded.problems),
        ElementsAre(Pair("kind", "invalid"), Pair("title", "type"), Pair("location.lat", "type"),
                    Pair("reporter.email", "unknown_field"), Pair("priority", "unknown_field")));
    EXPECT_FALSE(decoded.draft.kind.has_value());
    EXPECT_EQ(decoded.draft.title, "");
}

TEST(DecodeCaseDraftTest, StaffObjectsAreUnknownToThePublic) {
    nlohmann::json body = GridBody();
    body.erase("grid");
    body.erase("officeId");
    body["directCard"] = {{"unitId", 3}};

    const auto decoded = DecodeCaseDraft(body, true);

    EXPECT_THAT(Pairs(decoded.problems), ElementsAre(Pair("directCard", "unknown_field")));
    EXPECT_FALSE(decoded.draft.fields.direct_card.unit_id.has_value());
}

TEST(DecodeCaseDraftTest, ANestedValueThatIsNoObjectIsATypeProblem) {
    nlohmann::json body = GridBody();
    body["cadreReport"] = "yes";

    EXPECT_THAT(Pairs(DecodeCaseDraft(body, false).problems),
                ElementsAre(Pair("cadreReport", "type")));
}

TEST(DecodeCaseActionTest, AnAnswerReadsItsOwnFields) {
    const auto request = DecodeCaseAction(domain::CaseAction::kAnswer, {{"version", 4},
                                                                        {"result", "explained"},
                                                                        {"answerText", "已答复"},
                                                                        {"legalBasis", "条例"}});

    ASSERT_TRUE(request.has_value());
    EXPECT_EQ(request->action, domain::CaseAction::kAnswer);
    EXPECT_EQ(request->expected_version, 4);
    EXPECT_EQ(request->input.result, domain::AnswerResult::kExplained);
    EXPECT_EQ(request->input.answer_text, "已答复");
    EXPECT_EQ(request->input.legal_basis, "条例");
}

TEST(DecodeCaseActionTest, AFieldTheActionDoesNotReadIsUnknown) {
    const auto request = DecodeCaseAction(domain::CaseAction::kAccept, {{"targetId", 1}});

    ASSERT_FALSE(request.has_value());
    EXPECT_EQ(request.error().code, ErrorCode::kValidation);
    EXPECT_THAT(Pairs(request.error().fields), ElementsAre(Pair("targetId", "unknown_field")));
}

TEST(DecodeCaseActionTest, BadChoicesDatesAndIdsAreEachReported) {
    const auto dispatch = DecodeCaseAction(domain::CaseAction::kDispatch,
                                           {{"method", "pigeon"}, {"assistingIds", {1, "two"}}});
    const auto long_term =
        DecodeCaseAction(domain::CaseAction::kCommitLongTerm, {{"committedDate", "soon"}});

    ASSERT_FALSE(dispatch.has_value());
    EXPECT_THAT(Pairs(dispatch.error().fields),
                ElementsAre(Pair("assistingIds", "type"), Pair("method", "invalid")));
    ASSERT_FALSE(long_term.has_value());
    EXPECT_THAT(Pairs(long_term.error().fields), ElementsAre(Pair("committedDate", "invalid")));
}

TEST(DecodeCaseActionTest, GrantedDaysAreClampedAndDatesParsed) {
    const auto granted =
        DecodeCaseAction(domain::CaseAction::kApproveExtension, {{"grantedDays", 99999}});
    const auto committed =
        DecodeCaseAction(domain::CaseAction::kCommitLongTerm, {{"committedDate", "2027-03-01"}});

    ASSERT_TRUE(granted.has_value());
    EXPECT_EQ(granted->input.granted_days, 1000);
    ASSERT_TRUE(committed.has_value());
    EXPECT_TRUE(committed->input.committed_date.has_value());
}

service::CreatedCase Created() {
    return {};
}

TEST(RecordCaseTest, ACleanBodyIsRecordedOnce) {
    std::vector<service::IntakeMode> modes;
    const auto created = RecordCase(
        DecodeCaseDraft(GridBody(), false),
        [&](service::CaseDraft, service::IntakeMode mode) -> Result<service::CreatedCase> {
            modes.push_back(mode);
            return Created();
        });

    EXPECT_TRUE(created.has_value());
    EXPECT_THAT(modes, ElementsAre(service::IntakeMode::kRecord));
}

TEST(RecordCaseTest, ProblemsOfTheJsonAreListedWithThoseTheCheckFinds) {
    nlohmann::json body = GridBody();
    body["kind"] = "rant";
    body["colour"] = "red";
    std::vector<service::IntakeMode> modes;

    const auto created = RecordCase(
        DecodeCaseDraft(body, false),
        [&](service::CaseDraft, service::IntakeMode mode) -> Result<service::CreatedCase> {
            modes.push_back(mode);
            return Fail(Validation({{"kind", "required", "m"}, {"title", "too_long", "m"}}));
        });

    ASSERT_FALSE(created.has_value());
    EXPECT_THAT(modes, ElementsAre(service::IntakeMode::kCheck));
    EXPECT_THAT(Pairs(created.error().fields),
                ElementsAre(Pair("kind", "invalid"), Pair("colour", "unknown_field"),
                            Pair("title", "too_long")));
}

// A grid body with an unknown field, recorded through an intake that answers `answer`.
Result<service::CreatedCase> RecordWithUnknownField(const Result<service::CreatedCase>& answer) {
    nlohmann::json body = GridBody();
    body["colour"] = "red";
    return RecordCase(DecodeCaseDraft(body, false),
                      [&answer](service::CaseDraft, service::IntakeMode) { return answer; });
}

TEST(RecordCaseTest, ARefusalOtherThanValidationWins) {
    const auto created = RecordWithUnknownField(Fail(Forbidden("case.channel_forbidden", "m")));

    ASSERT_FALSE(created.has_value());
    EXPECT_EQ(created.error().reason, "case.channel_forbidden");
}

TEST(RecordCaseTest, AnAcceptableRestStillAnswers422) {
    const auto created = RecordWithUnknownField(Created());

    ASSERT_FALSE(created.has_value());
    EXPECT_THAT(Pairs(created.error().fields), ElementsAre(Pair("colour", "unknown_field")));
}

}  // namespace
}  // namespace minqing::api
