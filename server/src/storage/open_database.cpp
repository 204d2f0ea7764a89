#include <algorithm>
#include <stdexcept>
#include <string>

#include "storage/database.hpp"
#include "storage/migrations.hpp"
#include "storage/postgres/pg_database.hpp"
#include "storage/sqlite/sqlite_database.hpp"
#include "storage/sqlite/sqlite_session.hpp"

namespace minqing::storage {
namespace {

constexpr std::string_view kSqlitePrefix = "sqlite:";

}  // namespace

std::unique_ptr<Database> OpenDatabase(const DatabaseOptions& options) {
    const std::string& url = options.url;
    if (url.starts_with(kSqlitePrefix)) {
        const std::string path = url.substr(kSqlitePrefix.size());
        if (path.empty()) {
            throw std::invalid_argument("database URL sqlite: needs a file path");
        }
        {
            // Migrate on a short-lived connection before the writer thread owns the file.
            sqlite::SqliteSession session(path, options.busy_timeout_ms, false);
            ApplyMigrations(session);
        }
        return std::make_unique<sqlite::SqliteDatabase>(path, options);
    }
    if (url.starts_with("postgresql://") || url.starts_with("postgres://")) {
        auto database = postgres::PgDatabase::Open(options);
        database->Read([](SqlSession& session) { ApplyMigrations(session); });
        return database;
    }
    // Only the scheme is echoed: the rest of a URL may hold a password.
    const std::string scheme = url.substr(0, std::min(url.find(':'), url.size()));
    throw std::invalid_argument("database URL must start with sqlite: or postgresql:// (got \"" +
                                scheme + ":…\")");
}

}  // namespace minqing::storage
