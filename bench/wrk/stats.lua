-- Statistics as a leader's dashboard asks for them: GET MINQING_STATS_PATH (a path with its
-- query) as the caller (MINQING_SESSION), over and over.
local session = assert(os.getenv("MINQING_SESSION"), "MINQING_SESSION is required")
local path = assert(os.getenv("MINQING_STATS_PATH"), "MINQING_STATS_PATH is required")
local headers = {["Cookie"] = "minqing_session=" .. session}

function request()
    return wrk.format("GET", path, headers)
end

function response(status, headers, body)
    if status ~= 200 then
        io.stderr:write("HTTP " .. status .. ": " .. body .. "\n")
        os.exit(1)
    end
end

function done(summary, latency, requests)
    io.write(string.format("%d requests, p50 %.2f ms, p99 %.2f ms, p99.9 %.2f ms\n",
        summary.requests, latency:percentile(50) / 1000, latency:percentile(99) / 1000,
        latency:percentile(99.9) / 1000))
end
