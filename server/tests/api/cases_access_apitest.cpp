// Who sees which case (DOMAIN.md "Everyone sees exactly their jurisdiction"), on every read
// endpoint: detail, events, verify, the work list and keyword search; and the protection of
// reporters: masked for everyone, revealed (and logged) only to the receiving office and the
// holder, never to a unit when confidential, and not stored at all when anonymous.
#include <map>
#include <set>
#include <string>
#include <vector>

#include "support/api_test.hpp"
#include "support/case_body.hpp"

namespace minqing::tests {
namespace {

// The cases of the matrix, each with a phrase only its title holds.
struct MatrixCase {
    std::string_view label;
    std::string_view phrase;
};

constexpr MatrixCase kGridCase{"grid report in 永前社区", "楼道堆放杂物"};
constexpr MatrixCase kChangyiCase{"walk-in at the city from 昌邑区", "自来水水压低"};
constexpr MatrixCase kDispatchedCase{"昌邑区 case dispatched to 住建局", "物业不作为"};
constexpr MatrixCase kEscalatedCase{"昌邑区 case escalated to the city leader", "集体停暖"};
constexpr MatrixCase kCadreCase{"cadre report on 永前社区", "加装电梯"};

const std::vector<MatrixCase>& MatrixCases() {
    static const std::vector<MatrixCase> kCases = {kGridCase, kChangyiCase, kDispatchedCase,
                                                   kEscalatedCase, kCadreCase};
    return kCases;
}

struct Jurisdiction {
    std::string_view username;
    std::set<std::string_view> visible;  // labels of MatrixCases()
};

void PrintTo(const Jurisdiction& jurisdiction, std::ostream* out) {
    *out << jurisdiction.username;
}

class CaseAccessMatrixApiTest : public ApiTest, public ::testing::WithParamInterface<Jurisdiction> {
  protected:
    static void SetUpTestSuite() {
        StartServer({}, [] {
            Session city = LogIn("city-office");
            Session grid = LogIn("grid-worker");
            Session cadre = LogIn("cadre");
            const auto in_changyi = [](const MatrixCase& c) {
                return CaseBody("walk_in")
                    .Title(c.phrase)
                    .Content("昌邑区东厂宅社区居民来访反映。")
                    .GridId(UnitId(codes::kDongchangzhaiGrid1));
            };
            ids_[std::string(kGridCase.label)] = IdOf(CreateCase(
                grid, CaseBody("grid").Title(kGridCase.phrase).Content("三号楼楼道被占用。")));
            ids_[std::string(kChangyiCase.label)] =
                IdOf(CreateCase(city, in_changyi(kChangyiCase)));
            const std::int64_t dispatched = IdOf(CreateCase(city, in_changyi(kDispatchedCase)));
            MoveCase(city, dispatched, "accept");
            MoveCase(city, dispatched, "dispatch",
                     {{"targetId", UnitId(codes::kHousingBureau)}, {"method", "network"}});
            ids_[std::string(kDispatchedCase.label)] = dispatched;
            const std::int64_t escalated = IdOf(CreateCase(city, in_changyi(kEscalatedCase)));
            MoveCase(city, escalated, "accept");
            MoveCase(city, escalated, "escalate",
                     {{"targetId", UnitId(codes::kCity)}, {"note", "涉及多个小区，请市领导协调"}});
            ids_[std::string(kEscalatedCase.label)] = escalated;
            ids_[std::string(kCadreCase.label)] = IdOf(CreateCase(
                cadre, CaseBody("cadre_report")
                           .Kind("suggestion")
                           .Title(kCadreCase.phrase)
                           .Content("老旧楼居民希望统一规划。")
                           .Category("0102")
                           .Set("cadreReport", {{"cadreUnit", "吉林市民政局"},
                                                {"communityId", UnitId(codes::kYongqian)},
                                                {"summary", "老旧楼居民希望统一规划。"}})));
        });
    }

    static std::int64_t IdOfCase(const MatrixCase& c) { return ids_.at(std::string(c.label)); }

    static std::set<std::int64_t> AllIds() {
        std::set<std::int64_t> ids;
        for (const MatrixCase& c : MatrixCases()) {
            ids.insert(IdOfCase(c));
        }
        return ids;
    }

  private:
    static inline std::map<std::string, std::int64_t> ids_;
};

TEST_P(CaseAccessMatrixApiTest, SeesExactlyTheCasesOfItsJurisdiction) {
    const Jurisdiction& jurisdiction = GetParam();
    Session session = LogIn(jurisdiction.username);
    std::set<std::int64_t> expected;

    for (const MatrixCase& c : MatrixCases()) {
        SCOPED_TRACE(std::string(c.label));
        const std::int64_t id = IdOfCase(c);
        const bool visible = jurisdiction.visible.contains(c.label);
        if (visible) {
            expected.insert(id);
        }
        HttpResponse detail = session.Get(CasePath(id));
        HttpResponse events = session.Get(CasePath(id, "/events"));
        HttpResponse verify = session.Get(CasePath(id, "/verify"));
        HttpResponse search =
            session.Get("/api/v1/cases?keyword=" + UrlEncode(c.phrase) + "&limit=100");
        if (visible) {
            EXPECT_THAT(detail, HasStatus(200));
            EXPECT_EQ(detail.json["id"], id);
            EXPECT_THAT(events, HasStatus(200));
            EXPECT_FALSE(events.json["items"].empty());
            EXPECT_THAT(verify, HasStatus(200));
            EXPECT_THAT(search, HasStatus(200));
            EXPECT_EQ(IdsIn(search, {id}), std::set<std::int64_t>{id});
        } else {
            EXPECT_THAT(detail, IsError(404, "case.not_found"));
            EXPECT_THAT(events, IsError(404, "case.not_found"));
            EXPECT_THAT(verify, IsError(404, "case.not_found"));
            EXPECT_THAT(search, HasStatus(200));
            EXPECT_EQ(IdsIn(search, {id}), std::set<std::int64_t>{});
        }
    }
    HttpResponse list = session.Get("/api/v1/cases?limit=100");
    ASSERT_THAT(list, HasStatus(200));
    EXPECT_EQ(IdsIn(list, AllIds()), expected);
}

INSTANTIATE_TEST_SUITE_P(
    CaseEveryRole, CaseAccessMatrixApiTest,
    ::testing::Values(Jurisdiction{"city-office",
                                   {kGridCase.label, kChangyiCase.label, kDispatchedCase.label,
                                    kEscalatedCase.label, kCadreCase.label}},
                      Jurisdiction{"inspector",
                                   {kGridCase.label, kChangyiCase.label, kDispatchedCase.label,
                                    kEscalatedCase.label, kCadreCase.label}},
                      Jurisdiction{"district-office", {kGridCase.label, kCadreCase.label}},
                      Jurisdiction{"street-office", {kGridCase.label, kCadreCase.label}},
                      Jurisdiction{"community-staff", {kGridCase.label, kCadreCase.label}},
                      Jurisdiction{"director", {kGridCase.label, kCadreCase.label}},
                      Jurisdiction{"grid-worker", {kGridCase.label}},
                      Jurisdiction{"cadre", {kCadreCase.label}},
                      Jurisdiction{"unit-handler", {kDispatchedCase.label}},
                      Jurisdiction{"unit-leader", {kDispatchedCase.label}},
                      // The city's leader in charge reads the city's cases (and acts on
                      // what is escalated to them: workflow_rules_apitest).
                      Jurisdiction{"leader",
                                   {kGridCase.label, kChangyiCase.label, kDispatchedCase.label,
                                    kEscalatedCase.label, kCadreCase.label}}),
    [](const ::testing::TestParamInfo<Jurisdiction>& param_info) {
        std::string name(param_info.param.username);
        std::erase(name, '-');
        return name;
    });

// Admins run the system and see no cases at all.
TEST_F(CaseAccessMatrixApiTest, AdminReadsNoCase) {
    Session admin = LogIn("admin");
    const std::int64_t id = IdOfCase(kGridCase);

    EXPECT_THAT(admin.Get(CasePath(id)), IsError(403, "auth.forbidden"));
    EXPECT_THAT(admin.Get(CasePath(id, "/events")), IsError(403, "auth.forbidden"));
    EXPECT_THAT(admin.Get("/api/v1/cases"), IsError(403, "auth.forbidden"));
    EXPECT_THAT(admin.Get("/api/v1/workbench"), IsError(403, "auth.forbidden"));
}

TEST_F(CaseAccessMatrixApiTest, UnknownCaseIs404) {
    Session city = LogIn("city-office");

    EXPECT_THAT(city.Get(CasePath(987654321)), IsError(404, "case.not_found"));
    EXPECT_THAT(city.Get(CasePath(987654321, "/events")), IsError(404, "case.not_found"));
    EXPECT_THAT(city.Get("/api/v1/cases/not-a-number"), IsError(404, "case.not_found"));
}

TEST_F(CaseAccessMatrixApiTest, ReadingCasesNeedsCredentials) {
    HttpClient client = Anonymous();

    EXPECT_THAT(client.Get(CasePath(IdOfCase(kGridCase))), IsError(401, "auth.required"));
    EXPECT_THAT(client.Get("/api/v1/cases"), IsError(401, "auth.required"));
}

// The org filter narrows within what the caller sees; it never widens it.
TEST_F(CaseAccessMatrixApiTest, OrgUnitFilterOutsideTheJurisdictionFindsNothing) {
    Session district = LogIn("district-office");

    HttpResponse response =
        district.Get("/api/v1/cases?orgUnit=" + std::to_string(UnitId(codes::kChangyi)));

    ASSERT_THAT(response, HasStatus(200));
    EXPECT_TRUE(response.json["items"].empty()) << response.body;
}

TEST_F(CaseAccessMatrixApiTest, OrgUnitFilterSelectsTheSubtreeForTheCity) {
    Session city = LogIn("city-office");

    HttpResponse changyi =
        city.Get("/api/v1/cases?orgUnit=" + std::to_string(UnitId(codes::kChangyi)));
    HttpResponse yongqian =
        city.Get("/api/v1/cases?orgUnit=" + std::to_string(UnitId(codes::kYongqian)));

    ASSERT_THAT(changyi, HasStatus(200));
    EXPECT_EQ(IdsIn(changyi, AllIds()),
              (std::set<std::int64_t>{IdOfCase(kChangyiCase), IdOfCase(kDispatchedCase),
                                      IdOfCase(kEscalatedCase)}));
    ASSERT_THAT(yongqian, HasStatus(200));
    EXPECT_EQ(IdsIn(yongqian, AllIds()),
              (std::set<std::int64_t>{IdOfCase(kGridCase), IdOfCase(kCadreCase)}));
}

TEST_F(CaseAccessMatrixApiTest, UnknownOrgUnitFilterIs404) {
    Session city = LogIn("city-office");

    HttpResponse response = city.Get("/api/v1/cases?orgUnit=987654321");

    EXPECT_THAT(response, IsError(404, "org.unit_not_found"));
}

// --- the reporter -----------------------------------------------------------------------------

class CaseReporterApiTest : public ApiTest {
  protected:
    // A walk-in the street office registered for 张三 in 永前社区's first grid.
    static nlohmann::json WalkInAtTheStreet(Session& street) {
        return CreateCase(street, CaseBody("walk_in")
                                      .Title("楼上装修噪音扰民")
                                      .Category("0403")
                                      .GridId(UnitId(codes::kYongqianGrid1))
                                      .Reporter("张三", "13812341234"));
    }

    static nlohmann::json DirectCard(Session& director, bool confidential) {
        CaseBody body = CaseBody("direct_card");
        body.Title("小区供热管网老化")
            .Set("directCard", {{"unitId", UnitId(codes::kHousingBureau)}});
        if (confidential) {
            body.Confidential();
        }
        return CreateCase(director, body);
    }

    static std::vector<std::string> ActionsOf(Session& session, std::int64_t id) {
        return Strings(session.Get(CasePath(id, "/events")).json["items"], "action");
    }
};

TEST_F(CaseReporterApiTest, DetailMasksNameAndPhoneForEveryone) {
    Session street = LogIn("street-office");
    const std::int64_t id = IdOf(WalkInAtTheStreet(street));

    for (const std::string_view username : {"street-office", "community-staff", "district-office",
                                            "city-office", "inspector", "grid-worker"}) {
        SCOPED_TRACE(std::string(username));
        HttpResponse detail = LogIn(username).Get(CasePath(id));
        ASSERT_THAT(detail, HasStatus(200));
        EXPECT_EQ(detail.json["reporter"]["name"], "张*");
        EXPECT_EQ(detail.json["reporter"]["phone"], "138****1234");
        EXPECT_EQ(detail.json["reporter"]["masked"], true);
    }
}

TEST_F(CaseReporterApiTest, CreateAnswerIsMaskedToo) {
    Session street = LogIn("street-office");

    const nlohmann::json created = WalkInAtTheStreet(street);

    EXPECT_EQ(created["reporter"]["name"], "张*");
    EXPECT_EQ(created["reporter"]["phone"], "138****1234");
}

TEST_F(CaseReporterApiTest, ListsAndEventsNeverCarryTheReporter) {
    Session street = LogIn("street-office");
    const std::int64_t id = IdOf(WalkInAtTheStreet(street));

    HttpResponse list = street.Get("/api/v1/cases?limit=100");
    HttpResponse events = street.Get(CasePath(id, "/events"));

    ASSERT_THAT(list, HasStatus(200));
    ASSERT_THAT(events, HasStatus(200));
    for (const HttpResponse* response : {&list, &events}) {
        EXPECT_EQ(response->body.find("张三"), std::string::npos) << response->body;
        EXPECT_EQ(response->body.find("13812341234"), std::string::npos) << response->body;
    }
}

TEST_F(CaseReporterApiTest, CompoundNameKeepsOnlyItsFirstCharacter) {
    Session street = LogIn("street-office");
    const std::int64_t id =
        IdOf(CreateCase(street, CaseBody("walk_in").Reporter("欧阳小明", "0432-62345678")));

    HttpResponse detail = street.Get(CasePath(id));

    EXPECT_EQ(detail.json["reporter"]["name"], "欧***");
    EXPECT_EQ(detail.json["reporter"]["phone"], "043******5678");
}

TEST_F(CaseReporterApiTest, ReceivingOfficeRevealsAndTheLookIsLogged) {
    Session street = LogIn("street-office");
    const std::int64_t id = IdOf(WalkInAtTheStreet(street));

    HttpResponse revealed = street.Post(CasePath(id, "/reveal-reporter"), nlohmann::json::object());

    ASSERT_THAT(revealed, HasStatus(200));
    EXPECT_EQ(revealed.json["reporter"]["name"], "张三");
    EXPECT_EQ(revealed.json["reporter"]["phone"], "13812341234");
    EXPECT_EQ(revealed.json["reporter"]["masked"], false);
    EXPECT_EQ(revealed.json["state"], "registered");
    HttpResponse events = street.Get(CasePath(id, "/events"));
    const nlohmann::json& last = events.json["items"].back();
    EXPECT_EQ(last["action"], "reveal_reporter");
    EXPECT_EQ(last["actorId"], street.user_id());
    EXPECT_EQ(last["actorRole"], "street_office");
    EXPECT_EQ(street.Get(CasePath(id, "/verify")).json["intact"], true);
    EXPECT_EQ(street.Get(CasePath(id)).json["reporter"]["name"], "张*")
        << "a reveal is for one look, the detail stays masked";
}

TEST_F(CaseReporterApiTest, HoldingUnitMayRevealAReporterWhoDidNotAskForConfidentiality) {
    Session director = LogIn("director");
    Session handler = LogIn("unit-handler");
    const std::int64_t id = IdOf(DirectCard(director, false));

    HttpResponse detail = handler.Get(CasePath(id));
    HttpResponse revealed =
        handler.Post(CasePath(id, "/reveal-reporter"), nlohmann::json::object());

    EXPECT_EQ(detail.json["reporter"]["name"], "张*");
    EXPECT_EQ(detail.json["mayRevealReporter"], true);
    ASSERT_THAT(revealed, HasStatus(200));
    EXPECT_EQ(revealed.json["reporter"]["name"], "张三");
    EXPECT_EQ(ActionsOf(handler, id).back(), "reveal_reporter");
}

TEST_F(CaseReporterApiTest, OfficeThatNeitherReceivedNorHoldsTheCaseMayNotReveal) {
    Session street = LogIn("street-office");
    Session community = LogIn("community-staff");
    const std::int64_t id = IdOf(WalkInAtTheStreet(street));

    HttpResponse response =
        community.Post(CasePath(id, "/reveal-reporter"), nlohmann::json::object());

    EXPECT_THAT(response, IsError(403, "case.reporter_hidden"));
    EXPECT_EQ(ActionsOf(street, id), std::vector<std::string>{"create"})
        << "a refused look is not a look";
}

TEST_F(CaseReporterApiTest, ConfidentialReporterIsNeverShownToTheUnit) {
    Session director = LogIn("director");
    Session handler = LogIn("unit-handler");
    const std::int64_t id = IdOf(DirectCard(director, true));

    HttpResponse detail = handler.Get(CasePath(id));
    HttpResponse revealed =
        handler.Post(CasePath(id, "/reveal-reporter"), nlohmann::json::object());

    ASSERT_THAT(detail, HasStatus(200));
    EXPECT_EQ(detail.json["reporter"]["name"], "");
    EXPECT_EQ(detail.json["reporter"]["phone"], "");
    EXPECT_EQ(detail.json["reporter"]["confidential"], true);
    EXPECT_EQ(detail.json["mayRevealReporter"], false);
    EXPECT_THAT(revealed, IsError(403, "case.reporter_hidden"));
}

TEST_F(CaseReporterApiTest, ConfidentialReporterIsShownToTheReceivingCityOffice) {
    Session director = LogIn("director");
    Session city = LogIn("city-office");
    const std::int64_t id = IdOf(DirectCard(director, true));

    HttpResponse detail = city.Get(CasePath(id));
    HttpResponse revealed = city.Post(CasePath(id, "/reveal-reporter"), nlohmann::json::object());

    EXPECT_EQ(detail.json["reporter"]["name"], "张*");
    ASSERT_THAT(revealed, HasStatus(200));
    EXPECT_EQ(revealed.json["reporter"]["name"], "张三");
    EXPECT_EQ(revealed.json["reporter"]["phone"], "13812341234");
}

TEST_F(CaseReporterApiTest, AnonymousReporterLeavesNothingToReveal) {
    Session street = LogIn("street-office");
    Session city = LogIn("city-office");
    const nlohmann::json created = CreateCase(street, CaseBody("walk_in")
                                                          .GridId(UnitId(codes::kYongqianGrid1))
                                                          .Reporter("张三", "13812341234")
                                                          .Anonymous());
    const std::int64_t id = IdOf(created);

    HttpResponse detail = city.Get(CasePath(id));
    HttpResponse by_street =
        street.Post(CasePath(id, "/reveal-reporter"), nlohmann::json::object());
    HttpResponse by_city = city.Post(CasePath(id, "/reveal-reporter"), nlohmann::json::object());

    EXPECT_EQ(created["reporter"]["anonymous"], true);
    EXPECT_EQ(detail.json["reporter"]["name"], "");
    EXPECT_EQ(detail.json["reporter"]["phone"], "");
    for (const HttpResponse* reveal : {&by_street, &by_city}) {
        ASSERT_THAT(*reveal, HasStatus(200));
        EXPECT_EQ((*reveal).json["reporter"]["name"], "");
        EXPECT_EQ((*reveal).json["reporter"]["phone"], "");
        EXPECT_EQ((*reveal).body.find("13812341234"), std::string::npos);
    }
}

TEST_F(CaseReporterApiTest, RevealOutsideTheJurisdictionIs404) {
    Session city = LogIn("city-office");
    Session district = LogIn("district-office");
    Session handler = LogIn("unit-handler");
    const std::int64_t id =
        IdOf(CreateCase(city, CaseBody("walk_in").GridId(UnitId(codes::kDongchangzhaiGrid1))));

    EXPECT_THAT(district.Post(CasePath(id, "/reveal-reporter"), nlohmann::json::object()),
                IsError(404, "case.not_found"));
    EXPECT_THAT(handler.Post(CasePath(id, "/reveal-reporter"), nlohmann::json::object()),
                IsError(404, "case.not_found"));
}

}  // namespace
}  // namespace minqing::tests
