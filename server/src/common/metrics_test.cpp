#include "common/metrics.hpp"

#include <gtest/gtest.h>

namespace minqing {
namespace {

TEST(MetricsTest, RendersCountersAndGaugesSortedByName) {
    Metrics metrics;
    metrics.Add(R"(minqing_public_lookups_total{outcome="miss"})");
    metrics.Add(R"(minqing_public_lookups_total{outcome="miss"})", 2);
    metrics.Gauge("minqing_disk_free_bytes", [] { return std::int64_t{42}; });
    EXPECT_EQ(metrics.Count(R"(minqing_public_lookups_total{outcome="miss"})"), 3);
    EXPECT_EQ(metrics.Count("minqing_never"), 0);
    EXPECT_EQ(metrics.Render(),
              "minqing_disk_free_bytes 42\n"
              "minqing_public_lookups_total{outcome=\"miss\"} 3\n");
}

}  // namespace
}  // namespace minqing
