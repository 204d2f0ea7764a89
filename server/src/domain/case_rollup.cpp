#include "domain/case_rollup.hpp"

#include <algorithm>
#include <charconv>

#include "domain/work_calendar.hpp"

namespace minqing::domain {
namespace {

// The ids on an org path "/1/4/27/" in order, root first.
std::vector<OrgUnitId> PathIds(std::string_view path) {
    std::vector<OrgUnitId> ids;
    std::size_t start = 0;
    while (start < path.size()) {
        const std::size_t slash = path.find('/', start);
        const std::size_t end = slash == std::string_view::npos ? path.size() : slash;
        if (end > start) {
            OrgUnitId id = 0;
            std::from_chars(path.data() + start, path.data() + end, id);
            ids.push_back(id);
        }
        start = end + 1;
    }
    return ids;
}

}  // namespace

DayNumber DayNumberOf(Instant at) {
    return static_cast<DayNumber>(LocalDayOf(at).time_since_epoch().count());
}

Instant StartOfDayNumber(DayNumber day) {
    return AtLocal(LocalDay(std::chrono::days(day)), 0);
}

OrgUnitId AreaAt(std::string_view origin_path, OrgLevel level) {
    const auto ids = PathIds(origin_path);
    if (ids.empty()) {
        return 0;
    }
    // The city is the first id, a district the second, and so on down to the grid.
    const auto depth = static_cast<std::size_t>(level);
    return depth < ids.size() ? ids[depth] : ids.back();
}

std::optional<OrgLevel> DivisionLevelOf(std::string_view path) {
    const std::size_t depth = PathIds(path).size();
    if (depth == 0 || depth > kAreaLevels.size() + 1) {
        return std::nullopt;
    }
    return static_cast<OrgLevel>(depth - 1);
}

RollupKey RollupKeyOf(const Case& c) {
    return RollupKey{
        .day = DayNumberOf(c.created_at),
        .origin_id = c.origin_id,
        .origin_path = c.origin_path,
        .holder_id = c.holder_id,
        .lead_unit_id = c.lead_unit_id.value_or(0),
        .category_code = c.category_code,
        .channel = c.channel,
        .kind = c.kind,
        .urgency = c.urgency,
        .state = c.state,
    };
}

std::vector<std::string> RollupScopes(const std::vector<std::string>& stake_paths) {
    std::vector<std::string> scopes{""};
    for (const std::string& path : stake_paths) {
        for (std::size_t slash = path.find('/', 1); slash != std::string::npos;
             slash = path.find('/', slash + 1)) {
            scopes.push_back(path.substr(0, slash + 1));
        }
    }
    std::ranges::sort(scopes);
    const auto [first, last] = std::ranges::unique(scopes);
    scopes.erase(first, last);
    return scopes;
}

}  // namespace minqing::domain
