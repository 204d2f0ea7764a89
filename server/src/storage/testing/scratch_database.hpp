// A throw-away database for tests: a fresh SQLite file in a temp directory, or a fresh
// database on the PostgreSQL server named by MINQING_TEST_PG_URL (started by scripts/pg-temp).
// Removed when the object goes. Test-only; one thread.
#pragma once

#include <string>

namespace minqing::storage::testing {

enum class Backend { kSqlite, kPostgres };

/// The backend API tests should use: PostgreSQL when MINQING_TEST_DB=postgres.
Backend BackendFromEnvironment();

class ScratchDatabase {
  public:
    /// Throws std::runtime_error (saying to run scripts/pg-temp) when PostgreSQL is asked
    /// for and MINQING_TEST_PG_URL is unset.
    explicit ScratchDatabase(Backend backend);
    ~ScratchDatabase();
    ScratchDatabase(const ScratchDatabase&) = delete;
    ScratchDatabase& operator=(const ScratchDatabase&) = delete;

    /// The URL to open it with ("sqlite:/tmp/…/test.db" or "postgresql://…/minqing_t_…").
    const std::string& url() const { return url_; }
    /// The directory a server may use for its data (exists for both backends).
    const std::string& data_dir() const { return data_dir_; }

  private:
    Backend backend_;
    std::string url_;
    std::string data_dir_;
    std::string admin_url_;
    std::string database_name_;
};

}  // namespace minqing::storage::testing
