// Staff intake (POST /api/v1/cases): each channel puts a new case in the right state with the
// right holder and receiving office, a role may use only its own channels, one 422 lists every
// problem of a body, and an Idempotency-Key makes retries safe.
#include <functional>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include "support/api_test.hpp"
#include "support/case_body.hpp"

namespace minqing::tests {
namespace {

using ::testing::ElementsAre;
using ::testing::Pair;
using ::testing::UnorderedElementsAre;
using ::testing::UnorderedElementsAreArray;

// The hotline's own system, as a user with a role on the 12345 unit and an API token.
constexpr std::string_view kHotlineUser = "hotline-sync";
// A second director of 永前社区, who was never issued the community's direct card.
constexpr std::string_view kDirectorWithoutCard = "director-no-card";

std::string Repeat(std::string_view piece, int times) {
    std::string text;
    for (int i = 0; i < times; ++i) {
        text += piece;
    }
    return text;
}

bool IsCaseNumber(const nlohmann::json& number) {
    static const std::regex kNumber(R"(\d{4}-\d{7})");
    return number.is_string() && std::regex_match(number.get<std::string>(), kNumber);
}

class CaseIntakeApiTest : public ApiTest {
  public:
    static void SetUpTestSuite() {
        StartServer({}, [] {
            Session admin = LogIn("admin");
            // The hotline's machine account gets its token before its role; a person issues
            // their own.
            const std::int64_t hotline = CreateUser(admin, kHotlineUser);
            hotline_token_ = CreateApiToken(admin, hotline, "12345 工单对接");
            GrantRole(admin, hotline, "unit_handler", UnitId(codes::kHotline12345));
            Session handler = LogIn("unit-handler");
            HttpResponse own = handler.Post("/api/v1/auth/tokens", {{"name", "住建局工单对接"}});
            if (own.status != 201) {
                throw std::runtime_error("own token: " + own.body);
            }
            handler_token_ = own.json["token"].get<std::string>();
            const std::int64_t director = CreateUser(admin, kDirectorWithoutCard);
            GrantRole(admin, director, "director", UnitId(codes::kYongqian));
        });
    }

    // POST /api/v1/cases as the demo account `caller`, or as the hotline's system with its token.
    static HttpResponse PostCase(std::string_view caller, const nlohmann::json& body,
                                 const Headers& headers = {}) {
        if (caller == kHotlineUser) {
            Headers all = Bearer(hotline_token_);
            all.insert(all.end(), headers.begin(), headers.end());
            return Anonymous().Post("/api/v1/cases", body, all);
        }
        return LogIn(caller).Post("/api/v1/cases", body, headers);
    }

    static nlohmann::json GridBody() {
        return CaseBody("grid").GridId(UnitId(codes::kYongqianGrid1)).Address("永前社区3号楼");
    }

    static nlohmann::json CadreBody() {
        return CaseBody("cadre_report")
            .Scope("collective")
            .Kind("suggestion")
            .Title("老旧小区供热管网老化")
            .Content("走访中多户居民反映供热管网老化，建议列入改造计划。")
            .Set("cadreReport", {{"cadreUnit", "吉林市民政局"},
                                 {"communityId", UnitId(codes::kYongqian)},
                                 {"households", 36},
                                 {"summary", "永前社区多栋楼供热管网老化，室温偏低。"},
                                 {"universal", true},
                                 {"suggestion", "纳入明年老旧小区改造。"}});
    }

    static nlohmann::json DirectCardBody() {
        return CaseBody("direct_card")
            .Urgency("urgent")
            .Set("directCard", {{"unitId", UnitId(codes::kHousingBureau)}});
    }

    static nlohmann::json HotlineBody() {
        return CaseBody("hotline").Set("hotline", {{"externalRef", "12345-20261128-0042"}});
    }

    static nlohmann::json WalkInBody() {
        return CaseBody("walk_in").Title("楼道灯不亮").Category("0206").Kind("help");
    }

  protected:
    static inline std::string hotline_token_;
    static inline std::string handler_token_;
};

// --- every channel: state, holder and receiving office ---------------------------------------

struct ChannelCase {
    std::string_view name;
    std::string_view caller;
    std::function<nlohmann::json()> body;
    std::string_view state;
    std::string_view holder;
    std::string_view receiving_office;
};

void PrintTo(const ChannelCase& channel, std::ostream* out) {
    *out << channel.name;
}

class CaseChannelApiTest : public CaseIntakeApiTest,
                           public ::testing::WithParamInterface<ChannelCase> {};

TEST_P(CaseChannelApiTest, CreatesTheCaseWhereTheChannelLeadsIt) {
    const ChannelCase& channel = GetParam();
    const nlohmann::json body = channel.body();

    HttpResponse response = PostCase(channel.caller, body);

    ASSERT_THAT(response, HasStatus(201));
    const nlohmann::json& c = response.json;
    EXPECT_GT(c.value("id", 0), 0);
    EXPECT_TRUE(IsCaseNumber(c["number"])) << c["number"];
    EXPECT_TRUE(c["createdAt"].is_string());
    EXPECT_EQ(c["channel"], body["channel"]);
    EXPECT_EQ(c["state"], channel.state);
    EXPECT_EQ(UnitNameAt(c, "holder"), channel.holder);
    EXPECT_EQ(UnitNameAt(c, "receivingOffice"), channel.receiving_office);
    EXPECT_EQ(c["title"], body["title"]);
    EXPECT_EQ(c["version"], 1);
}

INSTANTIATE_TEST_SUITE_P(
    CaseEveryChannel, CaseChannelApiTest,
    ::testing::Values(ChannelCase{"GridRegisteredAtTheCommunity", "grid-worker",
                                  [] { return CaseIntakeApiTest::GridBody(); }, "registered",
                                  "永前社区", "永前社区"},
                      ChannelCase{"GridSolvedOnTheSpotIsAnswered", "grid-worker",
                                  [] {
                                      nlohmann::json body = CaseIntakeApiTest::GridBody();
                                      body["grid"] = {
                                          {"solvedOnSpot", true},
                                          {"evidence", "已联系物业当场排气，室温恢复到二十度。"}};
                                      return body;
                                  },
                                  "answered", "永前社区", "永前社区"},
                      ChannelCase{"CadreReportGoesToTheCommunitysDistrict", "cadre",
                                  [] { return CaseIntakeApiTest::CadreBody(); }, "registered",
                                  "船营区", "船营区"},
                      ChannelCase{"DirectCardIsDispatchedStraightToTheUnit", "director",
                                  [] { return CaseIntakeApiTest::DirectCardBody(); }, "dispatched",
                                  "吉林市住房和城乡建设局", "吉林市"},
                      ChannelCase{"HotlineHandOverIsRegisteredAtTheCity",
                                  std::string_view(kHotlineUser),
                                  [] { return CaseIntakeApiTest::HotlineBody(); }, "registered",
                                  "吉林市", "吉林市"},
                      ChannelCase{"WalkInIsRegisteredAtTheStreet", "street-office",
                                  [] { return CaseIntakeApiTest::WalkInBody(); }, "registered",
                                  "德胜街道", "德胜街道"}),
    [](const ::testing::TestParamInfo<ChannelCase>& param_info) {
        return std::string(param_info.param.name);
    });

TEST_F(CaseIntakeApiTest, GridCaseRecordsTheGridAsWhereItArose) {
    HttpResponse response = PostCase("grid-worker", GridBody());

    ASSERT_THAT(response, HasStatus(201));
    EXPECT_EQ(response.json["location"]["gridId"], UnitId(codes::kYongqianGrid1));
    EXPECT_EQ(UnitNameAt(response.json, "origin"), "永前社区第一网格");
    EXPECT_EQ(response.json["location"]["address"], "永前社区3号楼");
}

TEST_F(CaseIntakeApiTest, GridCaseWithoutAGridIdArisesInTheWorkersOwnGrid) {
    HttpResponse response = PostCase("grid-worker", CaseBody("grid"));

    ASSERT_THAT(response, HasStatus(201));
    EXPECT_EQ(response.json["location"]["gridId"], UnitId(codes::kYongqianGrid1));
    EXPECT_EQ(UnitNameAt(response.json, "holder"), "永前社区");
}

TEST_F(CaseIntakeApiTest, GridCaseSolvedOnTheSpotKeepsTheEvidenceAsItsAnswer) {
    nlohmann::json body = GridBody();
    body["grid"] = {{"solvedOnSpot", true}, {"evidence", "已当场疏通下水管道。"}};

    HttpResponse response = PostCase("grid-worker", body);

    ASSERT_THAT(response, HasStatus(201));
    EXPECT_EQ(response.json["state"], "answered");
    EXPECT_EQ(response.json["result"], "solved");
    EXPECT_EQ(response.json["answerText"], "已当场疏通下水管道。");
    EXPECT_EQ(response.json["channelFields"]["solvedOnSpot"], true);
}

TEST_F(CaseIntakeApiTest, CadreReportKeepsTheFormAndMayNameTheCityOffice) {
    nlohmann::json body = CadreBody();
    body["cadreReport"]["officeId"] = UnitId(codes::kCity);

    HttpResponse response = PostCase("cadre", body);

    ASSERT_THAT(response, HasStatus(201));
    EXPECT_EQ(response.json["state"], "registered");
    EXPECT_EQ(UnitNameAt(response.json, "holder"), "吉林市");
    EXPECT_EQ(UnitNameAt(response.json, "origin"), "永前社区");
    EXPECT_EQ(response.json["channelFields"]["cadreUnit"], "吉林市民政局");
    EXPECT_EQ(response.json["channelFields"]["households"], 36);
}

TEST_F(CaseIntakeApiTest, CadreReportToAnOfficeNotAboveTheCommunityIs422) {
    nlohmann::json body = CadreBody();
    body["cadreReport"]["officeId"] = UnitId(codes::kChangyi);

    HttpResponse response = PostCase("cadre", body);

    EXPECT_THAT(response, IsError(422, "validation.failed"));
    EXPECT_THAT(FieldErrors(response), ElementsAre(Pair("cadreReport.officeId", "invalid")));
}

TEST_F(CaseIntakeApiTest, CadreReportWithAGridOutsideTheCommunityIs422) {
    nlohmann::json body = CadreBody();
    body["location"] = {{"gridId", UnitId(codes::kDongchangzhaiGrid1)}};

    HttpResponse response = PostCase("cadre", body);

    EXPECT_THAT(response, IsError(422, "validation.failed"));
    EXPECT_THAT(FieldErrors(response),
                ElementsAre(Pair("location.gridId", "grid_not_in_community")));
}

TEST_F(CaseIntakeApiTest, CadreReportWithoutItsFormFieldsListsEachOne) {
    nlohmann::json body = CadreBody();
    body["cadreReport"] = nlohmann::json::object();

    HttpResponse response = PostCase("cadre", body);

    EXPECT_THAT(response, IsError(422, "validation.failed"));
    EXPECT_THAT(FieldErrors(response),
                UnorderedElementsAre(Pair("cadreReport.cadreUnit", "required"),
                                     Pair("cadreReport.summary", "required"),
                                     Pair("cadreReport.communityId", "required")));
}

TEST_F(CaseIntakeApiTest, DirectCardCaseNamesTheUnitAsLeadAndTheCityAsDispatcher) {
    HttpResponse response = PostCase("director", DirectCardBody());

    ASSERT_THAT(response, HasStatus(201));
    EXPECT_EQ(UnitNameAt(response.json, "leadUnit"), "吉林市住房和城乡建设局");
    EXPECT_EQ(UnitNameAt(response.json, "dispatcher"), "吉林市");
    EXPECT_EQ(UnitNameAt(response.json, "origin"), "永前社区");
    EXPECT_EQ(response.json["urgency"], "urgent");
}

TEST_F(CaseIntakeApiTest, DirectCardWithoutAnActiveCardIs422) {
    HttpResponse response = PostCase(kDirectorWithoutCard, DirectCardBody());

    EXPECT_THAT(response, IsError(422, "validation.failed"));
    EXPECT_THAT(FieldErrors(response), ElementsAre(Pair("directCard", "not_active")));
}

TEST_F(CaseIntakeApiTest, DirectCardToAUnitOfAnotherDistrictIs422) {
    nlohmann::json body = DirectCardBody();
    body["directCard"]["unitId"] = UnitId("U220202-02");  // 昌邑区住房和城乡建设局

    HttpResponse response = PostCase("director", body);

    EXPECT_THAT(response, IsError(422, "validation.failed"));
    EXPECT_THAT(FieldErrors(response), ElementsAre(Pair("directCard.unitId", "invalid")));
}

TEST_F(CaseIntakeApiTest, DirectCardToTheDirectorsOwnDistrictUnitIsDispatchedThere) {
    nlohmann::json body = DirectCardBody();
    body["directCard"]["unitId"] = UnitId(codes::kChuanyingHousing);

    HttpResponse response = PostCase("director", body);

    ASSERT_THAT(response, HasStatus(201));
    EXPECT_EQ(response.json["state"], "dispatched");
    EXPECT_EQ(UnitNameAt(response.json, "holder"), "船营区住房和城乡建设局");
}

TEST_F(CaseIntakeApiTest, HotlineHandOverKeepsTheHotlinesReference) {
    HttpResponse response = PostCase(kHotlineUser, HotlineBody());

    ASSERT_THAT(response, HasStatus(201));
    EXPECT_EQ(response.json["externalRef"], "12345-20261128-0042");
    EXPECT_EQ(response.json["channelFields"]["externalRef"], "12345-20261128-0042");
}

TEST_F(CaseIntakeApiTest, HotlineHandOverWithoutAReferenceIs422) {
    HttpResponse response =
        PostCase(kHotlineUser, CaseBody("hotline").Set("hotline", nlohmann::json::object()));

    EXPECT_THAT(response, IsError(422, "validation.failed"));
    EXPECT_THAT(FieldErrors(response), ElementsAre(Pair("hotline.externalRef", "required")));
}

TEST_F(CaseIntakeApiTest, HotlineHandOverWithTheTokenOfAnotherUnitIs403) {
    HttpResponse response =
        Anonymous().Post("/api/v1/cases", HotlineBody(), Bearer(handler_token_));

    EXPECT_THAT(response, IsError(403, "case.channel_forbidden"));
}

TEST_F(CaseIntakeApiTest, WalkInByCityOfficeInAGridOfChangyiArisesThere) {
    HttpResponse response =
        PostCase("city-office", CaseBody("walk_in").GridId(UnitId(codes::kDongchangzhaiGrid1)));

    ASSERT_THAT(response, HasStatus(201));
    EXPECT_EQ(UnitNameAt(response.json, "holder"), "吉林市");
    EXPECT_EQ(UnitNameAt(response.json, "origin"), "东厂宅社区第一网格");
}

TEST_F(CaseIntakeApiTest, WalkInByTheStreetWithAGridOutsideTheStreetIs422) {
    HttpResponse response =
        PostCase("street-office", CaseBody("walk_in").GridId(UnitId(codes::kDongchangzhaiGrid1)));

    EXPECT_THAT(response, IsError(422, "validation.failed"));
    EXPECT_THAT(FieldErrors(response), ElementsAre(Pair("location.gridId", "outside_scope")));
}

TEST_F(CaseIntakeApiTest, PublicChannelOnTheStaffEndpointIs422) {
    HttpResponse response = PostCase("city-office", CaseBody("mailbox"));

    EXPECT_THAT(response, IsError(422, "validation.failed"));
    EXPECT_THAT(FieldErrors(response), ElementsAre(Pair("channel", "public_only")));
}

TEST_F(CaseIntakeApiTest, IntakeWithoutCredentialsIs401) {
    HttpResponse response = Anonymous().Post("/api/v1/cases", WalkInBody());

    EXPECT_THAT(response, IsError(401, "auth.required"));
}

TEST_F(CaseIntakeApiTest, AdminMayNotRecordCases) {
    HttpResponse response = PostCase("admin", WalkInBody());

    EXPECT_THAT(response, IsError(403, "auth.forbidden"));
}

// --- channels a role may not use ------------------------------------------------------------

struct ForbiddenChannel {
    std::string_view name;
    std::string_view caller;
    std::function<nlohmann::json()> body;
};

void PrintTo(const ForbiddenChannel& channel, std::ostream* out) {
    *out << channel.name;
}

class CaseForbiddenChannelApiTest : public CaseIntakeApiTest,
                                    public ::testing::WithParamInterface<ForbiddenChannel> {};

TEST_P(CaseForbiddenChannelApiTest, Is403ChannelForbidden) {
    HttpResponse response = PostCase(GetParam().caller, GetParam().body());

    EXPECT_THAT(response, IsError(403, "case.channel_forbidden"));
}

INSTANTIATE_TEST_SUITE_P(
    CaseRoleChannels, CaseForbiddenChannelApiTest,
    ::testing::Values(ForbiddenChannel{"CommunityStaffRecordingAGridCase", "community-staff",
                                       [] { return CaseIntakeApiTest::GridBody(); }},
                      ForbiddenChannel{"DirectorRecordingAGridCase", "director",
                                       [] { return CaseIntakeApiTest::GridBody(); }},
                      ForbiddenChannel{"GridWorkerFilingACadreReport", "grid-worker",
                                       [] { return CaseIntakeApiTest::CadreBody(); }},
                      ForbiddenChannel{"StreetOfficeFilingACadreReport", "street-office",
                                       [] { return CaseIntakeApiTest::CadreBody(); }},
                      ForbiddenChannel{"GridWorkerUsingTheDirectCard", "grid-worker",
                                       [] { return CaseIntakeApiTest::DirectCardBody(); }},
                      ForbiddenChannel{"CommunityStaffUsingTheDirectCard", "community-staff",
                                       [] { return CaseIntakeApiTest::DirectCardBody(); }},
                      ForbiddenChannel{"CityOfficeSessionPostingAHotlineHandOver", "city-office",
                                       [] { return CaseIntakeApiTest::HotlineBody(); }},
                      ForbiddenChannel{"UnitHandlerSessionPostingAHotlineHandOver", "unit-handler",
                                       [] { return CaseIntakeApiTest::HotlineBody(); }},
                      ForbiddenChannel{"UnitHandlerRegisteringAWalkIn", "unit-handler",
                                       [] { return CaseIntakeApiTest::WalkInBody(); }},
                      ForbiddenChannel{"CadreRegisteringAWalkIn", "cadre",
                                       [] { return CaseIntakeApiTest::WalkInBody(); }},
                      ForbiddenChannel{"LeaderRegisteringAWalkIn", "leader",
                                       [] { return CaseIntakeApiTest::WalkInBody(); }},
                      ForbiddenChannel{"InspectorRegisteringAWalkIn", "inspector",
                                       [] { return CaseIntakeApiTest::WalkInBody(); }}),
    [](const ::testing::TestParamInfo<ForbiddenChannel>& param_info) {
        return std::string(param_info.param.name);
    });

// --- validation: every problem in one 422 ---------------------------------------------------

TEST_F(CaseIntakeApiTest, OneBodyWithManyProblemsListsEveryField) {
    nlohmann::json body = GridBody();
    body.erase("title");
    body["content"] = Repeat("暖", 5001);
    body["categoryCode"] = "9999";
    body["location"] = {{"address", "永前社区\x01 3号楼"},
                        {"gridId", UnitId(codes::kDongchangzhaiGrid1)},
                        {"lat", 39.9042},
                        {"lng", 116.4074}};
    body["peopleInvolved"] = 0;
    body["priority"] = "high";

    HttpResponse response = PostCase("grid-worker", body);

    EXPECT_THAT(response, IsError(422, "validation.failed"));
    EXPECT_THAT(
        FieldErrors(response),
        UnorderedElementsAre(Pair("title", "required"), Pair("content", "too_long"),
                             Pair("categoryCode", "unknown"), Pair("location", "outside_city"),
                             Pair("location.gridId", "outside_your_grid"),
                             Pair("location.address", "control_characters"),
                             Pair("peopleInvolved", "range"), Pair("priority", "unknown_field")));
}

TEST_F(CaseIntakeApiTest, ContentOfExactlyTheLimitIsAccepted) {
    nlohmann::json body = GridBody();
    body["content"] = Repeat("暖", 5000);
    body["title"] = Repeat("热", 100);

    HttpResponse response = PostCase("grid-worker", body);

    ASSERT_THAT(response, HasStatus(201));
    EXPECT_EQ(response.json["content"], body["content"]);
}

TEST_F(CaseIntakeApiTest, ContentMayHoldLineBreaks) {
    nlohmann::json body = GridBody();
    body["content"] = "第一，暖气不热。\n第二，物业不接电话。";

    HttpResponse response = PostCase("grid-worker", body);

    ASSERT_THAT(response, HasStatus(201));
    EXPECT_EQ(response.json["content"], "第一，暖气不热。\n第二，物业不接电话。");
}

struct Problem {
    std::string_view name;
    std::function<void(nlohmann::json&)> spoil;
    std::vector<std::pair<std::string, std::string>> fields;
};

void PrintTo(const Problem& problem, std::ostream* out) {
    *out << problem.name;
}

class CaseValidationApiTest : public CaseIntakeApiTest,
                              public ::testing::WithParamInterface<Problem> {};

TEST_P(CaseValidationApiTest, Is422NamingTheFieldOnce) {
    nlohmann::json body = GridBody();
    GetParam().spoil(body);

    HttpResponse response = PostCase("grid-worker", body);

    EXPECT_THAT(response, IsError(422, "validation.failed"));
    EXPECT_THAT(FieldErrors(response), UnorderedElementsAreArray(GetParam().fields));
}

using Fields = std::vector<std::pair<std::string, std::string>>;

INSTANTIATE_TEST_SUITE_P(
    CaseIntakeFields, CaseValidationApiTest,
    ::testing::Values(
        Problem{"MissingTitle", [](nlohmann::json& body) { body.erase("title"); },
                Fields{{"title", "required"}}},
        Problem{"TitleTooLong", [](nlohmann::json& body) { body["title"] = Repeat("热", 101); },
                Fields{{"title", "too_long"}}},
        Problem{"TitleWithAControlCharacter",
                [](nlohmann::json& body) { body["title"] = "暖气\x07不热"; },
                Fields{{"title", "control_characters"}}},
        Problem{"TitleWithALineBreak", [](nlohmann::json& body) { body["title"] = "暖气\n不热"; },
                Fields{{"title", "control_characters"}}},
        Problem{"MissingContent", [](nlohmann::json& body) { body.erase("content"); },
                Fields{{"content", "required"}}},
        Problem{"ContentTooLong",
                [](nlohmann::json& body) { body["content"] = Repeat("暖", 5001); },
                Fields{{"content", "too_long"}}},
        Problem{"ContentWithAControlCharacter",
                [](nlohmann::json& body) { body["content"] = "暖气不热\x1b[31m"; },
                Fields{{"content", "control_characters"}}},
        Problem{"UnknownCategory", [](nlohmann::json& body) { body["categoryCode"] = "9999"; },
                Fields{{"categoryCode", "unknown"}}},
        Problem{"MissingKind", [](nlohmann::json& body) { body.erase("kind"); },
                Fields{{"kind", "required"}}},
        Problem{"UnknownKind", [](nlohmann::json& body) { body["kind"] = "rant"; },
                Fields{{"kind", "invalid"}}},
        Problem{"UnknownUrgency", [](nlohmann::json& body) { body["urgency"] = "asap"; },
                Fields{{"urgency", "invalid"}}},
        Problem{"MissingChannel", [](nlohmann::json& body) { body.erase("channel"); },
                Fields{{"channel", "required"}}},
        Problem{"LatitudeWithoutLongitude",
                [](nlohmann::json& body) { body["location"]["lat"] = 43.9; },
                Fields{{"location", "incomplete"}}},
        Problem{"PointInBeijing",
                [](nlohmann::json& body) {
                    body["location"]["lat"] = 39.9042;
                    body["location"]["lng"] = 116.4074;
                },
                Fields{{"location", "outside_city"}}},
        Problem{"GridOfChangyiDistrict",
                [](nlohmann::json& body) {
                    body["location"]["gridId"] = ApiTest::UnitId(codes::kDongchangzhaiGrid1);
                },
                Fields{{"location.gridId", "outside_your_grid"}}},
        Problem{"AnotherGridOfTheSameCommunity",
                [](nlohmann::json& body) {
                    body["location"]["gridId"] = ApiTest::UnitId(codes::kYongqianGrid2);
                },
                Fields{{"location.gridId", "outside_your_grid"}}},
        Problem{"GridIdThatIsNoGrid",
                [](nlohmann::json&
                       body) { body["location"]["gridId"] = ApiTest::UnitId(codes::kYongqian); },
                Fields{{"location.gridId", "unknown"}}},
        Problem{"NobodyInvolved", [](nlohmann::json& body) { body["peopleInvolved"] = 0; },
                Fields{{"peopleInvolved", "range"}}},
        Problem{"PhoneThatIsNoNumber",
                [](nlohmann::json& body) { body["reporter"]["phone"] = "call me"; },
                Fields{{"reporter.phone", "invalid"}}},
        Problem{"MisspeltField", [](nlohmann::json& body) { body["titel"] = body["title"]; },
                Fields{{"titel", "unknown_field"}}},
        Problem{"UnknownReporterField",
                [](nlohmann::json& body) { body["reporter"]["email"] = "zs@example.com"; },
                Fields{{"reporter.email", "unknown_field"}}},
        Problem{"PublishOutsideTheMessageBoard",
                [](nlohmann::json& body) { body["publish"] = true; },
                Fields{{"publish", "not_allowed"}}},
        Problem{"SolvedOnTheSpotWithoutEvidence",
                [](nlohmann::json& body) { body["grid"] = {{"solvedOnSpot", true}}; },
                Fields{{"grid.evidence", "required"}}}),
    [](const ::testing::TestParamInfo<Problem>& param_info) {
        return std::string(param_info.param.name);
    });

// --- idempotency and numbers ----------------------------------------------------------------

TEST_F(CaseIntakeApiTest, SameKeyAndBodyAnswersWithTheFirstCase) {
    Session office = LogIn("street-office");
    const nlohmann::json body = WalkInBody();
    const Headers key = {{"Idempotency-Key", "walk-in-retry-1"}};

    HttpResponse first = office.Post("/api/v1/cases", body, key);
    HttpResponse second = office.Post("/api/v1/cases", body, key);

    ASSERT_THAT(first, HasStatus(201));
    ASSERT_THAT(second, HasStatus(200));
    EXPECT_EQ(second.json["id"], first.json["id"]);
    EXPECT_EQ(second.json["number"], first.json["number"]);
    EXPECT_EQ(second.json["state"], "registered");
    HttpResponse events = office.Get(CasePath(IdOf(first.json), "/events"));
    EXPECT_EQ(events.json["items"].size(), 1u) << "the retry recorded the case again";
}

TEST_F(CaseIntakeApiTest, SameKeyWithAnotherBodyIs409) {
    Session office = LogIn("street-office");
    const Headers key = {{"Idempotency-Key", "walk-in-retry-2"}};
    ASSERT_THAT(office.Post("/api/v1/cases", WalkInBody(), key), HasStatus(201));

    HttpResponse response =
        office.Post("/api/v1/cases", CaseBody("walk_in").Title("另一件事：楼道堆放杂物"), key);

    EXPECT_THAT(response, IsError(409, "request.idempotency_mismatch"));
}

TEST_F(CaseIntakeApiTest, KeysOfDifferentUsersDoNotMeet) {
    Session street = LogIn("street-office");
    Session city = LogIn("city-office");
    const Headers key = {{"Idempotency-Key", "shared-key"}};

    HttpResponse first = street.Post("/api/v1/cases", WalkInBody(), key);
    HttpResponse second = city.Post("/api/v1/cases", WalkInBody(), key);

    ASSERT_THAT(first, HasStatus(201));
    ASSERT_THAT(second, HasStatus(201));
    EXPECT_NE(second.json["id"], first.json["id"]);
}

TEST_F(CaseIntakeApiTest, KeyOfARefusedRequestMayBeUsedAgain) {
    Session office = LogIn("street-office");
    const Headers key = {{"Idempotency-Key", "first-try-invalid"}};
    ASSERT_THAT(office.Post("/api/v1/cases", CaseBody("walk_in").Without("title"), key),
                HasStatus(422));

    HttpResponse response = office.Post("/api/v1/cases", WalkInBody(), key);

    EXPECT_THAT(response, HasStatus(201));
}

TEST_F(CaseIntakeApiTest, OverlongIdempotencyKeyIs422) {
    Session office = LogIn("street-office");

    HttpResponse response =
        office.Post("/api/v1/cases", WalkInBody(), {{"Idempotency-Key", std::string(129, 'k')}});

    EXPECT_THAT(response, IsError(422, "validation.failed"));
    EXPECT_THAT(FieldErrors(response), ElementsAre(Pair("Idempotency-Key", "invalid")));
}

TEST_F(CaseIntakeApiTest, NumbersAreUniqueAndOfTheYear) {
    Session office = LogIn("street-office");
    std::set<std::string> numbers;
    constexpr int kCases = 6;

    for (int i = 0; i < kCases; ++i) {
        HttpResponse response = office.Post("/api/v1/cases", WalkInBody());
        ASSERT_THAT(response, HasStatus(201));
        ASSERT_TRUE(IsCaseNumber(response.json["number"])) << response.json["number"];
        const std::string number = response.json["number"];
        // Numbered in the year the case was created, in China's time zone.
        EXPECT_EQ(number.substr(0, 4), response.json["createdAt"].get<std::string>().substr(0, 4));
        numbers.insert(number);
    }

    EXPECT_EQ(numbers.size(), static_cast<std::size_t>(kCases));
}

}  // namespace
}  // namespace minqing::tests
