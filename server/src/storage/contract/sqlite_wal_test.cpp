// SQLite only: the write-ahead log stays bounded under steady writes even while a reader
// holds on to it, instead of growing for as long as the server runs.
#include <chrono>
#include <filesystem>
#include <future>
#include <string>
#include <thread>

#include <gtest/gtest.h>

#include "storage/database.hpp"
#include "storage/testing/scratch_database.hpp"

namespace minqing::storage {
namespace {

std::int64_t WalBytes(const std::string& url) {
    std::error_code missing;
    const auto size =
        std::filesystem::file_size(url.substr(std::string("sqlite:").size()) + "-wal", missing);
    return missing ? 0 : static_cast<std::int64_t>(size);
}

void WriteRows(Database& database, int rows) {
    const std::string filler(4000, 'x');
    for (int i = 0; i < rows; ++i) {
        database.Write([&](SqlSession& session) {
            session.Execute("INSERT INTO wal_probe (body) VALUES (?)", {filler});
            return true;
        });
    }
}

TEST(SqliteWalTest, TheLogIsTruncatedOnceReadersLetGoOfIt) {
    testing::ScratchDatabase scratch(testing::Backend::kSqlite);
    DatabaseOptions options;
    options.url = scratch.url();
    constexpr std::int64_t kLimit = 256 * 1024;
    options.wal_limit_bytes = kLimit;
    const auto database = OpenDatabase(options);
    database->Write([](SqlSession& session) {
        session.Execute("CREATE TABLE wal_probe (id INTEGER PRIMARY KEY, body TEXT NOT NULL)");
        return true;
    });

    // A reader that keeps its snapshot open stops every checkpoint from starting the log
    // over, so it grows well past the limit meanwhile.
    std::promise<void> release;
    std::promise<void> reading;
    std::thread reader([&] {
        database->Read([&](SqlSession& session) {
            session.QueryOne("SELECT count(*) FROM wal_probe");
            reading.set_value();
            release.get_future().wait();
        });
    });
    reading.get_future().wait();
    WriteRows(*database, 400);
    const std::int64_t grown = WalBytes(scratch.url());
    EXPECT_GT(grown, kLimit);
    release.set_value();
    reader.join();

    // The checkpointer runs every 200 ms; it gets a generous while to notice.
    const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(20);
    while (WalBytes(scratch.url()) > kLimit && std::chrono::steady_clock::now() < give_up) {
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    EXPECT_LE(WalBytes(scratch.url()), kLimit) << "grown to " << grown;
}

}  // namespace
}  // namespace minqing::storage
