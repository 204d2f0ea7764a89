// The case generator on the real demo org network in a scratch SQLite database: the same
// seed gives the same cases, every history verifies, everything lies in the window, numbers
// continue each year's counter; and the demo's year reads like a working office at `now`.
#include "case_generator.hpp"

#include <algorithm>
#include <map>
#include <memory>
#include <set>
#include <tuple>

#include <gtest/gtest.h>

#include "app/seed_files.hpp"
#include "domain/case_deadlines.hpp"
#include "domain/catalog.hpp"
#include "service/case_query_service.hpp"
#include "service/seeder.hpp"
#include "service/time_rules_service.hpp"
#include "storage/database.hpp"
#include "storage/sql_store.hpp"
#include "storage/testing/scratch_database.hpp"

namespace minqing::casegen {
namespace {

using domain::Case;
using domain::CaseEvent;
using domain::CaseState;
using domain::OrgUnitId;
using std::chrono::days;

constexpr std::int64_t kCases = 300;
constexpr std::uint64_t kSeed = 7;
// A window that crosses New Year, so two counters are used.
const Instant kNow = *ParseIso8601("2026-02-20T10:00:00+08:00");
constexpr int kDays = 60;
// The demo's shape at a smaller count: the same window and profile, about a tenth of the cases.
constexpr std::int64_t kProfileCases = 2000;
const Instant kProfileNow = *ParseIso8601("2026-11-18T10:00:00+08:00");  // a Wednesday morning

struct Generated {
    std::unique_ptr<storage::testing::ScratchDatabase> scratch;
    std::unique_ptr<storage::SqlStore> store;
    GeneratorSummary summary;
};

// A fresh database with the demo org network, categories, accounts, working calendar and time
// limits (as `minqing serve --demo` seeds them), then the cases.
Generated Generate(std::uint64_t seed, std::int64_t count = kCases, Instant now = kNow,
                   int window_days = kDays) {
    Generated generated;
    generated.scratch =
        std::make_unique<storage::testing::ScratchDatabase>(storage::testing::Backend::kSqlite);
    storage::DatabaseOptions options;
    options.url = generated.scratch->url();
    generated.store = std::make_unique<storage::SqlStore>(storage::OpenDatabase(options));
    const FakeClock clock(now - days(window_days + 30));
    auto seed_tables = app::ReadSeedTables(MINQING_SOURCE_DIR "/data/seed");
    EXPECT_TRUE(seed_tables.has_value());
    EXPECT_TRUE(service::SeedOrgNetwork(*generated.store, clock, *seed_tables).has_value());
    EXPECT_TRUE(service::SeedCategories(*generated.store, seed_tables->categories).has_value());
    EXPECT_TRUE(
        service::SeedDispatchCatalogue(*generated.store, seed_tables->dispatch).has_value());
    // The cheapest argon2id libsodium accepts: the accounts only need to exist.
    EXPECT_TRUE(service::SeedDemoAccounts(*generated.store, clock, "test", {1, 8192}).has_value());
    service::TimeRulesService time_rules(*generated.store, clock, domain::OfficeHours{});
    auto holidays = app::ReadSeedCsv(MINQING_SOURCE_DIR "/data/seed/calendar/holidays.csv");
    auto limits = app::ReadSeedCsv(MINQING_SOURCE_DIR "/data/seed/time-limits.csv");
    EXPECT_TRUE(holidays && time_rules.Import(nullptr, *holidays).has_value());
    EXPECT_TRUE(limits && time_rules.SeedRules(*limits).has_value());
    GeneratorOptions generator;
    generator.seed = seed;
    generator.count = count;
    generator.now = now;
    generator.days = window_days;
    generator.batch_size = 128;  // several batches, the last one partial
    auto summary = GenerateCases(*generated.store, generator);
    EXPECT_TRUE(summary.has_value()) << (summary ? "" : summary.error().message);
    if (summary) {
        generated.summary = *summary;
    }
    return generated;
}

std::vector<Case> AllCases(domain::Store& store) {
    return domain::Query(store, [](domain::Repositories& repositories) {
        domain::CaseListQuery query;
        query.visibility.everything = true;
        query.limit = 100'000;
        auto cases = repositories.Cases().List(query);
        std::ranges::sort(cases, {}, &Case::id);
        return cases;
    });
}

std::vector<CaseEvent> EventsOf(domain::Store& store, domain::CaseId id) {
    return domain::Query(store, [id](domain::Repositories& repositories) {
        return repositories.CaseEvents().History(id);
    });
}

class CaseGeneratorTest : public ::testing::Test {
  protected:
    static void SetUpTestSuite() {
        first_ = new Generated(Generate(kSeed));
        second_ = new Generated(Generate(kSeed));
    }
    static void TearDownTestSuite() {
        delete first_;
        delete second_;
    }

    static Generated* first_;
    static Generated* second_;
};

Generated* CaseGeneratorTest::first_ = nullptr;
Generated* CaseGeneratorTest::second_ = nullptr;

TEST_F(CaseGeneratorTest, WritesTheRequestedNumberOfCases) {
    EXPECT_EQ(first_->summary.cases, kCases);
    EXPECT_EQ(AllCases(*first_->store).size(), static_cast<std::size_t>(kCases));
}

TEST_F(CaseGeneratorTest, SameSeedGivesTheSameCases) {
    const auto a = AllCases(*first_->store);
    const auto b = AllCases(*second_->store);
    ASSERT_EQ(a.size(), b.size());
    for (std::size_t i = 0; i < a.size(); ++i) {
        EXPECT_EQ(std::tie(a[i].number, a[i].title, a[i].content, a[i].created_at, a[i].version),
                  std::tie(b[i].number, b[i].title, b[i].content, b[i].created_at, b[i].version));
        EXPECT_EQ(a[i].state, b[i].state);
        EXPECT_EQ(EventsOf(*first_->store, a[i].id).back().hash,
                  EventsOf(*second_->store, b[i].id).back().hash);
    }
}

TEST_F(CaseGeneratorTest, AnotherSeedGivesOtherCases) {
    const Generated other = Generate(kSeed + 1);
    const auto a = AllCases(*first_->store);
    const auto b = AllCases(*other.store);
    std::size_t same_titles = 0;
    for (std::size_t i = 0; i < std::min(a.size(), b.size()); ++i) {
        same_titles += a[i].title == b[i].title ? 1 : 0;
    }
    EXPECT_LT(same_titles, a.size() / 4);
}

// Where a case stands at `now` follows from its timing, so the rarer waits (an extension or an
// instruction being decided) need the demo's volume to be caught in the act; on the way, every
// state is passed through even in a few hundred cases.
TEST_F(CaseGeneratorTest, EveryStateOccursOnTheWay) {
    std::map<CaseState, int> now;
    std::set<CaseState> passed;
    for (const Case& c : AllCases(*first_->store)) {
        ++now[c.state];
        for (const CaseEvent& event : EventsOf(*first_->store, c.id)) {
            passed.insert(event.to_state);
        }
    }
    for (const CaseState state : domain::AllCaseStates()) {
        EXPECT_TRUE(passed.contains(state)) << domain::CaseStateName(state);
        EXPECT_EQ(first_->summary.states[static_cast<std::size_t>(state)], now[state]);
    }
    for (const CaseState ending : {CaseState::kClosed, CaseState::kDeclined, CaseState::kMerged,
                                   CaseState::kWithdrawn, CaseState::kHandling}) {
        EXPECT_GT(now[ending], 0) << domain::CaseStateName(ending);
    }
}

TEST_F(CaseGeneratorTest, EveryHistoryVerifiesAndEndsInTheCaseState) {
    std::int64_t events = 0;
    for (const Case& c : AllCases(*first_->store)) {
        const auto history = EventsOf(*first_->store, c.id);
        ASSERT_FALSE(history.empty());
        const auto check = service::CheckChain(history);
        EXPECT_TRUE(check.intact) << c.number << " " << check.problem;
        EXPECT_EQ(history.front().action, "create");
        EXPECT_EQ(history.back().to_state, c.state) << c.number;
        EXPECT_EQ(c.version, static_cast<std::int64_t>(history.size())) << c.number;
        events += static_cast<std::int64_t>(history.size());
    }
    EXPECT_EQ(events, first_->summary.events);
}

TEST_F(CaseGeneratorTest, EverythingHappensInsideTheWindowInOrder) {
    const Instant start = kNow - days(kDays);
    Instant previous_creation = start;
    for (const Case& c : AllCases(*first_->store)) {
        EXPECT_GE(c.created_at, start) << c.number;
        EXPECT_LT(c.created_at, kNow) << c.number;
        // Numbers follow creation time.
        EXPECT_GE(c.created_at, previous_creation) << c.number;
        previous_creation = c.created_at;
        Instant previous = c.created_at;
        for (const CaseEvent& event : EventsOf(*first_->store, c.id)) {
            EXPECT_GE(event.at, previous) << c.number << " " << event.action;
            EXPECT_LT(event.at, kNow) << c.number << " " << event.action;
            previous = event.at;
        }
        EXPECT_EQ(c.updated_at, previous) << c.number;
    }
}

TEST_F(CaseGeneratorTest, NumbersContinueEachYearsCounter) {
    std::map<std::string, std::set<int>> serials;
    for (const Case& c : AllCases(*first_->store)) {
        serials[c.number.substr(0, 4)].insert(std::stoi(c.number.substr(5)));
    }
    ASSERT_EQ(serials.size(), 2u) << "the window crosses New Year";
    for (const auto& [year, numbers] : serials) {
        EXPECT_EQ(*numbers.begin(), 1) << year;
        EXPECT_EQ(*numbers.rbegin(), static_cast<int>(numbers.size())) << year;
    }
    std::string next;
    first_->store->Write([&](domain::Repositories& repositories) {
        next = repositories.Cases().NextNumber(2026);
        return false;
    });
    EXPECT_EQ(std::stoi(next.substr(5)), static_cast<int>(serials["2026"].size()) + 1);
}

TEST_F(CaseGeneratorTest, DispatchesToUnitsFollowTheCatalogue) {
    int checked = 0;
    domain::Store& store = *first_->store;
    for (const Case& c : AllCases(store)) {
        for (const CaseEvent& event : EventsOf(store, c.id)) {
            if (event.action != "dispatch" || !event.actor_unit_id) {
                continue;
            }
            ASSERT_TRUE(event.payload.target_id) << event.payload_json;
            const OrgUnitId target = *event.payload.target_id;
            domain::Query(store, [&](domain::Repositories& repositories) {
                // The rule of the level the unit belongs to: the city office may also dispatch
                // straight to a district's unit.
                const auto unit = repositories.Orgs().FindById(target);
                if (!unit || unit->kind == domain::OrgKind::kDivision || !unit->parent_id) {
                    return 0;
                }
                const auto office = repositories.Orgs().FindById(*unit->parent_id);
                const auto rule =
                    repositories.Catalog().FindDispatchRule(c.category_code, office->level);
                if (rule) {
                    EXPECT_EQ(unit->code, domain::ResolveUnitCode(rule->lead_unit, office->code))
                        << c.number << " " << c.category_code;
                    ++checked;
                }
                return 0;
            });
        }
    }
    EXPECT_GT(checked, 30);
}

TEST_F(CaseGeneratorTest, CasesReadLikeJilin) {
    int in_demo_districts = 0;
    int with_grid = 0;
    std::set<domain::Channel> channels;
    std::set<std::string> categories;
    for (const Case& c : AllCases(*first_->store)) {
        EXPECT_FALSE(c.title.empty());
        EXPECT_LE(c.title.size(), 300u);  // 100 characters of at most 3 bytes
        EXPECT_EQ(c.title.find('{'), std::string::npos) << c.title;
        EXPECT_EQ(c.content.find('{'), std::string::npos) << c.content;
        in_demo_districts +=
            c.location.address.starts_with("船营区") || c.location.address.starts_with("昌邑区")
                ? 1
                : 0;
        with_grid += c.location.grid_id ? 1 : 0;
        channels.insert(c.channel);
        categories.insert(c.category_code);
        if (c.reporter.anonymous) {
            EXPECT_TRUE(c.reporter.name.empty());
            EXPECT_TRUE(c.reporter.phone.empty());
        }
    }
    EXPECT_EQ(channels.size(), 7u);
    EXPECT_GT(categories.size(), 40u);
    EXPECT_GT(with_grid, kCases / 3);
    EXPECT_GT(in_demo_districts, kCases / 3);
}

// ---------------------------------------------------------------------------------------------
// The demo's year (issue 11): a functioning city's back office at `now`. Colours and lateness
// come from the deadline rules (domain::DeadlineStatusOf on the database's calendar), not from
// anything the generator wrote about itself.

class DemoProfileTest : public ::testing::Test {
  protected:
    static void SetUpTestSuite() {
        demo_ = new Generated(Generate(kSeed, kProfileCases, kProfileNow, kDemoDays));
        cases_ = new std::vector<Case>(AllCases(*demo_->store));
    }
    static void TearDownTestSuite() {
        delete cases_;
        delete demo_;
    }

    static domain::WorkCalendar Calendar() {
        return *domain::Query(*demo_->store, [](domain::Repositories& repositories) {
                    return service::LoadTimeRules(repositories, domain::OfficeHours{});
                }).calendar;
    }

    static bool Open(const Case& c) { return !domain::IsTerminal(c.state); }

    static Generated* demo_;
    static std::vector<Case>* cases_;
};

Generated* DemoProfileTest::demo_ = nullptr;
std::vector<Case>* DemoProfileTest::cases_ = nullptr;

// (year, month) in China of an instant.
std::pair<int, unsigned> MonthOf(Instant at) {
    const std::chrono::year_month_day day(domain::LocalDayOf(at));
    return {static_cast<int>(day.year()), static_cast<unsigned>(day.month())};
}

TEST_F(DemoProfileTest, HistorySpansAYearWithCasesEveryMonth) {
    ASSERT_GE(kDemoDays, 365);
    ASSERT_EQ(cases_->size(), static_cast<std::size_t>(kProfileCases));
    EXPECT_LT(cases_->front().created_at, kProfileNow - days(360));
    std::map<std::pair<int, unsigned>, int> per_month;
    for (const Case& c : *cases_) {
        ++per_month[MonthOf(c.created_at)];
    }
    // 2025-11 (from the 18th) to 2026-11 (to the 18th): 13 months, the 11 between them whole.
    ASSERT_EQ(per_month.size(), 13u);
    const double average = static_cast<double>(kProfileCases) * 30.4 / kDemoDays;
    int whole = 0;
    for (auto month = std::next(per_month.begin()); month != std::prev(per_month.end()); ++month) {
        // Steady arrivals: seasons and holidays move a month's volume, they do not empty it.
        EXPECT_GT(month->second, 0.6 * average) << month->first.first << "-" << month->first.second;
        EXPECT_LT(month->second, 1.6 * average) << month->first.first << "-" << month->first.second;
        ++whole;
    }
    EXPECT_EQ(whole, 11);
}

TEST_F(DemoProfileTest, MoreCasesArriveOnWorkingDaysThanAtWeekends) {
    const domain::WorkCalendar calendar = Calendar();
    std::map<domain::LocalDay, int> per_day;
    for (const Case& c : *cases_) {
        ++per_day[domain::LocalDayOf(c.created_at)];
    }
    double working = 0, working_days = 0, off = 0, off_days = 0;
    for (domain::LocalDay day = domain::LocalDayOf(kProfileNow - days(kDemoDays)) + days(1);
         day < domain::LocalDayOf(kProfileNow); day += days(1)) {
        const int count = per_day.contains(day) ? per_day[day] : 0;
        (calendar.IsWorkingDay(day) ? working : off) += count;
        (calendar.IsWorkingDay(day) ? working_days : off_days) += 1;
    }
    EXPECT_GT(working / working_days, 1.3 * off / off_days);
}

TEST_F(DemoProfileTest, OldCasesAreFinished) {
    // Older than two months: finished (closed, declined, merged, withdrawn), or in a long-term
    // commitment that has its own months-long limit.
    int old = 0;
    int still_open = 0;
    for (const Case& c : *cases_) {
        if (c.created_at < kProfileNow - days(60)) {
            ++old;
            still_open += Open(c) && c.state != CaseState::kLongTerm ? 1 : 0;
        }
    }
    ASSERT_GT(old, kProfileCases / 2);
    EXPECT_LE(still_open, old / 100) << still_open << " of " << old;
}

TEST_F(DemoProfileTest, MostOpenCasesAreWithinTheirLimits) {
    const domain::WorkCalendar calendar = Calendar();
    std::map<domain::Warning, int> colours;
    int open = 0;
    for (const Case& c : *cases_) {
        if (!Open(c)) {
            continue;
        }
        ++open;
        const auto status = domain::DeadlineStatusOf(c, calendar, kProfileNow);
        ASSERT_TRUE(status.has_value()) << c.number << " has no deadline";
        ++colours[status->warning];
    }
    const int normal = colours[domain::Warning::kNormal];
    const int yellow = colours[domain::Warning::kYellow];
    const int red = colours[domain::Warning::kRed];
    // A few dozen cases in flight at this count: two to three weeks' intake not yet finished.
    ASSERT_GT(open, 20);
    EXPECT_LT(open, kProfileCases / 10);
    EXPECT_GE(normal, open * 6 / 10)
        << normal << " normal, " << yellow << " yellow, " << red << " red of " << open;
    EXPECT_GT(yellow, 0);
    EXPECT_LE(red, open * 15 / 100) << red << " red of " << open;
}

TEST_F(DemoProfileTest, OverdueCasesAreAFewWorkingDaysLate) {
    const domain::WorkCalendar calendar = Calendar();
    const double per_day = domain::OfficeHours{}.MinutesPerDay();
    std::vector<double> late_days;
    for (const Case& c : *cases_) {
        const auto status =
            Open(c) ? domain::DeadlineStatusOf(c, calendar, kProfileNow) : std::nullopt;
        if (status && status->warning == domain::Warning::kRed) {
            late_days.push_back(static_cast<double>(-status->working_minutes_left) / per_day);
        }
    }
    if (late_days.empty()) {
        GTEST_SKIP() << "no red case at this count";
    }
    std::ranges::sort(late_days);
    EXPECT_LE(late_days[late_days.size() / 2], 2.0) << "median working days late";
    EXPECT_LE(late_days.back(), 5.0) << "the latest, in working days";
}

TEST(CaseGeneratorOptionsTest, RefusesBadOptions) {
    storage::testing::ScratchDatabase scratch(storage::testing::Backend::kSqlite);
    storage::DatabaseOptions options;
    options.url = scratch.url();
    storage::SqlStore store(storage::OpenDatabase(options));
    GeneratorOptions bad;
    bad.count = -1;
    bad.days = 0;
    const auto refused = GenerateCases(store, bad);
    ASSERT_FALSE(refused.has_value());
    EXPECT_EQ(refused.error().fields.size(), 2u);
    GeneratorOptions fine;
    fine.count = 1;
    fine.now = kNow;
    const auto empty = GenerateCases(store, fine);
    ASSERT_FALSE(empty.has_value());
    EXPECT_EQ(empty.error().reason, "casegen.no_org_network");
}

}  // namespace
}  // namespace minqing::casegen
