// The subject categories and the dispatch catalogue through the API: administrators add and
// edit categories and rules with every field checked; intake and the routing suggestion see
// an edit on the next request.
#include <string>

#include "support/api_test.hpp"
#include "support/case_body.hpp"

namespace minqing::tests {
namespace {

using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::Not;
using ::testing::Pair;

constexpr std::string_view kCategories = "/api/v1/categories";
constexpr std::string_view kCatalogue = "/api/v1/dispatch-catalogue";
// As strings, to sit in JSON bodies and compare with JSON values.
const std::string kHousing(codes::kHousingBureau);
const std::string kHeating(codes::kHeatingGroup);
constexpr std::string_view kDistrictAdmin = "chuanying-admin";

class CatalogApiTest : public ApiTest {
  protected:
    static void SetUpTestSuite() {
        StartServer({}, [] {
            Session admin = LogIn("admin");
            GrantRole(admin, CreateUser(admin, kDistrictAdmin), "admin", UnitId(codes::kChuanying));
        });
    }

    static HttpResponse WalkIn(Session& office, std::string_view category) {
        return office.Post(
            "/api/v1/cases",
            CaseBody("walk_in").Category(category).GridId(UnitId(codes::kYongqianGrid1)).json());
    }

    static nlohmann::json Suggestion(Session& city, std::int64_t id) {
        return city.Get(CasePath(id, "/routing-suggestion")).json;
    }
};

TEST_F(CatalogApiTest, CategoriesAreAddedWithCheckedCodesAndNames) {
    Session admin = LogIn("admin");
    const HttpResponse top = admin.Post(
        kCategories, {{"code", "15"}, {"name", "  营商环境  "}, {"keywords", {"营商", "办事难"}}});
    ASSERT_THAT(top, HasStatus(201));
    EXPECT_EQ(top.json.at("name"), "营商环境");
    EXPECT_TRUE(top.json.at("parentCode").is_null());
    EXPECT_EQ(top.json.at("keywords"), (nlohmann::json{"营商", "办事难"}));
    const HttpResponse child =
        admin.Post(kCategories, {{"code", "1501"}, {"name", "审批服务"}, {"parentCode", "15"}});
    ASSERT_THAT(child, HasStatus(201));
    EXPECT_EQ(child.json.at("parentCode"), "15");
    EXPECT_THAT(Strings(Anonymous().Get(std::string(kCategories)).json.at("items"), "code"),
                Contains("1501"));

    EXPECT_THAT(FieldErrors(admin.Post(kCategories,
                                       {{"code", "150"}, {"name", "x"}, {"parentCode", "15"}})),
                ElementsAre(Pair("code", "format")));
    EXPECT_THAT(FieldErrors(admin.Post(kCategories,
                                       {{"code", "1601"}, {"name", "x"}, {"parentCode", "15"}})),
                ElementsAre(Pair("code", "format")));
    EXPECT_THAT(FieldErrors(admin.Post(kCategories, {{"code", "1a"}, {"name", "x"}})),
                ElementsAre(Pair("code", "format")));
    EXPECT_THAT(FieldErrors(admin.Post(
                    kCategories, {{"code", "030199"}, {"name", "x"}, {"parentCode", "0301"}})),
                ElementsAre(Pair("code", "format"), Pair("parentCode", "unknown")));
    EXPECT_THAT(FieldErrors(admin.Post(kCategories, {{"code", "16"},
                                                     {"name", std::string(41, 'x')},
                                                     {"keywords", {"好", "a|b"}},
                                                     {"colour", "red"}})),
                ElementsAre(Pair("colour", "unknown_field")));
    EXPECT_THAT(FieldErrors(admin.Post(
                    kCategories,
                    {{"code", "16"}, {"name", std::string(41, 'x')}, {"keywords", {"好", "a|b"}}})),
                ElementsAre(Pair("name", "length"), Pair("keywords[1]", "invalid")));
    EXPECT_THAT(admin.Post(kCategories, {{"code", "0301"}, {"name", "供暖"}, {"parentCode", "03"}}),
                IsError(409, "category.code_taken"));

    Session office = LogIn("city-office");
    EXPECT_THAT(office.Post(kCategories, {{"code", "17"}, {"name", "x"}}),
                IsError(403, "auth.forbidden"));
    EXPECT_THAT(office.Patch(std::string(kCategories) + "/0301", {{"active", false}}),
                IsError(403, "auth.forbidden"));
    // The categories are the whole city's: a district's administrator does not change them.
    Session district = LogIn(kDistrictAdmin);
    EXPECT_THAT(district.Post(kCategories, {{"code", "17"}, {"name", "x"}}),
                IsError(403, "auth.forbidden"));
    EXPECT_THAT(district.Put(std::string(kCatalogue) + "/0301/district", {{"leadUnit", kHousing}}),
                IsError(403, "auth.forbidden"));
}

TEST_F(CatalogApiTest, ADeactivatedCategoryIsRefusedByTheNextIntake) {
    Session admin = LogIn("admin");
    Session office = LogIn("city-office");
    ASSERT_THAT(
        admin.Post(kCategories, {{"code", "0399"}, {"name", "其他公用事业"}, {"parentCode", "03"}}),
        HasStatus(201));
    ASSERT_THAT(WalkIn(office, "0399"), HasStatus(201));

    const std::string path = std::string(kCategories) + "/0399";
    const HttpResponse off = admin.Patch(path, {{"active", false}});
    ASSERT_THAT(off, HasStatus(200));
    EXPECT_FALSE(off.json.at("active").get<bool>());
    EXPECT_THAT(FieldErrors(WalkIn(office, "0399")), ElementsAre(Pair("categoryCode", "unknown")));
    EXPECT_THAT(Strings(Anonymous().Get(std::string(kCategories)).json.at("items"), "code"),
                Not(Contains("0399")));
    const auto all = Anonymous().Get(std::string(kCategories) + "?includeInactive=true").json;
    EXPECT_EQ(FindBy(all.at("items"), "code", "0399").at("active"), false);

    const HttpResponse on = admin.Patch(
        path, {{"active", true}, {"name", "其他公用设施"}, {"keywords", {"井盖", "路灯"}}});
    ASSERT_THAT(on, HasStatus(200));
    EXPECT_EQ(on.json.at("name"), "其他公用设施");
    EXPECT_EQ(on.json.at("keywords"), (nlohmann::json{"井盖", "路灯"}));
    EXPECT_THAT(WalkIn(office, "0399"), HasStatus(201));

    EXPECT_THAT(admin.Patch(std::string(kCategories) + "/7777", {{"active", true}}),
                IsError(404, "category.not_found"));
    EXPECT_THAT(FieldErrors(admin.Patch(path, {{"keywords", "井盖"}, {"parentCode", "04"}})),
                ElementsAre(Pair("keywords", "type"), Pair("parentCode", "unknown_field")));
}

TEST_F(CatalogApiTest, TheCatalogueIsReadByStaffAndItsEditsReachTheRoutingSuggestion) {
    Session admin = LogIn("admin");
    Session city = LogIn("city-office");
    const HttpResponse catalogue = LogIn("unit-handler").Get(std::string(kCatalogue));
    ASSERT_THAT(catalogue, HasStatus(200));
    bool heating = false;
    for (const auto& rule : catalogue.json.at("items")) {
        if (rule.at("categoryCode") == "0301" && rule.at("level") == "city") {
            heating = true;
            EXPECT_EQ(rule.at("leadUnit").get<std::string>(), kHousing);
            EXPECT_EQ(rule.at("assistingUnits"), (nlohmann::json{kHeating}));
        }
    }
    EXPECT_TRUE(heating) << catalogue.body;

    // A heating case waiting at the city office to be routed.
    const nlohmann::json created = CreateCase(
        city, CaseBody("walk_in").Category("0301").GridId(UnitId(codes::kYongqianGrid1)));
    const std::int64_t id = IdOf(created);
    EXPECT_EQ(Suggestion(city, id).at("lead").at("code").get<std::string>(), kHousing);

    const std::string rule = std::string(kCatalogue) + "/0301/city";
    const HttpResponse saved =
        admin.Put(rule, {{"leadUnit", kHeating}, {"assistingUnits", {kHousing}}});
    ASSERT_THAT(saved, HasStatus(200));
    EXPECT_EQ(saved.json.at("leadUnit").get<std::string>(), kHeating);
    const nlohmann::json suggestion = Suggestion(city, id);
    EXPECT_EQ(suggestion.at("lead").at("code").get<std::string>(), kHeating);
    EXPECT_EQ(Strings(suggestion.at("assisting"), "code"), (std::vector<std::string>{kHousing}));

    EXPECT_THAT(
        FieldErrors(admin.Put(
            rule, {{"leadUnit", "U{district}-99"}, {"assistingUnits", {kHousing, "U-nowhere"}}})),
        ElementsAre(Pair("leadUnit", "unknown_unit"), Pair("assistingUnits[1]", "unknown_unit")));
    EXPECT_THAT(
        admin.Put(std::string(kCatalogue) + "/0301/district", {{"leadUnit", "U{district}-02"}}),
        HasStatus(200));
    EXPECT_THAT(admin.Put(std::string(kCatalogue) + "/7777/city", {{"leadUnit", kHousing}}),
                IsError(404, "category.not_found"));
    EXPECT_THAT(admin.Put(std::string(kCatalogue) + "/0301/street", {{"leadUnit", kHousing}}),
                IsError(404, "dispatch_rule.level_not_found"));
    EXPECT_THAT(city.Put(rule, {{"leadUnit", kHousing}}), IsError(403, "auth.forbidden"));

    EXPECT_THAT(admin.Delete(rule), HasStatus(204));
    EXPECT_TRUE(Suggestion(city, id).at("lead").is_null());
    EXPECT_THAT(admin.Delete(rule), IsError(404, "dispatch_rule.not_found"));
}

}  // namespace
}  // namespace minqing::tests
