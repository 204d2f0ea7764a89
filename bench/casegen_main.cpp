// minqing-casegen: fills a database that already holds the demo org network (for example one
// made by `minqing serve --demo`, then stopped) with realistic generated cases, for the read
// and intake benchmarks. Same seed, count, days and --now: same cases.
#include <charconv>
#include <chrono>
#include <cstdio>
#include <exception>
#include <string>
#include <string_view>
#include <vector>

#include "case_generator.hpp"
#include "common/clock.hpp"
#include "storage/database.hpp"
#include "storage/sql_store.hpp"

namespace {

constexpr const char* kUsage =
    "usage: minqing-casegen --db URL --count N --seed S [--days D] [--now ISO8601] "
    "[--batch B]\n"
    "  --db     sqlite:/path/to/minqing.db or postgresql://user@host:port/db\n"
    "  --count  cases to add (default 20000)\n"
    "  --seed   the stream of cases (default 20260301)\n"
    "  --days   the window ending at --now (default 365)\n"
    "  --now    the end of the window (default: the system clock)\n"
    "  --batch  cases per write transaction (default 500)\n";

template <typename Number>
bool ParseNumber(std::string_view text, Number& value) {
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    return ec == std::errc() && end == text.data() + text.size();
}

int Usage(const std::string& problem) {
    std::fprintf(stderr, "minqing-casegen: %s\n%s", problem.c_str(), kUsage);
    return 2;
}

}  // namespace

int main(int argc, char** argv) {
    namespace casegen = minqing::casegen;
    const std::vector<std::string> args(argv + 1, argv + argc);
    std::string url;
    casegen::GeneratorOptions options;
    options.now = minqing::SystemClock().Now();
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& flag = args[i];
        if (flag == "--help" || flag == "-h") {
            std::fputs(kUsage, stdout);
            return 0;
        }
        if (i + 1 >= args.size()) {
            return Usage(flag + " needs a value");
        }
        const std::string& value = args[++i];
        bool ok = true;
        if (flag == "--db") {
            url = value;
        } else if (flag == "--count") {
            ok = ParseNumber(value, options.count);
        } else if (flag == "--seed") {
            ok = ParseNumber(value, options.seed);
        } else if (flag == "--days") {
            ok = ParseNumber(value, options.days);
        } else if (flag == "--batch") {
            ok = ParseNumber(value, options.batch_size);
        } else if (flag == "--now") {
            const auto now = minqing::ParseIso8601(value);
            ok = now.has_value();
            if (now) {
                options.now = *now;
            }
        } else {
            return Usage("unknown option " + flag);
        }
        if (!ok) {
            return Usage("bad value for " + flag + ": " + value);
        }
    }
    if (url.empty()) {
        return Usage("--db is required");
    }
    try {
        minqing::storage::DatabaseOptions database;
        database.url = url;
        minqing::storage::SqlStore store(minqing::storage::OpenDatabase(database));
        const auto started = std::chrono::steady_clock::now();
        const auto elapsed_s = [&started] {
            return std::chrono::duration<double>(std::chrono::steady_clock::now() - started)
                .count();
        };
        options.progress = [&](std::int64_t written) {
            std::fprintf(stderr, "\r%lld / %lld cases, %.0f per second",
                         static_cast<long long>(written), static_cast<long long>(options.count),
                         static_cast<double>(written) / std::max(elapsed_s(), 1e-3));
            std::fflush(stderr);
        };
        const auto summary = casegen::GenerateCases(store, options);
        std::fputc('\n', stderr);
        if (!summary) {
            std::fprintf(stderr, "minqing-casegen: %s (%s)\n", summary.error().message.c_str(),
                         summary.error().reason.c_str());
            return 1;
        }
        std::printf("%lld cases, %lld events in %.1f s\n", static_cast<long long>(summary->cases),
                    static_cast<long long>(summary->events), elapsed_s());
        for (const auto state : minqing::domain::AllCaseStates()) {
            std::printf("  %-20s %lld\n",
                        std::string(minqing::domain::CaseStateName(state)).c_str(),
                        static_cast<long long>(summary->states[static_cast<std::size_t>(state)]));
        }
        return 0;
    } catch (const std::exception& error) {
        std::fprintf(stderr, "\nminqing-casegen: %s\n", error.what());
        return 1;
    }
}
