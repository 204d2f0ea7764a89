// The case generator on the real demo org network in a scratch SQLite database: the same
// seed gives the same cases, every state occurs, every history verifies, everything lies in
// the window, and numbers continue each year's counter.
#include "case_generator.hpp"

#include <algorithm>
#include <map>
#include <memory>
#include <set>
#include <tuple>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "domain/catalog.hpp"
#include "main/seed_files.hpp"
#include "service/case_query_service.hpp"
#include "service/seeder.hpp"
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

struct Generated {
    std::unique_ptr<storage::testing::ScratchDatabase> scratch;
    std::unique_ptr<storage::SqlStore> store;
    GeneratorSummary summary;
};

// A fresh database with the demo org network, categories and accounts, then the cases.
Generated Generate(std::uint64_t seed) {
    Generated generated;
    generated.scratch =
        std::make_unique<storage::testing::ScratchDatabase>(storage::testing::Backend::kSqlite);
    storage::DatabaseOptions options;
    options.url = generated.scratch->url();
    generated.store = std::make_unique<storage::SqlStore>(storage::OpenDatabase(options));
    const FakeClock clock(kNow - days(120));
    auto seed_tables = app::ReadSeedTables(MINQING_SOURCE_DIR "/data/seed");
    EXPECT_TRUE(seed_tables.has_value());
    EXPECT_TRUE(service::SeedOrgNetwork(*generated.store, clock, *seed_tables).has_value());
    EXPECT_TRUE(service::SeedCategories(*generated.store, seed_tables->categories).has_value());
    EXPECT_TRUE(
        service::SeedDispatchCatalogue(*generated.store, seed_tables->dispatch).has_value());
    // The cheapest argon2id libsodium accepts: the accounts only need to exist.
    EXPECT_TRUE(service::SeedDemoAccounts(*generated.store, clock, "test", {1, 8192}).has_value());
    GeneratorOptions generator;
    generator.seed = seed;
    generator.count = kCases;
    generator.now = kNow;
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
        return repositories.Cases().Events(id);
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

TEST_F(CaseGeneratorTest, EveryStateOccurs) {
    std::map<CaseState, int> counts;
    for (const Case& c : AllCases(*first_->store)) {
        ++counts[c.state];
    }
    for (const CaseState state : domain::AllCaseStates()) {
        EXPECT_GT(counts[state], 0) << domain::CaseStateName(state);
        EXPECT_EQ(first_->summary.states[static_cast<std::size_t>(state)], counts[state]);
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
    const Instant start = kNow - days(kDemoDays);
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
            const auto target =
                nlohmann::json::parse(event.payload).at("targetId").get<OrgUnitId>();
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
