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
    if (command != "serve" && command != "migrate") {
        std::fprintf(stderr, "minqing: unknown command \"%s\"\n%s", command.c_str(), kUsage);
        return 2;
    }
    std::vector<std::string> errors;
    const auto config = LoadConfig({args.begin() + 1, args.end()}, environ, errors);
    if (!errors.empty()) {
        for (const auto& error : errors) {
            std::fprintf(stderr, "minqing: %s\n", error.c_str());
        }
        std::fputs(kUsage, stderr);
        return 2;
    }
    SetUpLogging(config.log.level);
    try {
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
