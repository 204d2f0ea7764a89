// The PostgreSQL adapter against a real server. Run through scripts/pg-temp, which starts a
// throw-away cluster and prints the URL that MINQING_TEST_PG_URL must hold:
//   url=$(scripts/pg-temp start /tmp/pgt-$$)
//   MINQING_TEST_PG_URL=$url build/…/minqing_storage_tests --gtest_filter='Pg*'
//   scripts/pg-temp stop /tmp/pgt-$$
#include "storage/postgres/pg_session.hpp"

#include <atomic>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <functional>
#include <future>
#include <limits>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include <gtest/gtest.h>
#include <unistd.h>

#include "common/unavailable_error.hpp"
#include "storage/postgres/pg_database.hpp"

namespace minqing::storage::postgres {
namespace {

// Nothing listens on port 1, so connecting fails at once with "connection refused".
constexpr const char* kUnreachableUrl = "postgresql://minqing:s3cret-pw@127.0.0.1:1/minqing_test";
constexpr const char* kHowToRun =
    "MINQING_TEST_PG_URL is not set. Run the PostgreSQL tests via scripts/pg-temp:\n"
    "  url=$(scripts/pg-temp start /tmp/pgt-$$)\n"
    "  MINQING_TEST_PG_URL=$url <build>/server/minqing_storage_tests --gtest_filter='Pg*'\n"
    "  scripts/pg-temp stop /tmp/pgt-$$\n"
    "or set MINQING_TEST_NO_PG=1 to skip them.";
// Generous, so a loaded machine (sanitizers, parallel builds) does not fail the pool tests.
constexpr int kPatientAcquireMs = 30000;

SqlValue Text(std::string text) {
    return SqlValue(std::move(text));
}
SqlValue Int(std::int64_t value) {
    return SqlValue(value);
}

std::string UniqueTableName() {
    static std::atomic<int> counter{0};
    return "pg_test_" + std::to_string(::getpid()) + "_" + std::to_string(counter++);
}

// Which of the adapter's exception types `action` throws, as a name for table-driven checks.
std::string ThrownKind(const std::function<void()>& action) {
    try {
        action();
    } catch (const UniqueViolation&) {
        return "UniqueViolation";
    } catch (const RetryableConflict&) {
        return "RetryableConflict";
    } catch (const SqlError&) {
        return "SqlError";
    } catch (const UnavailableError&) {
        return "UnavailableError";
    }
    return "nothing";
}

TEST(PgPlaceholderTest, ConvertsOnlyPlaceholdersOutsideLiteralsAndComments) {
    struct Case {
        std::string_view name;
        std::string_view sql;
        std::string_view expected;
        int parameter_count;
    };
    const Case cases[] = {
        {"plain", "SELECT ?, ?", "SELECT $1, $2", 2},
        {"none", "SELECT 1", "SELECT 1", 0},
        {"string literal", "SELECT '?', ?", "SELECT '?', $1", 1},
        {"doubled quote", "SELECT 'it''s ?', ?", "SELECT 'it''s ?', $1", 1},
        {"escape string", R"(SELECT E'\'?', ?)", R"(SELECT E'\'?', $1)", 1},
        {"backslash ends no standard string", R"(SELECT '\', ?)", R"(SELECT '\', $1)", 1},
        {"quoted identifier", R"(SELECT "a?b" FROM t WHERE x = ?)",
         R"(SELECT "a?b" FROM t WHERE x = $1)", 1},
        {"line comment", "SELECT ? -- why?\n, ?", "SELECT $1 -- why?\n, $2", 2},
        {"nested block comment", "SELECT /* a? /* b? */ c? */ ?", "SELECT /* a? /* b? */ c? */ $1",
         1},
        {"dollar quotes", "SELECT $$?$$, $tag$ ? $tag$, ?", "SELECT $$?$$, $tag$ ? $tag$, $1", 1},
        {"dollar inside identifier", "SELECT a$b$, ?", "SELECT a$b$, $1", 1},
        {"eleven", "VALUES (?,?,?,?,?,?,?,?,?,?,?)", "VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11)",
         11},
        {"unterminated literal", "SELECT '?", "SELECT '?", 0},
    };
    for (const Case& c : cases) {
        SCOPED_TRACE(c.name);
        const PgStatementText converted = ConvertPlaceholders(c.sql);
        EXPECT_EQ(converted.sql, c.expected);
        EXPECT_EQ(converted.parameter_count, c.parameter_count);
    }
}

TEST(PgUnreachableTest, PingIsFalseForAnUnreachablePort) {
    DatabaseOptions options;
    options.url = kUnreachableUrl;
    PgDatabase database(options);
    EXPECT_FALSE(database.Ping());
}

TEST(PgUnreachableTest, OpenFailsWithUnavailableErrorNamingHostAndPortButNotPassword) {
    DatabaseOptions options;
    options.url = kUnreachableUrl;
    try {
        PgDatabase::Open(options);
        ADD_FAILURE() << "Open succeeded against an unreachable server";
    } catch (const UnavailableError& error) {
        const std::string message = error.what();
        EXPECT_NE(message.find("127.0.0.1:1"), std::string::npos) << message;
        EXPECT_EQ(message.find("s3cret-pw"), std::string::npos) << message;
    }
}

TEST(PgUnreachableTest, OpenRejectsUrlsThatAreNotPostgresql) {
    const std::string bad_urls[] = {
        "sqlite:/tmp/minqing.db",
        "postgresql://minqing:s3cret-pw@[::1/minqing_test",
        "postgresql://minqing@127.0.0.1:5432/minqing_test?no_such_option=1",
    };
    for (const std::string& url : bad_urls) {
        SCOPED_TRACE(url);
        DatabaseOptions options;
        options.url = url;
        try {
            PgDatabase::Open(options);
            ADD_FAILURE() << "Open accepted the URL";
        } catch (const std::invalid_argument& error) {
            EXPECT_EQ(std::string(error.what()).find("s3cret-pw"), std::string::npos)
                << error.what();
        }
    }
}

TEST(PgUnreachableTest, RejectsAnEmptyPool) {
    DatabaseOptions options;
    options.url = kUnreachableUrl;
    options.pool_size = 0;
    EXPECT_THROW(PgDatabase database(options), std::invalid_argument);
}

// Every test gets an open database (pool of 2) and a table name of its own, dropped after.
class PgServerTest : public ::testing::Test {
  protected:
    void SetUp() override {
        const char* url = std::getenv("MINQING_TEST_PG_URL");
        if (url == nullptr || *url == '\0') {
            const char* no_pg = std::getenv("MINQING_TEST_NO_PG");
            if (no_pg != nullptr && std::string_view(no_pg) == "1") {
                GTEST_SKIP() << "MINQING_TEST_NO_PG=1: PostgreSQL tests skipped";
            }
            FAIL() << kHowToRun;
        }
        url_ = url;
        table_ = UniqueTableName();
        database_ = PgDatabase::Open(Options(2));
    }

    void TearDown() override {
        if (database_ != nullptr) {
            database_->Read(
                [&](SqlSession& session) { session.Execute("DROP TABLE IF EXISTS " + table_); });
        }
    }

    DatabaseOptions Options(int pool_size) const {
        DatabaseOptions options;
        options.url = url_;
        options.pool_size = pool_size;
        options.acquire_timeout_ms = kPatientAcquireMs;
        return options;
    }

    void CreateTable(const std::string& columns) {
        database_->Read([&](SqlSession& session) {
            session.Execute("CREATE TABLE " + table_ + " (" + columns + ")");
        });
    }

    std::int64_t CountRows() {
        std::int64_t count = -1;
        database_->Read([&](SqlSession& session) {
            count = session.QueryOne("SELECT count(*) FROM " + table_)->Int(0);
        });
        return count;
    }

    std::string url_;
    std::string table_;
    std::unique_ptr<PgDatabase> database_;
};

using PgSessionTest = PgServerTest;
using PgDatabaseTest = PgServerTest;

TEST_F(PgSessionTest, QuestionMarksInsideLiteralsReachTheServerUnchanged) {
    database_->Read([](SqlSession& session) {
        const auto row = session.QueryOne(
            "SELECT '?' AS literal, ? AS bound, 'it''s ?' AS quoted -- trailing?\n", {Text("x")});
        ASSERT_TRUE(row.has_value());
        EXPECT_EQ(row->Text(0), "?");
        EXPECT_EQ(row->Text(1), "x");
        EXPECT_EQ(row->Text(2), "it's ?");
    });
}

TEST_F(PgSessionTest, RoundTripsEveryValueKind) {
    CreateTable(
        "id bigint PRIMARY KEY, whole bigint, real double precision, label text, flag boolean, "
        "missing bigint");
    struct Row {
        std::int64_t id;
        std::int64_t whole;
        double real;
        std::string label;
        bool flag;
    };
    const Row rows[] = {
        {1, std::numeric_limits<std::int64_t>::max(), 0.1, "民情直通 'quoted' ?", true},
        {2, std::numeric_limits<std::int64_t>::min(), -1e-300, "", false},
        {3, 0, std::numeric_limits<double>::max(), "line\nbreak\ttab", true},
        {4, -1, std::numeric_limits<double>::infinity(), "\\backslash", false},
        {5, 42, 1.0 / 3.0, "😀", true},
    };
    database_->Read([&](SqlSession& session) {
        for (const Row& row : rows) {
            session.Execute("INSERT INTO " + table_ + " VALUES (?, ?, ?, ?, ?, ?)",
                            {Int(row.id), Int(row.whole), SqlValue(row.real), Text(row.label),
                             SqlValue(row.flag), SqlValue()});
        }
        session.Execute("INSERT INTO " + table_ + " (id, real) VALUES (?, ?)",
                        {Int(6), SqlValue(std::nan(""))});

        const auto stored = session.Query("SELECT id, whole, real, label, flag, missing FROM " +
                                              table_ + " WHERE id <= ? ORDER BY id",
                                          {Int(5)});
        ASSERT_EQ(stored.size(), std::size(rows));
        for (std::size_t i = 0; i < stored.size(); ++i) {
            SCOPED_TRACE(rows[i].id);
            EXPECT_EQ(stored[i].Int(0), rows[i].id);
            EXPECT_EQ(stored[i].Int(1), rows[i].whole);
            EXPECT_EQ(stored[i].Real(2), rows[i].real);
            EXPECT_EQ(stored[i].Text(3), rows[i].label);
            EXPECT_EQ(stored[i].Bool(4), rows[i].flag);
            EXPECT_TRUE(stored[i].IsNull(5));
            EXPECT_EQ(stored[i].OptionalInt(5), std::nullopt);
        }
        const auto nan_row =
            session.QueryOne("SELECT real, label FROM " + table_ + " WHERE id = ?", {Int(6)});
        ASSERT_TRUE(nan_row.has_value());
        EXPECT_TRUE(std::isnan(nan_row->Real(0)));
        EXPECT_EQ(nan_row->OptionalText(1), std::nullopt);
    });
}

TEST_F(PgSessionTest, ExecuteReturnsTheNumberOfChangedRows) {
    CreateTable("id bigint PRIMARY KEY, n bigint");
    database_->Read([&](SqlSession& session) {
        EXPECT_EQ(session.Execute("INSERT INTO " + table_ + " VALUES (1, 0), (2, 0), (3, 0)"), 3);
        EXPECT_EQ(session.Execute("UPDATE " + table_ + " SET n = n + 1 WHERE id >= ?", {Int(2)}),
                  2);
        EXPECT_EQ(session.Execute("DELETE FROM " + table_ + " WHERE id > ?", {Int(9)}), 0);
    });
}

TEST_F(PgSessionTest, RepeatedStatementIsPreparedOnce) {
    database_->Read([](SqlSession& session) {
        for (std::int64_t i = 0; i < 3; ++i) {
            EXPECT_EQ(session.QueryOne("SELECT ? + 1", {Int(i)})->Int(0), i + 1);
        }
        const auto prepared =
            session.QueryOne("SELECT count(*) FROM pg_prepared_statements WHERE statement = ?",
                             {Text("SELECT $1 + 1")});
        EXPECT_EQ(prepared->Int(0), 1);
    });
}

TEST_F(PgSessionTest, DuplicateKeyThrowsUniqueViolation) {
    CreateTable("id bigint PRIMARY KEY");
    database_->Read([&](SqlSession& session) {
        session.Execute("INSERT INTO " + table_ + " VALUES (?)", {Int(1)});
        EXPECT_THROW(session.Execute("INSERT INTO " + table_ + " VALUES (?)", {Int(1)}),
                     UniqueViolation);
    });
}

TEST_F(PgSessionTest, ErrorsMapBySqlstate) {
    struct Case {
        std::string_view sqlstate;
        std::string_view kind;
    };
    const Case cases[] = {
        {"23505", "UniqueViolation"},   {"40001", "RetryableConflict"},
        {"40P01", "RetryableConflict"}, {"08006", "UnavailableError"},
        {"57P01", "UnavailableError"},  {"23503", "SqlError"},
        {"P0001", "SqlError"},
    };
    for (const Case& c : cases) {
        SCOPED_TRACE(c.sqlstate);
        const std::string raise = "DO $$ BEGIN RAISE EXCEPTION 'forced' USING ERRCODE = '" +
                                  std::string(c.sqlstate) + "'; END $$";
        database_->Read([&](SqlSession& session) {
            EXPECT_EQ(ThrownKind([&] { session.Execute(raise); }), c.kind);
        });
    }
}

TEST_F(PgSessionTest, SqlErrorCarriesTheServerMessage) {
    database_->Read([](SqlSession& session) {
        try {
            session.Query("SELEC 1");
            ADD_FAILURE() << "bad SQL ran";
        } catch (const SqlError& error) {
            EXPECT_NE(std::string(error.what()).find("syntax error"), std::string::npos)
                << error.what();
        }
    });
}

TEST_F(PgSessionTest, WrongParameterCountThrowsSqlError) {
    database_->Read([](SqlSession& session) {
        EXPECT_THROW(session.Query("SELECT ?, ?", {Int(1)}), SqlError);
    });
}

TEST_F(PgSessionTest, ExecuteScriptRunsEveryStatement) {
    database_->Read([&](SqlSession& session) {
        session.ExecuteScript("CREATE TABLE " + table_ + " (id bigint PRIMARY KEY);\n" +
                              "INSERT INTO " + table_ + " VALUES (1);\n" + "INSERT INTO " + table_ +
                              " VALUES (2);");
    });
    EXPECT_EQ(CountRows(), 2);
}

TEST_F(PgDatabaseTest, WriteCommitsWhenWorkReturnsTrue) {
    CreateTable("id bigint PRIMARY KEY");
    database_->Write([&](SqlSession& session) {
        session.Execute("INSERT INTO " + table_ + " VALUES (?)", {Int(1)});
        return true;
    });
    EXPECT_EQ(CountRows(), 1);
}

TEST_F(PgDatabaseTest, WriteRollsBackWhenWorkReturnsFalse) {
    CreateTable("id bigint PRIMARY KEY");
    database_->Write([&](SqlSession& session) {
        session.Execute("INSERT INTO " + table_ + " VALUES (?)", {Int(1)});
        return false;
    });
    EXPECT_EQ(CountRows(), 0);
}

TEST_F(PgDatabaseTest, WriteRollsBackAndRethrowsWhenWorkThrows) {
    CreateTable("id bigint PRIMARY KEY");
    EXPECT_THROW(database_->Write([&](SqlSession& session) -> bool {
        session.Execute("INSERT INTO " + table_ + " VALUES (?)", {Int(1)});
        throw std::runtime_error("work failed");
    }),
                 std::runtime_error);
    EXPECT_EQ(CountRows(), 0);
    EXPECT_TRUE(database_->Ping());
}

TEST_F(PgDatabaseTest, WriteThatCommitsAfterAFailedStatementThrowsInsteadOfLosingTheUnit) {
    CreateTable("id bigint PRIMARY KEY");
    EXPECT_THROW(database_->Write([&](SqlSession& session) {
        session.Execute("INSERT INTO " + table_ + " VALUES (?)", {Int(1)});
        try {
            session.Execute("INSERT INTO " + table_ + " VALUES (?)", {Int(1)});
        } catch (const UniqueViolation&) {
            // Swallowed on purpose: PostgreSQL has aborted the transaction all the same.
        }
        return true;
    }),
                 SqlError);
    EXPECT_EQ(CountRows(), 0);
}

TEST_F(PgDatabaseTest, WriteRetriesTheWholeUnitOnRetryableConflict) {
    CreateTable("id bigint PRIMARY KEY");
    int attempts = 0;
    database_->Write([&](SqlSession& session) {
        ++attempts;
        // Inserting the same key each time also proves the failed attempts were rolled back.
        session.Execute("INSERT INTO " + table_ + " VALUES (?)", {Int(1)});
        if (attempts < 3) {
            throw RetryableConflict("simulated serialization failure");
        }
        return true;
    });
    EXPECT_EQ(attempts, 3);
    EXPECT_EQ(CountRows(), 1);
}

TEST_F(PgDatabaseTest, WriteGivesUpAfterThreeRetries) {
    int attempts = 0;
    EXPECT_THROW(database_->Write([&](SqlSession&) -> bool {
        ++attempts;
        throw RetryableConflict("simulated serialization failure");
    }),
                 RetryableConflict);
    EXPECT_EQ(attempts, 4);
}

TEST_F(PgDatabaseTest, ConcurrentWritesFromEightThreadsOnAPoolOfTwo) {
    constexpr int kThreads = 8;
    constexpr int kWritesPerThread = 25;
    CreateTable("id bigint PRIMARY KEY, n bigint NOT NULL");
    database_->Read(
        [&](SqlSession& session) { session.Execute("INSERT INTO " + table_ + " VALUES (0, 0)"); });
    const auto pool = PgDatabase::Open(Options(2));
    std::atomic<int> in_flight{0};
    std::atomic<int> most_in_flight{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t) {
        threads.emplace_back([&, t] {
            for (int i = 0; i < kWritesPerThread; ++i) {
                pool->Write([&](SqlSession& session) {
                    const int now = ++in_flight;
                    int seen = most_in_flight.load();
                    while (now > seen && !most_in_flight.compare_exchange_weak(seen, now)) {
                    }
                    session.Execute("UPDATE " + table_ + " SET n = n + 1 WHERE id = 0");
                    session.Execute("INSERT INTO " + table_ + " VALUES (?, 0)",
                                    {Int(t * 1000 + i + 1)});
                    --in_flight;
                    return true;
                });
            }
        });
    }
    for (std::thread& thread : threads) {
        thread.join();
    }
    EXPECT_LE(most_in_flight.load(), 2);
    EXPECT_EQ(CountRows(), kThreads * kWritesPerThread + 1);
    database_->Read([&](SqlSession& session) {
        EXPECT_EQ(session.QueryOne("SELECT n FROM " + table_ + " WHERE id = 0")->Int(0),
                  kThreads * kWritesPerThread);
    });
}

TEST_F(PgDatabaseTest, ReadRunsEachStatementOnItsOwn) {
    CreateTable("id bigint PRIMARY KEY");
    EXPECT_THROW(database_->Read([&](SqlSession& session) {
        session.Execute("INSERT INTO " + table_ + " VALUES (?)", {Int(1)});
        throw std::runtime_error("after the insert");
    }),
                 std::runtime_error);
    EXPECT_EQ(CountRows(), 1);
}

TEST_F(PgDatabaseTest, ReconnectsAfterTheServerEndsTheSession) {
    const auto single = PgDatabase::Open(Options(1));
    std::int64_t first_pid = 0;
    single->Read([&](SqlSession& session) {
        first_pid = session.QueryOne("SELECT pg_backend_pid()")->Int(0);
    });
    database_->Read([&](SqlSession& session) {
        EXPECT_TRUE(session.QueryOne("SELECT pg_terminate_backend(?)", {Int(first_pid)})->Bool(0));
        // The backend leaves pg_stat_activity as it exits, after closing its socket.
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
        while (session.QueryOne("SELECT count(*) FROM pg_stat_activity WHERE pid = ?",
                                {Int(first_pid)})
                       ->Int(0) != 0 &&
               std::chrono::steady_clock::now() < deadline) {
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        }
    });
    std::int64_t second_pid = 0;
    single->Read([&](SqlSession& session) {
        second_pid = session.QueryOne("SELECT pg_backend_pid()")->Int(0);
    });
    EXPECT_NE(second_pid, first_pid);
}

TEST_F(PgDatabaseTest, WaitingTooLongForAConnectionThrowsUnavailableError) {
    DatabaseOptions options = Options(1);
    options.acquire_timeout_ms = 100;
    const auto single = PgDatabase::Open(options);
    std::promise<void> held;
    std::promise<void> release;
    std::future<void> released = release.get_future();
    std::thread holder([&] {
        single->Read([&](SqlSession&) {
            held.set_value();
            released.wait();
        });
    });
    held.get_future().wait();
    EXPECT_THROW(single->Read([](SqlSession&) {}), UnavailableError);
    EXPECT_FALSE(single->Ping());
    release.set_value();
    holder.join();
    EXPECT_TRUE(single->Ping());
}

TEST_F(PgDatabaseTest, PingIsTrueForALiveServer) {
    EXPECT_TRUE(database_->Ping());
}

}  // namespace
}  // namespace minqing::storage::postgres
