// The Clock port: the only way code learns the current time, so tests can move it.
// Implementations must be safe to call from any thread.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace minqing {

using Instant = std::chrono::sys_time<std::chrono::milliseconds>;

class Clock {
  public:
    virtual ~Clock() = default;
    virtual Instant Now() const = 0;
};

/// Reads the system wall clock.
class SystemClock final : public Clock {
  public:
    Instant Now() const override;
};

/// A clock that only moves when told to; starts at the given instant.
class FakeClock final : public Clock {
  public:
    explicit FakeClock(Instant start) : now_ms_(start.time_since_epoch().count()) {}
    Instant Now() const override { return Instant(std::chrono::milliseconds(now_ms_.load())); }
    void Advance(std::chrono::milliseconds by) { now_ms_ += by.count(); }
    void Set(Instant at) { now_ms_ = at.time_since_epoch().count(); }

  private:
    std::atomic<std::int64_t> now_ms_;
};

/// The system clock moved by an offset that can be changed at run time: the server's clock in
/// test mode, where end-to-end tests advance time to see deadlines pass.
class AdjustableClock final : public Clock {
  public:
    Instant Now() const override { return system_.Now() + std::chrono::milliseconds(offset_ms_); }
    void Advance(std::chrono::milliseconds by) { offset_ms_ += by.count(); }

  private:
    SystemClock system_;
    std::atomic<std::int64_t> offset_ms_{0};
};

/// Milliseconds since the Unix epoch, the storage representation of instants.
inline std::int64_t ToEpochMs(Instant at) {
    return at.time_since_epoch().count();
}
inline Instant FromEpochMs(std::int64_t ms) {
    return Instant(std::chrono::milliseconds(ms));
}

/// ISO 8601 in China Standard Time, e.g. "2026-11-28T11:55:00.000+08:00".
std::string FormatIso8601Cst(Instant at);

/// Parses "2027-03-01" as the start of that day in China, or a full ISO 8601 instant with
/// seconds, optional milliseconds and an offset ("Z", "+08:00"). nullopt for anything else,
/// including impossible dates.
std::optional<Instant> ParseIso8601(std::string_view text);

}  // namespace minqing
