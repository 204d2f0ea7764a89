// Who reads which rows of an assessment and who may appeal for which unit: the city's offices,
// leaders and inspectors read every unit inside their scope; a district office its district's;
// a street, community or member unit only itself; a grid worker only their own row. Pure;
// thread-safe.
#pragma once

#include <set>
#include <string>
#include <vector>

#include "domain/assessment.hpp"
#include "domain/org_tree.hpp"
#include "domain/principal.hpp"

namespace minqing::service {

struct AssessmentAudience {
    /// Every unit, and every grid worker of a grid, inside one of these subtrees.
    std::vector<std::string> subtrees;
    /// Units the caller works for: read, and (appeal_units) appealed for.
    std::set<domain::OrgUnitId> own_units;
    std::set<domain::OrgUnitId> appeal_units;
    /// The caller's own row as a grid worker.
    std::optional<domain::UserId> own_user;
    /// The city office decides: publishes, closes, reopens, accepts and rejects appeals.
    bool decides = false;
    /// The city office or an administrator edits the scheme.
    bool edits_scheme = false;
    /// Reads the whole city (the period's log).
    bool reads_city = false;

    /// Whether the caller reads anything at all (false for an account without roles).
    bool ReadsAnything() const;
    /// Whether the caller reads `unit`; a grid worker's row by the grid `grid_path` they work
    /// in ("" when unknown).
    bool Reads(const domain::AssessedUnit& unit, const domain::OrgTree& tree,
               const std::string& grid_path) const;
    bool MayAppealFor(const domain::AssessedUnit& unit) const;
};

AssessmentAudience AudienceOf(const domain::Principal& caller, const domain::OrgTree& tree);

}  // namespace minqing::service
