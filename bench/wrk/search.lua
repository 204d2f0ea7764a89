-- Keyword search: GET /api/v1/cases?keyword=… as the caller (MINQING_SESSION; the city office
-- sees every case), rotating words residents use, common ones (暖气) and rare ones (燃气泄漏).
local session = assert(os.getenv("MINQING_SESSION"), "MINQING_SESSION is required")
local keywords = {
    "暖气", "暖气不热", "物业费", "井盖", "停水", "拖欠工资", "电梯困人", "广场舞", "油烟",
    "积雪", "垃圾清运", "飞线充电", "低保", "公交", "燃气泄漏", "消防通道", "永前社区",
    "德胜街道 暖气", "加装电梯", "预付卡",
}
local headers = {["Cookie"] = "minqing_session=" .. session}
local next_keyword = 0

local function encode(text)
    return (text:gsub("[^%w%-_%.~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

local paths = {}
for i, keyword in ipairs(keywords) do
    paths[i] = "/api/v1/cases?limit=20&keyword=" .. encode(keyword)
end

function request()
    next_keyword = next_keyword % #paths + 1
    return wrk.format("GET", paths[next_keyword], headers)
end

function done(summary, latency, requests)
    io.write(string.format("p50 %.2f ms, p99 %.2f ms, p99.9 %.2f ms\n",
        latency:percentile(50) / 1000, latency:percentile(99) / 1000,
        latency:percentile(99.9) / 1000))
end
