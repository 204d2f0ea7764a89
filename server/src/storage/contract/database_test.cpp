// Contract: the Database under every Store: atomic units of work, concurrent writers,
// migrations applied once, durable commits.
#include <atomic>
#include <stdexcept>
#include <thread>

#include "storage/contract/store_fixture.hpp"
#include "storage/migrations.hpp"

namespace minqing::storage::contract {
namespace {

using domain::Repositories;

template <typename Backend>
class DatabaseContract : public StoreContract<Backend> {
  protected:
    std::int64_t CountUnits() {
        return domain::Query(
            this->store(), [](Repositories& repositories) { return repositories.Orgs().Count(); });
    }

    static domain::OrgUnit City(std::string code) {
        domain::OrgUnit city;
        city.code = std::move(code);
        city.name = "城市" + city.code;
        return city;
    }
};

TYPED_TEST_SUITE(DatabaseContract, Backends, BackendNames);

TYPED_TEST(DatabaseContract, AUnitThatReturnsFalseLeavesNothing) {
    this->store().Write([](Repositories& repositories) {
        EXPECT_TRUE(repositories.Orgs().Insert(TestFixture::City("A")));
        return false;
    });
    EXPECT_EQ(this->CountUnits(), 0);
}

TYPED_TEST(DatabaseContract, AUnitThatThrowsLeavesNothingAndTheErrorReachesTheCaller) {
    EXPECT_THROW(this->store().Write([](Repositories& repositories) -> bool {
        EXPECT_TRUE(repositories.Orgs().Insert(TestFixture::City("A")));
        throw std::logic_error("broken invariant");
    }),
                 std::logic_error);
    EXPECT_EQ(this->CountUnits(), 0);
}

// Many threads writing at once: every acknowledged unit is stored, and one unit's failure
// does not undo the others committed beside it.
TYPED_TEST(DatabaseContract, ConcurrentWritersAreAllCommittedIndependently) {
    constexpr int kThreads = 8;
    constexpr int kPerThread = 25;
    std::atomic<int> acknowledged{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t) {
        threads.emplace_back([&, t] {
            for (int i = 0; i < kPerThread; ++i) {
                const bool keep = i % 5 != 0;
                this->store().Write([&](Repositories& repositories) {
                    EXPECT_TRUE(repositories.Orgs().Insert(
                        TestFixture::City(std::to_string(t) + "-" + std::to_string(i))));
                    return keep;
                });
                if (keep) {
                    acknowledged.fetch_add(1);
                }
            }
        });
    }
    for (auto& thread : threads) {
        thread.join();
    }
    EXPECT_EQ(acknowledged.load(), kThreads * kPerThread * 4 / 5);
    EXPECT_EQ(this->CountUnits(), acknowledged.load());
    this->Reopen();
    EXPECT_EQ(this->CountUnits(), acknowledged.load());
}

TYPED_TEST(DatabaseContract, MigrationsAreAppliedOnceAndRecorded) {
    this->Reopen();
    this->Reopen();
    DatabaseOptions options;
    options.url = this->scratch().url();
    auto database = OpenDatabase(options);
    std::int64_t recorded = 0;
    std::int64_t distinct = 0;
    database->Read([&](SqlSession& session) {
        const auto row =
            session.QueryOne("SELECT COUNT(*), COUNT(DISTINCT version) FROM schema_migrations");
        recorded = row->Int(0);
        distinct = row->Int(1);
    });
    const auto& migrations =
        database->dialect() == Dialect::kSqlite ? SqliteMigrations() : PostgresMigrations();
    EXPECT_GT(recorded, 0);
    EXPECT_EQ(recorded, static_cast<std::int64_t>(migrations.size()));
    EXPECT_EQ(distinct, recorded);
}

TYPED_TEST(DatabaseContract, PingAnswers) {
    EXPECT_TRUE(this->store().Ping());
}

TYPED_TEST(DatabaseContract, TextRoundTripsExactly) {
    const std::string name = "丰满区江南乡 “引号” 'apostrophe' \\ back\\slash 🧧";
    auto stored = domain::Transact(this->store(), [&](Repositories& repositories) {
        domain::OrgUnit city = TestFixture::City("Q");
        city.name = name;
        return repositories.Orgs().Insert(city);
    });
    ASSERT_TRUE(stored);
    const auto found = domain::Query(this->store(), [](Repositories& repositories) {
        return repositories.Orgs().FindByCode("Q");
    });
    EXPECT_EQ(found->name, name);
}

}  // namespace
}  // namespace minqing::storage::contract
