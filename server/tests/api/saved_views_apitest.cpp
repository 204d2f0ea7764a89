// Saved views of the case list through the API: each staff member keeps, lists and deletes
// their own named filter sets; bodies are checked strictly and other users' views stay hidden.
#include <string>

#include "support/api_test.hpp"
#include "support/case_body.hpp"

namespace minqing::tests {
namespace {

using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::Pair;

constexpr std::string_view kViews = "/api/v1/saved-views";

class SavedViewsApiTest : public ApiTest {};

TEST_F(SavedViewsApiTest, AViewIsSavedTrimmedAndListedOldestFirstForItsOwnerOnly) {
    Session office = LogIn("city-office");
    const HttpResponse first = office.Post(
        kViews, {{"name", "  红牌超期  "}, {"query", {{"warning", "red"}, {"overdue", "true"}}}});
    ASSERT_THAT(first, HasStatus(201));
    EXPECT_EQ(first.json.at("name"), "红牌超期");
    EXPECT_EQ(first.json.at("query"), (nlohmann::json{{"overdue", "true"}, {"warning", "red"}}));
    EXPECT_TRUE(first.json.at("createdAt").is_string());
    const HttpResponse second = office.Post(
        kViews,
        {{"name", "供暖待签收"}, {"query", {{"state", "dispatched"}, {"category", "0301"}}}});
    ASSERT_THAT(second, HasStatus(201));

    const HttpResponse listed = office.Get(std::string(kViews));
    ASSERT_THAT(listed, HasStatus(200));
    EXPECT_EQ(Strings(listed.json.at("items"), "name"),
              (std::vector<std::string>{"红牌超期", "供暖待签收"}));

    Session handler = LogIn("unit-handler");
    EXPECT_TRUE(handler.Get(std::string(kViews)).json.at("items").empty());
    const std::string path = std::string(kViews) + "/" + std::to_string(IdOf(first.json));
    EXPECT_THAT(handler.Delete(path), IsError(404, "saved_view.not_found"));
    EXPECT_THAT(office.Delete(path), HasStatus(204));
    EXPECT_THAT(office.Delete(path), IsError(404, "saved_view.not_found"));
    EXPECT_THAT(office.Delete(std::string(kViews) + "/first"),
                IsError(404, "saved_view.not_found"));
    EXPECT_EQ(Strings(office.Get(std::string(kViews)).json.at("items"), "name"),
              (std::vector<std::string>{"供暖待签收"}));
}

TEST_F(SavedViewsApiTest, EveryBadFieldIsListed) {
    Session office = LogIn("street-office");
    const HttpResponse bad =
        office.Post(kViews, {{"name", "   "},
                             {"query", {{"state", 3}, {"limit", "20"}, {"colour", true}}},
                             {"pinned", true}});
    EXPECT_THAT(bad, IsError(422, "validation.failed"));
    const auto problems = FieldErrors(bad);
    EXPECT_THAT(problems, Contains(Pair("query.state", "invalid")));
    EXPECT_THAT(problems, Contains(Pair("query.colour", "unknown_field")));
    EXPECT_THAT(problems, Contains(Pair("pinned", "unknown_field")));

    const HttpResponse names =
        office.Post(kViews, {{"name", std::string(41 * 3, 'x')}, {"query", {{"limit", "20"}}}});
    EXPECT_THAT(FieldErrors(names),
                ElementsAre(Pair("name", "length"), Pair("query.limit", "unknown_field")));
    std::string forty;
    for (int i = 0; i < 40; ++i) {
        forty += "视";
    }
    EXPECT_THAT(office.Post(kViews, {{"name", forty}, {"query", nlohmann::json::object()}}),
                HasStatus(201))
        << "forty Chinese characters are forty characters, not 120 bytes";
    EXPECT_THAT(FieldErrors(office.Post(kViews, {{"name", "x"}, {"query", "state=closed"}})),
                ElementsAre(Pair("query", "type")));
    EXPECT_THAT(FieldErrors(office.Post(kViews, {{"query", nlohmann::json::object()}})),
                ElementsAre(Pair("name", "required")));
}

TEST_F(SavedViewsApiTest, ANameIsTakenOncePerUserAndFiftyViewsAreTheMost) {
    Session office = LogIn("district-office");
    Session other = LogIn("community-staff");
    const nlohmann::json view = {{"name", "我的待办"}, {"query", {{"holder", "me"}}}};
    ASSERT_THAT(office.Post(kViews, view), HasStatus(201));
    EXPECT_THAT(office.Post(kViews, view), IsError(409, "saved_view.name_taken"));
    EXPECT_THAT(other.Post(kViews, view), HasStatus(201)) << "names are per user";

    for (int i = 1; i < 50; ++i) {
        ASSERT_THAT(office.Post(kViews, {{"name", "视图" + std::to_string(i)},
                                         {"query", {{"keyword", "供暖"}}}}),
                    HasStatus(201));
    }
    EXPECT_THAT(office.Post(kViews, {{"name", "第五十一个"}, {"query", nlohmann::json::object()}}),
                IsError(409, "saved_view.too_many"));
    EXPECT_EQ(office.Get(std::string(kViews)).json.at("items").size(), 50u);
}

TEST_F(SavedViewsApiTest, OnlyStaffWhoReadCasesKeepViewsAndCookieWritesNeedTheCsrfToken) {
    EXPECT_THAT(Anonymous().Get(std::string(kViews)), IsError(401, "auth.required"));
    Session admin = LogIn("admin");
    EXPECT_THAT(admin.Get(std::string(kViews)), IsError(403, "auth.forbidden"));
    Session office = LogIn("city-office");
    const HttpResponse forged = office.client().Send(
        "POST", kViews, nlohmann::json{{"name", "x"}, {"query", nlohmann::json::object()}}.dump(),
        {{"Cookie", office.CookieHeader()}, {"Content-Type", "application/json"}});
    EXPECT_THAT(forged, IsError(403, "auth.csrf_failed"));
}

}  // namespace
}  // namespace minqing::tests
