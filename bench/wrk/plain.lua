-- Prints the latency percentiles the bench README records.
done = function(summary, latency, requests)
    io.write(string.format("p50 %.2f ms, p99 %.2f ms, p99.9 %.2f ms\n",
        latency:percentile(50) / 1000, latency:percentile(99) / 1000,
        latency:percentile(99.9) / 1000))
end
