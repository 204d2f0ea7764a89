// Case statistics through the API, on a year of generated cases: every figure's case-list
// address lists exactly its cases, for every role, on both databases; a caller's figures are
// their case list's; comparisons cover the previous period and the year before; the rollups
// follow every write and agree with a recount; bad requests are refused field by field.
#include <random>
#include <string>

#include "support/api_test.hpp"
#include "support/case_body.hpp"

namespace minqing::tests {
namespace {

using ::testing::Contains;
using ::testing::Pair;

constexpr std::string_view kStats = "/api/v1/stats/cases";

// A year of a city, walked by the generator like the demo's.
class StatsApiTest : public ApiTest {
  protected:
    static void SetUpTestSuite() {
        StartServer([](app::Config& config) { config.demo.cases = 600; });
    }
};

// The `total` the case list states for `address`.
std::int64_t ListTotal(Session& session, const std::string& address) {
    const HttpResponse list = session.Get(address + "&limit=1");
    EXPECT_THAT(list, HasStatus(200)) << address;
    return list.json.value("total", std::int64_t{-1});
}

std::string Stats(std::string_view query) {
    return std::string(kStats) + "?" + std::string(query);
}

// The groupings every role's figures are checked under: each dimension, levels and pairs,
// with list filters, over the year before today.
const std::vector<std::string>& Groupings() {
    static const std::vector<std::string> groupings = {
        "groupBy=area,category",
        "groupBy=area&areaLevel=grid",
        "groupBy=area&areaLevel=street&categoryLevel=2&groupBy=area,category",
        "groupBy=unit,state",
        "groupBy=unit&unit=lead",
        "groupBy=period,channel&period=month",
        "groupBy=period&period=week&state=closed,handling,follow_up",
        "groupBy=kind,urgency",
        "groupBy=warning,state",
        "groupBy=category&categoryLevel=2&channel=grid",
        "groupBy=state&keyword=%E6%9A%96%E6%B0%94",
        "groupBy=channel&mine=true",
        "",
    };
    return groupings;
}

// For each role, each grouping's total and three random cells over `range` equal the counts of
// the case lists they link to, and the cells add up to the total.
void ExpectEveryFigureListsItsCases(std::uint16_t port, const std::string& range,
                                    const std::vector<std::string>& groupings) {
    std::mt19937 random(20261207);
    for (const std::string_view user :
         {"city-office", "district-office", "street-office", "community-staff", "unit-handler",
          "leader", "grid-worker", "inspector"}) {
        Session session = Session::LogIn(port, user, kDemoPassword);
        for (const std::string& grouping : groupings) {
            const HttpResponse stats = session.Get(Stats(range + "&" + grouping));
            ASSERT_THAT(stats, HasStatus(200)) << user << " " << grouping << " " << stats.body;
            const auto& total = stats.json.at("total");
            EXPECT_EQ(ListTotal(session, total.at("cases")), total.at("count"))
                << user << " " << grouping;
            std::vector<nlohmann::json> cells(stats.json.at("cells").begin(),
                                              stats.json.at("cells").end());
            std::int64_t sum = 0;
            for (const auto& cell : cells) {
                sum += cell.at("count").get<std::int64_t>();
            }
            if (!grouping.empty()) {
                EXPECT_EQ(sum, total.at("count").get<std::int64_t>()) << user << " " << grouping;
            }
            std::shuffle(cells.begin(), cells.end(), random);
            for (std::size_t i = 0; i < std::min<std::size_t>(cells.size(), 3); ++i) {
                EXPECT_EQ(ListTotal(session, cells[i].at("cases")), cells[i].at("count"))
                    << user << " " << grouping << " " << cells[i].dump();
            }
        }
    }
}

TEST_F(StatsApiTest, EveryFigureListsExactlyItsCasesForEveryRole) {
    ExpectEveryFigureListsItsCases(port(), "from=" + ChinaDate(-365) + "&to=" + ChinaDate(1),
                                   Groupings());
}

// "2026-11-01" for the month `months` after the current one (China time).
std::string MonthStart(int months) {
    const std::string today = ChinaDate(0);
    const int index =
        std::stoi(today.substr(0, 4)) * 12 + std::stoi(today.substr(5, 2)) - 1 + months;
    const int month = index % 12 + 1;
    return std::to_string(index / 12) + (month < 10 ? "-0" : "-") + std::to_string(month) + "-01";
}

// Whole months are answered from the monthly rollups where the question allows (area down to
// grids; district and category), and must agree with the case list as the daily rows do.
TEST_F(StatsApiTest, WholeMonthsListExactlyTheirCases) {
    ExpectEveryFigureListsItsCases(
        port(), "from=" + MonthStart(-12) + "&to=" + MonthStart(1),
        {"groupBy=area,category", "groupBy=area&areaLevel=grid",
         "groupBy=period,state&period=quarter",
         "groupBy=area&areaLevel=community&state=closed,merged",
         "groupBy=category,area&categoryLevel=2&category=07", "groupBy=period&period=month", ""});
}

TEST_F(StatsApiTest, ACallersFiguresAreTheirCaseList) {
    const std::string year = "from=" + ChinaDate(-365) + "&to=" + ChinaDate(1);
    const auto total = [&](Session& session) {
        const HttpResponse stats = session.Get(Stats(year));
        EXPECT_THAT(stats, HasStatus(200));
        const std::int64_t figure = stats.json.at("total").at("count");
        EXPECT_EQ(figure, ListTotal(session, "/api/v1/cases?count=true&" + year));
        return figure;
    };
    Session city = LogIn("city-office");
    Session district = LogIn("district-office");
    Session unit = LogIn("unit-handler");
    const std::int64_t everything = total(city);
    const std::int64_t chuanying = total(district);
    const std::int64_t housing = total(unit);
    EXPECT_GT(everything, chuanying);
    EXPECT_GT(chuanying, 0);
    EXPECT_GT(everything, housing);
    EXPECT_GT(housing, 0);

    // By district, a district office's cases lie in its own district, or were raised above it.
    const HttpResponse by_district = district.Get(Stats(year + "&groupBy=area"));
    ASSERT_THAT(by_district, HasStatus(200));
    for (const auto& cell : by_district.json.at("cells")) {
        const auto& key = cell.at("keys").at(0);
        EXPECT_TRUE(key.at("value") == std::to_string(UnitId(codes::kChuanying)) ||
                    key.value("own", false))
            << cell.dump();
    }
    // The city office narrowed to 船营区 by stake sees what the district office sees.
    const HttpResponse narrowed =
        city.Get(Stats(year + "&orgUnit=" + std::to_string(UnitId(codes::kChuanying))));
    ASSERT_THAT(narrowed, HasStatus(200));
    EXPECT_EQ(narrowed.json.at("total").at("count"), chuanying);
    EXPECT_EQ(narrowed.json.at("source"), "rollups");
}

TEST_F(StatsApiTest, ComparisonsArePreviousMonthsAndTheYearBefore) {
    Session city = LogIn("city-office");
    const HttpResponse month = city.Get(Stats("compare=previous,yearBefore&groupBy=channel"));
    ASSERT_THAT(month, HasStatus(200));
    // The default: this month so far, against the same days of last month and a year ago.
    const std::string from = month.json.at("from");
    const std::string to = month.json.at("to");
    EXPECT_EQ(from.substr(8), "01");
    EXPECT_EQ(to, ChinaDate(1));
    const std::string last_month = month.json.at("previous").at("from");
    EXPECT_EQ(last_month.substr(8), "01");
    EXPECT_LT(last_month, from);
    const std::string previous_to = month.json.at("previous").at("to");
    EXPECT_LE(previous_to, from);
    EXPECT_EQ(month.json.at("yearBefore").at("to"),
              std::to_string(std::stoi(ChinaDate(1).substr(0, 4)) - 1) + ChinaDate(1).substr(4));

    const HttpResponse whole = city.Get(Stats("from=" + last_month + "&to=" + from +
                                              "&groupBy=channel&compare=previous,yearBefore"));
    ASSERT_THAT(whole, HasStatus(200));
    EXPECT_EQ(whole.json.at("previous").at("to"), last_month);
    const auto& total = whole.json.at("total");
    EXPECT_GT(total.at("count").get<std::int64_t>(), 0);
    EXPECT_GT(total.at("previous").at("count").get<std::int64_t>(), 0);
    for (const auto& cell : whole.json.at("cells")) {
        for (const char* earlier : {"previous", "yearBefore"}) {
            EXPECT_EQ(ListTotal(city, cell.at(earlier).at("cases")), cell.at(earlier).at("count"))
                << cell.dump();
        }
    }
    EXPECT_EQ(ListTotal(city, total.at("previous").at("cases")), total.at("previous").at("count"));
    // The demo's year began after the year before's range.
    EXPECT_EQ(total.at("yearBefore").at("count"), 0);
}

TEST_F(StatsApiTest, TheRollupsFollowEveryWriteAndAgreeWithARecount) {
    Session city = LogIn("city-office");
    const std::string today = "from=" + ChinaDate(0) + "&to=" + ChinaDate(1) +
                              "&groupBy=state&category=0705&channel=walk_in";
    const auto by_state = [&] {
        std::map<std::string, std::int64_t> counts;
        const HttpResponse stats = city.Get(Stats(today));
        EXPECT_THAT(stats, HasStatus(200));
        EXPECT_EQ(stats.json.at("source"), "rollups");
        for (const auto& cell : stats.json.at("cells")) {
            counts[cell.at("keys").at(0).at("value")] = cell.at("count");
        }
        return counts;
    };
    const auto before = by_state();
    const auto created = CreateCase(
        city, CaseBody("walk_in").Category("0705").GridId(UnitId(codes::kYongqianGrid1)));
    auto after = by_state();
    EXPECT_EQ(after["pending"], before.contains("pending") ? before.at("pending") + 1 : 1);
    MoveCase(city, IdOf(created), "accept");
    after = by_state();
    EXPECT_EQ(after["pending"], before.contains("pending") ? before.at("pending") : 0);
    EXPECT_EQ(after["in_progress"],
              (before.contains("in_progress") ? before.at("in_progress") : 0) + 1);

    const auto check = server().CheckStatistics();
    EXPECT_EQ(check.differing_rows, 0)
        << (check.differences.empty() ? "" : check.differences.front().row);
    EXPECT_GT(check.cases, 600);
    EXPECT_GT(check.rows, check.cases);
}

TEST_F(StatsApiTest, BadRequestsAreRefusedFieldByField) {
    Session city = LogIn("city-office");
    const auto problems = [&](std::string_view query) {
        const HttpResponse answer = city.Get(Stats(query));
        EXPECT_THAT(answer, IsError(422, "validation.failed")) << query;
        return FieldErrors(answer);
    };
    EXPECT_THAT(problems("groupBy=colour"), Contains(Pair("groupBy", "invalid")));
    EXPECT_THAT(problems("groupBy=area,area"), Contains(Pair("groupBy", "repeated")));
    EXPECT_THAT(problems("groupBy=area,category,channel"), Contains(Pair("groupBy", "too_many")));
    EXPECT_THAT(problems("from=2026-13-01"), Contains(Pair("from", "invalid")));
    EXPECT_THAT(problems("from=2026-11-01T00:00:00Z"), Contains(Pair("from", "invalid")));
    EXPECT_THAT(problems("from=2026-11-01&to=2026-11-01"), Contains(Pair("to", "before_from")));
    EXPECT_THAT(problems("from=2010-01-01&to=2026-01-01"), Contains(Pair("from", "too_long")));
    EXPECT_THAT(problems("groupBy=period&period=day&from=2024-01-01&to=2026-01-01"),
                Contains(Pair("period", "too_many_days")));
    EXPECT_THAT(problems("period=hour"), Contains(Pair("period", "invalid")));
    EXPECT_THAT(problems("areaLevel=city"), Contains(Pair("areaLevel", "invalid")));
    EXPECT_THAT(problems("unit=assisting"), Contains(Pair("unit", "invalid")));
    EXPECT_THAT(problems("categoryLevel=3"), Contains(Pair("categoryLevel", "invalid")));
    EXPECT_THAT(problems("compare=lastWeek"), Contains(Pair("compare", "invalid")));
    EXPECT_THAT(problems("state=open"), Contains(Pair("state", "invalid")));
    EXPECT_THAT(problems("area=" + std::to_string(UnitId(codes::kHousingBureau))),
                Contains(Pair("area", "not_division")));
    EXPECT_THAT(city.Get(Stats("area=99999999")), IsError(404, "org.unit_not_found"));
    EXPECT_THAT(LogIn("admin").Get(Stats("")), IsError(403, "auth.forbidden"));
    EXPECT_THAT(Anonymous().Get(std::string(kStats)), IsError(401, "auth.required"));
}

TEST_F(StatsApiTest, TheCaseListStatesItsTotalOnlyWhenAsked) {
    Session city = LogIn("city-office");
    const HttpResponse plain = city.Get("/api/v1/cases?limit=1");
    ASSERT_THAT(plain, HasStatus(200));
    EXPECT_FALSE(plain.json.contains("total"));
    EXPECT_THAT(city.Get("/api/v1/cases?count=yes"), IsError(422, "validation.failed"));
    EXPECT_THAT(city.Get("/api/v1/cases?leadUnit=someone"), IsError(422, "validation.failed"));
    // Every case is led by a unit or by none yet; every case shows a card or none.
    const auto total = ListTotal(city, "/api/v1/cases?count=true");
    EXPECT_GE(total, 600);
    const HttpResponse leads = city.Get(Stats("from=2020-01-01&groupBy=unit&unit=lead"));
    ASSERT_THAT(leads, HasStatus(200));
    EXPECT_EQ(leads.json.at("total").at("count"), total);
    for (const auto& cell : leads.json.at("cells")) {
        if (cell.at("keys").at(0).at("value") == "0") {
            EXPECT_NE(cell.at("cases").get<std::string>().find("leadUnit=none"), std::string::npos);
        }
    }
}

}  // namespace
}  // namespace minqing::tests
