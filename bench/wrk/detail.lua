-- Case detail with its history: GET /api/v1/cases/{id} and GET /api/v1/cases/{id}/events for
-- random cases, as the caller (MINQING_SESSION; the city office may open any case).
--   MINQING_MAX_ID  the largest case id (required)
--   MINQING_PART    case, events or both (default both: the two requests the detail page makes)
local session = assert(os.getenv("MINQING_SESSION"), "MINQING_SESSION is required")
local max_id = assert(tonumber(os.getenv("MINQING_MAX_ID") or ""), "MINQING_MAX_ID is required")
local part = os.getenv("MINQING_PART") or "both"
local headers = {["Cookie"] = "minqing_session=" .. session}
local id = 1
local events_next = false

function init(args)
    math.randomseed(os.time() + math.floor(os.clock() * 1e6))
end

function request()
    if part == "events" then
        id = math.random(1, max_id)
    end
    if part == "events" or (part == "both" and events_next) then
        events_next = false
        return wrk.format("GET", "/api/v1/cases/" .. id .. "/events", headers)
    end
    id = math.random(1, max_id)
    events_next = true
    return wrk.format("GET", "/api/v1/cases/" .. id, headers)
end

function done(summary, latency, requests)
    io.write(string.format("p50 %.2f ms, p99 %.2f ms, p99.9 %.2f ms\n",
        latency:percentile(50) / 1000, latency:percentile(99) / 1000,
        latency:percentile(99.9) / 1000))
end
