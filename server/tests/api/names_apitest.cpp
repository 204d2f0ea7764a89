// Names people read, not codes (issue 11, points 2 and 20): the case view, list items,
// timelines and the token list carry the names of categories, offices and colleagues; the org
// list searches units by name; a collector's own list (mine=true) marks answers they have not
// opened yet. On whichever database the run uses.
#include <string>
#include <vector>

#include "support/api_test.hpp"
#include "support/case_body.hpp"

namespace minqing::tests {
namespace {

using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::Not;
using ::testing::Pair;

constexpr std::string_view kUnits = "/api/v1/org/units";

class NamesApiTest : public ApiTest {
  protected:
    // A grid worker's case that the community handled itself and answered.
    static std::int64_t AnsweredGridCase(Session& grid, Session& community,
                                         std::string_view title) {
        const std::int64_t id =
            IdOf(CreateCase(grid, CaseBody("grid").Title(title).Category("0201")));
        MoveCase(community, id, "accept");
        MoveCase(community, id, "handle_locally");
        MoveCase(community, id, "answer", {{"result", "solved"}, {"answerText", "已清理完毕。"}});
        return id;
    }

    // The item of case `id` in a list answer, or null.
    static nlohmann::json ItemOf(const HttpResponse& list, std::int64_t id) {
        for (const auto& item : list.json.value("items", nlohmann::json::array())) {
            if (item.value("id", std::int64_t{0}) == id) {
                return item;
            }
        }
        return nullptr;
    }
};

// --- the case page ----------------------------------------------------------------------------

TEST_F(NamesApiTest, CaseViewNamesTheCategoryAndTheOfficeNotTheDivision) {
    Session city = LogIn("city-office");
    const std::int64_t id = IdOf(CreateCase(
        city, CaseBody("walk_in").Category("0101").GridId(UnitId(codes::kYongqianGrid1))));

    HttpResponse view = city.Get(CasePath(id));

    ASSERT_THAT(view, HasStatus(200));
    EXPECT_EQ(view.json["categoryCode"], "0101");
    EXPECT_EQ(view.json["categoryName"], "物业管理");
    EXPECT_EQ(view.json["receivingOffice"]["name"], "吉林市");
    EXPECT_EQ(view.json["receivingOffice"]["displayName"], "市绿色通道办公室");
    EXPECT_EQ(view.json["holderName"], "市绿色通道办公室");
}

TEST_F(NamesApiTest, ListItemsCarryCategoryAndHolderNames) {
    Session grid = LogIn("grid-worker");
    const std::int64_t id = IdOf(CreateCase(grid, CaseBody("grid").Category("0301")));

    HttpResponse list = grid.Get("/api/v1/cases?mine=true&limit=100");

    ASSERT_THAT(list, HasStatus(200));
    const nlohmann::json item = ItemOf(list, id);
    ASSERT_TRUE(item.is_object()) << list.body;
    EXPECT_EQ(item["categoryName"], "供暖供热");
    EXPECT_EQ(item["holderName"], "永前社区");
}

TEST_F(NamesApiTest, TimelineNamesTheColleagueAndTheUnitTheyActedFor) {
    Session grid = LogIn("grid-worker");
    Session community = LogIn("community-staff");
    const std::int64_t id = IdOf(CreateCase(grid, CaseBody("grid")));
    MoveCase(community, id, "accept");

    HttpResponse events = community.Get(CasePath(id, "/events"));

    ASSERT_THAT(events, HasStatus(200));
    std::vector<std::pair<std::string, std::string>> actors;
    for (const auto& event : events.json["items"]) {
        actors.emplace_back(event.value("actorName", ""), event.value("actorUnitName", ""));
    }
    EXPECT_THAT(actors, ElementsAre(Pair("永前社区网格员", "永前社区第一网格"),
                                    Pair("永前社区工作人员", "永前社区")));
}

TEST_F(NamesApiTest, PublicSubmissionTimelineShowsNoReporterName) {
    HttpResponse submitted = Anonymous().Post(
        "/api/v1/public/submissions",
        CaseBody("mailbox").Title("小区供暖温度不达标").Reporter("王秀英", "13912345678"));
    ASSERT_THAT(submitted, HasStatus(201));
    Session city = LogIn("city-office");
    HttpResponse list = city.Get("/api/v1/cases?channel=mailbox&limit=100");
    const nlohmann::json item = FindBy(list.json.value("items", nlohmann::json::array()), "number",
                                       submitted.json.value("number", ""));
    ASSERT_TRUE(item.is_object()) << list.body;

    HttpResponse events = city.Get(CasePath(IdOf(item), "/events"));

    ASSERT_THAT(events, HasStatus(200));
    ASSERT_FALSE(events.json["items"].empty());
    EXPECT_EQ(events.json["items"][0]["actorName"], "");
    EXPECT_EQ(events.body.find("王秀英"), std::string::npos) << events.body;
}

// --- tokens -----------------------------------------------------------------------------------

TEST_F(NamesApiTest, TokenListNamesTheUserAndTheIssuer) {
    Session admin = LogIn("admin");
    // A machine account: tokens are issued for those before they hold any role.
    CreateApiToken(admin, CreateUser(admin, "hotline-bridge"), "12345 对接");

    HttpResponse tokens = admin.Get("/api/v1/tokens");

    ASSERT_THAT(tokens, HasStatus(200));
    const nlohmann::json token = FindBy(tokens.json["items"], "name", "12345 对接");
    ASSERT_TRUE(token.is_object()) << tokens.body;
    EXPECT_EQ(token["userName"], "测试用户 hotline-bridge");
    EXPECT_EQ(token["createdByName"], "系统管理员");
}

// --- searching units by name ------------------------------------------------------------------

TEST_F(NamesApiTest, UnitSearchFindsByShortNameAndAnyPartOfTheName) {
    Session cadre = LogIn("cadre");

    HttpResponse housing = cadre.Get(std::string(kUnits) + "?q=%E4%BD%8F%E5%BB%BA");  // 住建
    HttpResponse yongqian = cadre.Get(std::string(kUnits) + "?q=%E6%B0%B8%E5%89%8D&kind=division");

    ASSERT_THAT(housing, HasStatus(200));
    EXPECT_THAT(Strings(housing.json["items"], "name"), Contains("吉林市住房和城乡建设局"));
    EXPECT_THAT(Strings(housing.json["items"], "name"), Not(Contains("吉林市民政局")));
    ASSERT_THAT(yongqian, HasStatus(200));
    const auto names = Strings(yongqian.json["items"], "name");
    EXPECT_THAT(names, Contains("永前社区"));
    EXPECT_THAT(names, Contains("永前社区第一网格"));
    EXPECT_EQ(FindBy(yongqian.json["items"], "name", "永前社区")["parentName"], "德胜街道")
        << "namesakes are told apart by their parent";
    for (const auto& name : names) {
        EXPECT_NE(name.find("永前"), std::string::npos) << name;
    }
}

TEST_F(NamesApiTest, UnitSearchFollowsARename) {
    Session admin = LogIn("admin");
    const std::int64_t id = UnitId(codes::kSportsBureau);
    ASSERT_THAT(admin.Patch(std::string(kUnits) + "/" + std::to_string(id),
                            {{"name", "吉林市体育和冰雪运动局"}}),
                HasStatus(200));

    // 冰雪
    HttpResponse found = admin.Get(std::string(kUnits) + "?q=%E5%86%B0%E9%9B%AA");

    ASSERT_THAT(found, HasStatus(200));
    EXPECT_THAT(Strings(found.json["items"], "name"), Contains("吉林市体育和冰雪运动局"));
}

TEST_F(NamesApiTest, UnitSearchHonoursTheLimit) {
    Session cadre = LogIn("cadre");

    HttpResponse found = cadre.Get(std::string(kUnits) + "?q=%E7%A4%BE%E5%8C%BA&limit=3");  // 社区

    ASSERT_THAT(found, HasStatus(200));
    EXPECT_EQ(found.json["items"].size(), 3u);
}

TEST_F(NamesApiTest, UnitSearchWithoutLettersOrABadLimitIs422) {
    Session cadre = LogIn("cadre");

    HttpResponse punctuation = cadre.Get(std::string(kUnits) + "?q=%21%21%21");
    HttpResponse zero = cadre.Get(std::string(kUnits) + "?q=abc&limit=0");
    HttpResponse huge = cadre.Get(std::string(kUnits) + "?q=abc&limit=1000");

    EXPECT_THAT(punctuation, IsError(422, "validation.failed"));
    EXPECT_THAT(FieldErrors(punctuation), ElementsAre(Pair("q", "invalid")));
    EXPECT_THAT(FieldErrors(zero), ElementsAre(Pair("limit", "invalid")));
    EXPECT_THAT(FieldErrors(huge), ElementsAre(Pair("limit", "invalid")));
}

// --- a collector's own cases ------------------------------------------------------------------

TEST_F(NamesApiTest, MineListsOnlyTheCallersCasesNewestFirst) {
    Session grid = LogIn("grid-worker");
    Session community = LogIn("community-staff");
    const std::int64_t first = IdOf(CreateCase(grid, CaseBody("grid").Title("路灯不亮")));
    const std::int64_t second = IdOf(CreateCase(grid, CaseBody("grid").Title("井盖缺失")));
    const std::int64_t others = IdOf(CreateCase(community, CaseBody("walk_in")));

    HttpResponse mine = grid.Get("/api/v1/cases?mine=true&limit=100");

    ASSERT_THAT(mine, HasStatus(200));
    const auto ids = IdsIn(mine, {first, second, others});
    EXPECT_EQ(ids, (std::set<std::int64_t>{first, second}));
    const auto& items = mine.json["items"];
    const auto position = [&items](std::int64_t id) {
        for (std::size_t i = 0; i < items.size(); ++i) {
            if (items[i]["id"] == id) {
                return i;
            }
        }
        return items.size();
    };
    EXPECT_LT(position(second), position(first));
}

TEST_F(NamesApiTest, AnswerIsUnreadUntilTheCreatorOpensTheCase) {
    Session grid = LogIn("grid-worker");
    Session community = LogIn("community-staff");
    const std::int64_t id = AnsweredGridCase(grid, community, "楼道堆放杂物");
    const std::int64_t open = IdOf(CreateCase(grid, CaseBody("grid").Title("楼道灯不亮")));

    HttpResponse before = grid.Get("/api/v1/cases?mine=true&limit=100");
    ASSERT_THAT(community.Get(CasePath(id)), HasStatus(200));  // others opening it changes nothing
    HttpResponse still = grid.Get("/api/v1/cases?mine=true&limit=100");
    ASSERT_THAT(grid.Get(CasePath(id)), HasStatus(200));
    HttpResponse after = grid.Get("/api/v1/cases?mine=true&limit=100");

    ASSERT_THAT(before, HasStatus(200));
    EXPECT_EQ(ItemOf(before, id)["answerText"], "已清理完毕。");
    EXPECT_EQ(ItemOf(before, id)["answerUnread"], true);
    EXPECT_TRUE(ItemOf(before, id)["answeredAt"].is_string());
    EXPECT_FALSE(ItemOf(before, open).contains("answerUnread")) << "no answer yet";
    EXPECT_EQ(ItemOf(still, id)["answerUnread"], true);
    EXPECT_EQ(ItemOf(after, id)["answerUnread"], false);
}

TEST_F(NamesApiTest, MineThatIsNeitherTrueNorFalseIs422) {
    Session grid = LogIn("grid-worker");

    HttpResponse list = grid.Get("/api/v1/cases?mine=yes");

    EXPECT_THAT(list, IsError(422, "validation.failed"));
    EXPECT_THAT(FieldErrors(list), ElementsAre(Pair("mine", "invalid")));
}

}  // namespace
}  // namespace minqing::tests
