#include "storage/testing/scratch_database.hpp"

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <stdexcept>

#include <unistd.h>

#include "storage/postgres/pg_session.hpp"

namespace minqing::storage::testing {
namespace {

std::atomic<int> counter{0};

std::string MakeTempDir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "minqing-test.XXXXXX").string();
    if (mkdtemp(pattern.data()) == nullptr) {
        throw std::runtime_error("cannot create a temporary directory");
    }
    return pattern;
}

// The server URL with its database path replaced by `database`.
std::string WithDatabase(const std::string& url, const std::string& database) {
    const auto scheme_end = url.find("://");
    const auto slash = url.find('/', scheme_end == std::string::npos ? 0 : scheme_end + 3);
    const auto query = url.find('?');
    const std::string base = slash == std::string::npos ? url : url.substr(0, slash);
    const std::string tail = query == std::string::npos ? "" : url.substr(query);
    return base + "/" + database + tail;
}

}  // namespace

Backend BackendFromEnvironment() {
    const char* db = std::getenv("MINQING_TEST_DB");
    return db != nullptr && std::string(db) == "postgres" ? Backend::kPostgres : Backend::kSqlite;
}

ScratchDatabase::ScratchDatabase(Backend backend) : backend_(backend), data_dir_(MakeTempDir()) {
    if (backend_ == Backend::kSqlite) {
        url_ = "sqlite:" + data_dir_ + "/test.db";
        return;
    }
    const char* server = std::getenv("MINQING_TEST_PG_URL");
    if (server == nullptr || *server == '\0') {
        throw std::runtime_error(
            "MINQING_TEST_PG_URL is not set: start a server with "
            "`url=$(scripts/pg-temp start DIR)` and export MINQING_TEST_PG_URL=$url "
            "(make test does this)");
    }
    admin_url_ = server;
    database_name_ =
        "minqing_t_" + std::to_string(getpid()) + "_" + std::to_string(counter.fetch_add(1));
    postgres::PgSession::Connect(admin_url_)->ExecuteScript("CREATE DATABASE " + database_name_);
    url_ = WithDatabase(admin_url_, database_name_);
}

ScratchDatabase::~ScratchDatabase() {
    if (backend_ == Backend::kPostgres) {
        try {
            postgres::PgSession::Connect(admin_url_)
                ->ExecuteScript("DROP DATABASE IF EXISTS " + database_name_ + " WITH (FORCE)");
        } catch (const std::exception&) {
            // The server may already be gone at the end of a run; scripts/pg-temp removes it.
        }
    }
    std::error_code ignored;
    std::filesystem::remove_all(data_dir_, ignored);
}

}  // namespace minqing::storage::testing
