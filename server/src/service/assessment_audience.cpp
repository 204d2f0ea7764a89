#include "service/assessment_audience.hpp"

#include <algorithm>

namespace minqing::service {
namespace {

using domain::OrgKind;
using domain::Role;

// The member unit a handler of one of its sections works for.
domain::OrgUnitId MemberUnitOf(const domain::OrgTree& tree, domain::OrgUnitId id) {
    const domain::OrgUnit* unit = tree.Find(id);
    while (unit != nullptr && unit->kind == OrgKind::kSection) {
        unit = tree.Parent(*unit);
    }
    return unit != nullptr ? unit->id : id;
}

}  // namespace

bool AssessmentAudience::ReadsAnything() const {
    return !subtrees.empty() || !own_units.empty() || own_user.has_value();
}

bool AssessmentAudience::Reads(const domain::AssessedUnit& unit, const domain::OrgTree& tree,
                               const std::string& grid_path) const {
    if (unit.kind == domain::AssessedUnit::Kind::kUser) {
        if (own_user == unit.id) {
            return true;
        }
        return !grid_path.empty() && std::ranges::any_of(subtrees, [&](const std::string& path) {
            return domain::IsWithinPath(path, grid_path);
        });
    }
    if (own_units.contains(unit.id)) {
        return true;
    }
    const domain::OrgUnit* org = tree.Find(unit.id);
    return org != nullptr && std::ranges::any_of(subtrees, [&](const std::string& path) {
               return domain::IsWithinPath(path, org->path);
           });
}

bool AssessmentAudience::MayAppealFor(const domain::AssessedUnit& unit) const {
    if (unit.kind == domain::AssessedUnit::Kind::kUser) {
        return own_user == unit.id;
    }
    return appeal_units.contains(unit.id);
}

AssessmentAudience AudienceOf(const domain::Principal& caller, const domain::OrgTree& tree) {
    AssessmentAudience audience;
    for (const domain::RoleAssignment& role : caller.roles) {
        switch (role.role) {
            case Role::kCityOffice:
                audience.decides =
                    audience.decides || role.org_unit_level == domain::OrgLevel::kCity;
                audience.edits_scheme = audience.decides;
                [[fallthrough]];
            case Role::kAdmin:
            case Role::kLeader:
            case Role::kInspector:
            case Role::kOfficeHead:  // reviews the bulletins that quote the ranking
                audience.subtrees.push_back(role.org_unit_path);
                if (role.org_unit_level == domain::OrgLevel::kCity) {
                    audience.reads_city = true;
                    audience.edits_scheme = audience.edits_scheme || role.role == Role::kAdmin;
                }
                break;
            case Role::kDistrictOffice:
                audience.subtrees.push_back(role.org_unit_path);
                [[fallthrough]];
            case Role::kStreetOffice:
            case Role::kCommunityStaff:
            case Role::kDirector:
                audience.own_units.insert(role.org_unit_id);
                audience.appeal_units.insert(role.org_unit_id);
                break;
            case Role::kUnitHandler:
            case Role::kUnitLeader:
                audience.own_units.insert(MemberUnitOf(tree, role.org_unit_id));
                audience.appeal_units.insert(MemberUnitOf(tree, role.org_unit_id));
                break;
            case Role::kCadre:
                audience.own_units.insert(MemberUnitOf(tree, role.org_unit_id));
                break;
            case Role::kGridWorker:
                audience.own_user = caller.user_id;
                break;
        }
    }
    return audience;
}

}  // namespace minqing::service
