// Unit assessment (考核) through the API on both databases: the scheme's versions and their
// validation, a month's results with numerators and denominators of cases driven through the
// workflow here, who reads which rows, appeals in and out of their window, a closed period
// that later edits of cases and of the scheme leave unchanged, reopening with a reason, the log
// and the .xlsx export.
//
// The suite's cases are made this month; the suite then moves the server's clock into the next
// month, so that this month has ended. Tests run in the order written: the appeals change the
// month's numbers, so they come after the tests of its results; the test that closes the month
// and edits cases afterwards comes last.
#include <chrono>
#include <fstream>
#include <set>

#include "common/testing/command_output.hpp"
#include "common/testing/temp_directory.hpp"
#include "support/api_test.hpp"
#include "support/case_body.hpp"

namespace minqing::tests {
namespace {

using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::IsSupersetOf;
using ::testing::Not;
using ::testing::Pair;

constexpr std::string_view kBase = "/api/v1/assessment";
constexpr std::string_view kHeatingHandler = "assess-heating-handler";
constexpr int kSatisfiedAtHousing = 5;
constexpr int kSatisfiedAtHeating = 5;

std::string Path(std::string_view rest) {
    return std::string(kBase) + std::string(rest);
}

// The month and quarter of today in China, as the API labels them.
struct Labels {
    std::string month;
    std::string quarter;
};

Labels LabelsOfToday() {
    const std::string today = ChinaDate(0);
    const int month = std::stoi(today.substr(5, 2));
    return {today.substr(0, 7), today.substr(0, 4) + "-Q" + std::to_string((month + 2) / 3)};
}

// Days from today (China) to the first day of next month.
int DaysToNextMonth() {
    int days = 1;
    while (ChinaDate(days).substr(0, 7) == ChinaDate(0).substr(0, 7)) {
        ++days;
    }
    return days;
}

void AdvanceDays(Session& admin, int days) {
    const HttpResponse moved =
        admin.Post("/api/v1/test/clock", {{"advanceMinutes", days * 24 * 60}});
    if (moved.status != 200) {
        throw std::runtime_error("cannot move the clock: " + moved.body);
    }
}

class AssessmentApiTest : public ApiTest {
  protected:
    static void SetUpTestSuite() {
        StartServer(
            [](app::Config& config) { config.test_mode = true; },
            [] {
                Session admin = LogIn("admin");
                GrantRole(admin, CreateUser(admin, kHeatingHandler), "unit_handler",
                          UnitId(codes::kHeatingGroup));
                // The unit's own sign-off has its tests elsewhere; here the handler's answer
                // leaves.
                const HttpResponse switched = admin.Patch(
                    "/api/v1/org/units/" + std::to_string(UnitId(codes::kHousingBureau)),
                    {{"answerApproval", false}});
                if (switched.status != 200) {
                    throw std::runtime_error("cannot switch off the sign-off: " + switched.body);
                }
                Session city = LogIn("city-office");
                Session housing = LogIn("unit-handler");
                Session heating = LogIn(kHeatingHandler);
                for (int i = 0; i < kSatisfiedAtHousing; ++i) {
                    housing_satisfied_.push_back(
                        Closed(city, housing, codes::kHousingBureau, true));
                }
                housing_dissatisfied_ = Closed(city, housing, codes::kHousingBureau, false);
                for (int i = 0; i < kSatisfiedAtHeating; ++i) {
                    heating_cases_.push_back(Closed(city, heating, codes::kHeatingGroup, true));
                }
                // A grid worker's report the community accepts: the worker's valid reports and the
                // community's intake count in the month.
                Session grid = LogIn("grid-worker");
                Session community = LogIn("community-staff");
                grid_case_ = IdOf(CreateCase(grid, CaseBody("grid").Title("楼道堆放杂物")));
                MoveCase(community, grid_case_, "accept");
                labels_ = LabelsOfToday();
                AdvanceDays(admin, DaysToNextMonth());
            });
    }

    // A walk-in the city office dispatched to the unit, answered and followed up: closed
    // satisfied, or closed by the office after a dissatisfied follow-up.
    static std::int64_t Closed(Session& city, Session& handler, std::string_view unit,
                               bool satisfied) {
        const std::int64_t id = IdOf(CreateCase(
            city, CaseBody("walk_in").Title("暖气不热").GridId(UnitId(codes::kYongqianGrid1))));
        MoveCase(city, id, "accept");
        MoveCase(city, id, "dispatch",
                 {{"targetId", UnitId(unit)}, {"method", "network"}, {"note", "请按职责办理"}});
        MoveCase(handler, id, "sign");
        MoveCase(handler, id, "contact_reporter", {{"note", "已联系"}});
        MoveCase(handler, id, "answer", {{"result", "solved"}, {"answerText", "已处理。"}});
        MoveCase(city, id, "approve_answer");
        MoveCase(city, id, "follow_up",
                 {{"contacted", true},
                  {"solved", satisfied},
                  {"satisfaction", satisfied ? "very_satisfied" : "dissatisfied"}});
        if (!satisfied) {
            MoveCase(city, id, "close");
        }
        return id;
    }

    static std::string OrgKey(std::string_view code) {
        return "org-" + std::to_string(UnitId(code));
    }

    // The row of `key` in a period's results, or null.
    static nlohmann::json RowOf(const HttpResponse& results, const std::string& key) {
        for (const auto& unit : results.json.at("units")) {
            if (unit.at("unit").at("key") == key) {
                return unit;
            }
        }
        return nullptr;
    }

    static std::vector<std::string> KeysIn(const HttpResponse& results) {
        std::vector<std::string> keys;
        for (const auto& unit : results.json.at("units")) {
            keys.push_back(unit.at("unit").at("key"));
        }
        return keys;
    }

    static std::vector<std::int64_t> CaseIds(const nlohmann::json& refs) {
        std::vector<std::int64_t> ids;
        for (const auto& ref : refs) {
            ids.push_back(ref.at("id"));
        }
        return ids;
    }

    static inline std::vector<std::int64_t> housing_satisfied_;
    static inline std::int64_t housing_dissatisfied_ = 0;
    static inline std::vector<std::int64_t> heating_cases_;
    static inline std::int64_t grid_case_ = 0;
    static inline Labels labels_;
};

// --- the scheme ---------------------------------------------------------------------------------

TEST_F(AssessmentApiTest, TheSeededSchemeIsWorkflowsAndEachChangeIsANewVersion) {
    Session city = LogIn("city-office");
    const HttpResponse current = city.Get(Path("/schemes/current"));
    ASSERT_THAT(current, HasStatus(200));
    EXPECT_EQ(current.json["version"], 1);
    EXPECT_EQ(current.json["weights"],
              nlohmann::json::parse(R"([{"measure":"response","weight":0.2},
                                        {"measure":"resolution","weight":0.4},
                                        {"measure":"satisfaction","weight":0.4}])"));
    EXPECT_EQ(current.json["minCases"], 5);
    EXPECT_EQ(current.json["appealDays"], 7);
    EXPECT_EQ(current.json["pointsPerBulletin"], 2);

    nlohmann::json changed = current.json;
    for (const char* key : {"version", "createdAt", "createdBy"}) {
        changed.erase(key);
    }
    changed["weights"] = {{{"measure", "on_time_answer"}, {"weight", 0.5}},
                          {{"measure", "satisfaction"}, {"weight", 0.5}}};
    changed["note"] = "按期办结率纳入综合得分";
    const HttpResponse saved = city.Put(Path("/scheme"), changed);
    ASSERT_THAT(saved, HasStatus(201));
    const int version = saved.json["version"];
    EXPECT_GT(version, 1);
    EXPECT_EQ(city.Get(Path("/schemes/current")).json["weights"], changed["weights"]);
    const HttpResponse versions = city.Get(Path("/schemes"));
    ASSERT_THAT(versions, HasStatus(200));
    ASSERT_EQ(versions.json["items"].size(), static_cast<std::size_t>(version));
    EXPECT_EQ(versions.json["items"][0]["weights"], current.json["weights"]);
    EXPECT_EQ(versions.json["items"].back()["note"], "按期办结率纳入综合得分");

    // The rules of WORKFLOW.md again, for the tests after this one.
    changed["weights"] = current.json["weights"];
    changed["note"] = "恢复默认";
    ASSERT_THAT(city.Put(Path("/scheme"), changed), HasStatus(201));
}

TEST_F(AssessmentApiTest, ABadSchemeIsRefusedFieldByFieldAndOnlyTheCityOfficeChangesIt) {
    Session city = LogIn("city-office");
    const HttpResponse bad =
        city.Put(Path("/scheme"), {{"weights",
                                    {{{"measure", "response"}, {"weight", 0.5}},
                                     {{"measure", "happiness"}, {"weight", 0.2}},
                                     {{"measure", "average_handling_days"}, {"weight", 0.2}}}},
                                   {"minCases", -1},
                                   {"rankedGroups", {"streets", "planets"}},
                                   {"colour", "red"}});
    EXPECT_THAT(bad, IsError(422, "validation.failed"));
    EXPECT_THAT(FieldErrors(bad), IsSupersetOf({Pair("colour", "unknown_field"),
                                                Pair("weights[1].measure", "invalid"),
                                                Pair("rankedGroups[1]", "invalid")}));
    const HttpResponse bad_sum =
        city.Put(Path("/scheme"), {{"weights",
                                    {{{"measure", "response"}, {"weight", 0.5}},
                                     {{"measure", "average_handling_days"}, {"weight", 0.2}}}},
                                   {"minCases", -1},
                                   {"appealDays", 0}});
    EXPECT_THAT(bad_sum, IsError(422, "validation.failed"));
    EXPECT_THAT(FieldErrors(bad_sum),
                ElementsAre(Pair("weights[1].measure", "not_a_ratio"), Pair("weights", "bad_sum"),
                            Pair("minCases", "out_of_range"), Pair("appealDays", "out_of_range")));
    const auto versions = city.Get(Path("/schemes")).json["items"].size();
    Session unit = LogIn("unit-handler");
    EXPECT_THAT(
        unit.Put(Path("/scheme"), {{"weights", {{{"measure", "response"}, {"weight", 1}}}}}),
        IsError(403, "auth.forbidden"));
    EXPECT_THAT(LogIn("district-office").Put(Path("/scheme"), nlohmann::json::object()),
                IsError(403, "auth.forbidden"));
    EXPECT_EQ(city.Get(Path("/schemes")).json["items"].size(), versions);
}

// --- results ------------------------------------------------------------------------------------

TEST_F(AssessmentApiTest, AMonthsResultsCountEachUnitsCasesAsNumeratorAndDenominator) {
    Session city = LogIn("city-office");
    const HttpResponse results = city.Get(Path("/periods/" + labels_.month));
    ASSERT_THAT(results, HasStatus(200));
    EXPECT_EQ(results.json["period"]["label"], labels_.month);
    EXPECT_EQ(results.json["period"]["kind"], "month");
    EXPECT_EQ(results.json["state"], "open");

    const nlohmann::json housing = RowOf(results, OrgKey(codes::kHousingBureau));
    ASSERT_TRUE(housing.is_object()) << results.body;
    EXPECT_EQ(housing["unit"]["name"], "吉林市住房和城乡建设局");
    EXPECT_EQ(housing["group"], "city_units");
    EXPECT_EQ(housing["caseCount"], kSatisfiedAtHousing + 1);
    EXPECT_EQ(housing["measures"]["satisfaction"]["numerator"], kSatisfiedAtHousing);
    EXPECT_EQ(housing["measures"]["satisfaction"]["denominator"], kSatisfiedAtHousing + 1);
    EXPECT_NEAR(housing["measures"]["satisfaction"]["value"].get<double>(), 500.0 / 6, 1e-6);
    EXPECT_EQ(housing["measures"]["on_time_signing"]["denominator"], kSatisfiedAtHousing + 1);
    const nlohmann::json heating = RowOf(results, OrgKey(codes::kHeatingGroup));
    ASSERT_TRUE(heating.is_object());
    EXPECT_EQ(heating["measures"]["satisfaction"]["numerator"], kSatisfiedAtHeating);
    EXPECT_EQ(heating["measures"]["satisfaction"]["denominator"], kSatisfiedAtHeating);
    // Both have the minimum of five cases: ranked among the city's units, all satisfied first.
    EXPECT_EQ(heating["rank"], 1);
    EXPECT_EQ(housing["rank"], 2);
    EXPECT_LT(housing["composite"].get<double>(), heating["composite"].get<double>());

    // The grid worker who recorded the accepted report: one valid report of one.
    const std::int64_t worker = LogIn("grid-worker").user_id();
    const nlohmann::json grid = RowOf(results, "user-" + std::to_string(worker));
    ASSERT_TRUE(grid.is_object()) << results.body;
    EXPECT_EQ(grid["group"], "grid_workers");
    EXPECT_EQ(grid["measures"]["valid_reports"]["numerator"], 1);
    EXPECT_EQ(grid["belowMinimum"], true);
    EXPECT_TRUE(grid["rank"].is_null());

    // Overall: the sums over the org units listed.
    EXPECT_GE(results.json["overall"]["satisfaction"]["denominator"].get<int>(),
              kSatisfiedAtHousing + 1 + kSatisfiedAtHeating);
    const HttpResponse city_units =
        city.Get(Path("/periods/" + labels_.month + "?group=city_units"));
    ASSERT_THAT(city_units, HasStatus(200));
    for (const auto& unit : city_units.json["units"]) {
        EXPECT_EQ(unit["group"], "city_units");
    }
    EXPECT_EQ(city_units.json["overall"]["satisfaction"]["denominator"],
              kSatisfiedAtHousing + 1 + kSatisfiedAtHeating);
}

TEST_F(AssessmentApiTest, AProfileNamesTheCasesBehindEachNumber) {
    Session unit = LogIn("unit-handler");
    const HttpResponse profile =
        unit.Get(Path("/periods/" + labels_.month + "/units/" + OrgKey(codes::kHousingBureau)));
    ASSERT_THAT(profile, HasStatus(200));
    const auto& satisfaction = profile.json["unit"]["measures"]["satisfaction"];
    EXPECT_EQ(CaseIds(satisfaction["against"]), std::vector<std::int64_t>{housing_dissatisfied_});
    EXPECT_EQ(satisfaction["counted"].size(), static_cast<std::size_t>(kSatisfiedAtHousing + 1));
    EXPECT_EQ(satisfaction["against"][0]["number"].get<std::string>().size(), 12u);
    EXPECT_TRUE(profile.json["appeals"].empty());

    const HttpResponse trend =
        unit.Get(Path("/units/" + OrgKey(codes::kHousingBureau) + "/trend?from=" + labels_.month +
                      "&to=" + labels_.month));
    ASSERT_THAT(trend, HasStatus(200));
    ASSERT_EQ(trend.json["items"].size(), 1u);
    EXPECT_EQ(trend.json["items"][0]["period"], labels_.month);
    EXPECT_EQ(trend.json["items"][0]["measures"]["satisfaction"]["denominator"],
              kSatisfiedAtHousing + 1);
    EXPECT_THAT(
        unit.Get(Path("/units/" + OrgKey(codes::kHousingBureau) + "/trend?from=2026-13&to=x")),
        IsError(422, "validation.failed"));
}

TEST_F(AssessmentApiTest, ABadPeriodIsRefusedAsAField) {
    Session city = LogIn("city-office");
    for (const std::string label : {"2026-13", "2026-Q5", "26", "2026-11-01"}) {
        const HttpResponse response = city.Get(Path("/periods/" + label));
        EXPECT_THAT(response, IsError(422, "validation.failed")) << label;
        EXPECT_THAT(FieldErrors(response), ElementsAre(Pair("period", "invalid"))) << label;
    }
    EXPECT_THAT(city.Get(Path("/periods/" + labels_.month + "?group=bureaus")),
                IsError(422, "validation.failed"));
    const HttpResponse periods = city.Get(Path("/periods"));
    ASSERT_THAT(periods, HasStatus(200));
    EXPECT_THAT(Strings(periods.json["items"], "label"), Contains(labels_.month));
}

// --- jurisdiction -------------------------------------------------------------------------------

TEST_F(AssessmentApiTest, EachCallerReadsOnlyTheUnitsOfTheirArea) {
    const std::string month = Path("/periods/" + labels_.month);
    const std::string housing = OrgKey(codes::kHousingBureau);
    const std::string community = OrgKey(codes::kYongqian);
    Session leader = LogIn("leader");
    EXPECT_THAT(KeysIn(leader.Get(month)), IsSupersetOf({housing, community}));

    // The district office reads the units inside 船营区 only: 永前社区, not the city's bureau.
    Session district = LogIn("district-office");
    const HttpResponse in_district = district.Get(month);
    ASSERT_THAT(in_district, HasStatus(200));
    EXPECT_THAT(KeysIn(in_district), Contains(community));
    EXPECT_THAT(KeysIn(in_district), Not(Contains(housing)));
    EXPECT_THAT(district.Get(month + "/units/" + housing),
                IsError(404, "assessment.unit_not_found"));

    // A unit reads itself only; so does a community; a grid worker their own row.
    Session unit = LogIn("unit-handler");
    EXPECT_EQ(KeysIn(unit.Get(month)), std::vector<std::string>{housing});
    EXPECT_THAT(unit.Get(month + "/units/" + community), IsError(404, "assessment.unit_not_found"));
    Session staff = LogIn("community-staff");
    EXPECT_EQ(KeysIn(staff.Get(month)), std::vector<std::string>{community});
    Session grid = LogIn("grid-worker");
    EXPECT_EQ(KeysIn(grid.Get(month)),
              std::vector<std::string>{"user-" + std::to_string(grid.user_id())});
    EXPECT_THAT(grid.Get(Path("/periods/" + labels_.month + "/log")),
                IsError(403, "auth.forbidden"));
}

// --- export -------------------------------------------------------------------------------------

TEST_F(AssessmentApiTest, TheExportIsAWorkbookWithASheetPerPeerGroup) {
    Session city = LogIn("city-office");
    const HttpResponse xlsx = city.Get(Path("/periods/" + labels_.month + "/export.xlsx"));
    ASSERT_THAT(xlsx, HasStatus(200));
    EXPECT_EQ(xlsx.Header("content-type"),
              "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    test_support::TempDirectory dir;
    const auto file = dir.path() / "results.xlsx";
    std::ofstream(file, std::ios::binary) << xlsx.body;
    const std::string workbook =
        test_support::CommandOutput("unzip -p '" + file.string() + "' xl/workbook.xml");
    EXPECT_NE(workbook.find("name=\"市直单位\""), std::string::npos) << workbook;
    EXPECT_NE(workbook.find("name=\"社区\""), std::string::npos) << workbook;
    EXPECT_NE(workbook.find("name=\"网格员\""), std::string::npos) << workbook;
    EXPECT_THAT(LogIn("community-staff").Get(Path("/periods/" + labels_.month + "/export.xlsx")),
                HasStatus(200));
    EXPECT_THAT(city.Get(Path("/periods/2026-13/export.xlsx")), IsError(422, "validation.failed"));
}

// --- appeals ------------------------------------------------------------------------------------

TEST_F(AssessmentApiTest, AnAcceptedAppealExcludesTheCaseAndARejectedOneChangesNothing) {
    Session city = LogIn("city-office");
    Session unit = LogIn("unit-handler");
    const std::string month = labels_.month;
    const std::string housing = OrgKey(codes::kHousingBureau);
    const nlohmann::json appeal = {{"period", month},
                                   {"unit", housing},
                                   {"measure", "satisfaction"},
                                   {"caseId", housing_dissatisfied_},
                                   {"reason", "诉求人反映的是供热公司管线问题，不属本单位职责"}};
    // Not before the preliminary results are published.
    EXPECT_THAT(unit.Post(Path("/appeals"), appeal),
                IsError(409, "assessment.appeal_window_closed"));
    const HttpResponse published = city.Post(Path("/periods/" + month + "/publish"), {});
    ASSERT_THAT(published, HasStatus(200));
    EXPECT_EQ(published.json["state"], "preliminary");
    EXPECT_FALSE(published.json["appealUntil"].is_null());
    EXPECT_THAT(city.Post(Path("/periods/" + month + "/publish"), {}),
                IsError(409, "assessment.already_published"));

    // Only for one's own unit, and only a case that counts for it in that measure.
    nlohmann::json other_unit = appeal;
    other_unit["unit"] = OrgKey(codes::kHeatingGroup);
    EXPECT_THAT(unit.Post(Path("/appeals"), other_unit), IsError(403, "assessment.not_your_unit"));
    nlohmann::json not_counted = appeal;
    not_counted["caseId"] = heating_cases_[0];
    const HttpResponse refused = unit.Post(Path("/appeals"), not_counted);
    EXPECT_THAT(refused, IsError(422, "validation.failed"));
    EXPECT_THAT(FieldErrors(refused), ElementsAre(Pair("caseId", "not_counted")));

    const HttpResponse filed = unit.Post(Path("/appeals"), appeal);
    ASSERT_THAT(filed, HasStatus(201));
    EXPECT_EQ(filed.json["state"], "filed");
    EXPECT_EQ(filed.json["unit"]["name"], "吉林市住房和城乡建设局");
    nlohmann::json resolution = appeal;
    resolution["measure"] = "resolution";
    const HttpResponse second = unit.Post(Path("/appeals"), resolution);
    ASSERT_THAT(second, HasStatus(201));
    EXPECT_THAT(unit.Post(Path("/appeals"), appeal), IsError(409, "assessment.appeal_exists"));

    const std::string accept =
        Path("/appeals/" + std::to_string(filed.json["id"].get<int>()) + "/accept");
    const std::string reject =
        Path("/appeals/" + std::to_string(second.json["id"].get<int>()) + "/reject");
    EXPECT_THAT(unit.Post(accept, {{"reason", "同意"}}), IsError(403, "auth.forbidden"));
    const HttpResponse no_reason = city.Post(accept, {{"reason", " "}});
    EXPECT_THAT(no_reason, IsError(422, "validation.failed"));
    EXPECT_THAT(FieldErrors(no_reason), ElementsAre(Pair("reason", "required")));
    const std::string profile_path = Path("/periods/" + month + "/units/" + housing);
    const auto resolution_before = unit.Get(profile_path).json["unit"]["measures"]["resolution"];
    ASSERT_THAT(city.Post(accept, {{"reason", "经核实属管线问题"}}), HasStatus(200));
    const HttpResponse rejected = city.Post(reject, {{"reason", "解决与否以回访为准"}});
    ASSERT_THAT(rejected, HasStatus(200));
    EXPECT_EQ(rejected.json["state"], "rejected");
    EXPECT_THAT(city.Post(accept, {{"reason", "再次"}}), IsError(409, "assessment.appeal_decided"));

    const HttpResponse profile = unit.Get(profile_path);
    ASSERT_THAT(profile, HasStatus(200));
    const auto& satisfaction = profile.json["unit"]["measures"]["satisfaction"];
    EXPECT_EQ(satisfaction["numerator"], kSatisfiedAtHousing);
    EXPECT_EQ(satisfaction["denominator"], kSatisfiedAtHousing);
    ASSERT_EQ(satisfaction["excluded"].size(), 1u);
    EXPECT_EQ(satisfaction["excluded"][0]["id"], housing_dissatisfied_);
    EXPECT_EQ(satisfaction["excluded"][0]["reason"], "appeal");
    EXPECT_EQ(profile.json["unit"]["measures"]["resolution"]["numerator"],
              resolution_before["numerator"]);
    EXPECT_EQ(profile.json["unit"]["measures"]["resolution"]["denominator"],
              resolution_before["denominator"]);
    EXPECT_EQ(profile.json["appeals"].size(), 2u);

    // The unit reads its appeals; the district office none of them; the log holds every step.
    EXPECT_EQ(unit.Get(Path("/appeals?period=" + month)).json["items"].size(), 2u);
    EXPECT_TRUE(
        LogIn("district-office").Get(Path("/appeals?period=" + month)).json["items"].empty());
    EXPECT_EQ(Strings(city.Get(Path("/periods/" + month + "/log")).json["items"], "action"),
              (std::vector<std::string>{"published", "appeal_filed", "appeal_filed",
                                        "appeal_accepted", "appeal_rejected"}));

    // After the window: refused.
    Session admin = LogIn("admin");
    AdvanceDays(admin, 8);
    nlohmann::json late = appeal;
    late["measure"] = "on_time_signing";
    EXPECT_THAT(LogIn("unit-handler").Post(Path("/appeals"), late),
                IsError(409, "assessment.appeal_window_closed"));
}

// --- closing (last: it edits cases afterwards) ---------------------------------------------------

TEST_F(AssessmentApiTest, AClosedPeriodKeepsItsNumbersWhateverChangesAfterAndReopensWithAReason) {
    Session city = LogIn("city-office");
    Session unit = LogIn("unit-handler");
    const std::string month = Path("/periods/" + labels_.month);
    EXPECT_THAT(unit.Post(month + "/close", {}), IsError(403, "auth.forbidden"));
    const HttpResponse closed = city.Post(month + "/close", {});
    ASSERT_THAT(closed, HasStatus(200));
    EXPECT_EQ(closed.json["state"], "closed");
    const HttpResponse frozen = city.Get(month);
    ASSERT_THAT(frozen, HasStatus(200));
    EXPECT_EQ(frozen.json["state"], "closed");
    const nlohmann::json housing_row = RowOf(frozen, OrgKey(codes::kHousingBureau));
    ASSERT_TRUE(housing_row.is_object());
    // The appeal accepted before is in the snapshot: the case stays excluded.
    EXPECT_EQ(housing_row["measures"]["satisfaction"]["denominator"], kSatisfiedAtHousing);
    const HttpResponse frozen_profile = unit.Get(month + "/units/" + OrgKey(codes::kHousingBureau));
    ASSERT_THAT(frozen_profile, HasStatus(200));
    EXPECT_EQ(frozen_profile.json["state"], "closed");
    EXPECT_EQ(frozen_profile.json["unit"]["measures"]["satisfaction"]["excluded"][0]["reason"],
              "appeal");
    EXPECT_THAT(city.Post(month + "/close", {}), IsError(409, "assessment.period_closed"));
    // The period list names each period once, with its recorded state.
    const auto listed = city.Get(Path("/periods")).json["items"];
    const auto labels = Strings(listed, "label");
    EXPECT_EQ(std::set<std::string>(labels.begin(), labels.end()).size(), labels.size());
    EXPECT_EQ(FindBy(listed, "label", labels_.month)["state"], "closed");
    EXPECT_THAT(city.Post(Path("/periods/2099-01/close"), {}),
                IsError(409, "assessment.period_not_ended"));

    // A counted case reopened and closed again with another rating, now (next month), and a
    // new scheme: the live quarter moves (基本满意 is not satisfied strictly), the closed month
    // does not.
    const std::string quarter = Path("/periods/" + labels_.quarter);
    const auto quarter_before = RowOf(city.Get(quarter), OrgKey(codes::kHousingBureau));
    MoveCase(city, housing_satisfied_[0], "reopen", {{"reason", "回访不实，重办"}});
    MoveCase(unit, housing_satisfied_[0], "answer",
             {{"result", "solved"}, {"answerText", "再次处理。"}});
    MoveCase(city, housing_satisfied_[0], "approve_answer");
    MoveCase(city, housing_satisfied_[0], "follow_up",
             {{"contacted", true}, {"solved", true}, {"satisfaction", "basically_satisfied"}});
    nlohmann::json scheme = city.Get(Path("/schemes/current")).json;
    for (const char* key : {"version", "createdAt", "createdBy"}) {
        scheme.erase(key);
    }
    scheme["weights"] = {{{"measure", "satisfaction"}, {"weight", 1.0}}};
    scheme["minCases"] = 1;
    ASSERT_THAT(city.Put(Path("/scheme"), scheme), HasStatus(201));

    const auto quarter_after = RowOf(city.Get(quarter), OrgKey(codes::kHousingBureau));
    EXPECT_NE(quarter_after["measures"]["satisfaction_strict"]["numerator"],
              quarter_before["measures"]["satisfaction_strict"]["numerator"]);
    const HttpResponse still = city.Get(month);
    ASSERT_THAT(still, HasStatus(200));
    EXPECT_EQ(still.json["units"], frozen.json["units"]);
    EXPECT_EQ(still.json["schemeVersion"], frozen.json["schemeVersion"]);

    // Reopening needs a reason; then the month is computed live again.
    const HttpResponse no_reason = city.Post(month + "/reopen", nlohmann::json::object());
    EXPECT_THAT(no_reason, IsError(422, "validation.failed"));
    EXPECT_THAT(FieldErrors(no_reason), ElementsAre(Pair("reason", "required")));
    const HttpResponse reopened = city.Post(month + "/reopen", {{"reason", "重办案件需重新计分"}});
    ASSERT_THAT(reopened, HasStatus(200));
    // Published before it was closed: back to the preliminary results.
    EXPECT_EQ(reopened.json["state"], "preliminary");
    const HttpResponse live = city.Get(month);
    EXPECT_NE(live.json["units"], frozen.json["units"]);
    const HttpResponse log = city.Get(month + "/log");
    ASSERT_THAT(log, HasStatus(200));
    const auto actions = Strings(log.json["items"], "action");
    ASSERT_GE(actions.size(), 2u);
    EXPECT_EQ(std::vector(actions.end() - 2, actions.end()),
              (std::vector<std::string>{"closed", "reopened"}));
    EXPECT_EQ(log.json["items"].back()["reason"], "重办案件需重新计分");
    EXPECT_THAT(city.Post(month + "/reopen", {{"reason", "再次"}}),
                IsError(409, "assessment.period_not_closed"));
}

}  // namespace
}  // namespace minqing::tests
