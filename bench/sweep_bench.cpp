// minqing-sweep-bench: the deadline sweep over a database with many open cases. Adds N open
// cases whose deadlines are spread from twelve days ago to eight days ahead to a database that
// holds the demo org network (`minqing serve --demo`, then stopped), then times the sweep:
// once catching up from nothing, then a round a minute later and a round an hour later, as
// the scheduler would run them. After each round it recounts by brute force (plain counts over
// every case) that exactly the right cases carry each card and supervision level.
#include <charconv>
#include <chrono>
#include <cstdio>
#include <exception>
#include <string>
#include <string_view>
#include <vector>

#include "common/clock.hpp"
#include "domain/time_limit.hpp"
#include "service/deadline_sweep.hpp"
#include "service/time_rules_service.hpp"
#include "storage/database.hpp"
#include "storage/sql_store.hpp"

namespace {

using minqing::Instant;
using minqing::storage::SqlRow;
using minqing::storage::SqlSession;
using minqing::storage::SqlValue;

constexpr const char* kUsage =
    "usage: minqing-sweep-bench --db sqlite:/path/minqing.db [--open N] [--now ISO8601]\n"
    "  --db    a database with the demo org network\n"
    "  --open  open cases to add (default 1000000)\n"
    "  --now   the sweep's first instant (default 2026-11-25T10:00:00+08:00, a Wednesday)\n";

// xorshift64*: the same cases for the same N.
struct Random {
    std::uint64_t state = 0x9E3779B97F4A7C15ull;
    std::uint64_t Next() {
        state ^= state >> 12;
        state ^= state << 25;
        state ^= state >> 27;
        return state * 2685821657736338717ull;
    }
};

struct Unit {
    std::int64_t id;
    std::string path;
};

void AddOpenCases(minqing::storage::Database& database, std::int64_t count, Instant now,
                  const minqing::domain::WorkCalendar& calendar) {
    std::vector<Unit> units;
    std::string category;
    database.Read([&](SqlSession& session) {
        for (const SqlRow& row :
             session.Query("SELECT id, path FROM org_units WHERE kind = 'unit' ORDER BY id")) {
            units.push_back({row.Int(0), row.Text(1)});
        }
        category = session
                       .QueryOne(
                           "SELECT MIN(code) FROM categories WHERE parent_code IS NOT "
                           "NULL")
                       ->Text(0);
    });
    if (units.empty()) {
        throw std::runtime_error("no units: load the demo org network first");
    }
    const std::int64_t city = units.front().id;
    constexpr std::int64_t kBatch = 50'000;
    Random random;
    const auto spread = std::chrono::hours(24 * 20).count();
    const Instant earliest = now - std::chrono::hours(24 * 12);
    for (std::int64_t first = 0; first < count; first += kBatch) {
        database.Write([&](SqlSession& session) {
            for (std::int64_t i = first; i < std::min(count, first + kBatch); ++i) {
                const Unit& holder = units[random.Next() % units.size()];
                const Instant deadline =
                    earliest + std::chrono::milliseconds(static_cast<std::int64_t>(
                                   random.Next() % static_cast<std::uint64_t>(spread * 3600'000)));
                const Instant yellow = minqing::domain::YellowFrom(
                    calendar, deadline - std::chrono::hours(24 * 7), deadline,
                    {5, minqing::domain::TimeLimit::Unit::kWorkingDays});
                const std::int64_t created = minqing::ToEpochMs(deadline) - 7 * 86'400'000;
                session.Execute(
                    "INSERT INTO cases (number, channel, kind, scope, urgency, category_code, "
                    "title, content, state, holder_id, holder_path, origin_id, origin_path, "
                    "receiving_office_id, created_at, updated_at, deadline, deadline_step, "
                    "step_started_at, yellow_from, answer_deadline) VALUES (?, 'walk_in', "
                    "'complaint', 'individual', 'normal', ?, '基准案件', '用于督办扫描基准', "
                    "'handling', ?, ?, ?, ?, ?, ?, ?, ?, 'answer', ?, ?, ?)",
                    {std::string("SWEEP-") + std::to_string(i), category, holder.id, holder.path,
                     holder.id, holder.path, city, created, created, minqing::ToEpochMs(deadline),
                     created, minqing::ToEpochMs(yellow), minqing::ToEpochMs(deadline)});
            }
            return true;
        });
        std::fprintf(stderr, "\r%lld / %lld open cases",
                     static_cast<long long>(std::min(count, first + kBatch)),
                     static_cast<long long>(count));
    }
    std::fputc('\n', stderr);
}

// Brute force: every card and level the sweep should have set at `now`, counted over all open
// cases, against what it did set. Returns the number of mismatching counts.
int Recount(minqing::storage::Database& database, Instant now,
            const minqing::domain::WorkCalendar& calendar) {
    const std::int64_t day = calendar.hours().MinutesPerDay();
    const std::int64_t at = minqing::ToEpochMs(now);
    const std::int64_t one = minqing::ToEpochMs(calendar.SubtractWorkingMinutes(now, day));
    const std::int64_t five = minqing::ToEpochMs(calendar.SubtractWorkingMinutes(now, 5 * day));
    struct Check {
        const char* what;
        std::string expected;
        std::string actual;
    };
    const std::string open = " FROM cases WHERE deadline IS NOT NULL AND ";
    const std::vector<Check> checks = {
        {"red", "deadline < ?1", "warning_level = 2"},
        {"yellow", "deadline >= ?1 AND yellow_from <= ?1", "warning_level = 1"},
        {"催办", "deadline < ?1 AND deadline >= ?2", "supervision_level = 1"},
        {"督办", "deadline < ?2 AND deadline >= ?3", "supervision_level = 2"},
        {"通报", "deadline < ?3", "supervision_level = 3"},
    };
    int mismatches = 0;
    database.Read([&](SqlSession& session) {
        for (const Check& check : checks) {
            std::string expected = check.expected;
            for (const auto& [name, value] :
                 {std::pair{"?1", at}, std::pair{"?2", one}, std::pair{"?3", five}}) {
                for (auto where = expected.find(name); where != std::string::npos;
                     where = expected.find(name)) {
                    expected.replace(where, 2, std::to_string(value));
                }
            }
            const auto want = session.QueryOne("SELECT COUNT(*)" + open + expected)->Int(0);
            const auto got = session.QueryOne("SELECT COUNT(*)" + open + check.actual)->Int(0);
            std::printf("  %-6s expected %8lld, marked %8lld %s\n", check.what,
                        static_cast<long long>(want), static_cast<long long>(got),
                        want == got ? "ok" : "MISMATCH");
            mismatches += want == got ? 0 : 1;
        }
    });
    return mismatches;
}

}  // namespace

int main(int argc, char** argv) {
    const std::vector<std::string> args(argv + 1, argv + argc);
    std::string url;
    std::int64_t open = 1'000'000;
    Instant start = *minqing::ParseIso8601("2026-11-25T10:00:00+08:00");
    for (std::size_t i = 0; i + 1 < args.size(); i += 2) {
        if (args[i] == "--db") {
            url = args[i + 1];
        } else if (args[i] == "--open") {
            const auto& text = args[i + 1];
            std::from_chars(text.data(), text.data() + text.size(), open);
        } else if (args[i] == "--now") {
            const auto parsed = minqing::ParseIso8601(args[i + 1]);
            if (!parsed) {
                std::fputs(kUsage, stderr);
                return 2;
            }
            start = *parsed;
        }
    }
    if (url.empty() || open <= 0) {
        std::fputs(kUsage, stderr);
        return 2;
    }
    try {
        minqing::storage::DatabaseOptions options;
        options.url = url;
        minqing::storage::SqlStore store(minqing::storage::OpenDatabase(options));
        minqing::FakeClock clock(start);
        minqing::service::TimeRulesService time_rules(store, clock, {});
        const auto calendar = time_rules.Current().calendar;
        AddOpenCases(store.database(), open, start, *calendar);
        minqing::service::DeadlineSweep sweep(store, clock, time_rules);
        int mismatches = 0;
        const std::pair<const char*, std::chrono::minutes> rounds[] = {
            {"catch-up (every card and level at once)", std::chrono::minutes(0)},
            {"a minute later", std::chrono::minutes(1)},
            {"an hour later", std::chrono::minutes(60)},
        };
        for (const auto& [label, advance] : rounds) {
            clock.Advance(advance);
            const auto began = std::chrono::steady_clock::now();
            const auto report = sweep.Run();
            const auto took =
                std::chrono::duration<double>(std::chrono::steady_clock::now() - began).count();
            std::printf("sweep %s: %.3f s — %d yellow, %d red, %d 催办, %d 督办, %d 通报\n", label,
                        took, report.yellow, report.red, report.reminders, report.written,
                        report.bulletins);
            mismatches += Recount(store.database(), clock.Now(), *calendar);
        }
        return mismatches == 0 ? 0 : 1;
    } catch (const std::exception& failure) {
        std::fprintf(stderr, "minqing-sweep-bench: %s\n", failure.what());
        return 1;
    }
}
