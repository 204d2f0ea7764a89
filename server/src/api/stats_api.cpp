// Statistics of cases: counts grouped by one or two dimensions, each pointing at the case list
// that holds exactly its cases, with the previous period and the year before for comparison.
#include <algorithm>
#include <charconv>

#include "api/case_json.hpp"
#include "api/case_list_url.hpp"
#include "api/routes.hpp"

namespace minqing::api {
namespace {

using domain::DayNumber;
using domain::StatsDimension;
using domain::StatsGrouping;
using domain::permission::kCaseRead;

// The case list's filters a statistics request passes on to the lists behind its figures.
constexpr std::array kListFilters = {"state",    "channel", "kind",    "urgency", "warning",
                                     "category", "holder",  "orgUnit", "keyword", "overdue",
                                     "mine",     "area",    "origin",  "leadUnit"};

// A day-by-day count over more than this many days is refused: it is a chart nobody reads.
constexpr DayNumber kMaxDailyDays = 400;
// Ranges longer than a decade and a bit are refused.
constexpr DayNumber kMaxDays = 3700;

std::optional<DayNumber> ParseDay(std::string_view text) {
    if (text.size() != 10) {
        return std::nullopt;
    }
    const auto at = ParseIso8601(text);
    return at ? std::optional(domain::DayNumberOf(*at)) : std::nullopt;
}

bool Has(const std::vector<StatsGrouping>& groupings, StatsDimension dimension) {
    return std::ranges::find(groupings, dimension, &StatsGrouping::dimension) != groupings.end();
}

struct DecodedStats {
    service::StatsRequest request;
    CaseListParams list_params;
};

// The groupings of `groupBy` with the levels the other parameters give them.
std::vector<StatsGrouping> DecodeGroupings(const http::Request& request,
                                           std::vector<FieldError>& problems) {
    const auto param = [&request](const char* name) { return request.QueryParam(name); };
    std::vector<StatsGrouping> groupings;
    StatsGrouping defaults;
    if (const std::string period = param("period"); !period.empty()) {
        const auto parsed = domain::ParseStatsPeriod(period);
        if (parsed) {
            defaults.period = *parsed;
        } else {
            problems.push_back({"period", "invalid", "day, week, month, quarter or year."});
        }
    }
    if (const std::string level = param("areaLevel"); !level.empty()) {
        const auto parsed = domain::ParseOrgLevel(level);
        if (parsed &&
            std::ranges::find(domain::kAreaLevels, *parsed) != domain::kAreaLevels.end()) {
            defaults.area_level = *parsed;
        } else {
            problems.push_back({"areaLevel", "invalid", "district, street, community or grid."});
        }
    }
    if (const std::string unit = param("unit"); unit == "lead") {
        defaults.lead_unit = true;
    } else if (!unit.empty() && unit != "holder") {
        problems.push_back({"unit", "invalid", "holder or lead."});
    }
    if (const std::string level = param("categoryLevel"); level == "2") {
        defaults.category_level = 2;
    } else if (!level.empty() && level != "1") {
        problems.push_back({"categoryLevel", "invalid", "1 or 2."});
    }
    if (const std::string group_by = param("groupBy"); !group_by.empty()) {
        std::size_t start = 0;
        while (start <= group_by.size()) {
            const auto comma = std::min(group_by.find(',', start), group_by.size());
            const auto dimension =
                domain::ParseStatsDimension(group_by.substr(start, comma - start));
            if (!dimension) {
                problems.push_back({"groupBy", "invalid",
                                    "One or two of period, area, unit, category, channel, kind, "
                                    "urgency, state, warning, comma-separated."});
                break;
            }
            if (Has(groupings, *dimension)) {
                problems.push_back({"groupBy", "repeated", "Each dimension once."});
                break;
            }
            auto grouping = defaults;
            grouping.dimension = *dimension;
            groupings.push_back(grouping);
            start = comma + 1;
        }
        if (groupings.size() > 2) {
            problems.push_back({"groupBy", "too_many", "At most two dimensions."});
        }
    }
    return groupings;
}

// `compare`: previous, yearBefore or both.
void DecodeComparisons(const std::string& compare, service::StatsRequest& stats,
                       std::vector<FieldError>& problems) {
    if (!compare.empty()) {
        std::size_t start = 0;
        while (start <= compare.size()) {
            const auto comma = std::min(compare.find(',', start), compare.size());
            const std::string_view what(compare.data() + start, comma - start);
            if (what == "previous") {
                stats.previous = true;
            } else if (what == "yearBefore") {
                stats.year_before = true;
            } else {
                problems.push_back({"compare", "invalid", "previous, yearBefore or both."});
                break;
            }
            start = comma + 1;
        }
    }
}

Result<DecodedStats> DecodeStats(const http::Request& request, Instant now) {
    auto filters = DecodeCaseFilters(request);
    if (!filters) {
        return Fail(filters.error());
    }
    DecodedStats decoded;
    auto& stats = decoded.request;
    stats.filters = std::move(*filters);
    for (const char* name : kListFilters) {
        if (std::string value = request.QueryParam(name); !value.empty()) {
            decoded.list_params.emplace(name, std::move(value));
        }
    }
    std::vector<FieldError> problems;
    const auto param = [&request](const char* name) { return request.QueryParam(name); };
    stats.groupings = DecodeGroupings(request, problems);
    // The default range: this month so far.
    const DayNumber today = domain::DayNumberOf(now);
    stats.from = domain::PeriodStart(today, domain::StatsPeriod::kMonth);
    stats.to = today + 1;
    for (const auto& [name, target] :
         {std::pair{"from", &stats.from}, std::pair{"to", &stats.to}}) {
        if (const std::string text = param(name); !text.empty()) {
            const auto day = ParseDay(text);
            if (day) {
                *target = *day;
            } else {
                problems.push_back({name, "invalid", "A date like 2026-11-01."});
            }
        }
    }
    if (problems.empty() && stats.from >= stats.to) {
        problems.push_back({"to", "before_from", "The day after the last day, later than from."});
    }
    if (problems.empty() && stats.to - stats.from > kMaxDays) {
        problems.push_back({"from", "too_long", "At most ten years."});
    }
    const bool daily = std::ranges::any_of(stats.groupings, [](const StatsGrouping& g) {
        return g.dimension == StatsDimension::kPeriod && g.period == domain::StatsPeriod::kDay;
    });
    if (problems.empty() && daily && stats.to - stats.from > kMaxDailyDays) {
        problems.push_back({"period", "too_many_days", "Days over at most 400 days."});
    }
    DecodeComparisons(request.QueryParam("compare"), stats, problems);
    if (!problems.empty()) {
        return Fail(Validation(std::move(problems)));
    }
    return decoded;
}

domain::OrgUnitId IdOf(std::string_view key) {
    domain::OrgUnitId id = 0;
    std::from_chars(key.data(), key.data() + key.size(), id);
    return id;
}

// The list filters of one cell: the request's, narrowed by each key of the cell.
class CellLinks {
  public:
    CellLinks(const service::StatsRequest& request, const service::StatsReport& report,
              const CaseListParams& base)
        : request_(request), report_(report), base_(base) {}

    CaseListParams For(const std::vector<std::string>& keys, DayNumber from, DayNumber to) const {
        CaseListParams params = base_;
        for (std::size_t i = 0; i < keys.size(); ++i) {
            Narrow(params, request_.groupings[i], keys[i], from, to);
        }
        params["from"] = domain::FormatDayNumber(from);
        params["to"] = domain::FormatDayNumber(to);
        return params;
    }

  private:
    void Narrow(CaseListParams& params, const StatsGrouping& grouping, const std::string& key,
                DayNumber& from, DayNumber& to) const {
        switch (grouping.dimension) {
            case StatsDimension::kPeriod: {
                const auto start = ParseDay(key);
                if (start) {
                    from = std::max(from, *start);
                    to = std::min(to, domain::NextPeriodStart(*start, grouping.period));
                }
                break;
            }
            case StatsDimension::kArea: {
                const auto unit = report_.units.find(IdOf(key));
                if (unit == report_.units.end()) {
                    params["origin"] = key;
                } else if (unit->second.level < grouping.area_level) {
                    // Cases recorded by a division above the level, as its own.
                    params["origin"] = key;
                } else if (!report_.filters.origin_within ||
                           domain::IsWithinPath(*report_.filters.origin_within,
                                                unit->second.path)) {
                    params["area"] = key;
                }
                break;
            }
            case StatsDimension::kUnit:
                if (grouping.lead_unit) {
                    params.try_emplace("leadUnit", key == "0" ? "none" : key);
                } else {
                    params.try_emplace("holder", key);
                }
                break;
            case StatsDimension::kCategory: {
                auto& category = params["category"];
                if (category.size() < key.size()) {
                    category = key;
                }
                break;
            }
            case StatsDimension::kState: {
                const auto group = domain::ParseStateGroup(key);
                std::string states;
                for (const auto state :
                     group ? domain::StatesIn(*group) : std::vector<domain::CaseState>{}) {
                    const auto& asked = report_.filters.states;
                    if (asked.empty() || std::ranges::find(asked, state) != asked.end()) {
                        states += states.empty() ? "" : ",";
                        states += domain::CaseStateName(state);
                    }
                }
                params["state"] = states;
                break;
            }
            case StatsDimension::kChannel:
                params.try_emplace("channel", key);
                break;
            case StatsDimension::kKind:
                params.try_emplace("kind", key);
                break;
            case StatsDimension::kUrgency:
                params.try_emplace("urgency", key);
                break;
            case StatsDimension::kWarning:
                params.try_emplace("warning", key);
                break;
        }
    }

    const service::StatsRequest& request_;
    const service::StatsReport& report_;
    const CaseListParams& base_;
};

nlohmann::json KeyJson(const StatsGrouping& grouping, const std::string& key,
                       const service::StatsReport& report) {
    nlohmann::json json{{"value", key}};
    if (grouping.dimension == StatsDimension::kArea ||
        grouping.dimension == StatsDimension::kUnit) {
        if (const auto unit = report.units.find(IdOf(key)); unit != report.units.end()) {
            json["label"] = unit->second.name;
            if (grouping.dimension == StatsDimension::kArea) {
                // Counted for the division itself: it lies above the level asked for.
                json["own"] = unit->second.level < grouping.area_level;
            }
        }
    } else if (grouping.dimension == StatsDimension::kCategory) {
        if (const auto name = report.category_names.find(key);
            name != report.category_names.end()) {
            json["label"] = name->second;
        }
    }
    return json;
}

nlohmann::json GroupingJson(const StatsGrouping& grouping) {
    nlohmann::json json{{"dimension", domain::StatsDimensionName(grouping.dimension)}};
    switch (grouping.dimension) {
        case StatsDimension::kPeriod:
            json["period"] = domain::StatsPeriodName(grouping.period);
            break;
        case StatsDimension::kArea:
            json["level"] = domain::OrgLevelName(grouping.area_level);
            break;
        case StatsDimension::kUnit:
            json["unit"] = grouping.lead_unit ? "lead" : "holder";
            break;
        case StatsDimension::kCategory:
            json["level"] = grouping.category_level;
            break;
        default:
            break;
    }
    return json;
}

std::int64_t CountOf(const domain::StatsResult& result, const std::vector<std::string>& keys) {
    const auto cell = std::ranges::find(result.cells, keys, &domain::StatsCell::keys);
    return cell == result.cells.end() ? 0 : cell->count;
}

nlohmann::json StatsJson(const DecodedStats& decoded, const service::StatsReport& report) {
    const auto& request = decoded.request;
    const CellLinks links(request, report, decoded.list_params);
    const bool by_period = Has(request.groupings, StatsDimension::kPeriod);
    const std::vector<std::pair<const char*, const std::optional<service::StatsPart>*>> comparisons{
        {"previous", &report.previous}, {"yearBefore", &report.year_before}};
    // A figure of `part` for `keys`: its count and the list of its cases.
    const auto figure = [&](const service::StatsPart& part, const std::vector<std::string>& keys,
                            std::int64_t count) {
        return nlohmann::json{{"count", count},
                              {"cases", CaseListUrl(links.For(keys, part.from, part.to))}};
    };
    const auto range = [](const service::StatsPart& part) {
        return nlohmann::json{{"from", domain::FormatDayNumber(part.from)},
                              {"to", domain::FormatDayNumber(part.to)}};
    };
    nlohmann::json answer = range(report.current);
    answer["groupBy"] = nlohmann::json::array();
    for (const auto& grouping : request.groupings) {
        answer["groupBy"].push_back(GroupingJson(grouping));
    }
    answer["source"] = domain::StatsSourceName(report.current.result.source);
    // The total: every cell's cases together.
    const auto total_of = [](const domain::StatsResult& result) {
        std::int64_t total = 0;
        for (const auto& cell : result.cells) {
            total += cell.count;
        }
        return total;
    };
    nlohmann::json total = figure(report.current, {}, total_of(report.current.result));
    for (const auto& [name, part] : comparisons) {
        if (*part) {
            answer[name] = range(**part);
            total[name] = figure(**part, {}, total_of((*part)->result));
        }
    }
    answer["total"] = std::move(total);
    nlohmann::json cells = nlohmann::json::array();
    for (const auto& cell : report.current.result.cells) {
        if (cell.keys.empty()) {
            continue;
        }
        nlohmann::json json = figure(report.current, cell.keys, cell.count);
        json["keys"] = nlohmann::json::array();
        for (std::size_t i = 0; i < cell.keys.size(); ++i) {
            json["keys"].push_back(KeyJson(request.groupings[i], cell.keys[i], report));
        }
        if (!by_period) {
            // Cells of a trend compare as whole series: ask for the earlier range instead.
            for (const auto& [name, part] : comparisons) {
                if (*part) {
                    json[name] = figure(**part, cell.keys, CountOf((*part)->result, cell.keys));
                }
            }
        }
        cells.push_back(std::move(json));
    }
    answer["cells"] = std::move(cells);
    return answer;
}

http::Response CaseStats(const StatsServices& context, http::Request& request,
                         const domain::Principal& caller) {
    auto decoded = DecodeStats(request, context.clock.Now());
    if (!decoded) {
        return ErrorFor(request, decoded.error());
    }
    return Respond(
        request, context.stats.CaseCounts(caller, decoded->request),
        [&decoded](const service::StatsReport& report) { return StatsJson(*decoded, report); });
}

}  // namespace

Routes StatsRoutes(const StatsServices& context) {
    return {
        {"GET", "/api/v1/stats/cases", Needs(kCaseRead), With(context, &CaseStats)},
    };
}

}  // namespace minqing::api
