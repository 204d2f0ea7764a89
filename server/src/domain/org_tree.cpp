#include "domain/org_tree.hpp"

#include <algorithm>

namespace minqing::domain {

OrgTree::OrgTree(std::vector<OrgUnit> units, std::uint64_t version)
    : units_(std::move(units)), version_(version) {
    std::ranges::sort(units_, [](const OrgUnit& a, const OrgUnit& b) {
        return a.path != b.path ? a.path < b.path : a.code < b.code;
    });
    by_id_.reserve(units_.size());
    for (std::size_t i = 0; i < units_.size(); ++i) {
        const OrgUnit& unit = units_[i];
        by_id_.emplace(unit.id, i);
        if (city_ == nullptr && unit.active && unit.kind == OrgKind::kDivision &&
            unit.level == OrgLevel::kCity) {
            city_ = &unit;
        }
    }
}

const OrgUnit* OrgTree::Find(OrgUnitId id) const {
    const auto found = by_id_.find(id);
    return found == by_id_.end() ? nullptr : &units_[found->second];
}

std::optional<OrgUnit> OrgTree::Get(std::optional<OrgUnitId> id) const {
    const OrgUnit* unit = id ? Find(*id) : nullptr;
    return unit != nullptr ? std::optional(*unit) : std::nullopt;
}

const OrgUnit* OrgTree::FindActive(OrgUnitId id) const {
    const OrgUnit* unit = Find(id);
    return unit != nullptr && unit->active ? unit : nullptr;
}

const OrgUnit* OrgTree::Parent(const OrgUnit& unit) const {
    return unit.parent_id ? Find(*unit.parent_id) : nullptr;
}

const OrgUnit* OrgTree::DivisionAbove(const OrgUnit& unit, OrgLevel level) const {
    const OrgUnit* node = &unit;
    // A path lists the ids from the root, so a well-formed tree ends the walk within its
    // depth; the bound guards against a cycle in damaged rows.
    for (std::size_t steps = 0; node != nullptr && steps <= units_.size(); ++steps) {
        if (node->kind == OrgKind::kDivision && node->level == level) {
            return node;
        }
        node = Parent(*node);
    }
    return nullptr;
}

}  // namespace minqing::domain
