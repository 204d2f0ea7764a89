#include "domain/org_unit.hpp"

#include "domain/name_table.hpp"

namespace minqing::domain {
namespace {

constexpr NameTable<OrgLevel, 5> kLevelNames{{
    {OrgLevel::kCity, "city"},
    {OrgLevel::kDistrict, "district"},
    {OrgLevel::kStreet, "street"},
    {OrgLevel::kCommunity, "community"},
    {OrgLevel::kGrid, "grid"},
}};

constexpr NameTable<OrgKind, 3> kKindNames{{
    {OrgKind::kDivision, "division"},
    {OrgKind::kUnit, "unit"},
    {OrgKind::kSection, "section"},
}};

}  // namespace

std::string_view OrgLevelName(OrgLevel level) {
    return NameIn(kLevelNames, level);
}
std::optional<OrgLevel> ParseOrgLevel(std::string_view name) {
    return ParseIn(kLevelNames, name);
}
std::string_view OrgKindName(OrgKind kind) {
    return NameIn(kKindNames, kind);
}
std::optional<OrgKind> ParseOrgKind(std::string_view name) {
    return ParseIn(kKindNames, name);
}

std::string OfficeName(const OrgUnit& unit) {
    if (unit.kind != OrgKind::kDivision) {
        return unit.name;
    }
    switch (unit.level) {
        case OrgLevel::kCity:
            // There is one city; its office is called by the level, as the city document does.
            return "市绿色通道办公室";
        case OrgLevel::kDistrict:
        case OrgLevel::kStreet:
            return unit.name + "绿色通道办公室";
        case OrgLevel::kCommunity:
        case OrgLevel::kGrid:
            break;
    }
    return unit.name;
}

bool IsWithinPath(std::string_view scope_path, std::string_view node_path) {
    return !scope_path.empty() && node_path.starts_with(scope_path);
}

bool IsWithin(const OrgUnit& scope, const OrgUnit& node) {
    return IsWithinPath(scope.path, node.path);
}

std::optional<OrgLevel> LevelBelow(OrgLevel level) {
    switch (level) {
        case OrgLevel::kCity:
            return OrgLevel::kDistrict;
        case OrgLevel::kDistrict:
            return OrgLevel::kStreet;
        case OrgLevel::kStreet:
            return OrgLevel::kCommunity;
        case OrgLevel::kCommunity:
            return OrgLevel::kGrid;
        case OrgLevel::kGrid:
            return std::nullopt;
    }
    return std::nullopt;
}

std::optional<std::string_view> CheckPlacement(OrgKind kind, OrgLevel level,
                                               const OrgUnit* parent) {
    constexpr std::string_view kBadParent = "org.bad_parent";
    switch (kind) {
        case OrgKind::kDivision:
            if (parent == nullptr) {
                return level == OrgLevel::kCity ? std::nullopt : std::optional(kBadParent);
            }
            if (parent->kind != OrgKind::kDivision || LevelBelow(parent->level) != level) {
                return kBadParent;
            }
            return std::nullopt;
        case OrgKind::kUnit:
            if (parent == nullptr || parent->kind != OrgKind::kDivision ||
                (parent->level != OrgLevel::kCity && parent->level != OrgLevel::kDistrict) ||
                parent->level != level) {
                return kBadParent;
            }
            return std::nullopt;
        case OrgKind::kSection:
            if (parent == nullptr || parent->kind != OrgKind::kUnit || parent->level != level) {
                return kBadParent;
            }
            return std::nullopt;
    }
    return kBadParent;
}

}  // namespace minqing::domain
