#include "app/cli.hpp"

#include <csignal>
#include <cstdio>
#include <exception>
#include <string>
#include <thread>
#include <vector>

#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include "api/wire_contract.hpp"
#include "app/config.hpp"
#include "common/unavailable_error.hpp"

extern char** environ;

namespace {

constexpr const char* kUsage =
    "usage: minqing serve [--config FILE] [--listen HOST:PORT] [--db URL] [--data-dir DIR] "
    "[--demo]\n"
    "       minqing migrate [--config FILE] [--db URL] [--data-dir DIR]\n"
    "       minqing stats verify|rebuild [--config FILE] [--db URL] [--data-dir DIR]\n"
    "           (recount the statistics rollups from the cases; rebuild stores the recount)\n"
    "       minqing version\n"
    "       minqing wire-types | wire-docs   (the request bodies as TypeScript or Markdown)\n";

void SetUpLogging(const std::string& level) {
    auto logger = spdlog::stderr_color_mt("minqing");
    spdlog::set_default_logger(logger);
    spdlog::set_pattern("%Y-%m-%dT%H:%M:%S.%e%z %^%l%$ %v");
    spdlog::set_level(spdlog::level::from_str(level));
}

// Blocks SIGINT/SIGTERM in every thread, so one thread can wait for them with sigwait.
sigset_t BlockStopSignals() {
    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGINT);
    sigaddset(&signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);
    return signals;
}

int Serve(const minqing::app::Config& config, bool migrate_only,
          const minqing::app::DemoCaseLoader& demo_cases) {
    const sigset_t signals = BlockStopSignals();
    // The system clock; only in test mode can the test API move it.
    minqing::AdjustableClock clock;
    spdlog::info("minqing {} starting with config {}", MINQING_VERSION,
                 minqing::app::DescribeConfig(config));
    const auto started = std::chrono::steady_clock::now();
    minqing::app::App app(config, clock, &clock);
    if (migrate_only) {
        spdlog::info("database migrated");
        return 0;
    }
    app.Start(demo_cases);
    const auto ready_ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                              std::chrono::steady_clock::now() - started)
                              .count();
    const auto colon = config.http.listen.rfind(':');
    spdlog::info("listening on http://{}:{} (ready in {} ms)", config.http.listen.substr(0, colon),
                 app.port(), ready_ms);
    std::thread stopper([&app, signals] {
        int received = 0;
        sigwait(&signals, &received);
        spdlog::info("received {}, stopping: finishing in-flight requests",
                     received == SIGINT ? "SIGINT" : "SIGTERM");
        app.Stop();
    });
    app.Wait();
    // Wake the signal thread if the server stopped on its own.
    pthread_kill(stopper.native_handle(), SIGTERM);
    stopper.join();
    spdlog::info("stopped");
    return 0;
}

// Recounts the rollups and prints what differs; exit 1 when verify finds a difference.
int CheckStatistics(const minqing::app::Config& config, bool repair) {
    minqing::SystemClock clock;
    minqing::app::App app(config, clock);
    const auto check = app.CheckStatistics(repair);
    std::printf("cases %lld, rollup rows %lld, rows that differ %lld\n",
                static_cast<long long>(check.cases), static_cast<long long>(check.rows),
                static_cast<long long>(check.differing_rows));
    for (const auto& difference : check.differences) {
        std::printf("  %s: stored %lld, recounted %lld\n", difference.row.c_str(),
                    static_cast<long long>(difference.stored),
                    static_cast<long long>(difference.recounted));
    }
    if (check.differing_rows == 0) {
        std::printf("the rollups agree with the cases\n");
        return 0;
    }
    std::printf(repair ? "rebuilt from the cases\n" : "the rollups differ from the cases\n");
    return repair ? 0 : 1;
}

}  // namespace

namespace minqing::app {

int RunCli(int argc, char** argv, const DemoCaseLoader& demo_cases) {
    const std::vector<std::string> args(argv + 1, argv + argc);
    if (args.empty()) {
        std::fputs(kUsage, stderr);
        return 2;
    }
    const std::string& command = args.front();
    if (command == "version") {
        std::printf("minqing %s\n", MINQING_VERSION);
        return 0;
    }
    if (command == "wire-types" || command == "wire-docs") {
        const std::string text =
            command == "wire-types" ? minqing::api::WireTypeScript() : minqing::api::WireMarkdown();
        std::fputs(text.c_str(), stdout);
        return 0;
    }
    const bool stats =
        command == "stats" && args.size() >= 2 && (args[1] == "verify" || args[1] == "rebuild");
    if (command != "serve" && command != "migrate" && !stats) {
        std::fprintf(stderr, "minqing: unknown command \"%s\"\n%s", command.c_str(), kUsage);
        return 2;
    }
    std::vector<std::string> errors;
    const auto config = LoadConfig({args.begin() + (stats ? 2 : 1), args.end()}, environ, errors);
    if (!errors.empty()) {
        for (const auto& error : errors) {
            std::fprintf(stderr, "minqing: %s\n", error.c_str());
        }
        std::fputs(kUsage, stderr);
        return 2;
    }
    SetUpLogging(config.log.level);
    try {
        if (stats) {
            return CheckStatistics(config, args[1] == "rebuild");
        }
        return Serve(config, command == "migrate", demo_cases);
    } catch (const minqing::UnavailableError& error) {
        spdlog::critical("cannot start: {}", error.what());
        return 3;
    } catch (const std::exception& error) {
        spdlog::critical("cannot start: {}", error.what());
        return 1;
    }
}

}  // namespace minqing::app
