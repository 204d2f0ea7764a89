// The org network: the tree, filtered lists, the member-unit directory every role may read,
// and the admin's edits (create, update, deactivate) with their rules.
#include <string>

#include "support/api_test.hpp"

namespace minqing::tests {
namespace {

using ::testing::Contains;
using ::testing::Each;
using ::testing::IsSupersetOf;
using ::testing::Not;
using ::testing::Pair;
using ::testing::UnorderedElementsAre;

// A small valid GeoJSON polygon inside 永前社区.
nlohmann::json Square() {
    return {{"type", "Polygon"},
            {"coordinates",
             {{{126.4522, 43.9251},
               {126.4530, 43.9251},
               {126.4530, 43.9259},
               {126.4522, 43.9259},
               {126.4522, 43.9251}}}}};
}

std::string UnitPath(std::int64_t id) {
    return "/api/v1/org/units/" + std::to_string(id);
}

class OrgApiTest : public ApiTest {
  protected:
    // A new grid under 永前社区 (a leaf), created by the city admin.
    static HttpResponse CreateGrid(Session& admin, std::string_view code) {
        return admin.Post("/api/v1/org/units", {{"code", code},
                                                {"name", "测试网格 " + std::string(code)},
                                                {"parentId", UnitId(codes::kYongqian)}});
    }
};

TEST_F(OrgApiTest, TreeWithoutCredentialsIs401) {
    HttpClient client = Anonymous();

    HttpResponse response = client.Get("/api/v1/org/tree");

    EXPECT_THAT(response, IsError(401, "auth.required"));
}

TEST_F(OrgApiTest, TreeIsTheCityWithItsDistrictsAndDevelopmentZones) {
    Session session = LogIn("city-office");

    HttpResponse response = session.Get("/api/v1/org/tree");

    ASSERT_THAT(response, HasStatus(200));
    nlohmann::json& roots = response.json["items"];
    ASSERT_EQ(roots.size(), 1u) << "the city is the only root";
    EXPECT_EQ(roots[0]["name"], "吉林市");
    EXPECT_THAT(Strings(roots[0]["children"], "name"),
                IsSupersetOf({"昌邑区", "龙潭区", "船营区", "丰满区", "吉林经济开发区",
                              "吉林高新技术产业开发区"}));
}

TEST_F(OrgApiTest, TreeNestsStreetsBelowTheirDistrict) {
    Session session = LogIn("city-office");

    HttpResponse response = session.Get("/api/v1/org/tree");

    ASSERT_THAT(response, HasStatus(200));
    nlohmann::json chuanying = FindBy(response.json["items"][0]["children"], "name", "船营区");
    ASSERT_TRUE(chuanying.is_object());
    EXPECT_THAT(Strings(chuanying["children"], "name"), Contains("德胜街道"));
}

// depth=1 below a district is what the UI loads when a district node is expanded: its streets
// (and the district's member units), nothing deeper.
TEST_F(OrgApiTest, TreeBelowARootToDepthOneHasOnlyThatRootsChildren) {
    Session session = LogIn("city-office");

    HttpResponse response = session.Get(
        "/api/v1/org/tree?root=" + std::to_string(UnitId(codes::kChuanying)) + "&depth=1");

    ASSERT_THAT(response, HasStatus(200));
    nlohmann::json& roots = response.json["items"];
    EXPECT_EQ(Strings(roots, "name"), std::vector<std::string>{"船营区"})
        << "units deeper than the depth must not come back as extra roots";
    ASSERT_FALSE(roots.empty());
    nlohmann::json& children = roots[0]["children"];
    EXPECT_THAT(Strings(children, "name"), IsSupersetOf({"德胜街道", "南京街道"}));
    for (auto& child : children) {
        EXPECT_TRUE(child["children"].empty()) << child["name"];
        if (child["kind"] == "division") {
            EXPECT_EQ(child["level"], "street") << child["name"];
        }
    }
}

TEST_F(OrgApiTest, TreeBelowAnUnknownRootIs404) {
    Session session = LogIn("city-office");

    HttpResponse response = session.Get("/api/v1/org/tree?root=987654321");

    EXPECT_THAT(response, IsError(404, "org.unit_not_found"));
}

TEST_F(OrgApiTest, TreeDepthOutOfRangeIs422) {
    Session session = LogIn("city-office");

    HttpResponse response = session.Get("/api/v1/org/tree?depth=11");

    EXPECT_THAT(response, IsError(422, "validation.failed"));
    EXPECT_THAT(FieldErrors(response), UnorderedElementsAre(Pair("depth", "invalid")));
}

TEST_F(OrgApiTest, UnitsFilteredByLevelAndParentAreThatDistrictsStreets) {
    Session session = LogIn("street-office");
    const std::int64_t chuanying = UnitId(codes::kChuanying);

    HttpResponse response =
        session.Get("/api/v1/org/units?level=street&parent=" + std::to_string(chuanying));

    ASSERT_THAT(response, HasStatus(200));
    nlohmann::json& items = response.json["items"];
    EXPECT_THAT(Strings(items, "name"), Contains("德胜街道"));
    EXPECT_THAT(Strings(items, "level"), Each("street"));
    for (const auto& item : items) {
        EXPECT_EQ(item["parentId"], chuanying) << item["name"];
    }
}

TEST_F(OrgApiTest, UnitsWithBadFiltersAre422ListingEach) {
    Session session = LogIn("street-office");

    HttpResponse response = session.Get("/api/v1/org/units?level=planet&kind=moon&parent=abc");

    EXPECT_THAT(response, IsError(422, "validation.failed"));
    EXPECT_THAT(FieldErrors(response),
                UnorderedElementsAre(Pair("level", "invalid"), Pair("kind", "invalid"),
                                     Pair("parent", "invalid")));
}

TEST_F(OrgApiTest, UnitByIdHasItsDetails) {
    Session session = LogIn("grid-worker");

    HttpResponse response = session.Get(UnitPath(UnitId(codes::kDeshengStreet)));

    ASSERT_THAT(response, HasStatus(200));
    EXPECT_EQ(response.json["name"], "德胜街道");
    EXPECT_EQ(response.json["level"], "street");
    EXPECT_EQ(response.json["kind"], "division");
    EXPECT_EQ(response.json["parentId"], UnitId(codes::kChuanying));
}

TEST_F(OrgApiTest, MissingUnitIs404) {
    Session session = LogIn("grid-worker");

    HttpResponse response = session.Get(UnitPath(987654321));

    EXPECT_THAT(response, IsError(404, "org.unit_not_found"));
}

// A client cannot tell a non-numeric id from a missing one, and the front end translates one
// reason for both.
TEST_F(OrgApiTest, NonNumericUnitIdIs404LikeAMissingOne) {
    Session session = LogIn("grid-worker");

    HttpResponse response = session.Get("/api/v1/org/units/not-a-number");

    EXPECT_THAT(response, IsError(404, "org.unit_not_found"));
}

TEST_F(OrgApiTest, DirectoryListsHousingBureauWithItsContacts) {
    Session session = LogIn("community-staff");

    HttpResponse response = session.Get("/api/v1/org/directory");

    ASSERT_THAT(response, HasStatus(200));
    nlohmann::json bureau = FindBy(response.json["items"], "name", "吉林市住房和城乡建设局");
    ASSERT_TRUE(bureau.is_object()) << "吉林市住房和城乡建设局 is missing";
    EXPECT_EQ(bureau["hotline"], "0432-60466509");
    EXPECT_EQ(bureau["responsibleSection"], "物业管理科");
    EXPECT_EQ(bureau["leaderInCharge"], "分管副局长");
    EXPECT_THAT(Strings(bureau["handlers"], "name"), UnorderedElementsAre("宋浩然", "于晓东"));
    EXPECT_THAT(Strings(bureau["handlers"], "phone"), Each(Not("")));
}

TEST_F(OrgApiTest, DirectoryHoldsMemberUnitsOnly) {
    Session session = LogIn("community-staff");

    HttpResponse response = session.Get("/api/v1/org/directory");

    ASSERT_THAT(response, HasStatus(200));
    EXPECT_THAT(Strings(response.json["items"], "kind"), Each("unit"));
}

// The document requires member units to reach each other around the clock: every role reads
// the directory.
class DirectoryByRoleApiTest : public ApiTest, public ::testing::WithParamInterface<DemoAccount> {};

TEST_P(DirectoryByRoleApiTest, ReadsTheDirectory) {
    Session session = LogIn(GetParam().username);

    HttpResponse response = session.Get("/api/v1/org/directory");

    ASSERT_THAT(response, HasStatus(200));
    EXPECT_THAT(Strings(response.json["items"], "name"), Contains("吉林市住房和城乡建设局"));
}

INSTANTIATE_TEST_SUITE_P(EveryDemoRole, DirectoryByRoleApiTest, ::testing::ValuesIn(DemoAccounts()),
                         [](const ::testing::TestParamInfo<DemoAccount>& param_info) {
                             return std::string(param_info.param.role);
                         });

TEST_F(OrgApiTest, AdminCreatesAGridUnderACommunity) {
    Session admin = LogIn("admin");

    HttpResponse response = admin.Post("/api/v1/org/units", {{"code", "apitest-grid-create"},
                                                             {"name", "永前社区第九网格"},
                                                             {"parentId", UnitId(codes::kYongqian)},
                                                             {"boundary", Square()}});

    ASSERT_THAT(response, HasStatus(201));
    EXPECT_EQ(response.json["level"], "grid");
    EXPECT_EQ(response.json["kind"], "division");
    EXPECT_EQ(response.json["parentId"], UnitId(codes::kYongqian));
    EXPECT_EQ(response.json["boundary"], Square());
    EXPECT_EQ(response.json["active"], true);
}

TEST_F(OrgApiTest, DuplicateCodeIs409) {
    Session admin = LogIn("admin");
    ASSERT_THAT(CreateGrid(admin, "apitest-grid-twice"), HasStatus(201));

    HttpResponse response = CreateGrid(admin, "apitest-grid-twice");

    EXPECT_THAT(response, IsError(409, "org.code_taken"));
}

TEST_F(OrgApiTest, BoundaryThatIsNoPolygonIs422) {
    Session admin = LogIn("admin");
    const nlohmann::json open_ring = {{"type", "Polygon"},
                                      {"coordinates", {{{126.45, 43.92}, {126.46, 43.93}}}}};

    HttpResponse response = admin.Post("/api/v1/org/units", {{"code", "apitest-grid-bad-shape"},
                                                             {"name", "边界不对"},
                                                             {"parentId", UnitId(codes::kYongqian)},
                                                             {"boundary", open_ring}});

    EXPECT_THAT(response, IsError(422, "validation.failed"));
    EXPECT_THAT(FieldErrors(response), UnorderedElementsAre(Pair("boundary", "invalid")));
}

TEST_F(OrgApiTest, GridPlacedUnderAStreetIs422BadParent) {
    Session admin = LogIn("admin");

    HttpResponse response =
        admin.Post("/api/v1/org/units", {{"code", "apitest-grid-misplaced"},
                                         {"name", "放错层级的网格"},
                                         {"level", "grid"},
                                         {"parentId", UnitId(codes::kDeshengStreet)}});

    EXPECT_THAT(response, IsError(422, "validation.failed"));
    EXPECT_THAT(FieldErrors(response), Contains(Pair("parentId", "org.bad_parent")));
}

TEST_F(OrgApiTest, UnknownParentIs404) {
    Session admin = LogIn("admin");

    HttpResponse response =
        admin.Post("/api/v1/org/units",
                   {{"code", "apitest-orphan"}, {"name", "无上级"}, {"parentId", 987654321}});

    EXPECT_THAT(response, IsError(404, "org.parent_not_found"));
}

TEST_F(OrgApiTest, CreateWithBadValuesIs422ListingEach) {
    Session admin = LogIn("admin");

    HttpResponse response =
        admin.Post("/api/v1/org/units",
                   {{"code", "has spaces"}, {"name", ""}, {"kind", "planet"}, {"parentId", "one"}});

    EXPECT_THAT(response, IsError(422, "validation.failed"));
    EXPECT_THAT(FieldErrors(response),
                IsSupersetOf({Pair("kind", "invalid"), Pair("parentId", "type")}));
}

TEST_F(OrgApiTest, PatchUpdatesTheHotline) {
    Session admin = LogIn("admin");
    const std::int64_t bureau = UnitId(codes::kSportsBureau);

    HttpResponse response = admin.Patch(UnitPath(bureau), {{"hotline", "0432-12345678"}});

    ASSERT_THAT(response, HasStatus(200));
    EXPECT_EQ(response.json["hotline"], "0432-12345678");
    EXPECT_EQ(admin.Get(UnitPath(bureau)).json["hotline"], "0432-12345678");
}

TEST_F(OrgApiTest, PatchLeavesFieldsItDoesNotNameAlone) {
    Session admin = LogIn("admin");
    const std::int64_t bureau = UnitId(codes::kSportsBureau);
    HttpResponse before = admin.Get(UnitPath(bureau));

    HttpResponse response = admin.Patch(UnitPath(bureau), {{"leaderInCharge", "分管副局长（代）"}});

    ASSERT_THAT(response, HasStatus(200));
    EXPECT_EQ(response.json["name"], before.json["name"]);
    EXPECT_EQ(response.json["responsibleSection"], before.json["responsibleSection"]);
    EXPECT_EQ(response.json["handlers"], before.json["handlers"]);
}

TEST_F(OrgApiTest, PatchWithUnknownFieldIs422) {
    Session admin = LogIn("admin");

    HttpResponse response =
        admin.Patch(UnitPath(UnitId(codes::kSportsBureau)), {{"hotLine", "0432-12345678"}});

    EXPECT_THAT(response, IsError(422, "validation.failed"));
    EXPECT_THAT(FieldErrors(response), UnorderedElementsAre(Pair("hotLine", "unknown_field")));
}

TEST_F(OrgApiTest, PatchOfMissingUnitIs404) {
    Session admin = LogIn("admin");

    HttpResponse response = admin.Patch(UnitPath(987654321), {{"hotline", "0432-12345678"}});

    EXPECT_THAT(response, IsError(404, "org.unit_not_found"));
}

// Cases and accounts hang off units, so a unit with live children cannot go away beneath them.
TEST_F(OrgApiTest, DeactivatingAUnitWithActiveChildrenIs409) {
    Session admin = LogIn("admin");

    HttpResponse response =
        admin.Post(UnitPath(UnitId(codes::kYongqian)) + "/deactivate", nlohmann::json::object());

    EXPECT_THAT(response, IsError(409, "org.has_active_children"));
}

TEST_F(OrgApiTest, DeactivatedLeafLeavesTheDefaultListButNotTheInactiveOne) {
    Session admin = LogIn("admin");
    HttpResponse grid = CreateGrid(admin, "apitest-grid-retire");
    ASSERT_THAT(grid, HasStatus(201));
    HttpResponse deactivated = admin.Post(
        UnitPath(grid.json["id"].get<std::int64_t>()) + "/deactivate", nlohmann::json::object());
    ASSERT_THAT(deactivated, HasStatus(200));
    EXPECT_EQ(deactivated.json["active"], false);
    const std::string list =
        "/api/v1/org/units?level=grid&parent=" + std::to_string(UnitId(codes::kYongqian));

    HttpResponse active = admin.Get(list);
    HttpResponse all = admin.Get(list + "&includeInactive=true");

    ASSERT_THAT(active, HasStatus(200));
    ASSERT_THAT(all, HasStatus(200));
    EXPECT_THAT(Strings(active.json["items"], "code"), Not(Contains("apitest-grid-retire")));
    EXPECT_THAT(Strings(all.json["items"], "code"), Contains("apitest-grid-retire"));
}

class OrgWriteForbiddenApiTest : public OrgApiTest {};

TEST_F(OrgWriteForbiddenApiTest, CityOfficeCannotCreateUnits) {
    Session office = LogIn("city-office");

    HttpResponse response = CreateGrid(office, "apitest-office-grid");

    EXPECT_THAT(response, IsError(403, "auth.forbidden"));
}

TEST_F(OrgWriteForbiddenApiTest, CityOfficeCannotUpdateUnits) {
    Session office = LogIn("city-office");

    HttpResponse response =
        office.Patch(UnitPath(UnitId(codes::kSportsBureau)), {{"hotline", "0432-00000000"}});

    EXPECT_THAT(response, IsError(403, "auth.forbidden"));
}

TEST_F(OrgWriteForbiddenApiTest, CityOfficeCannotDeactivateUnits) {
    Session office = LogIn("city-office");

    HttpResponse response = office.Post(UnitPath(UnitId(codes::kSportsBureau)) + "/deactivate",
                                        nlohmann::json::object());

    EXPECT_THAT(response, IsError(403, "auth.forbidden"));
}

TEST_F(OrgWriteForbiddenApiTest, DistrictAdminCannotCreateUnitsInAnotherDistrict) {
    Session admin = LogIn("admin");
    const std::int64_t id = CreateUser(admin, "chuanying-org-admin");
    GrantRole(admin, id, "admin", UnitId(codes::kChuanying));
    Session district_admin = LogIn("chuanying-org-admin");

    HttpResponse response =
        district_admin.Post("/api/v1/org/units", {{"code", "apitest-changyi-community"},
                                                  {"name", "别区社区"},
                                                  {"parentId", UnitId(codes::kXinghuaStreet)}});

    EXPECT_THAT(response, IsError(403, "org.outside_scope"));
}

}  // namespace
}  // namespace minqing::tests
