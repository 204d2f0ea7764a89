// Counters and gauges for the operators' metrics page, rendered in the Prometheus text
// format. Counters are added to where things happen; gauges are read when the page is asked
// for. Thread-safe.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <string_view>

namespace minqing {

class Metrics {
  public:
    /// Adds to a counter; `name` may carry labels: `minqing_public_lookups_total{outcome="miss"}`.
    void Add(std::string_view name, std::int64_t by = 1);
    /// A value read by `read` whenever the metrics are rendered (`read` must be thread-safe).
    void Gauge(std::string name, std::function<std::int64_t()> read);
    /// The current value of a counter (0 when never added to).
    std::int64_t Count(std::string_view name) const;
    /// Every counter and gauge, one "name value" line each, sorted by name.
    std::string Render() const;

  private:
    mutable std::mutex mutex_;
    std::map<std::string, std::int64_t, std::less<>> counters_;
    std::map<std::string, std::function<std::int64_t()>, std::less<>> gauges_;
};

}  // namespace minqing
