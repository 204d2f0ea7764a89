// The composition root: opens the database, builds the services and the API, and runs the
// HTTP server. The only code that sees every layer. Start/Stop/Wait from any thread.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "app/config.hpp"
#include "common/clock.hpp"
#include "common/result.hpp"
#include "domain/case_stats_repository.hpp"
#include "domain/store.hpp"

namespace minqing::app {

/// Fills a freshly seeded demo database with `count` generated cases ending at `now` and says
/// how many it added. Only the demo binary passes one (bench/generator/minqing_demo_main.cpp):
/// the production binary links no generator.
using DemoCaseLoader =
    std::function<Result<std::int64_t>(domain::Store& store, Instant now, std::int64_t count)>;

class App {
  public:
    /// Opens (and migrates) the database. Throws UnavailableError when it cannot be reached,
    /// std::invalid_argument for a bad URL.
    /// `test_clock`, in test mode only, is the same clock as `clock`, which the test API moves.
    App(Config config, const Clock& clock, AdjustableClock* test_clock = nullptr);
    ~App();
    App(const App&) = delete;
    App& operator=(const App&) = delete;

    /// Loads the demo data when configured and the database is empty, then starts serving.
    /// Throws std::runtime_error when the seed files are bad or the address cannot be bound.
    void Start(const DemoCaseLoader& demo_cases = {});
    std::uint16_t port() const;
    /// Recounts the statistics rollups from the cases (`minqing stats verify`); with `repair`,
    /// stores the recount where it differs (`minqing stats rebuild`).
    domain::RollupCheck CheckStatistics(bool repair);
    /// Every API route as "METHOD /pattern" (http::Router::Describe).
    std::vector<std::string> Routes() const;
    /// Graceful stop: finish in-flight requests, then close the database. Idempotent.
    void Stop();
    void Wait();

  private:
    struct Parts;
    std::unique_ptr<Parts> parts_;
};

}  // namespace minqing::app
