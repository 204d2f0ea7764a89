#include "common/metrics.hpp"

#include <utility>
#include <vector>

namespace minqing {

void Metrics::Add(std::string_view name, std::int64_t by) {
    const std::lock_guard lock(mutex_);
    const auto found = counters_.find(name);
    if (found == counters_.end()) {
        counters_.emplace(std::string(name), by);
    } else {
        found->second += by;
    }
}

void Metrics::Gauge(std::string name, std::function<std::int64_t()> read) {
    const std::lock_guard lock(mutex_);
    gauges_[std::move(name)] = std::move(read);
}

std::int64_t Metrics::Count(std::string_view name) const {
    const std::lock_guard lock(mutex_);
    const auto found = counters_.find(name);
    return found == counters_.end() ? 0 : found->second;
}

std::string Metrics::Render() const {
    std::map<std::string, std::int64_t> values;
    std::vector<std::pair<std::string, std::function<std::int64_t()>>> gauges;
    {
        const std::lock_guard lock(mutex_);
        values.insert(counters_.begin(), counters_.end());
        gauges.assign(gauges_.begin(), gauges_.end());
    }
    // Gauges may do I/O (a file's size): read them outside the lock.
    for (auto& [name, read] : gauges) {
        values[name] = read();
    }
    std::string text;
    for (const auto& [name, value] : values) {
        text += name + " " + std::to_string(value) + "\n";
    }
    return text;
}

}  // namespace minqing
