-- Intake load: POST /api/v1/cases with varied, realistic Chinese cases, as the demo grid worker
-- (channel grid, on their own grid) or the city office (walk-in, on grids across the city).
--
-- Environment:
--   MINQING_SESSION   session cookie value of the account        (required)
--   MINQING_CSRF      its CSRF token (from the login answer)       (required)
--   MINQING_CHANNEL   grid (grid worker) or walk_in (office)       (default walk_in)
--   MINQING_GRID_IDS  comma-separated grid ids to place cases in   (default: none)
--   MINQING_RATE      target requests per second over all threads (wrk has no -R): each thread
--                     sends on a fixed schedule of rate/threads per second, as long as it has
--                     a free connection. Unset: as fast as the server answers. Latency is
--                     measured from the actual send, so a server that falls behind the schedule
--                     shows as a lower rate, not as queueing delay (coordinated omission).
--   MINQING_THREADS   the -t given to wrk, for the pacing above (default 2)
-- Every request carries a fresh Idempotency-Key, so each one is a new case.

local session = assert(os.getenv("MINQING_SESSION"), "MINQING_SESSION is required")
local csrf = assert(os.getenv("MINQING_CSRF"), "MINQING_CSRF is required")
local channel = os.getenv("MINQING_CHANNEL") or "walk_in"
local rate = tonumber(os.getenv("MINQING_RATE") or "")
local threads_count = tonumber(os.getenv("MINQING_THREADS") or "2")

local grids = {}
for id in string.gmatch(os.getenv("MINQING_GRID_IDS") or "", "%d+") do
    grids[#grids + 1] = tonumber(id)
end

-- Streets and communities of 船营区 and 昌邑区 (data/seed/org/divisions.csv), for the words.
local places = {
    "船营区德胜街道永前社区", "船营区南京街道大街社区", "船营区大东街道吉源社区",
    "船营区青岛街道庆丰社区", "船营区向阳街道华南社区", "船营区北极街道致和南社区",
    "船营区致和街道友好社区", "船营区长春路街道西安社区", "船营区临江街道泰和社区",
    "昌邑区兴华街道东厂宅社区", "昌邑区文庙街道天胜社区", "昌邑区东局子街道锦东社区",
    "昌邑区新地号街道维北社区", "昌邑区延安街道花园社区", "昌邑区站前街道新华社区",
    "昌邑区民主街道工字楼社区", "昌邑区莲花街道骊景社区", "昌邑区通江街道江梅社区",
}
local buildings = {"3号楼", "5号楼2单元", "7号楼", "12号楼1单元", "16号楼", "21号楼3单元", "28号楼"}
local roads = {"解放大路", "吉林大街", "重庆路", "河南街", "北京路", "松江东路", "珲春街", "越山路"}

-- One row per matter: category code, kind, urgency, title and content templates. {p} is the
-- place, {b} a building, {r} a road.
local matters = {
    {"0301", "complaint", "urgent", "{p}{b}暖气不热，室温只有十五度",
     "入冬以来家里暖气一直不热，屋里室温只有十五度左右，老人孩子冻得受不了。希望热力公司尽快上门排查。"},
    {"0301", "complaint", "urgent", "{p}{b}暖气漏水无人维修",
     "暖气片接口处漏水，地板已经泡了，打热力集团客服电话一直占线。请尽快安排维修。"},
    {"0101", "complaint", "normal", "{p}物业不作为，楼道垃圾长期无人清理",
     "小区物业已经一个星期没有安排保洁，楼道和垃圾桶周边脏乱不堪，业主多次找物业都说人手不够。"},
    {"0101", "complaint", "normal", "{p}物业费上涨未经业主大会同意",
     "物业公司贴出通知，物业费从每平方米零点八元涨到一点二元，没有召开业主大会。请求核查是否合规。"},
    {"0201", "complaint", "normal", "{p}{b}旁垃圾堆放多日无人清运",
     "楼旁的垃圾点已经三天没人清运，垃圾堆成小山，散发异味。请尽快安排清运。"},
    {"0206", "complaint", "urgent", "{r}一处井盖丢失，存在安全隐患",
     "{r}靠近路口的位置井盖丢失，只放了一个塑料桶，晚上很容易出事。希望尽快补装井盖。"},
    {"0206", "complaint", "normal", "{r}路灯不亮已经多日",
     "{r}一段路灯十来天不亮了，晚上黑灯瞎火，居民出行不安全。请求尽快维修。"},
    {"0207", "complaint", "urgent", "{r}积雪未清，路面结冰行人摔倒",
     "下雪已经四五天了，{r}人行道上的积雪被踩成了冰，早上好几个老人摔倒。请尽快组织清雪除冰。"},
    {"0302", "complaint", "urgent", "{p}{b}突然停水未提前通知",
     "从昨天晚上开始停水，已经快一天了，事先没有任何通知。请尽快恢复供水。"},
    {"0304", "complaint", "critical", "{p}{b}楼道有煤气味，疑似燃气泄漏",
     "今天早上开始楼道里有很明显的煤气味，已经通知住户不要开火。请立即派人排查。"},
    {"0908", "complaint", "critical", "{p}{b}电梯困人",
     "电梯突然停在两层之间，里面困了一位老人，物业半个多小时才来。请求检查电梯安全。"},
    {"0403", "complaint", "normal", "{p}广场舞音响声音太大扰民",
     "小区广场每天晚上都有人跳广场舞，音响开得很大，一直到九点多。希望有关部门协调处理。"},
    {"0208", "complaint", "normal", "{r}露天烧烤油烟呛人",
     "{r}有几家烧烤店在店外露天烧烤，每天晚上十点以后还烟雾弥漫。请求依法查处。"},
    {"0504", "complaint", "normal", "{p}乱停车堵塞消防通道",
     "晚上小区道路两侧停满了车，消防通道被堵死，救护车都进不来。希望规范停车秩序。"},
    {"0601", "complaint", "urgent", "一家建筑劳务公司拖欠二十多名农民工工资",
     "我们在一家建筑劳务公司干活，工程早就完工了，老板拖欠工资共四万六千元。请求帮助追讨。"},
    {"1002", "complaint", "urgent", "{p}{b}楼道堆物堵塞消防通道",
     "楼道里堆满了杂物和纸箱，消防通道被堵，住户劝说也不听。请求尽快排除隐患。"},
    {"1007", "complaint", "normal", "{p}{b}有人飞线充电",
     "有住户从窗户拉电线下来给电动车充电，电线就挂在楼外，很危险。请求制止。"},
    {"1101", "help", "normal", "{p}困难家庭申请低保",
     "家里丈夫重病卧床，我没有工作，孩子还在上学，生活非常困难，想申请低保。请求帮助。"},
    {"1102", "help", "normal", "{p}希望开设老年食堂",
     "社区老年人多，很多独居老人吃饭成问题，希望开个老年食堂。"},
    {"0102", "help", "normal", "{p}{b}居民申请加装电梯进展缓慢",
     "楼里住的多是七八十岁的老人，上下楼非常困难，全楼已签字同意加装电梯，但手续一直办不下来。"},
    {"1005", "help", "normal", "{p}{b}楼上漏水楼下受损，邻里协商不成",
     "楼上卫生间漏水，把我家天棚泡坏了，楼上不承认也不维修。希望社区出面调解。"},
    {"0501", "suggestion", "normal", "建议在{p}附近增设公交站点",
     "小区周边居民有几千户，最近的公交站要走一公里多，老人出行很不方便。建议优化线路。"},
    {"1401", "question", "normal", "咨询高龄补贴的申请条件",
     "父亲今年八十岁了，想了解高龄补贴的申请条件和办理流程。请给予答复。"},
    {"0902", "report", "normal", "{r}一家超市销售过期食品",
     "在{r}一家超市买的牛奶已经过期好几天了，货架上还有很多。请求依法查处。"},
}
local surnames = {"王", "李", "张", "刘", "陈", "杨", "赵", "孙", "于", "金", "崔", "姜"}
local given = {"伟", "芳", "静", "丽", "强", "磊", "秀兰", "建华", "淑珍", "海燕", "志强", "桂芝"}

-- thread_id (set by setup), created and errors are globals of each thread's Lua state, so that
-- setup and done can reach them through thread:set and thread:get.
local counter = 0
local threads = {}

function setup(thread)
    thread:set("thread_id", #threads + 1)
    threads[#threads + 1] = thread
end

function init(args)
    math.randomseed(os.time() * 1000 + thread_id)
    errors = 0
    created = 0
end

local function pick(list)
    return list[math.random(#list)]
end

local function fill(text, place, building, road)
    return (text:gsub("{p}", place):gsub("{b}", building):gsub("{r}", road))
end

function request()
    counter = counter + 1
    local matter = pick(matters)
    local place, building, road = pick(places), pick(buildings), pick(roads)
    local location = string.format('"address":"%s%s"', place, building)
    if #grids > 0 then
        location = location .. string.format(',"gridId":%d', grids[math.random(#grids)])
    end
    local reporter
    if math.random() < 0.08 then
        reporter = '{"anonymous":true}'
    else
        reporter = string.format('{"name":"%s%s","phone":"1%d%08d"}', pick(surnames), pick(given),
            math.random(30, 99), math.random(0, 99999999))
    end
    local body = string.format(
        '{"channel":"%s","kind":"%s","urgency":"%s","categoryCode":"%s","title":"%s",' ..
        '"content":"%s","location":{%s},"peopleInvolved":%d,"reporter":%s}',
        channel, matter[2], matter[3], matter[1], fill(matter[4], place, building, road),
        fill(matter[5], place, building, road), location, math.random(1, 3), reporter)
    local headers = {
        ["Content-Type"] = "application/json",
        ["Cookie"] = "minqing_session=" .. session,
        ["X-CSRF-Token"] = csrf,
        ["Idempotency-Key"] = string.format("wrk-%d-%d-%d-%d", os.time(), thread_id, counter,
            math.random(0, 2147483647)),
    }
    return wrk.format("POST", "/api/v1/cases", headers, body)
end

if rate then
    -- A monotonic clock through LuaJIT's FFI: Lua itself only has whole seconds.
    local ffi = require("ffi")
    ffi.cdef [[
        typedef struct { long tv_sec; long tv_nsec; } minqing_timespec;
        int clock_gettime(int clock, minqing_timespec* now);
    ]]
    local clock_monotonic = 1
    local timespec = ffi.new("minqing_timespec")
    local function now_ms()
        ffi.C.clock_gettime(clock_monotonic, timespec)
        return tonumber(timespec.tv_sec) * 1000 + tonumber(timespec.tv_nsec) / 1e6
    end
    local interval_ms = 1000 * threads_count / rate
    local next_due = nil
    function delay()
        local now = now_ms()
        next_due = math.max((next_due or now) + interval_ms, now - 10 * interval_ms)
        return math.max(0, next_due - now)
    end
end

function response(status, headers, body)
    if status == 201 then
        created = created + 1
    else
        errors = errors + 1
        if errors <= 3 then
            io.stderr:write(string.format("HTTP %d: %s\n", status, body:sub(1, 300)))
        end
    end
end

function done(summary, latency, requests)
    local total_created, total_errors = 0, 0
    for _, thread in ipairs(threads) do
        total_created = total_created + thread:get("created")
        total_errors = total_errors + thread:get("errors")
    end
    local seconds = summary.duration / 1e6
    io.write(string.format("created %d (%.0f/s), not created %d\n", total_created,
        total_created / seconds, total_errors))
    io.write(string.format("p50 %.2f ms, p99 %.2f ms, p99.9 %.2f ms\n",
        latency:percentile(50) / 1000, latency:percentile(99) / 1000,
        latency:percentile(99.9) / 1000))
end
