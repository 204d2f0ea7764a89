-- A unit's work list: GET /api/v1/cases first pages as the caller (MINQING_SESSION), rotating
-- the views a handler opens: everything newest first, what is to sign or handle, the same by
-- deadline, and what was closed. MINQING_VIEW=1…4 keeps to one of them.
local session = assert(os.getenv("MINQING_SESSION"), "MINQING_SESSION is required")
local views = {
    "/api/v1/cases?limit=20",
    "/api/v1/cases?limit=20&state=dispatched,handling,long_term",
    "/api/v1/cases?limit=20&sort=deadline&state=dispatched,handling,long_term,extension_requested",
    "/api/v1/cases?limit=20&state=closed",
}
local only = tonumber(os.getenv("MINQING_VIEW") or "")
if only then
    views = {views[only]}
end
local headers = {["Cookie"] = "minqing_session=" .. session}
local next_view = 0

function request()
    next_view = next_view % #views + 1
    return wrk.format("GET", views[next_view], headers)
end

function done(summary, latency, requests)
    io.write(string.format("p50 %.2f ms, p99 %.2f ms, p99.9 %.2f ms\n",
        latency:percentile(50) / 1000, latency:percentile(99) / 1000,
        latency:percentile(99.9) / 1000))
end
