// Work lists (GET /api/v1/cases): keyword search in Chinese with real sentences, on whichever
// database the run uses; the filters and their validation; keyset pages; and the workbench's
// to-do buckets (GET /api/v1/workbench) as cases move.
#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "support/api_test.hpp"
#include "support/case_body.hpp"

namespace minqing::tests {
namespace {

using ::testing::AnyOf;
using ::testing::Each;
using ::testing::ElementsAre;
using ::testing::Eq;
using ::testing::Pair;
using ::testing::UnorderedElementsAre;

// The ids of a list page, in order.
std::vector<std::int64_t> PageIds(const HttpResponse& page) {
    std::vector<std::int64_t> ids;
    for (const auto& item : page.json.value("items", nlohmann::json::array())) {
        ids.push_back(item.at("id").get<std::int64_t>());
    }
    return ids;
}

// --- keyword search -------------------------------------------------------------------------

// What residents actually write, one case each; the labels name them in the tests.
struct Sentence {
    std::string_view label;
    std::string_view category;
    std::string_view text;
    std::string_view grid_code;
};

constexpr Sentence kHeating{"heating", "0301", "我家暖气不热，室温只有十五度",
                            codes::kYongqianGrid1};
constexpr Sentence kBarbecue{"barbecue", "0208", "小区楼下烧烤店油烟很大，晚上噪音扰民",
                             codes::kYongqianGrid2};
constexpr Sentence kManhole{"manhole", "0206", "德胜街道永前社区3号楼前井盖缺失",
                            codes::kYongqianGrid1};
constexpr Sentence kSnow{"snow", "0207", "冬季清雪不及时，解放东路结冰路滑",
                         codes::kDongchangzhaiGrid1};

class CaseSearchApiTest : public ApiTest {
  public:
    static void SetUpTestSuite() {
        StartServer({}, [] {
            Session city = LogIn("city-office");
            for (const Sentence& sentence : {kHeating, kBarbecue, kManhole, kSnow}) {
                const nlohmann::json created = CreateCase(
                    city, CaseBody("walk_in")
                              .Title(sentence.text)
                              .Content(std::string(sentence.text) + "。希望有关部门尽快解决。")
                              .Category(sentence.category)
                              .GridId(UnitId(sentence.grid_code)));
                ids_[std::string(sentence.label)] = IdOf(created);
            }
        });
    }

    static std::int64_t IdOfSentence(const Sentence& sentence) {
        return ids_.at(std::string(sentence.label));
    }
    static std::int64_t IdOfLabel(std::string_view label) { return ids_.at(std::string(label)); }
    // The four sentences' cases: lists are judged by them alone (the demo data may hold more).
    static std::set<std::int64_t> Mine() {
        std::set<std::int64_t> ids;
        for (const auto& [label, id] : ids_) {
            ids.insert(id);
        }
        return ids;
    }

  protected:
    static HttpResponse Search(Session& session, std::string_view keyword,
                               std::string_view more = "") {
        return session.Get("/api/v1/cases?limit=100&keyword=" + UrlEncode(keyword) +
                           std::string(more));
    }

  private:
    static inline std::map<std::string, std::int64_t> ids_;
};

struct Query {
    std::string_view keyword;
    std::vector<std::string_view> found;  // labels
};

void PrintTo(const Query& query, std::ostream* out) {
    *out << query.keyword;
}

class CaseKeywordApiTest : public CaseSearchApiTest, public ::testing::WithParamInterface<Query> {};

TEST_P(CaseKeywordApiTest, FindsExactlyTheCasesThatSayIt) {
    Session city = LogIn("city-office");
    std::set<std::int64_t> expected;
    for (const std::string_view label : GetParam().found) {
        expected.insert(IdOfLabel(label));
    }

    HttpResponse response = Search(city, GetParam().keyword);

    ASSERT_THAT(response, HasStatus(200));
    EXPECT_EQ(IdsIn(response, Mine()), expected);
}

INSTANTIATE_TEST_SUITE_P(
    CaseChineseKeywords, CaseKeywordApiTest,
    ::testing::Values(Query{"暖气不热", {kHeating.label}}, Query{"室温", {kHeating.label}},
                      Query{"噪音", {kBarbecue.label}}, Query{"油烟", {kBarbecue.label}},
                      Query{"德胜街道", {kManhole.label}}, Query{"井盖", {kManhole.label}},
                      Query{"清雪", {kSnow.label}}, Query{"解放东路", {kSnow.label}},
                      Query{"暖气 不热", {kHeating.label}}, Query{"３号楼", {kManhole.label}},
                      Query{"小区", {kBarbecue.label}},
                      // 供暖 is another word than the 暖气 of the text.
                      Query{"供暖", {}}, Query{"暖气不冷", {}}, Query{"噪音 清雪", {}}),
    [](const ::testing::TestParamInfo<Query>& param_info) {
        return "Query" + std::to_string(param_info.index);
    });

TEST_F(CaseSearchApiTest, KeywordCombinesWithTheStateFilter) {
    Session city = LogIn("city-office");
    Session district = LogIn("district-office");
    MoveCase(city, IdOfSentence(kSnow), "accept");

    HttpResponse routing = Search(city, "清雪", "&state=routing");
    HttpResponse registered = Search(city, "清雪", "&state=registered");
    HttpResponse either = Search(city, "清雪", "&state=registered,routing");

    ASSERT_THAT(routing, HasStatus(200));
    EXPECT_EQ(IdsIn(routing, Mine()), std::set<std::int64_t>{IdOfSentence(kSnow)});
    ASSERT_THAT(registered, HasStatus(200));
    EXPECT_EQ(IdsIn(registered, Mine()), std::set<std::int64_t>{});
    EXPECT_EQ(IdsIn(either, Mine()), std::set<std::int64_t>{IdOfSentence(kSnow)});
}

TEST_F(CaseSearchApiTest, KeywordCombinesWithTheCategoryFilter) {
    Session city = LogIn("city-office");

    HttpResponse utilities = Search(city, "不热", "&category=03");
    HttpResponse city_management = Search(city, "不热", "&category=02");

    EXPECT_EQ(IdsIn(utilities, Mine()), std::set<std::int64_t>{IdOfSentence(kHeating)});
    EXPECT_EQ(IdsIn(city_management, Mine()), std::set<std::int64_t>{});
}

TEST_F(CaseSearchApiTest, SearchStaysInsideTheJurisdiction) {
    Session district = LogIn("district-office");
    Session grid = LogIn("grid-worker");

    HttpResponse heating = Search(district, "暖气不热");
    HttpResponse snow = Search(district, "清雪");
    HttpResponse barbecue_for_grid = Search(grid, "噪音");
    HttpResponse heating_for_grid = Search(grid, "暖气");

    EXPECT_EQ(IdsIn(heating, Mine()), std::set<std::int64_t>{IdOfSentence(kHeating)});
    ASSERT_THAT(snow, HasStatus(200));
    EXPECT_EQ(IdsIn(snow, Mine()), std::set<std::int64_t>{}) << "昌邑区's case leaked to 船营区";
    ASSERT_THAT(barbecue_for_grid, HasStatus(200));
    EXPECT_EQ(IdsIn(barbecue_for_grid, Mine()), std::set<std::int64_t>{})
        << "a case of the second grid leaked to the first grid's manager";
    EXPECT_EQ(IdsIn(heating_for_grid, Mine()), std::set<std::int64_t>{IdOfSentence(kHeating)});
}

TEST_F(CaseSearchApiTest, KeywordFindsWordsOfTheContentToo) {
    Session city = LogIn("city-office");
    const std::int64_t id =
        IdOf(CreateCase(city, CaseBody("walk_in")
                                  .Title("反映供热问题")
                                  .Content("松江中路某小区二号楼暖气片冰凉，已经持续一周。")
                                  .Category("0301")));

    HttpResponse response = Search(city, "暖气片冰凉");

    EXPECT_EQ(IdsIn(response, {id}), std::set<std::int64_t>{id});
}

// --- filters and pages ----------------------------------------------------------------------

class CaseListApiTest : public ApiTest {
  protected:
    static nlohmann::json BucketOf(const HttpResponse& workbench, std::string_view name) {
        return FindBy(workbench.json.value("buckets", nlohmann::json::array()), "name", name);
    }

    static std::int64_t CountOf(Session& session, std::string_view name) {
        HttpResponse workbench = session.Get("/api/v1/workbench");
        const nlohmann::json bucket = BucketOf(workbench, name);
        if (workbench.status != 200 || !bucket.is_object()) {
            ADD_FAILURE() << "no bucket " << name << ": " << workbench.body;
            return -1;
        }
        return bucket["count"].get<std::int64_t>();
    }

    // The states of a bucket's "most pressing" cases. Which cases those are depends on the
    // deadlines of every case in the database, so tests check what they are, not who.
    static std::vector<std::string> FirstStates(Session& session, std::string_view name) {
        const nlohmann::json bucket = BucketOf(session.Get("/api/v1/workbench"), name);
        return bucket.is_object() ? Strings(bucket["first"], "state") : std::vector<std::string>{};
    }
};

TEST_F(CaseListApiTest, KeysetPagesHoldEveryCaseOnceNewestFirst) {
    Session street = LogIn("street-office");
    std::set<std::int64_t> created;
    constexpr int kCases = 25;
    for (int i = 0; i < kCases; ++i) {
        created.insert(
            IdOf(CreateCase(street, CaseBody("walk_in").Category("0902").Kind("report").Title(
                                        "超市出售过期食品 pagecheck " + std::to_string(i)))));
    }

    std::vector<std::size_t> sizes;
    std::vector<std::int64_t> seen;
    std::string cursor;
    nlohmann::json next_cursor;
    do {
        // The Latin word sets these cases apart from any the demo data holds.
        HttpResponse page = street.Get("/api/v1/cases?keyword=pagecheck&category=0902&limit=10" +
                                       (cursor.empty() ? "" : "&cursor=" + UrlEncode(cursor)));
        ASSERT_THAT(page, HasStatus(200));
        const auto ids = PageIds(page);
        sizes.push_back(ids.size());
        seen.insert(seen.end(), ids.begin(), ids.end());
        next_cursor = page.json["nextCursor"];
        cursor = next_cursor.is_string() ? next_cursor.get<std::string>() : "";
    } while (!cursor.empty() && sizes.size() < 5);

    EXPECT_EQ(sizes, (std::vector<std::size_t>{10, 10, 5}));
    EXPECT_TRUE(next_cursor.is_null());
    EXPECT_EQ(std::set<std::int64_t>(seen.begin(), seen.end()), created);
    EXPECT_EQ(seen.size(), created.size()) << "a case appeared on two pages";
    EXPECT_TRUE(std::is_sorted(seen.rbegin(), seen.rend())) << "not newest first";
}

TEST_F(CaseListApiTest, KeysetPagesByDeadlineHoldEveryCaseOnce) {
    Session street = LogIn("street-office");
    std::set<std::int64_t> created;
    constexpr int kCases = 12;
    for (int i = 0; i < kCases; ++i) {
        created.insert(
            IdOf(CreateCase(street, CaseBody("walk_in").Category("0903").Title(
                                        "药店售假药 deadlinecheck " + std::to_string(i)))));
    }

    std::vector<std::int64_t> seen;
    std::string cursor;
    int pages = 0;
    do {
        HttpResponse page =
            street.Get("/api/v1/cases?keyword=deadlinecheck&category=0903&sort=deadline&limit=5" +
                       (cursor.empty() ? "" : "&cursor=" + UrlEncode(cursor)));
        ASSERT_THAT(page, HasStatus(200));
        const auto ids = PageIds(page);
        seen.insert(seen.end(), ids.begin(), ids.end());
        cursor =
            page.json["nextCursor"].is_string() ? page.json["nextCursor"].get<std::string>() : "";
        ++pages;
    } while (!cursor.empty() && pages < 5);

    EXPECT_EQ(pages, 3);
    EXPECT_EQ(std::set<std::int64_t>(seen.begin(), seen.end()), created);
    EXPECT_EQ(seen.size(), created.size());
}

TEST_F(CaseListApiTest, FiltersSelectTheMatchingCases) {
    Session street = LogIn("street-office");
    Session grid = LogIn("grid-worker");
    const auto create = [&street](std::string_view kind, std::string_view urgency) {
        return IdOf(CreateCase(street, CaseBody("walk_in")
                                           .Category("1101")
                                           .Title("低保申请咨询")
                                           .Kind(kind)
                                           .Urgency(urgency)));
    };
    const std::int64_t complaint = create("complaint", "urgent");
    const std::int64_t suggestion = create("suggestion", "normal");
    const std::int64_t question = create("question", "critical");
    const std::int64_t from_grid = IdOf(
        CreateCase(grid, CaseBody("grid").Category("1102").Title("独居老人需要助餐").Kind("help")));
    MoveCase(street, complaint, "accept");
    const std::set<std::int64_t> mine = {complaint, suggestion, question, from_grid};
    const std::string yongqian = std::to_string(UnitId(codes::kYongqian));
    const std::string desheng = std::to_string(UnitId(codes::kDeshengStreet));
    const std::string grid1 = std::to_string(UnitId(codes::kYongqianGrid1));
    const std::map<std::string, std::set<std::int64_t>> expected = {
        {"category=11", {complaint, suggestion, question, from_grid}},
        {"category=1101", {complaint, suggestion, question}},
        {"category=1103", {}},
        {"category=11&kind=suggestion", {suggestion}},
        {"category=11&urgency=critical", {question}},
        {"category=11&kind=complaint&urgency=urgent", {complaint}},
        {"category=11&channel=grid", {from_grid}},
        {"category=11&channel=walk_in", {complaint, suggestion, question}},
        {"category=11&state=routing", {complaint}},
        {"category=11&state=registered", {suggestion, question, from_grid}},
        {"category=11&state=registered,routing", {complaint, suggestion, question, from_grid}},
        {"category=11&holder=" + yongqian, {from_grid}},
        {"category=11&holder=" + desheng, {complaint, suggestion, question}},
        {"category=11&orgUnit=" + grid1, {from_grid}},
        {"category=11&from=" + ChinaDate(-1) + "&to=" + ChinaDate(2),
         {complaint, suggestion, question, from_grid}},
        {"category=11&from=" + ChinaDate(2), {}},
        {"category=11&to=" + ChinaDate(-1), {}},
        // No case has a deadline yet, so none is overdue.
        {"category=11&overdue=true", {}},
    };

    for (const auto& [query, ids] : expected) {
        SCOPED_TRACE(query);
        HttpResponse response = street.Get("/api/v1/cases?limit=100&" + query);
        ASSERT_THAT(response, HasStatus(200));
        EXPECT_EQ(IdsIn(response, mine), ids);
    }
}

TEST_F(CaseListApiTest, ListItemsCarryTheirSummary) {
    Session street = LogIn("street-office");
    const std::int64_t id = IdOf(CreateCase(street, CaseBody("walk_in")
                                                        .Category("1104")
                                                        .Title("养老服务补贴咨询 summarycheck")
                                                        .Kind("question")));

    HttpResponse response = street.Get("/api/v1/cases?category=1104&keyword=summarycheck");

    ASSERT_THAT(response, HasStatus(200));
    ASSERT_EQ(response.json["items"].size(), 1u);
    const nlohmann::json& item = response.json["items"][0];
    EXPECT_EQ(item["id"], id);
    EXPECT_TRUE(item["number"].is_string());
    EXPECT_EQ(item["title"], "养老服务补贴咨询 summarycheck");
    EXPECT_EQ(item["state"], "registered");
    EXPECT_EQ(item["channel"], "walk_in");
    EXPECT_EQ(item["kind"], "question");
    EXPECT_EQ(item["holderId"], UnitId(codes::kDeshengStreet));
    EXPECT_TRUE(item["createdAt"].is_string());
}

TEST_F(CaseListApiTest, BadFiltersAre422ListingEachOne) {
    Session city = LogIn("city-office");

    HttpResponse response = city.Get(
        "/api/v1/cases?state=open&channel=fax&kind=rant&urgency=asap&holder=abc&orgUnit=x"
        "&from=yesterday&to=2026-13-01&sort=priority&limit=101");

    EXPECT_THAT(response, IsError(422, "validation.failed"));
    EXPECT_THAT(FieldErrors(response),
                UnorderedElementsAre(Pair("state", "invalid"), Pair("channel", "invalid"),
                                     Pair("kind", "invalid"), Pair("urgency", "invalid"),
                                     Pair("holder", "invalid"), Pair("orgUnit", "invalid"),
                                     Pair("from", "invalid"), Pair("to", "invalid"),
                                     Pair("sort", "invalid"), Pair("limit", "invalid")));
}

TEST_F(CaseListApiTest, OneBadStateAmongGoodOnesIs422) {
    Session city = LogIn("city-office");

    HttpResponse response = city.Get("/api/v1/cases?state=routing,finished");

    EXPECT_THAT(response, IsError(422, "validation.failed"));
    EXPECT_THAT(FieldErrors(response), ElementsAre(Pair("state", "invalid")));
}

TEST_F(CaseListApiTest, LimitOfZeroIs422AndOfAHundredIsFine) {
    Session city = LogIn("city-office");

    EXPECT_THAT(city.Get("/api/v1/cases?limit=0"), IsError(422, "validation.failed"));
    EXPECT_THAT(city.Get("/api/v1/cases?limit=100"), HasStatus(200));
}

TEST_F(CaseListApiTest, ForgedCursorIs422) {
    Session city = LogIn("city-office");

    HttpResponse response = city.Get("/api/v1/cases?cursor=not-a-cursor");

    EXPECT_THAT(response, IsError(422, "validation.failed"));
    EXPECT_THAT(FieldErrors(response), ElementsAre(Pair("cursor", "invalid")));
}

TEST_F(CaseListApiTest, WorkbenchHasEveryBucket) {
    Session city = LogIn("city-office");

    HttpResponse response = city.Get("/api/v1/workbench");

    ASSERT_THAT(response, HasStatus(200));
    EXPECT_EQ(
        Strings(response.json["buckets"], "name"),
        (std::vector<std::string>{"to_accept", "to_route", "to_sign", "to_handle", "to_approve",
                                  "to_follow_up", "returned_to_me", "escalated_to_me"}));
}

TEST_F(CaseListApiTest, CommunityToAcceptCountFollowsItsCases) {
    Session grid = LogIn("grid-worker");
    Session community = LogIn("community-staff");
    const std::int64_t to_accept = CountOf(community, "to_accept");
    const std::int64_t to_route = CountOf(community, "to_route");

    const std::int64_t id = IdOf(CreateCase(grid, CaseBody("grid").Title("垃圾清运不及时")));
    const std::int64_t after_report = CountOf(community, "to_accept");
    const std::vector<std::string> first = FirstStates(community, "to_accept");
    MoveCase(community, id, "accept");
    const std::int64_t after_accept = CountOf(community, "to_accept");
    const std::int64_t routing = CountOf(community, "to_route");
    MoveCase(community, id, "forward");

    EXPECT_EQ(after_report, to_accept + 1);
    EXPECT_THAT(first, Each(Eq("registered")));
    EXPECT_EQ(after_accept, to_accept);
    EXPECT_EQ(routing, to_route + 1);
    EXPECT_EQ(CountOf(community, "to_route"), to_route) << "forwarded, it is the street's now";
}

TEST_F(CaseListApiTest, UnitToSignCountFollowsDispatchAndSigning) {
    Session city = LogIn("city-office");
    Session handler = LogIn("unit-handler");
    const std::int64_t to_sign = CountOf(handler, "to_sign");
    const std::int64_t to_handle = CountOf(handler, "to_handle");
    const std::int64_t id = IdOf(CreateCase(city, CaseBody("walk_in").Title("物业费乱收费")));
    MoveCase(city, id, "accept");

    MoveCase(city, id, "dispatch",
             {{"targetId", UnitId(codes::kHousingBureau)}, {"method", "network"}});
    const std::int64_t dispatched = CountOf(handler, "to_sign");
    const std::vector<std::string> first = FirstStates(handler, "to_sign");
    MoveCase(handler, id, "sign");

    EXPECT_EQ(dispatched, to_sign + 1);
    EXPECT_THAT(first, Each(Eq("dispatched")));
    EXPECT_EQ(CountOf(handler, "to_sign"), to_sign);
    EXPECT_EQ(CountOf(handler, "to_handle"), to_handle + 1);
}

TEST_F(CaseListApiTest, CityOfficeToApproveCountFollowsTheAnswer) {
    Session city = LogIn("city-office");
    Session handler = LogIn("unit-handler");
    const std::int64_t id = IdOf(CreateCase(city, CaseBody("walk_in").Title("小区电梯停运")));
    MoveCase(city, id, "accept");
    MoveCase(city, id, "dispatch",
             {{"targetId", UnitId(codes::kHousingBureau)}, {"method", "network"}});
    MoveCase(handler, id, "sign");
    const std::int64_t to_approve = CountOf(city, "to_approve");

    AnswerForTheUnit(handler, id, {{"result", "solved"}, {"answerText", "电梯已恢复运行。"}});
    const std::int64_t answered = CountOf(city, "to_approve");
    MoveCase(city, id, "approve_answer");

    EXPECT_EQ(answered, to_approve + 1);
    EXPECT_EQ(CountOf(city, "to_approve"), to_approve);
}

TEST_F(CaseListApiTest, CityOfficeReturnedToMeCountsAnApprovedReturn) {
    Session city = LogIn("city-office");
    Session handler = LogIn("unit-handler");
    const std::int64_t id = IdOf(CreateCase(city, CaseBody("walk_in").Title("热计量收费争议")));
    MoveCase(city, id, "accept");
    MoveCase(city, id, "dispatch",
             {{"targetId", UnitId(codes::kHousingBureau)}, {"method", "network"}});
    MoveCase(handler, id, "request_return",
             {{"reason", "属物价部门职责"}, {"legalBasis", "三定方案"}});
    const std::int64_t before = CountOf(city, "returned_to_me");

    MoveCase(city, id, "approve_return");

    EXPECT_EQ(CountOf(city, "returned_to_me"), before + 1);
    EXPECT_THAT(FirstStates(city, "returned_to_me"), Each(AnyOf(Eq("routing"), Eq("handling"))));
}

// The answer came back from the office (退回重办) or the reporter was not satisfied (重办): the
// unit must see that its case is back.
TEST_F(CaseListApiTest, UnitReturnedToMeCountsReworkOfItsAnswer) {
    Session city = LogIn("city-office");
    Session handler = LogIn("unit-handler");
    const std::int64_t id = IdOf(CreateCase(city, CaseBody("walk_in").Title("二次供水水质差")));
    MoveCase(city, id, "accept");
    MoveCase(city, id, "dispatch",
             {{"targetId", UnitId(codes::kHousingBureau)}, {"method", "network"}});
    MoveCase(handler, id, "sign");
    AnswerForTheUnit(handler, id, {{"result", "explained"}, {"answerText", "已解释"}});
    const std::int64_t before = CountOf(handler, "returned_to_me");

    MoveCase(city, id, "return_for_rework", {{"reason", "答复未回应居民诉求，请重新办理"}});

    EXPECT_EQ(CountOf(handler, "returned_to_me"), before + 1);
    EXPECT_THAT(FirstStates(handler, "returned_to_me"), Each(Eq("handling")));
}

TEST_F(CaseListApiTest, UnitReturnedToMeCountsAReopenedCase) {
    Session city = LogIn("city-office");
    Session handler = LogIn("unit-handler");
    const std::int64_t id = IdOf(CreateCase(city, CaseBody("walk_in").Title("暖气片漏水")));
    MoveCase(city, id, "accept");
    MoveCase(city, id, "dispatch",
             {{"targetId", UnitId(codes::kHousingBureau)}, {"method", "network"}});
    MoveCase(handler, id, "sign");
    AnswerForTheUnit(handler, id, {{"result", "solved"}, {"answerText", "已更换暖气片"}});
    MoveCase(city, id, "approve_answer");
    MoveCase(city, id, "follow_up", {{"satisfaction", "dissatisfied"}});
    const std::int64_t before = CountOf(handler, "returned_to_me");

    MoveCase(city, id, "reopen", {{"reason", "仍在漏水"}});

    EXPECT_EQ(CountOf(handler, "returned_to_me"), before + 1);
    EXPECT_THAT(FirstStates(handler, "returned_to_me"), Each(Eq("handling")));
}

TEST_F(CaseListApiTest, LeaderEscalatedToMeCountsAnEscalation) {
    Session city = LogIn("city-office");
    Session leader = LogIn("leader");
    const std::int64_t id = IdOf(CreateCase(city, CaseBody("walk_in").Title("片区集体停暖")));
    MoveCase(city, id, "accept");
    const std::int64_t before = CountOf(leader, "escalated_to_me");

    MoveCase(city, id, "escalate", {{"targetId", UnitId(codes::kCity)}});

    EXPECT_EQ(CountOf(leader, "escalated_to_me"), before + 1);
    EXPECT_THAT(FirstStates(leader, "escalated_to_me"), Each(Eq("escalated")));
}

// A community that handles a case itself (自办) must find it among its work while it does.
TEST_F(CaseListApiTest, CommunityToHandleCountsACaseItHandlesItself) {
    Session grid = LogIn("grid-worker");
    Session community = LogIn("community-staff");
    const std::int64_t id = IdOf(CreateCase(grid, CaseBody("grid").Title("楼道堆放杂物")));
    MoveCase(community, id, "accept");
    const std::int64_t before = CountOf(community, "to_handle");

    MoveCase(community, id, "handle_locally");

    EXPECT_EQ(CountOf(community, "to_handle"), before + 1);
    EXPECT_THAT(FirstStates(community, "to_handle"), Each(AnyOf(Eq("handling"), Eq("long_term"))));
}

}  // namespace
}  // namespace minqing::tests
