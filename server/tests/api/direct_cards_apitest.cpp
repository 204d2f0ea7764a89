// Direct cards through the API: administrators list the cards of their scope, issue a
// community's card to its director, revoke and reassign it; a revoked card stops the
// director's direct-card intake at once.
#include <string>

#include "support/api_test.hpp"
#include "support/case_body.hpp"

namespace minqing::tests {
namespace {

using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::Not;
using ::testing::Pair;
using ::testing::StartsWith;

constexpr std::string_view kCards = "/api/v1/direct-cards";
constexpr std::string_view kDongchangzhai = "220202001001";  // 东厂宅社区 (兴华街道, 昌邑区)
constexpr std::string_view kSecondDirector = "yongqian-director-two";
constexpr std::string_view kDongchangzhaiDirector = "dongchangzhai-director";
constexpr std::string_view kChangyiAdmin = "changyi-admin";

class DirectCardsApiTest : public ApiTest {
  protected:
    static void SetUpTestSuite() {
        StartServer({}, [] {
            Session admin = LogIn("admin");
            GrantRole(admin, CreateUser(admin, kSecondDirector), "director",
                      UnitId(codes::kYongqian));
            GrantRole(admin, CreateUser(admin, kDongchangzhaiDirector), "director",
                      UnitId(kDongchangzhai));
            GrantRole(admin, CreateUser(admin, kChangyiAdmin), "admin", UnitId(codes::kChangyi));
        });
    }

    static std::string CardPath(std::int64_t id, std::string_view action) {
        return std::string(kCards) + "/" + std::to_string(id) + "/" + std::string(action);
    }

    // The community's active card as the list shows it, or null.
    static nlohmann::json ActiveCard(Session& admin, std::string_view community) {
        const HttpResponse listed = admin.Get(
            std::string(kCards) + "?active=true&community=" + std::to_string(UnitId(community)));
        const auto& items = listed.json.at("items");
        return items.empty() ? nlohmann::json() : items.front();
    }

    static HttpResponse DirectCardCase(std::string_view director) {
        Session session = LogIn(director);
        return session.Post("/api/v1/cases",
                            CaseBody("direct_card")
                                .Title("直通卡：小区供水管道破裂")
                                .Set("directCard", {{"unitId", UnitId(codes::kHousingBureau)}})
                                .json());
    }
};

TEST_F(DirectCardsApiTest, TheSeededCardIsListedWithItsCommunityAndHolder) {
    Session admin = LogIn("admin");
    const nlohmann::json card = ActiveCard(admin, codes::kYongqian);
    ASSERT_TRUE(card.is_object());
    EXPECT_EQ(card.at("number"), "ZTK-220204001001");
    EXPECT_EQ(card.at("community").at("code").get<std::string>(), std::string(codes::kYongqian));
    EXPECT_EQ(card.at("community").at("level"), "community");
    EXPECT_EQ(card.at("holder").at("username"), "director");
    EXPECT_TRUE(card.at("active").get<bool>());
    EXPECT_TRUE(card.at("issuedAt").is_string());
    EXPECT_TRUE(card.at("revokedAt").is_null());

    EXPECT_THAT(admin.Get(std::string(kCards) + "?active=maybe&community=x"),
                IsError(422, "validation.failed"));
    Session office = LogIn("city-office");
    EXPECT_THAT(office.Get(std::string(kCards)), IsError(403, "auth.forbidden"));
    EXPECT_THAT(office.Post(kCards, {{"communityId", UnitId(kDongchangzhai)}, {"holderId", 1}}),
                IsError(403, "auth.forbidden"));
}

TEST_F(DirectCardsApiTest, IssuingChecksTheCommunityTheDirectorAndTheScope) {
    Session admin = LogIn("admin");
    const std::int64_t director = UserIdOf(admin, kDongchangzhaiDirector);
    const std::int64_t community = UnitId(kDongchangzhai);

    EXPECT_THAT(FieldErrors(admin.Post(kCards, {{"communityId", UnitId(codes::kXinghuaStreet)},
                                                {"holderId", director}})),
                ElementsAre(Pair("communityId", "not_community")));
    EXPECT_THAT(FieldErrors(admin.Post(kCards, {{"communityId", community},
                                                {"holderId", UserIdOf(admin, "director")}})),
                ElementsAre(Pair("holderId", "not_director")))
        << "Yongqian's director does not direct Dongchangzhai";
    EXPECT_THAT(FieldErrors(admin.Post(kCards, {{"communityId", community}, {"colour", "red"}})),
                ElementsAre(Pair("holderId", "required"), Pair("colour", "unknown_field")));

    Session district_admin = LogIn(kChangyiAdmin);
    EXPECT_THAT(district_admin.Post(kCards, {{"communityId", UnitId(codes::kYongqian)},
                                             {"holderId", UserIdOf(admin, "director")}}),
                IsError(403, "org.outside_scope"));

    const HttpResponse issued =
        district_admin.Post(kCards, {{"communityId", community}, {"holderId", director}});
    ASSERT_THAT(issued, HasStatus(201));
    EXPECT_EQ(issued.json.at("number"), "ZTK-220202001001") << "a first card has the seed's form";
    EXPECT_EQ(issued.json.at("holder").at("id"), director);
    EXPECT_THAT(admin.Post(kCards, {{"communityId", community}, {"holderId", director}}),
                IsError(409, "direct_card.community_has_card"));

    // The district's administrator sees the cards of the district only.
    const auto numbers =
        Strings(district_admin.Get(std::string(kCards)).json.at("items"), "number");
    EXPECT_THAT(numbers, Contains("ZTK-220202001001"));
    EXPECT_THAT(numbers, Not(Contains("ZTK-220204001001")));
    const nlohmann::json yongqian = ActiveCard(admin, codes::kYongqian);
    ASSERT_TRUE(yongqian.is_object());
    EXPECT_THAT(district_admin.Post(CardPath(IdOf(yongqian), "revoke"), nlohmann::json::object()),
                IsError(403, "org.outside_scope"));
}

TEST_F(DirectCardsApiTest, ARevokedCardStopsDirectCardIntakeAtOnce) {
    Session admin = LogIn("admin");
    ASSERT_THAT(DirectCardCase("director"), HasStatus(201));
    const nlohmann::json card = ActiveCard(admin, codes::kYongqian);
    ASSERT_TRUE(card.is_object());

    const HttpResponse revoked =
        admin.Post(CardPath(IdOf(card), "revoke"), nlohmann::json::object());
    ASSERT_THAT(revoked, HasStatus(200));
    EXPECT_FALSE(revoked.json.at("active").get<bool>());
    EXPECT_TRUE(revoked.json.at("revokedAt").is_string());
    EXPECT_THAT(admin.Post(CardPath(IdOf(card), "revoke"), nlohmann::json::object()),
                IsError(409, "direct_card.revoked"));
    EXPECT_THAT(admin.Post(CardPath(987654, "revoke"), nlohmann::json::object()),
                IsError(404, "direct_card.not_found"));

    const HttpResponse refused = DirectCardCase("director");
    EXPECT_THAT(refused, IsError(422, "validation.failed"));
    EXPECT_THAT(FieldErrors(refused), ElementsAre(Pair("directCard", "not_active")));

    // A card issued again carries the community's next number and works at once.
    const HttpResponse reissued = admin.Post(kCards, {{"communityId", UnitId(codes::kYongqian)},
                                                      {"holderId", UserIdOf(admin, "director")}});
    ASSERT_THAT(reissued, HasStatus(201));
    EXPECT_EQ(reissued.json.at("number"), "ZTK-220204001001-2");
    EXPECT_THAT(DirectCardCase("director"), HasStatus(201));
}

TEST_F(DirectCardsApiTest, ReassigningRevokesTheOldCardAndIssuesANewOneInOneStep) {
    Session admin = LogIn("admin");
    const nlohmann::json card = ActiveCard(admin, codes::kYongqian);
    ASSERT_TRUE(card.is_object());
    const std::string reassign = CardPath(IdOf(card), "reassign");

    EXPECT_THAT(FieldErrors(admin.Post(reassign, {{"holderId", UserIdOf(admin, "unit-handler")}})),
                ElementsAre(Pair("holderId", "not_director")));
    EXPECT_EQ(IdOf(ActiveCard(admin, codes::kYongqian)), IdOf(card)) << "nothing changed";

    const std::int64_t second = UserIdOf(admin, kSecondDirector);
    const HttpResponse moved = admin.Post(reassign, {{"holderId", second}});
    ASSERT_THAT(moved, HasStatus(201));
    EXPECT_EQ(moved.json.at("holder").at("id"), second);
    EXPECT_EQ(moved.json.at("community").at("code").get<std::string>(),
              std::string(codes::kYongqian));
    EXPECT_NE(moved.json.at("number"), card.at("number"));
    EXPECT_THAT(moved.json.at("number").get<std::string>(),
                StartsWith("ZTK-" + std::string(codes::kYongqian) + "-"))
        << "a reissued card keeps its community's code";
    EXPECT_EQ(IdOf(ActiveCard(admin, codes::kYongqian)), IdOf(moved.json));
    const auto revoked = admin.Get(std::string(kCards) + "?active=false&community=" +
                                   std::to_string(UnitId(codes::kYongqian)));
    EXPECT_FALSE(
        FindBy(revoked.json.at("items"), "number", card.at("number").get<std::string>()).is_null());

    EXPECT_THAT(FieldErrors(DirectCardCase("director")),
                ElementsAre(Pair("directCard", "not_active")));
    EXPECT_THAT(DirectCardCase(kSecondDirector), HasStatus(201));
    EXPECT_THAT(admin.Post(reassign, {{"holderId", second}}), IsError(409, "direct_card.revoked"));
}

}  // namespace
}  // namespace minqing::tests
