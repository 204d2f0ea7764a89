#include "support/test_server.hpp"

#include <atomic>
#include <cstdlib>
#include <optional>
#include <stdexcept>
#include <string>

#include <libpq-fe.h>
#include <spdlog/spdlog.h>
#include <unistd.h>

#include "app/app.hpp"
#include "case_generator.hpp"
#include "common/clock.hpp"
#include "common/testing/temp_directory.hpp"

namespace minqing::tests {
namespace {

constexpr std::string_view kBackendVariable = "MINQING_TEST_DB";
constexpr std::string_view kPostgresUrlVariable = "MINQING_TEST_PG_URL";
constexpr std::string_view kLogLevelVariable = "MINQING_TEST_LOG_LEVEL";
// Handlers block on the database; a few workers are plenty for tests and keep the thread count
// (and the sanitizers' bookkeeping) small.
constexpr int kWorkerThreads = 4;
constexpr int kIoThreads = 2;
// argon2id at its cheapest: hashing dominates logins, and tests log in a lot.
constexpr int kPasswordHashIterations = 1;
constexpr int kPasswordHashMemoryKib = 1024;

std::string Environment(std::string_view name) {
    const char* value = std::getenv(std::string(name).c_str());
    return value == nullptr ? std::string() : std::string(value);
}

// "postgresql://user@host:port/db?opts" with the database replaced by `database`.
std::string WithDatabase(const std::string& url, const std::string& database) {
    const auto scheme_end = url.find("://");
    if (scheme_end == std::string::npos) {
        throw std::runtime_error("MINQING_TEST_PG_URL is not a postgresql:// URL: " + url);
    }
    const auto path = url.find('/', scheme_end + 3);
    const auto query = url.find('?', scheme_end + 3);
    const std::string authority = url.substr(0, std::min(path, query));
    const std::string options = query == std::string::npos ? "" : url.substr(query);
    return authority + "/" + database + options;
}

// Runs one statement on a short-lived connection to `url`; throws with the server's message.
void ExecuteOn(const std::string& url, const std::string& statement) {
    PGconn* connection = PQconnectdb(url.c_str());
    if (PQstatus(connection) != CONNECTION_OK) {
        const std::string message = PQerrorMessage(connection);
        PQfinish(connection);
        throw std::runtime_error("cannot connect to " + url + ": " + message);
    }
    PGresult* result = PQexec(connection, statement.c_str());
    const bool ok = PQresultStatus(result) == PGRES_COMMAND_OK;
    const std::string message = PQerrorMessage(connection);
    PQclear(result);
    PQfinish(connection);
    if (!ok) {
        throw std::runtime_error(statement + ": " + message);
    }
}

// A database of its own on the PostgreSQL server the test run was given, dropped on
// destruction (WITH (FORCE) ends connections a failed test may have left behind).
class ScratchPostgres {
  public:
    ScratchPostgres() : admin_url_(Environment(kPostgresUrlVariable)) {
        if (admin_url_.empty()) {
            throw std::runtime_error(
                "MINQING_TEST_DB=postgres needs MINQING_TEST_PG_URL, e.g. "
                "url=$(scripts/pg-temp start /tmp/pga-$$) && MINQING_TEST_PG_URL=$url ...");
        }
        static std::atomic<int> counter{0};
        name_ = "minqing_t_" + std::to_string(::getpid()) + "_" + std::to_string(++counter);
        ExecuteOn(admin_url_, "CREATE DATABASE \"" + name_ + "\"");
        url_ = WithDatabase(admin_url_, name_);
    }

    ~ScratchPostgres() {
        try {
            ExecuteOn(admin_url_, "DROP DATABASE IF EXISTS \"" + name_ + "\" WITH (FORCE)");
        } catch (const std::exception& error) {
            // A destructor must not throw; a leftover database only costs disk in a
            // throw-away cluster, but say so.
            spdlog::error("could not drop test database {}: {}", name_, error.what());
        }
    }

    ScratchPostgres(const ScratchPostgres&) = delete;
    ScratchPostgres& operator=(const ScratchPostgres&) = delete;

    const std::string& url() const { return url_; }

  private:
    std::string admin_url_;
    std::string name_;
    std::string url_;
};

}  // namespace

struct TestServer::Parts {
    // Declared in this order so that the App (and its connections) goes first, then the
    // database or directory it used.
    std::optional<ScratchPostgres> postgres;
    test_support::TempDirectory directory;
    AdjustableClock clock;  // moved only in test mode, by /api/v1/test/clock
    app::Config config;
    std::unique_ptr<app::App> app;
};

TestServer::TestServer(const ConfigTweak& tweak) : parts_(std::make_unique<Parts>()) {
    const std::string level = Environment(kLogLevelVariable);
    spdlog::set_level(spdlog::level::from_str(level.empty() ? "warn" : level));

    app::Config& config = parts_->config;
    config.data_dir = parts_->directory.path().string();
    if (Environment(kBackendVariable) == "postgres") {
        parts_->postgres.emplace();
        config.database.url = parts_->postgres->url();
    }
    config.http.listen = "127.0.0.1:0";
    config.http.io_threads = kIoThreads;
    config.http.worker_threads = kWorkerThreads;
    config.demo.enabled = true;
    config.demo.seed_dir = MINQING_SOURCE_DIR "/data/seed";
    // Tests create the cases they look at; 2,000 generated ones would only slow every suite.
    config.demo.cases = 0;
    // Whether web/dist was built must not change what the API tests see.
    config.http.web_root.clear();
    config.security.password_hash_iterations = kPasswordHashIterations;
    config.security.password_hash_memory_kib = kPasswordHashMemoryKib;
    config.log.level = level.empty() ? "warn" : level;
    if (tweak) {
        tweak(config);
    }
    parts_->app = std::make_unique<app::App>(config, parts_->clock, &parts_->clock);
    // Suites that need a city's history set demo.cases; the generator walks them.
    parts_->app->Start(&casegen::GenerateDemoCases);
}

TestServer::~TestServer() {
    if (parts_->app) {
        parts_->app->Stop();
        parts_->app.reset();
    }
}

std::uint16_t TestServer::port() const {
    return parts_->app->port();
}

std::vector<std::string> TestServer::routes() const {
    return parts_->app->Routes();
}

const app::Config& TestServer::config() const {
    return parts_->config;
}

domain::RollupCheck TestServer::CheckStatistics() {
    return parts_->app->CheckStatistics(false);
}

std::string_view TestServer::backend() const {
    return parts_->postgres ? "postgres" : "sqlite";
}

}  // namespace minqing::tests
