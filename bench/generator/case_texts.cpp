#include "case_texts.hpp"

#include <array>

namespace minqing::casegen {
namespace {

using domain::AnswerResult;
using domain::Channel;

// Made-up but ordinary names: compounds as every northern city has them, and streets of the
// old town, so that addresses read like Jilin without pointing at anyone's real home.
constexpr std::array<std::string_view, 20> kEstates = {
    "江城花园", "松江嘉园", "世纪花园", "北山名苑", "丰泽园小区", "东方新城", "龙华园",
    "丽景家园", "阳光水岸", "金色家园", "华府新城", "铁路宿舍",   "电力小区", "化工小区",
    "纺织小区", "教育小区", "锦绣江南", "御景湾",   "江畔雅居",   "新华小区"};
constexpr std::array<std::string_view, 20> kRoads = {
    "解放大路", "吉林大街", "重庆路", "河南街", "北京路", "松江东路", "松江中路",
    "珲春街",   "遵义东路", "长春路", "天津街", "越山路", "青岛街",   "光华路",
    "东市场街", "江湾路",   "德胜路", "致和街", "湘潭街", "新地号街"};
constexpr std::array<std::string_view, 6> kTemperatures = {"十一", "十二", "十三",
                                                           "十四", "十五", "十六"};
constexpr std::array<std::string_view, 6> kDays = {"三天",   "四五天",   "一个星期",
                                                   "十来天", "半个多月", "一个多月"};
constexpr std::array<std::string_view, 4> kMonths = {"两个月", "三个多月", "半年", "将近一年"};
constexpr std::array<std::string_view, 6> kMoney = {"三千多元", "八千元",     "一万两千元",
                                                    "两万多元", "四万六千元", "十二万元"};
constexpr std::array<std::string_view, 8> kShops = {
    "小区门口的一家超市", "一家连锁超市", "一家烧烤店", "一家健身房",
    "一家美发店",         "一家生鲜超市", "一家饭店",   "一家家电商场"};
constexpr std::array<std::string_view, 7> kCompanies = {
    "一家建筑劳务公司", "某物流公司",       "一家装修公司",  "某保洁公司",
    "一家餐饮企业",     "某房地产开发公司", "一家汽车配件厂"};
constexpr std::array<std::string_view, 5> kWhen = {"每天晚上十点以后", "凌晨一两点",
                                                   "每天早上五点多", "周末全天", "每天夜里"};
constexpr std::array<std::string_view, 4> kSince = {"昨天晚上", "今天早上", "前天中午", "昨天下午"};
constexpr std::array<std::string_view, 5> kHouseholds = {"二十多户", "三十多户", "四十余户",
                                                         "六十多户", "上百户"};
constexpr std::array<std::string_view, 4> kWorkers = {"十几名", "二十多名", "三十多名", "四十余名"};
constexpr std::array<int, 14> kBusLines = {1, 3, 7, 8, 9, 12, 16, 18, 22, 30, 33, 36, 101, 105};
constexpr std::array<std::string_view, 4> kSchools = {"孩子就读的小学", "附近一所中学",
                                                      "辖区一所小学", "孩子所在的初中"};
constexpr std::array<std::string_view, 4> kHospitals = {"市内一家三甲医院", "某区医院",
                                                        "社区卫生服务中心", "一家民营医院"};
constexpr std::array<std::string_view, 8> kPolicies = {
    "公租房申请", "高龄补贴",         "创业担保贷款",     "取暖补贴",
    "育儿补贴",   "灵活就业社保补贴", "老旧小区改造补贴", "残疾人两项补贴"};

// Intros as each channel writes a matter down; {office} is the office a walk-in came to.
constexpr std::array<std::string_view, 2> kGridIntros = {"网格员入户走访时，{bld}居民反映：",
                                                         "网格员日常巡查时居民反映："};
constexpr std::array<std::string_view, 3> kHotlineIntros = {"市民来电反映：", "来电人反映：",
                                                            "12345热线转来电人诉求："};
constexpr std::array<std::string_view, 2> kWalkInIntros = {"居民到{office}来访反映：",
                                                           "居民来电向{office}反映："};
constexpr std::array<std::string_view, 2> kMailboxIntros = {"尊敬的领导：您好！我是{short}的居民，",
                                                            "您好，我住在{place}，"};
constexpr std::array<std::string_view, 3> kBoardIntros = {"", "各位领导好，",
                                                          "我是{short}的一名普通居民，"};
constexpr std::array<std::string_view, 2> kCadreIntros = {
    "机关干部下基层走访{short}时，多名居民集中反映：", "走访{short}时了解到，"};
constexpr std::array<std::string_view, 2> kCardIntros = {"{short}居委会通过社情民意直通卡反映：",
                                                         "经居委会核实，辖区居民反映："};
constexpr std::array<std::string_view, 4> kPressing = {
    "已经多次反映，问题一直没有解决。", "附近不少居民都有同样的问题。",
    "家里有老人和孩子，实在等不起。", "希望这次能给个明确答复。"};

constexpr std::array<std::string_view, 36> kSurnames = {
    "王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙",
    "马", "朱", "胡", "郭", "何", "高", "林", "于", "郑", "梁", "谢", "宋",
    "唐", "韩", "冯", "董", "金", "朴", "崔", "姜", "曹", "田", "付", "孟"};
constexpr std::array<std::string_view, 40> kGivenNames = {
    "伟",   "芳",   "娜",   "敏",   "静",   "丽",   "强",   "磊",   "军",   "洋",
    "勇",   "艳",   "杰",   "娟",   "涛",   "明",   "超",   "秀兰", "霞",   "平",
    "刚",   "桂英", "玉兰", "建华", "建国", "淑珍", "凤英", "志强", "海燕", "春梅",
    "立新", "桂芝", "玉珍", "红梅", "德成", "振华", "丽娟", "晓东", "雪梅", "宝山"};
constexpr std::array<std::string_view, 26> kMobilePrefixes = {
    "130", "131", "132", "133", "135", "136", "137", "138", "139", "150", "151", "152", "155",
    "156", "158", "159", "176", "177", "180", "181", "186", "187", "188", "189", "198", "199"};

template <std::size_t N>
std::string PickText(const std::array<std::string_view, N>& items, Random& random) {
    return std::string(random.Pick(items));
}

std::string Digits(int count, Random& random) {
    std::string digits;
    for (int i = 0; i < count; ++i) {
        digits += static_cast<char>('0' + random.Below(10));
    }
    return digits;
}

std::string Replace(std::string text, std::string_view from, std::string_view to) {
    for (auto at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
        text.replace(at, from.size(), to);
    }
    return text;
}

std::string PickFilled(std::string_view templates, const Scene& scene, Random& random) {
    const auto alternatives = Alternatives(templates);
    return alternatives.empty() ? std::string() : Fill(random.Pick(alternatives), scene);
}

}  // namespace

std::vector<std::string_view> Alternatives(std::string_view templates) {
    std::vector<std::string_view> parts;
    for (std::size_t start = 0; start <= templates.size();) {
        const auto bar = std::min(templates.find('|', start), templates.size());
        if (bar > start) {
            parts.push_back(templates.substr(start, bar - start));
        }
        start = bar + 1;
    }
    return parts;
}

Scene DrawScene(const PlaceNames& place, std::span<const std::string> keywords, Random& random) {
    Scene scene;
    scene.place = place;
    scene.building = std::to_string(random.Between(1, 36)) + "号楼";
    if (random.Chance(0.5)) {
        scene.building += std::to_string(random.Between(1, 6)) + "单元";
    }
    scene.estate = PickText(kEstates, random);
    scene.road = PickText(kRoads, random);
    scene.keyword = keywords.empty() ? std::string() : random.Pick(keywords);
    scene.temperature = PickText(kTemperatures, random);
    scene.days = PickText(kDays, random);
    scene.months = PickText(kMonths, random);
    scene.money = PickText(kMoney, random);
    scene.shop = PickText(kShops, random);
    scene.company = PickText(kCompanies, random);
    scene.when = PickText(kWhen, random);
    scene.since = PickText(kSince, random);
    scene.households = PickText(kHouseholds, random);
    scene.workers = PickText(kWorkers, random);
    scene.bus = std::to_string(random.Pick(kBusLines)) + "路公交车";
    scene.school = PickText(kSchools, random);
    scene.hospital = PickText(kHospitals, random);
    scene.policy = PickText(kPolicies, random);
    return scene;
}

std::string Fill(std::string_view pattern, const Scene& scene) {
    const std::string full = scene.place.district + scene.place.street + scene.place.community;
    const std::pair<std::string_view, const std::string*> values[] = {
        {"place", &full},
        {"short", &scene.place.community},
        {"bld", &scene.building},
        {"estate", &scene.estate},
        {"road", &scene.road},
        {"kw", &scene.keyword},
        {"temp", &scene.temperature},
        {"days", &scene.days},
        {"months", &scene.months},
        {"money", &scene.money},
        {"shop", &scene.shop},
        {"company", &scene.company},
        {"when", &scene.when},
        {"since", &scene.since},
        {"hh", &scene.households},
        {"hh2", &scene.workers},
        {"bus", &scene.bus},
        {"school", &scene.school},
        {"hospital", &scene.hospital},
        {"policy", &scene.policy},
    };
    std::string text;
    text.reserve(pattern.size() + 64);
    for (std::size_t i = 0; i < pattern.size();) {
        const auto open = pattern.find('{', i);
        const auto close = open == std::string_view::npos ? open : pattern.find('}', open);
        if (close == std::string_view::npos) {
            text.append(pattern.substr(i));
            break;
        }
        text.append(pattern.substr(i, open - i));
        const auto name = pattern.substr(open + 1, close - open - 1);
        const std::string* value = nullptr;
        for (const auto& [key, found] : values) {
            if (key == name) {
                value = found;
            }
        }
        if (value != nullptr) {
            text.append(*value);
        } else {
            text.append(pattern.substr(open, close - open + 1));
        }
        i = close + 1;
    }
    return text;
}

CaseText ComposeCase(const Topic& topic, const Scene& scene, Channel channel,
                     std::string_view office, Random& random) {
    CaseText text;
    text.title = PickFilled(topic.titles, scene, random);
    const auto details = Alternatives(topic.details);
    const std::size_t first = static_cast<std::size_t>(random.Below(details.size()));
    text.summary = Fill(details[first], scene);
    std::string body = text.summary;
    // A second detail now and then, as residents who write at length do.
    if (details.size() > 1 && random.Chance(0.3)) {
        const std::size_t second =
            (first + 1 + static_cast<std::size_t>(random.Below(details.size() - 1))) %
            details.size();
        body += Fill(details[second], scene);
    }
    if (random.Chance(0.35)) {
        body += PickText(kPressing, random);
    }
    text.suggestion = PickFilled(topic.demands, scene, random);
    std::string intro;
    switch (channel) {
        case Channel::kGrid:
            intro = PickText(kGridIntros, random);
            break;
        case Channel::kHotline:
            intro = PickText(kHotlineIntros, random);
            break;
        case Channel::kWalkIn:
            intro = Replace(PickText(kWalkInIntros, random), "{office}", office);
            break;
        case Channel::kMailbox:
            intro = PickText(kMailboxIntros, random);
            break;
        case Channel::kMessageBoard:
            intro = PickText(kBoardIntros, random);
            break;
        case Channel::kCadreReport:
            intro = PickText(kCadreIntros, random);
            break;
        case Channel::kDirectCard:
            intro = PickText(kCardIntros, random);
            break;
    }
    text.content = Fill(intro, scene) + body + text.suggestion;
    const auto& place = scene.place;
    text.address =
        random.Chance(0.7)
            ? place.district + place.street + place.community + scene.building
            : place.district + scene.road + std::to_string(random.Between(1, 999)) + "号";
    return text;
}

std::string AnswerText(const Topic& topic, const Scene& scene, AnswerResult result,
                       std::string_view unit, Random& random) {
    const std::string fix = Fill(topic.fix, scene);
    const std::string who(unit);
    switch (result) {
        case AnswerResult::kSolved:
            return random.Chance(0.5)
                       ? "经核实，反映情况属实。" + fix + "。已将处理结果告知反映人。"
                       : "接件后，" + who + "立即安排人员核查。" + fix +
                             "，反映人对处理结果表示认可。";
        case AnswerResult::kPartlySolved:
            return "经核实，" + fix + "。部分问题仍需协调解决，" + who +
                   "将持续跟进并及时告知反映人。";
        case AnswerResult::kExplained:
            return "经" + who +
                   "核实，反映的情况与实际有出入，已向反映人详细解释了相关政策规定，反映人表示理解"
                   "。";
        case AnswerResult::kCannotBeDone:
            return "经" + who +
                   "研究，反映人的诉求不符合现行政策规定，暂无法办理，已向反映人说明相关依据和其他"
                   "解决途径。";
    }
    return fix;
}

ActionWords WordsFor(std::string_view action, std::string_view unit, Random& random) {
    const std::string who(unit);
    ActionWords words;
    const auto one_of = [&random](std::initializer_list<std::string> options) {
        return *(options.begin() + static_cast<std::ptrdiff_t>(random.Below(options.size())));
    };
    if (action == "contact_reporter") {
        words.note = one_of({"已电话联系反映人，了解具体情况，约定上门查看时间。",
                             "已与反映人取得联系，告知目前办理进度。",
                             "工作人员已上门查看现场，并与反映人当面沟通。"});
    } else if (action == "supervise") {
        words.note =
            one_of({"该件办理进度滞后，请抓紧办理并及时反馈。", "请于两个工作日内报送办理情况。",
                    "群众反映强烈，请高度重视，限期办结。"});
    } else if (action == "assist") {
        words.note = who + "已配合主办单位开展现场核查，相关情况已书面反馈。";
    } else if (action == "instruct") {
        words.note = one_of({"请" + who + "高度重视，会同相关部门研究解决方案，确保按期办结。",
                             "请抓紧协调，依法依规妥善处理，及时回应群众关切。",
                             "此事涉及群众切身利益，请相关部门主动作为，尽快拿出解决办法。"});
    } else if (action == "decline") {
        words.reason = one_of({"反映事项已进入诉讼程序。", "反映内容不具体，经联系无法核实。",
                               "反映事项属于民事纠纷，应通过司法途径解决。"});
        words.legal_basis =
            one_of({"依据《信访工作条例》第三十一条，应通过诉讼、仲裁等法定途径解决。",
                    "依据《吉林市社区居民社情民意绿色通道实施意见》，不属于受理范围。"});
    } else if (action == "merge") {
        words.note = "与已受理的同一事项合并办理。";
    } else if (action == "withdraw") {
        words.reason = one_of(
            {"反映人表示问题已自行解决，申请撤回。", "反映人与对方协商解决，不再需要办理。"});
    } else if (action == "request_return") {
        words.reason = "该事项不属于本单位职责范围。";
        words.legal_basis = "依据本单位“三定”方案及权责清单，该事项不在本单位职责范围内。";
    } else if (action == "refuse_return") {
        words.reason = "经研究，该事项与你单位职责相关，请继续办理。";
    } else if (action == "request_extension") {
        words.reason =
            one_of({"涉及多个部门协调，需要进一步现场核查，申请延期。",
                    "需等待检测结果后才能答复，申请延期。", "受天气影响无法施工，申请延期办理。"});
    } else if (action == "refuse_extension") {
        words.reason = "办理时限充足，请按期办结。";
    } else if (action == "commit_long_term") {
        words.reason = "该问题需纳入年度改造计划统筹解决，已向反映人作出书面解释并承诺办理时限。";
    } else if (action == "return_for_rework") {
        words.reason = "答复内容过于简单，未说明具体处理结果，请重新办理。";
    } else if (action == "reopen") {
        words.reason = "反映人对处理结果不满意，经核实诉求合理，退回重办。";
    } else if (action == "dispatch" || action == "handover") {
        words.note = random.Chance(0.5) ? "请按时限办理并反馈。" : "";
    }
    return words;
}

domain::Reporter DrawReporter(Random& random) {
    domain::Reporter reporter;
    const std::string surname = PickText(kSurnames, random);
    // Hotline operators often write down only how the caller asked to be addressed.
    if (random.Chance(0.15)) {
        reporter.name = surname + (random.Chance(0.55) ? "女士" : "先生");
    } else {
        reporter.name = surname + PickText(kGivenNames, random);
    }
    if (random.Chance(0.85)) {
        reporter.phone = PickText(kMobilePrefixes, random) + Digits(8, random);
    } else {
        reporter.phone = "0432-6" + Digits(7, random);
    }
    return reporter;
}

}  // namespace minqing::casegen
