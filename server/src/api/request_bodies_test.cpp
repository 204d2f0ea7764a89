#include "api/request_bodies.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace minqing::api {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;
using ::testing::Pair;

template <typename Value>
std::vector<std::pair<std::string, std::string>> Problems(const Result<Value>& decoded) {
    std::vector<std::pair<std::string, std::string>> pairs;
    if (!decoded) {
        for (const auto& problem : decoded.error().fields) {
            pairs.emplace_back(problem.field, problem.reason);
        }
    }
    return pairs;
}

TEST(NewOrgUnitBodyTest, AFullBodyFillsTheUnit) {
    const nlohmann::json body = {
        {"code", "0201"},
        {"name", "永前社区"},
        {"kind", "unit"},
        {"level", "community"},
        {"parentId", 3},
        {"boundary", {{"type", "Polygon"}, {"coordinates", {{{1, 2}, {3, 2}, {3, 4}, {1, 2}}}}}},
        {"handlers", {{{"name", "李四"}, {"phone", "110"}}}}};

    const auto unit = DecodeBody(body, &NewOrgUnitFields);

    ASSERT_TRUE(unit.has_value());
    EXPECT_EQ(unit->code, "0201");
    EXPECT_EQ(unit->kind, domain::OrgKind::kUnit);
    EXPECT_EQ(unit->level, domain::OrgLevel::kCommunity);
    EXPECT_EQ(unit->parent_id, 3);
    ASSERT_TRUE(unit->boundary.has_value());
    EXPECT_EQ(unit->boundary->kind, domain::Boundary::Kind::kPolygon);
    ASSERT_EQ(unit->boundary->polygons.size(), 1U);
    EXPECT_EQ(unit->boundary->polygons[0][0][2], (domain::GeoPosition{3, 4}));
    ASSERT_EQ(unit->handlers.size(), 1U);
    EXPECT_EQ(unit->handlers[0].name, "李四");
    EXPECT_EQ(unit->handlers[0].section_code, "");
}

TEST(NewOrgUnitBodyTest, ProblemsComeInTableOrderThenUnknownFields) {
    const nlohmann::json body = {{"name", 5},
                                 {"kind", "club"},
                                 {"boundary", "inside the river"},
                                 {"handlers", {{{"name", 1}}, "x"}},
                                 {"hotLine", "110"}};

    EXPECT_THAT(Problems(DecodeBody(body, &NewOrgUnitFields)),
                ElementsAre(Pair("code", "required"), Pair("name", "type"), Pair("kind", "invalid"),
                            Pair("boundary", "type"), Pair("handlers[0]", "type"),
                            Pair("handlers[1]", "type"), Pair("hotLine", "unknown_field")));
}

TEST(NewOrgUnitBodyTest, ABoundaryThatIsNoPolygonIsInvalid) {
    const nlohmann::json open_ring = {{"type", "Polygon"},
                                      {"coordinates", {{{126.45, 43.92}, {126.46, 43.93}}}}};
    const nlohmann::json point = {{"type", "Point"}, {"coordinates", {126.45, 43.92}}};
    for (const auto& boundary : {open_ring, point}) {
        const nlohmann::json body = {{"code", "g1"}, {"name", "网格"}, {"boundary", boundary}};

        EXPECT_THAT(Problems(DecodeBody(body, &NewOrgUnitFields)),
                    ElementsAre(Pair("boundary", "invalid")))
            << boundary;
    }
}

TEST(OrgUnitChangesBodyTest, NullClearsTheBoundaryAndAbsentLeavesIt) {
    const auto cleared = DecodeBody(nlohmann::json{{"boundary", nullptr}}, &OrgUnitChangesFields);
    const auto left = DecodeBody(nlohmann::json{{"active", false}}, &OrgUnitChangesFields);

    ASSERT_TRUE(cleared.has_value());
    ASSERT_TRUE(cleared->boundary.has_value());
    EXPECT_FALSE(cleared->boundary->has_value());
    ASSERT_TRUE(left.has_value());
    EXPECT_FALSE(left->boundary.has_value());
    EXPECT_EQ(left->active, false);
    EXPECT_FALSE(left->name.has_value());
}

TEST(RoleGrantBodyTest, AnUnknownRoleIsReportedAfterUnknownFields) {
    const nlohmann::json body = {{"role", "king"}, {"orgUnitId", 1}, {"scope", "all"}};

    EXPECT_THAT(Problems(DecodeBody(body, &RoleGrantFields, &CheckRoleGrant)),
                ElementsAre(Pair("scope", "unknown_field"), Pair("role", "invalid")));
}

TEST(RoleGrantBodyTest, AKnownRoleDecodes) {
    const nlohmann::json body = {{"role", "admin"}, {"orgUnitId", 1}};

    const auto grant = DecodeBody(body, &RoleGrantFields, &CheckRoleGrant);

    ASSERT_TRUE(grant.has_value());
    EXPECT_EQ(grant->role, "admin");
    EXPECT_EQ(grant->org_unit_id, 1);
}

TEST(UserChangesBodyTest, AbsentFieldsStayUnchanged) {
    const auto changes = DecodeBody(nlohmann::json{{"phone", "13800000000"}}, &UserChangesFields);

    ASSERT_TRUE(changes.has_value());
    EXPECT_EQ(changes->phone, "13800000000");
    EXPECT_FALSE(changes->display_name.has_value());
    EXPECT_FALSE(changes->unlock);
}

TEST(CategoryBodyTest, KeywordsMustAllBeStrings) {
    const nlohmann::json body = {{"keywords", {"暖气", 3}}, {"parentCode", "01"}};

    EXPECT_THAT(Problems(DecodeBody(body, &CategoryChangesFields)),
                ElementsAre(Pair("keywords", "type"), Pair("parentCode", "unknown_field")));
    const auto category =
        DecodeBody(nlohmann::json{{"code", "0101"}, {"name", "供暖"}, {"keywords", {"暖气"}}},
                   &NewCategoryFields);
    ASSERT_TRUE(category.has_value());
    EXPECT_THAT(category->keywords, ElementsAre("暖气"));
}

TEST(SupervisionOrderBodyTest, ReplyDaysDefaultToOne) {
    const auto order = DecodeBody(nlohmann::json{{"note", "请尽快办理"}}, &SupervisionOrderFields);

    ASSERT_TRUE(order.has_value());
    EXPECT_EQ(order->reply_days, 1);
}

TEST(SavedViewBodyTest, TheQueryIsRequiredAndItsValuesAreStrings) {
    EXPECT_THAT(Problems(DecodeBody(nlohmann::json{{"name", "mine"}}, &SavedViewFields)),
                ElementsAre(Pair("query", "required")));
    const nlohmann::json body = {{"name", "mine"},
                                 {"query", {{"state", 1}, {"colour", 2}, {"mine", "true"}}},
                                 {"pinned", true}};
    EXPECT_THAT(Problems(DecodeBody(body, &SavedViewFields)),
                ElementsAre(Pair("query.colour", "unknown_field"), Pair("query.state", "invalid"),
                            Pair("pinned", "unknown_field")));
}

TEST(TimeLimitRuleBodyTest, NullMeansAnyAndTheRuleIsCheckedOnceComplete) {
    const nlohmann::json any = {{"urgency", nullptr}, {"step", "sign"}, {"limit", "1wd"}};
    const auto rule = DecodeBody(any, &TimeLimitRuleFields, &CheckTimeLimitRule);
    ASSERT_TRUE(rule.has_value()) << rule.error().message;
    EXPECT_EQ(rule->urgency, "");

    const nlohmann::json bad = {{"urgency", "soon"}, {"step", "sign"}, {"limit", "1wd"}};
    EXPECT_THAT(Problems(DecodeBody(bad, &TimeLimitRuleFields, &CheckTimeLimitRule)),
                ElementsAre(Pair("urgency", "invalid")));
}

TEST(NoticePreferencesBodyTest, ModesMustBeStringsAndReportedLast) {
    const nlohmann::json body = {{"modes", {{"written", 1}, {"reminder", "digest"}}},
                                 {"all", true}};
    EXPECT_THAT(Problems(DecodeBody(body, &NoticePreferencesFields, &CheckNoticePreferences)),
                ElementsAre(Pair("all", "unknown_field"), Pair("modes.written", "invalid")));

    const auto none = DecodeBody(nlohmann::json{{"modes", nullptr}}, &NoticePreferencesFields,
                                 &CheckNoticePreferences);
    ASSERT_TRUE(none.has_value());
    EXPECT_THAT(none->modes, IsEmpty());
    EXPECT_THAT(Problems(DecodeBody(nlohmann::json::object(), &NoticePreferencesFields,
                                    &CheckNoticePreferences)),
                ElementsAre(Pair("modes", "required")));
}

TEST(TestClockBodyTest, TheClockMovesForwardByAYearAtMost) {
    EXPECT_THAT(Problems(DecodeBody(nlohmann::json{{"advanceMinutes", -1}}, &TestClockFields,
                                    &CheckTestClock)),
                ElementsAre(Pair("advanceMinutes", "out_of_range")));
    EXPECT_THAT(Problems(DecodeBody(nlohmann::json::object(), &TestClockFields, &CheckTestClock)),
                ElementsAre(Pair("advanceMinutes", "required")));
    EXPECT_TRUE(
        DecodeBody(nlohmann::json{{"advanceMinutes", 60}}, &TestClockFields, &CheckTestClock));
}

TEST(TokenBodyTest, AnOwnTokenTakesANameOnly) {
    const nlohmann::json body = {{"name", "ci"}, {"userId", 2}};

    EXPECT_TRUE(DecodeBody(body, &TokenFields));
    EXPECT_THAT(Problems(DecodeBody(body, &OwnTokenFields)),
                ElementsAre(Pair("userId", "unknown_field")));
}

}  // namespace
}  // namespace minqing::api
