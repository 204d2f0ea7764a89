// The 《社情民意专报》 through the API, on a year of generated cases and both databases: a
// draft's figures are the statistics API's for its period; edits survive regeneration, which
// reports the figures that moved; the office head issues (numbering per office, series and year)
// or returns; issued issues never change; recipients get an inbox message and a receipt that
// opening marks read; the PDF carries the number, the period and the totals; nobody sees a
// bulletin outside their office or distribution.
#include <fstream>

#include "common/testing/command_output.hpp"
#include "common/testing/temp_directory.hpp"
#include "support/api_test.hpp"
#include "support/case_body.hpp"

namespace minqing::tests {
namespace {

using ::testing::Contains;
using ::testing::HasSubstr;
using ::testing::Not;

constexpr std::string_view kBulletins = "/api/v1/bulletins";

class BulletinsApiTest : public ApiTest {
  protected:
    static void SetUpTestSuite() {
        StartServer([](app::Config& config) { config.demo.cases = 600; });
    }

    // "2026-11": the last full month before today (China time).
    static std::string LastMonth() {
        const std::string today = ChinaDate(0);
        int year = std::stoi(today.substr(0, 4));
        int month = std::stoi(today.substr(5, 2)) - 1;
        if (month == 0) {
            month = 12;
            --year;
        }
        return std::to_string(year) + (month < 10 ? "-0" : "-") + std::to_string(month);
    }

    static nlohmann::json Create(Session& session, const nlohmann::json& body) {
        const HttpResponse created = session.Post(kBulletins, body);
        EXPECT_THAT(created, HasStatus(201)) << created.body;
        return created.json;
    }

    static std::string Path(const nlohmann::json& bulletin, std::string_view tail = "") {
        return std::string(kBulletins) + "/" + std::to_string(bulletin.at("id").get<int>()) +
               std::string(tail);
    }

    static const nlohmann::json& Section(const nlohmann::json& bulletin, std::string_view key) {
        for (const auto& section : bulletin.at("sections")) {
            if (section.at("key") == key) {
                return section;
            }
        }
        throw std::runtime_error("no section " + std::string(key));
    }

    static double Figure(const nlohmann::json& section, std::string_view key) {
        for (const auto& figure : section.at("figures")) {
            if (figure.at("key") == key) {
                return figure.at("value").get<double>();
            }
        }
        return -1;
    }

    // Submits and issues through the office head; returns the issued bulletin.
    static nlohmann::json SubmitAndIssue(Session& office, const nlohmann::json& bulletin) {
        const HttpResponse submitted = office.Post(Path(bulletin, "/submit"), nlohmann::json{});
        EXPECT_THAT(submitted, HasStatus(200)) << submitted.body;
        Session head = LogIn("office-head");
        const HttpResponse issued = head.Post(Path(bulletin, "/issue"), nlohmann::json{});
        EXPECT_THAT(issued, HasStatus(200)) << issued.body;
        return issued.json;
    }

    static std::string PdfText(Session& session, const nlohmann::json& bulletin) {
        const HttpResponse pdf = session.Get(Path(bulletin, "/pdf"));
        EXPECT_THAT(pdf, HasStatus(200));
        EXPECT_TRUE(pdf.body.starts_with("%PDF-"));
        test_support::TempDirectory directory;
        const auto file = directory.path() / "bulletin.pdf";
        std::ofstream(file, std::ios::binary) << pdf.body;
        std::string text = test_support::CommandOutput("pdftotext " + file.string() + " -");
        // Letter-spaced CJK text comes out with spaces between characters: compare without.
        std::erase_if(text, [](char c) { return c == ' ' || c == '\n' || c == '\f'; });
        return text;
    }
};

TEST_F(BulletinsApiTest, ADraftsFiguresAreTheStatisticsOfItsPeriod) {
    Session city = LogIn("city-office");
    const nlohmann::json draft = Create(city, {{"kind", "monthly"}, {"period", LastMonth()}});
    ASSERT_EQ(draft.at("state"), "draft");
    const std::string range =
        "from=" + draft.at("from").get<std::string>() + "&to=" + draft.at("to").get<std::string>();
    const HttpResponse total =
        city.Get("/api/v1/stats/cases?" + range + "&compare=previous,yearBefore");
    ASSERT_THAT(total, HasStatus(200));
    const auto& overview = Section(draft, "overview");
    EXPECT_EQ(Figure(overview, "total.current"), total.json["total"]["count"].get<double>());
    EXPECT_EQ(Figure(overview, "total.previous"),
              total.json["total"]["previous"]["count"].get<double>());
    EXPECT_EQ(Figure(overview, "total.yearBefore"),
              total.json["total"]["yearBefore"]["count"].get<double>());
    EXPECT_GT(Figure(overview, "total.current"), 0);
    for (const auto& [section, query] : std::vector<std::pair<std::string, std::string>>{
             {"channels", "groupBy=channel"},
             {"categories", "groupBy=category"},
             {"districts", "groupBy=area&areaLevel=district"}}) {
        const HttpResponse cells = city.Get("/api/v1/stats/cases?" + range + "&" + query);
        ASSERT_THAT(cells, HasStatus(200));
        const auto& figures = Section(draft, section);
        ASSERT_EQ(figures.at("figures").size(), cells.json["cells"].size()) << section;
        for (const auto& cell : cells.json["cells"]) {
            const std::string key = section + "." + cell["keys"][0]["value"].get<std::string>();
            EXPECT_EQ(Figure(figures, key), cell["count"].get<double>()) << key;
        }
        EXPECT_EQ(figures.at("charts").size(), 1u) << section;
    }
    EXPECT_THAT(Section(draft, "assessment").at("text").get<std::string>(), HasSubstr("尚未发布"));
}

TEST_F(BulletinsApiTest, EditedTextSurvivesRegenerationWhichReportsWhatChanged) {
    Session city = LogIn("city-office");
    // This month: a case recorded now falls into it.
    const std::string month = ChinaDate(0).substr(0, 7);
    nlohmann::json draft = Create(city, {{"kind", "monthly"}, {"period", month}});
    const double before = Figure(Section(draft, "overview"), "total.current");
    const HttpResponse edited = city.Put(
        Path(draft), {{"version", draft["version"]},
                      {"title", "本月社情民意"},
                      {"sections", {{{"key", "overview"}, {"text", "本月诉求总体平稳。"}}}}});
    ASSERT_THAT(edited, HasStatus(200)) << edited.body;
    EXPECT_TRUE(Section(edited.json, "overview")["edited"].get<bool>());
    // A stale version changes nothing.
    EXPECT_THAT(city.Put(Path(draft), {{"version", draft["version"]}, {"title", "晚了"}}),
                IsError(409, "bulletin.stale_version"));
    CreateCase(city,
               CaseBody("walk_in").Title("本月新增的诉求").GridId(UnitId(codes::kYongqianGrid1)));
    const HttpResponse regenerated = city.Post(Path(draft, "/regenerate"), nlohmann::json{});
    ASSERT_THAT(regenerated, HasStatus(200)) << regenerated.body;
    const auto& overview = Section(regenerated.json, "overview");
    EXPECT_EQ(overview["text"], "本月诉求总体平稳。");
    EXPECT_EQ(Figure(overview, "total.current"), before + 1);
    EXPECT_EQ(regenerated.json["title"], "本月社情民意");
    bool reported = false;
    for (const auto& change : regenerated.json["changes"]) {
        if (change["key"] == "total.current") {
            reported = true;
            EXPECT_EQ(change["old"].get<double>(), before);
            EXPECT_EQ(change["new"].get<double>(), before + 1);
        }
    }
    EXPECT_TRUE(reported) << regenerated.json["changes"].dump();
}

TEST_F(BulletinsApiTest, TheHeadReturnsWithANoteAndIssuesNumberingPerYearAndSeries) {
    Session city = LogIn("city-office");
    Session head = LogIn("office-head");
    nlohmann::json first = Create(city, {{"kind", "monthly"}, {"period", "2024-03"}});
    ASSERT_THAT(city.Post(Path(first, "/submit"), nlohmann::json{}), HasStatus(200));
    // Only the head issues; the office cannot, and cannot change it under review.
    EXPECT_THAT(city.Post(Path(first, "/issue"), nlohmann::json{}), IsError(403, "auth.forbidden"));
    EXPECT_THAT(city.Put(Path(first), {{"version", 2}, {"title", "改"}}),
                IsError(409, "bulletin.under_review"));
    const HttpResponse no_note = head.Post(Path(first, "/return"), {{"note", " "}});
    EXPECT_THAT(no_note, IsError(422, "validation.failed"));
    EXPECT_THAT(FieldErrors(no_note),
                Contains(std::pair<std::string, std::string>("note", "required")));
    const HttpResponse returned = head.Post(Path(first, "/return"), {{"note", "请补充供热数据"}});
    ASSERT_THAT(returned, HasStatus(200)) << returned.body;
    EXPECT_EQ(returned.json["state"], "returned");
    EXPECT_EQ(returned.json["returnNote"], "请补充供热数据");
    const HttpResponse fixed = city.Put(Path(first), {{"version", returned.json["version"]},
                                                      {"title", "2024年3月社情民意（修改稿）"}});
    ASSERT_THAT(fixed, HasStatus(200)) << fixed.body;
    first = SubmitAndIssue(city, first);
    EXPECT_EQ(first["state"], "issued");
    EXPECT_EQ(first["number"], 1);
    EXPECT_EQ(first["issueLabel"], "2024年第1期");
    const nlohmann::json second =
        SubmitAndIssue(city, Create(city, {{"kind", "monthly"}, {"period", "2024-04"}}));
    EXPECT_EQ(second["number"], 2);
    const nlohmann::json special = SubmitAndIssue(
        city, Create(city, {{"kind", "special"}, {"from", "2024-05-02"}, {"to", "2024-05-03"}}));
    EXPECT_EQ(special["number"], 1);
    EXPECT_EQ(special["issueLabel"], "2024年专报第1期");
    EXPECT_EQ(SubmitAndIssue(
                  city, Create(city, {{"kind", "quarterly"}, {"period", "2021-Q4"}}))["number"],
              1);
    // Issued is final.
    EXPECT_THAT(city.Put(Path(first), {{"version", first["version"]}, {"title", "改"}}),
                IsError(409, "bulletin.issued"));
    EXPECT_THAT(city.Post(Path(first, "/regenerate"), nlohmann::json{}),
                IsError(409, "bulletin.issued"));
    EXPECT_THAT(head.Post(Path(first, "/return"), {{"note", "再改"}}),
                IsError(409, "bulletin.not_submitted"));
    const HttpResponse log = city.Get(Path(first));
    std::vector<std::string> actions;
    for (const auto& entry : log.json["log"]) {
        actions.push_back(entry["action"]);
    }
    EXPECT_EQ(actions,
              (std::vector<std::string>{"create", "submit", "return", "edit", "submit", "issue"}));
}

TEST_F(BulletinsApiTest, RecipientsGetAnInboxMessageAndAReceiptThatOpeningMarksRead) {
    Session city = LogIn("city-office");
    Session admin = LogIn("admin");
    const std::int64_t leader_id = UserIdOf(admin, "leader");
    nlohmann::json draft = Create(city, {{"kind", "monthly"}, {"period", "2023-06"}});
    const HttpResponse bad = city.Put(
        Path(draft),
        {{"version", draft["version"]}, {"distribution", {{"reportTo", {{{"userId", 987654}}}}}}});
    EXPECT_THAT(FieldErrors(bad), Contains(std::pair<std::string, std::string>(
                                      "distribution.reportTo[0].userId", "not_found")));
    const HttpResponse distributed =
        city.Put(Path(draft), {{"version", draft["version"]},
                               {"distribution",
                                {{"reportTo", {{{"userId", leader_id}}}},
                                 {"sendTo", {{{"unitId", UnitId(codes::kHousingBureau)}}}},
                                 {"copyTo", nlohmann::json::array()}}}});
    ASSERT_THAT(distributed, HasStatus(200)) << distributed.body;
    EXPECT_EQ(distributed.json["distribution"]["reportTo"][0]["name"], "市分管领导");
    // Not yet issued: a recipient does not see the draft.
    Session leader = LogIn("leader");
    EXPECT_THAT(leader.Get(Path(draft)), IsError(404, "bulletin.not_found"));
    const nlohmann::json issued = SubmitAndIssue(city, draft);
    for (const std::string_view user : {"leader", "unit-handler"}) {
        Session recipient = LogIn(user);
        const HttpResponse inbox = recipient.Get("/api/v1/notifications?limit=100");
        bool found = false;
        for (const auto& item : inbox.json["items"]) {
            if (item["bulletinId"] == issued["id"]) {
                found = true;
                EXPECT_EQ(item["key"], "bulletin_issued");
                EXPECT_THAT(item["text"].get<std::string>(), HasSubstr("2023年第1期"));
            }
        }
        EXPECT_TRUE(found) << user << " " << inbox.body;
    }
    const HttpResponse before = city.Get(Path(issued, "/receipts"));
    ASSERT_THAT(before, HasStatus(200)) << before.body;
    EXPECT_GE(before.json["total"].get<int>(), 2);
    EXPECT_EQ(before.json["read"], 0);
    ASSERT_THAT(leader.Get(Path(issued)), HasStatus(200));
    const HttpResponse after = city.Get(Path(issued, "/receipts"));
    EXPECT_EQ(after.json["read"], 1);
    const auto entry = FindBy(after.json["items"], "name", "市分管领导");
    EXPECT_FALSE(entry["readAt"].is_null());
    // Only the office sees who has read it; a reader sees the issue in their list.
    EXPECT_THAT(leader.Get(Path(issued, "/receipts")), IsError(403, "bulletin.forbidden"));
    EXPECT_THAT(Strings(leader.Get(std::string(kBulletins) + "?year=2023").json["items"], "title"),
                Contains(issued["title"].get<std::string>()));
}

TEST_F(BulletinsApiTest, ThePdfCarriesTheNumberThePeriodAndTheTotals) {
    Session city = LogIn("city-office");
    const std::string month = LastMonth();
    const nlohmann::json draft = Create(city, {{"kind", "monthly"}, {"period", month}});
    EXPECT_THAT(PdfText(city, draft), HasSubstr("草稿"));
    const nlohmann::json issued = SubmitAndIssue(city, draft);
    const std::string text = PdfText(city, issued);
    EXPECT_THAT(text, HasSubstr("第" + std::to_string(issued["number"].get<int>()) + "期"));
    EXPECT_THAT(text, HasSubstr(issued["periodText"].get<std::string>()));
    const HttpResponse total =
        city.Get("/api/v1/stats/cases?from=" + issued["from"].get<std::string>() +
                 "&to=" + issued["to"].get<std::string>());
    EXPECT_THAT(text, HasSubstr("共受理群众诉求" +
                                std::to_string(total.json["total"]["count"].get<int>()) + "件"));
    const HttpResponse annex = city.Get(Path(issued, "/annex.xlsx"));
    ASSERT_THAT(annex, HasStatus(200));
    EXPECT_TRUE(annex.body.starts_with("PK"));
}

TEST_F(BulletinsApiTest, NobodySeesABulletinOutsideTheirOfficeOrDistribution) {
    Session city = LogIn("city-office");
    Session district = LogIn("district-office");
    const nlohmann::json city_draft = Create(city, {{"kind", "monthly"}, {"period", "2022-01"}});
    EXPECT_THAT(district.Get(Path(city_draft)), IsError(404, "bulletin.not_found"));
    EXPECT_THAT(district.Get(Path(city_draft, "/pdf")), IsError(404, "bulletin.not_found"));
    EXPECT_THAT(district.Put(Path(city_draft), {{"version", 1}, {"title", "改"}}),
                IsError(404, "bulletin.not_found"));
    EXPECT_THAT(Strings(district.Get(kBulletins).json["items"], "title"),
                Not(Contains(city_draft["title"].get<std::string>())));
    // The district's own bulletin counts its district only, without a district breakdown.
    const nlohmann::json own = Create(district, {{"kind", "monthly"}, {"period", LastMonth()}});
    const HttpResponse stats =
        district.Get("/api/v1/stats/cases?from=" + own["from"].get<std::string>() +
                     "&to=" + own["to"].get<std::string>());
    EXPECT_EQ(Figure(Section(own, "overview"), "total.current"),
              stats.json["total"]["count"].get<double>());
    for (const auto& section : own["sections"]) {
        EXPECT_NE(section["key"], "districts");
    }
    EXPECT_THAT(city.Get(Path(own)), IsError(404, "bulletin.not_found"));
    // Issued without the grid worker on its distribution: still not theirs to read.
    const nlohmann::json issued = SubmitAndIssue(city, city_draft);
    Session grid = LogIn("grid-worker");
    EXPECT_THAT(grid.Get(Path(issued)), IsError(404, "bulletin.not_found"));
    EXPECT_THAT(grid.Get(Path(issued, "/annex.xlsx")), IsError(404, "bulletin.not_found"));
    // The city's leaders read every issued one.
    Session leader = LogIn("leader");
    EXPECT_THAT(leader.Get(Path(issued)), HasStatus(200));
}

TEST_F(BulletinsApiTest, BadRequestsAreRefusedFieldByField) {
    Session city = LogIn("city-office");
    const HttpResponse bad_kind = city.Post(kBulletins, {{"kind", "daily"}, {"period", "2026-11"}});
    EXPECT_THAT(FieldErrors(bad_kind),
                Contains(std::pair<std::string, std::string>("kind", "invalid")));
    const HttpResponse bad_period =
        city.Post(kBulletins, {{"kind", "quarterly"}, {"period", "2026-11"}, {"colour", "red"}});
    EXPECT_THAT(FieldErrors(bad_period),
                Contains(std::pair<std::string, std::string>("period", "invalid")));
    EXPECT_THAT(FieldErrors(bad_period),
                Contains(std::pair<std::string, std::string>("colour", "unknown_field")));
    const nlohmann::json draft = Create(city, {{"kind", "weekly"}, {"period", "2022-W10"}});
    const HttpResponse bad_edit =
        city.Put(Path(draft), {{"version", draft["version"]},
                               {"title", ""},
                               {"sections", {{{"key", "nonsense"}, {"text", "x"}}}},
                               {"typicalCaseIds", {987654321}}});
    EXPECT_THAT(bad_edit, IsError(422, "validation.failed"));
    const auto fields = FieldErrors(bad_edit);
    EXPECT_THAT(fields, Contains(std::pair<std::string, std::string>("title", "required")));
    EXPECT_THAT(fields,
                Contains(std::pair<std::string, std::string>("sections[0].key", "unknown")));
    EXPECT_THAT(fields,
                Contains(std::pair<std::string, std::string>("typicalCaseIds[0]", "not_found")));
    EXPECT_EQ(city.Get(Path(draft)).json["version"], draft["version"]);  // nothing changed
    Session grid = LogIn("grid-worker");
    EXPECT_THAT(grid.Post(kBulletins, {{"kind", "monthly"}, {"period", "2026-11"}}),
                IsError(403, "auth.forbidden"));
}

TEST_F(BulletinsApiTest, TypicalCasesAreToldWithWhatWasDone) {
    Session city = LogIn("city-office");
    const HttpResponse list = city.Get("/api/v1/cases?limit=2");
    ASSERT_THAT(list, HasStatus(200));
    std::vector<std::int64_t> ids;
    for (const auto& item : list.json["items"]) {
        ids.push_back(item["id"]);
    }
    ASSERT_EQ(ids.size(), 2u);
    const nlohmann::json draft = Create(city, {{"kind", "monthly"}, {"period", "2022-02"}});
    const HttpResponse picked =
        city.Put(Path(draft), {{"version", draft["version"]}, {"typicalCaseIds", ids}});
    ASSERT_THAT(picked, HasStatus(200)) << picked.body;
    const auto& typical = Section(picked.json, "typical");
    ASSERT_EQ(typical["cases"].size(), 2u);
    EXPECT_EQ(typical["cases"][0]["id"], ids[0]);
    EXPECT_FALSE(typical["cases"][0]["number"].get<std::string>().empty());
    EXPECT_EQ(typical["text"], "现将本期办理的典型案例摘报如下。");
    EXPECT_THAT(PdfText(city, picked.json),
                HasSubstr(typical["cases"][1]["number"].get<std::string>()));
}

// Once the city office publishes the month's assessment, the draft names the ends of its ranking
// (runs last: the drafts above are of an unpublished month).
TEST_F(BulletinsApiTest, APublishedAssessmentNamesTheTopAndBottomOfTheRanking) {
    Session city = LogIn("city-office");
    const std::string month = LastMonth();
    ASSERT_THAT(city.Post("/api/v1/assessment/periods/" + month + "/publish", nlohmann::json{}),
                HasStatus(200));
    const nlohmann::json draft = Create(city, {{"kind", "monthly"}, {"period", month}});
    const std::string text = Section(draft, "assessment").at("text");
    EXPECT_THAT(text, Not(HasSubstr("尚未发布")));
    for (const auto& [group, words] : std::vector<std::pair<std::string, std::string>>{
             {"city_units", "成员单位排名靠前的是"}, {"districts", "区排名靠前的是"}}) {
        const HttpResponse ranking =
            city.Get("/api/v1/assessment/periods/" + month + "?group=" + group);
        ASSERT_THAT(ranking, HasStatus(200));
        std::vector<std::pair<int, std::string>> ranked;
        for (const auto& unit : ranking.json["units"]) {
            if (unit["rank"].is_number()) {
                ranked.emplace_back(unit["rank"].get<int>(), unit["unit"]["name"]);
            }
        }
        std::ranges::stable_sort(ranked);
        if (ranked.size() >= 2) {
            EXPECT_THAT(text, HasSubstr(words + ranked[0].second)) << group;
            EXPECT_THAT(text, HasSubstr(ranked.back().second)) << group;
        } else if (group == "districts") {
            // Too few districts ranked: the sentence names the member units only.
            EXPECT_THAT(text, Not(HasSubstr(words))) << group;
        } else {
            EXPECT_THAT(text, HasSubstr(words + "无")) << group;
        }
    }
}

}  // namespace
}  // namespace minqing::tests
