// The org network in memory: every unit, active or not, indexed by id, with the walks up the
// tree that placing and moving cases need. Built from the org repository's rows and never
// changed afterwards: an edit builds the next snapshot (a higher version), so readers keep a
// consistent tree for as long as they hold one. Pure data; no I/O.
#pragma once

#include <cstdint>
#include <optional>
#include <unordered_map>
#include <vector>

#include "domain/org_unit.hpp"

namespace minqing::domain {

class OrgTree {
  public:
    OrgTree() = default;
    /// `units` in any order (every unit, inactive ones included); `version` tells snapshots
    /// apart, higher being newer.
    OrgTree(std::vector<OrgUnit> units, std::uint64_t version);

    std::uint64_t version() const { return version_; }
    std::size_t size() const { return units_.size(); }

    const OrgUnit* Find(OrgUnitId id) const;
    /// A copy of the unit, or nullopt for no id or an unknown one.
    std::optional<OrgUnit> Get(std::optional<OrgUnitId> id) const;
    /// The unit when it exists and is active.
    const OrgUnit* FindActive(OrgUnitId id) const;
    const OrgUnit* Parent(const OrgUnit& unit) const;
    /// The division of `level` at or above `unit`, or nullptr.
    const OrgUnit* DivisionAbove(const OrgUnit& unit, OrgLevel level) const;
    /// The active city division (the first by path, as the org list orders them), or nullptr.
    const OrgUnit* City() const { return city_; }

  private:
    std::vector<OrgUnit> units_;
    std::unordered_map<OrgUnitId, std::size_t> by_id_;
    const OrgUnit* city_ = nullptr;
    std::uint64_t version_ = 0;
};

}  // namespace minqing::domain
