// The org network (工作网络): divisions from city down to grid, member units (departments)
// attached at city and district level, and their sections. Plain data; no I/O.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/clock.hpp"
#include "domain/boundary.hpp"

namespace minqing::domain {

using OrgUnitId = std::int64_t;

/// The level of the network a node sits at. A member unit has the level of the division it
/// belongs to (a city bureau is at city level).
enum class OrgLevel { kCity, kDistrict, kStreet, kCommunity, kGrid };

/// division: city/district/street/community/grid, each with its green-channel office;
/// unit: a member unit (成员单位) such as a bureau or a utility; section: a unit's office (处室).
enum class OrgKind { kDivision, kUnit, kSection };

std::string_view OrgLevelName(OrgLevel level);
std::optional<OrgLevel> ParseOrgLevel(std::string_view name);
std::string_view OrgKindName(OrgKind kind);
std::optional<OrgKind> ParseOrgKind(std::string_view name);

/// A named handler (承办人) of a member unit.
struct UnitHandler {
    std::string name;
    std::string phone;
    std::string section_code;
};

struct OrgUnit {
    OrgUnitId id = 0;
    std::string code;
    std::string name;
    std::string short_name;
    OrgKind kind = OrgKind::kDivision;
    OrgLevel level = OrgLevel::kCity;
    /// For units: department, affiliated, institution, utility, hotline, gov_office.
    std::string unit_type;
    std::optional<OrgUnitId> parent_id;
    /// "/1/5/23/": ids from the root to this node, itself included.
    std::string path;
    bool active = true;
    /// The area a grid covers (other nodes may have one too).
    std::optional<Boundary> boundary;
    std::string leader_in_charge;     // 分管领导
    std::string responsible_section;  // 责任处室
    std::string hotline;              // 24-hour green-channel phone
    std::vector<UnitHandler> handlers;
    /// Member units: a 承办人's answer leaves the unit only once its 分管领导 approved it
    /// (二级工作网络); an administrator may switch it off per unit.
    bool answer_approval = true;
    Instant created_at{};
    Instant updated_at{};
};

/// The name a person reads for the node acting in a case. A division acts through its
/// green-channel office: 市绿色通道办公室 for the city, 船营区绿色通道办公室 and
/// 德胜街道绿色通道办公室 for districts and streets; a community or grid, a unit or a section
/// acts under its own name (永前社区, 吉林市住房和城乡建设局).
std::string OfficeName(const OrgUnit& unit);

/// True when `node` is `scope` itself or lies below it.
bool IsWithin(const OrgUnit& scope, const OrgUnit& node);
bool IsWithinPath(std::string_view scope_path, std::string_view node_path);

/// Which kinds and levels may hang below a parent: divisions go one level down (a city has
/// districts, a community grids), units hang off a city or district division, sections off
/// a unit. Returns the error reason ("org.bad_parent") or nullopt when allowed.
std::optional<std::string_view> CheckPlacement(OrgKind kind, OrgLevel level, const OrgUnit* parent);

/// The level one step below `level` (city → district …); nullopt for grids.
std::optional<OrgLevel> LevelBelow(OrgLevel level);

}  // namespace minqing::domain
