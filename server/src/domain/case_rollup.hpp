// Where a case counts in the statistics rollups: the day it was received (China time), the
// place it arose, the units holding and leading it, its category, channel, kind, urgency and
// state, and the org scopes through which callers see it. Pure; thread-safe.
//
// The rollups hold one count per (scope, key). A case counts once in the scope "" (every case,
// what callers who see everything read) and once in the path of every org node that contains
// one of its stakes (case_access): a caller whose jurisdiction is one subtree reads the rows of
// that subtree's path, which is the case list's visibility condition evaluated ahead of time.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/clock.hpp"
#include "domain/case.hpp"
#include "domain/org_unit.hpp"

namespace minqing::domain {

/// Days since 1970-01-01 in China Standard Time (UTC+8, no daylight saving).
using DayNumber = std::int32_t;

DayNumber DayNumberOf(Instant at);
/// Midnight at the start of `day` in China.
Instant StartOfDayNumber(DayNumber day);

/// The levels an area can be read at, below the city.
inline constexpr std::array<OrgLevel, 4> kAreaLevels = {OrgLevel::kDistrict, OrgLevel::kStreet,
                                                        OrgLevel::kCommunity, OrgLevel::kGrid};

/// The division at `level` on the path of the division a case arose in, or that division itself
/// when it lies above `level` (a case recorded by a district office counts for the district at
/// street level, as the district's own). 0 for an empty path.
OrgUnitId AreaAt(std::string_view origin_path, OrgLevel level);

/// The level of the division at `path` ("/1/4/": a district), read from its depth; nullopt for
/// paths deeper than a grid or empty.
std::optional<OrgLevel> DivisionLevelOf(std::string_view path);

/// The rollup key of a case: what the statistics group and filter by without scanning cases.
struct RollupKey {
    DayNumber day = 0;
    OrgUnitId origin_id = 0;
    std::string origin_path;
    OrgUnitId holder_id = 0;
    OrgUnitId lead_unit_id = 0;  // 0: no lead unit yet
    std::string category_code;
    Channel channel = Channel::kWalkIn;
    CaseKind kind = CaseKind::kOther;
    Urgency urgency = Urgency::kNormal;
    CaseState state = CaseState::kRegistered;

    bool operator==(const RollupKey&) const = default;
};

RollupKey RollupKeyOf(const Case& c);

/// The scopes a case with these stake paths counts in: "" and every prefix path ("/1/",
/// "/1/4/", …) of every stake, sorted, each once.
std::vector<std::string> RollupScopes(const std::vector<std::string>& stake_paths);

}  // namespace minqing::domain
