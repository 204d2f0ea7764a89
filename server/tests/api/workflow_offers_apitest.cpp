// What the case offers is what works: for a case in every state the workflow reaches, held at
// every level, and for every demo account (each is a different relation to the case: holder
// office, holder unit, lead and assisting unit, dispatcher, leader, supervising office,
// creator), every action the case's `actions` lists succeeds when sent with a valid body, and
// every action it does not list is refused and changes nothing. The web app draws its buttons
// from the same list.
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "support/api_test.hpp"
#include "support/case_body.hpp"

namespace minqing::tests {
namespace {

// Every action a case may list (attach is taken by uploading a file, not at .../actions/).
constexpr std::string_view kActions[] = {
    "accept",
    "decline",
    "merge",
    "forward",
    "dispatch",
    "handle_locally",
    "recall",
    "sign",
    "request_return",
    "approve_return",
    "refuse_return",
    "contact_reporter",
    "request_extension",
    "approve_extension",
    "refuse_extension",
    "escalate",
    "instruct",
    "commit_long_term",
    "answer",
    "approve_answer",
    "return_for_rework",
    "follow_up",
    "reopen",
    "close",
    "withdraw",
    "handover",
    "supervise",
    "assist",
    "assign",
    "approve_unit_answer",
    "reject_unit_answer",
};

// Every demo account, and a handler of the assisting heating company.
constexpr std::string_view kAccounts[] = {
    "grid-worker", "community-staff", "street-office", "district-office",
    "city-office", "unit-handler",    "unit-leader",   "heating-handler",
    "leader",      "inspector",       "director",      "cadre",
};

class WorkflowOffersApiTest : public ApiTest {
  protected:
    static void SetUpTestSuite() {
        StartServer({}, [] {
            Session admin = LogIn("admin");
            GrantRole(admin, CreateUser(admin, "heating-handler"), "unit_handler",
                      UnitId(codes::kHeatingGroup));
            handler_user_id_ = UserIdOf(admin, "unit-handler");
        });
    }

    void SetUp() override {
        ApiTest::SetUp();
        for (const std::string_view account : kAccounts) {
            if (!sessions_.contains(account)) {
                sessions_.emplace(std::string(account), LogIn(account));
            }
        }
    }

    static void TearDownTestSuite() {
        sessions_.clear();
        ApiTest::TearDownTestSuite();
    }

    static Session& As(std::string_view account) { return sessions_.find(account)->second; }

    // --- cases in each state ------------------------------------------------------------

    static std::int64_t GridReport() {
        return IdOf(CreateCase(As("grid-worker"), CaseBody("grid")
                                                      .Title("楼道暖气管漏水，地面结冰")
                                                      .GridId(UnitId(codes::kYongqianGrid1))
                                                      .Address("永前社区5号楼")));
    }
    static std::int64_t Move(std::int64_t id, std::string_view account, std::string_view action,
                             const nlohmann::json& body = nlohmann::json::object()) {
        MoveCase(As(account), id, action, body);
        return id;
    }
    static std::int64_t RoutingAtCommunity() {
        return Move(GridReport(), "community-staff", "accept");
    }
    static std::int64_t RoutingAtStreet() {
        return Move(RoutingAtCommunity(), "community-staff", "forward");
    }
    static std::int64_t RoutingAtDistrict() {
        return Move(RoutingAtStreet(), "street-office", "forward");
    }
    static std::int64_t RoutingAtCity() {
        const std::int64_t id = IdOf(CreateCase(
            As("city-office"),
            CaseBody("walk_in").Title("小区供暖温度不达标").GridId(UnitId(codes::kYongqianGrid1))));
        return Move(id, "city-office", "accept");
    }
    static std::int64_t DispatchedToHousing() {
        return Move(RoutingAtCity(), "city-office", "dispatch",
                    {{"targetId", UnitId(codes::kHousingBureau)},
                     {"assistingIds", {UnitId(codes::kHeatingGroup)}},
                     {"method", "network"}});
    }
    static std::int64_t HandlingAtHousing() {
        return Move(DispatchedToHousing(), "unit-handler", "sign");
    }
    // The handler drafts; the unit's 分管领导 signs it, so it leaves the unit.
    static std::int64_t DraftedAtHousing() {
        return Move(HandlingAtHousing(), "unit-handler", "answer",
                    {{"result", "solved"}, {"answerText", "已协调热力集团更换阀门，室温达标。"}});
    }
    static std::int64_t Answered() {
        return Move(DraftedAtHousing(), "unit-leader", "approve_unit_answer");
    }
    static std::int64_t InFollowUp() { return Move(Answered(), "city-office", "approve_answer"); }

    struct Recipe {
        std::string_view name;
        std::function<std::int64_t()> make;
    };

    static const std::vector<Recipe>& Recipes() {
        static const std::vector<Recipe> recipes = {
            {"registered_at_community", [] { return GridReport(); }},
            {"routing_at_community", [] { return RoutingAtCommunity(); }},
            {"routing_at_street", [] { return RoutingAtStreet(); }},
            {"routing_at_district", [] { return RoutingAtDistrict(); }},
            {"routing_at_city", [] { return RoutingAtCity(); }},
            {"routing_at_street_sent_down_by_the_district",
             [] {
                 return Move(RoutingAtDistrict(), "district-office", "dispatch",
                             {{"targetId", UnitId(codes::kDeshengStreet)}, {"method", "network"}});
             }},
            {"handled_by_the_community",
             [] { return Move(RoutingAtCommunity(), "community-staff", "handle_locally"); }},
            {"dispatched", [] { return DispatchedToHousing(); }},
            {"return_requested",
             [] {
                 return Move(
                     DispatchedToHousing(), "unit-handler", "request_return",
                     {{"reason", "供热属热力集团职责"}, {"legalBasis", "《吉林市供热条例》"}});
             }},
            {"handling", [] { return HandlingAtHousing(); }},
            {"answer_drafted_in_the_unit", [] { return DraftedAtHousing(); }},
            {"extension_requested",
             [] {
                 return Move(HandlingAtHousing(), "unit-handler", "request_extension",
                             {{"reason", "需更换主管道"}, {"extensionDays", 2}});
             }},
            {"escalated", [] { return Move(HandlingAtHousing(), "unit-handler", "escalate"); }},
            {"long_term",
             [] {
                 return Move(HandlingAtHousing(), "unit-handler", "commit_long_term",
                             {{"reason", "纳入明年管网改造"}, {"committedDate", ChinaDate(60)}});
             }},
            {"answered", [] { return Answered(); }},
            {"follow_up", [] { return InFollowUp(); }},
            {"closed",
             [] {
                 return Move(
                     InFollowUp(), "city-office", "follow_up",
                     {{"contacted", true}, {"solved", true}, {"satisfaction", "satisfied"}});
             }},
            {"declined",
             [] {
                 return Move(RoutingAtCity(), "city-office", "decline",
                             {{"reason", "属司法程序"}, {"legalBasis", "《信访工作条例》"}});
             }},
            {"withdrawn",
             [] {
                 return Move(RoutingAtCity(), "city-office", "withdraw", {{"reason", "居民撤回"}});
             }},
        };
        return recipes;
    }

    // A valid body for `action` on the case `c` as it is now.
    static nlohmann::json ValidBody(std::string_view action, const nlohmann::json& c) {
        const std::int64_t holder = c["holderId"];
        if (action == "decline" || action == "request_return") {
            return {{"reason", "不属于本单位职责"}, {"legalBasis", "《吉林市供热条例》第十条"}};
        }
        if (action == "merge") {
            return {{"masterCaseId", master_id_}, {"confirm", true}};
        }
        if (action == "dispatch") {
            std::string_view target = codes::kHousingBureau;
            if (holder == UnitId(codes::kChuanying)) {
                target = codes::kChuanyingHousing;
            } else if (holder == UnitId(codes::kDeshengStreet)) {
                target = codes::kYongqian;
            }
            return {{"targetId", UnitId(target)}, {"method", "network"}};
        }
        if (action == "refuse_return" || action == "refuse_extension" ||
            action == "return_for_rework" || action == "reopen" || action == "withdraw" ||
            action == "reject_unit_answer") {
            return {{"reason", "请补充办理情况"}};
        }
        if (action == "contact_reporter" || action == "instruct" || action == "supervise" ||
            action == "assist") {
            return {{"note", "已电话联系，约定明日上门"}};
        }
        if (action == "request_extension") {
            return {{"reason", "需协调施工"}, {"extensionDays", 1}};
        }
        if (action == "commit_long_term") {
            return {{"reason", "纳入改造计划"}, {"committedDate", ChinaDate(60)}};
        }
        if (action == "answer") {
            return {{"result", "solved"}, {"answerText", "已维修完毕。"}};
        }
        if (action == "follow_up") {
            return {{"contacted", true}, {"solved", true}, {"satisfaction", "satisfied"}};
        }
        if (action == "handover") {
            return {{"targetId", UnitId(codes::kHotline12345)}, {"method", "network"}};
        }
        if (action == "assign") {
            return {{"assigneeId", handler_user_id_}};
        }
        return nlohmann::json::object();
    }

    static inline std::map<std::string, Session, std::less<>> sessions_;
    static inline std::int64_t handler_user_id_ = 0;
    static inline std::int64_t master_id_ = 0;
};

TEST_F(WorkflowOffersApiTest, EveryListedActionWorksAndEveryOtherIsRefused) {
    master_id_ = RoutingAtCommunity();  // an open case every office of its line can see
    int listed = 0;
    int refused = 0;
    for (const Recipe& recipe : Recipes()) {
        const std::int64_t shared = recipe.make();
        for (const std::string_view account : kAccounts) {
            SCOPED_TRACE(std::string(recipe.name) + " as " + std::string(account));
            const HttpResponse seen = As(account).Get(CasePath(shared));
            ASSERT_TRUE(seen.status == 200 || seen.status == 404) << seen.body;
            const nlohmann::json offered =
                seen.status == 200 ? seen.json["actions"] : nlohmann::json::array();
            for (const std::string_view action : kActions) {
                const bool is_offered =
                    std::find(offered.begin(), offered.end(), action) != offered.end();
                if (is_offered) {
                    // Each offered action on a fresh case in the same state.
                    const std::int64_t fresh = recipe.make();
                    const nlohmann::json before = As(account).Get(CasePath(fresh)).json;
                    const HttpResponse taken =
                        As(account).Post(ActionPath(fresh, action), ValidBody(action, before));
                    EXPECT_EQ(taken.status, 200) << action << " was offered: " << taken.body;
                    ++listed;
                    continue;
                }
                const nlohmann::json before = seen.status == 200 ? seen.json : nlohmann::json{};
                const HttpResponse taken = As(account).Post(
                    ActionPath(shared, action),
                    ValidBody(action,
                              seen.status == 200 ? seen.json : nlohmann::json{{"holderId", 0}}));
                EXPECT_TRUE(taken.status == 403 || taken.status == 404 || taken.status == 409)
                    << action << " was not offered, yet answered " << taken.status << ": "
                    << taken.body;
                ++refused;
            }
            if (seen.status == 200) {
                const HttpResponse after = As(account).Get(CasePath(shared));
                EXPECT_EQ(after.json["version"], seen.json["version"]) << "a refusal changed it";
            }
        }
    }
    // The count the closing note reports: (state, account, action) triples checked.
    RecordProperty("listed", listed);
    RecordProperty("refused", refused);
    std::printf("checked %d offered and %d refused (case, account, action) triples\n", listed,
                refused);
    EXPECT_GT(listed, 100);
}

}  // namespace
}  // namespace minqing::tests
