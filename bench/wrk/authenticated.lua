-- Sends the session cookie given in the environment (MINQING_SESSION) with every request.
local session = os.getenv("MINQING_SESSION")
wrk.headers["Cookie"] = "minqing_session=" .. session

done = function(summary, latency, requests)
    io.write(string.format("p50 %.2f ms, p99 %.2f ms, p99.9 %.2f ms\n",
        latency:percentile(50) / 1000, latency:percentile(99) / 1000,
        latency:percentile(99.9) / 1000))
end
