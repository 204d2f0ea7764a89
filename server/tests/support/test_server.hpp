// The whole server, started in-process on 127.0.0.1:0 with a fresh database holding the demo
// data, for black-box API tests. The backend comes from the environment: MINQING_TEST_DB=postgres
// uses a new database on the server at MINQING_TEST_PG_URL, anything else SQLite in a new
// temporary directory; either is removed again with the TestServer. Not thread-safe itself (make
// and destroy it on one thread); the server it runs serves any number of clients at once.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "app/config.hpp"
#include "domain/case_stats_repository.hpp"

namespace minqing::tests {

class TestServer {
  public:
    /// Changes to the test configuration, applied after the defaults below.
    using ConfigTweak = std::function<void(app::Config&)>;

    /// Creates the database, starts the server and loads the demo data. Defaults: listen on
    /// 127.0.0.1:0, demo data from the source tree, a cheap password hash (1 iteration, 1 MiB)
    /// so that logins stay fast under the sanitizers, and logging at "warn". Throws
    /// std::runtime_error when MINQING_TEST_DB=postgres but MINQING_TEST_PG_URL is unset, when
    /// the database cannot be created, or when the server does not start.
    explicit TestServer(const ConfigTweak& tweak = {});
    ~TestServer();
    TestServer(const TestServer&) = delete;
    TestServer& operator=(const TestServer&) = delete;

    std::uint16_t port() const;
    const app::Config& config() const;
    /// Every route the server answers, as "METHOD /pattern".
    std::vector<std::string> routes() const;
    /// Recounts the statistics rollups from the cases (`minqing stats verify`).
    domain::RollupCheck CheckStatistics();
    /// "postgres" or "sqlite", for messages.
    std::string_view backend() const;

  private:
    struct Parts;
    std::unique_ptr<Parts> parts_;
};

}  // namespace minqing::tests
