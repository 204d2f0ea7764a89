// Realistic cases for the demo and the benchmarks: residents' matters of every category, from
// every channel, placed as intake places them, walked through the real workflow rules and
// deadlines up to `now`, and written with their hash-chained history. Deterministic for
// (seed, count, now, days): the same database gets the same cases, numbers and events. Blocks on
// the Store; call it from one thread at a time per database.
#pragma once

#include <array>
#include <cstdint>
#include <functional>

#include "common/clock.hpp"
#include "common/result.hpp"
#include "domain/case.hpp"
#include "domain/store.hpp"

namespace minqing::casegen {

/// What `minqing serve --demo` loads: a year of a city's cases, so that monthly figures and
/// trends mean something, about 55 a day.
inline constexpr std::int64_t kDemoCaseCount = 20000;
inline constexpr std::uint64_t kDemoSeed = 20260301;
inline constexpr int kDemoDays = 365;

struct GeneratorOptions {
    /// The stream of cases; another seed gives other cases.
    std::uint64_t seed = kDemoSeed;
    /// How many cases to add.
    std::int64_t count = kDemoCaseCount;
    /// The end of the window: cases are created and act in [now - days, now).
    Instant now{};
    int days = kDemoDays;
    /// Cases per write transaction: large enough that commits do not dominate, small enough
    /// that other writers are not held up for long.
    int batch_size = 500;
    /// Called after each committed batch with the number of cases written so far.
    std::function<void(std::int64_t)> progress;
};

struct GeneratorSummary {
    std::int64_t cases = 0;
    std::int64_t events = 0;
    /// Cases per final state, indexed by domain::CaseState.
    std::array<std::int64_t, 14> states{};
};

/// Adds `options.count` cases to a database that holds the demo org network (data/seed),
/// the categories and, optionally, the demo accounts (events name them where they are the
/// actor; other actors are recorded by role and unit alone). Numbers continue each year's
/// counter. Errors: 422 "validation.failed" for a bad option (count < 0, days < 1,
/// batch_size < 1); 409 "casegen.no_org_network" when the database lacks the demo districts'
/// grids, the city office or the categories. Throws on database faults; batches committed
/// before a fault stay.
Result<GeneratorSummary> GenerateCases(domain::Store& store, const GeneratorOptions& options);

/// The demo's cases: `count` of them over the last year ending at `now` (kDemoDays), the
/// default options otherwise; returns how many were added. The loader of `serve --demo`
/// (app::DemoCaseLoader) in minqing-demo and in the API tests.
Result<std::int64_t> GenerateDemoCases(domain::Store& store, Instant now, std::int64_t count);

}  // namespace minqing::casegen
