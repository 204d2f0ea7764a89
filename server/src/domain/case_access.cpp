#include "domain/case_access.hpp"

#include <algorithm>

namespace minqing::domain {
namespace {

// The role's node is the unit itself, or one of its sections, or the unit one of its
// sections belongs to: a unit acts through its sections and the other way round.
bool ActsFor(const RoleAssignment& held, const OrgUnit& unit) {
    return IsWithinPath(held.org_unit_path, unit.path) ||
           IsWithinPath(unit.path, held.org_unit_path);
}

bool HasOfficeOn(const Principal& caller, const std::optional<OrgUnit>& division) {
    return division && division->kind == OrgKind::kDivision &&
           std::ranges::any_of(caller.roles, [&](const RoleAssignment& held) {
               return IsOfficeRole(held.role) && held.org_unit_id == division->id;
           });
}

bool HasUnitRoleFor(const Principal& caller, const std::optional<OrgUnit>& unit) {
    return unit && unit->kind != OrgKind::kDivision &&
           std::ranges::any_of(caller.roles, [&](const RoleAssignment& held) {
               return IsUnitRole(held.role) && ActsFor(held, *unit);
           });
}

bool Supervises(const Principal& caller, const Case& c) {
    return std::ranges::any_of(caller.roles, [&](const RoleAssignment& held) {
        if (held.role == Role::kCityOffice) {
            return true;
        }
        const bool above_holder =
            IsWithinPath(held.org_unit_path, c.holder_path) && held.org_unit_id != c.holder_id;
        const bool above_origin = IsWithinPath(held.org_unit_path, c.origin_path);
        if (held.role == Role::kInspector) {
            return above_holder || above_origin;
        }
        return IsOfficeRole(held.role) && held.role != Role::kCommunityStaff &&
               (above_holder || above_origin);
    });
}

// Characters (code points) of UTF-8 text, each as its own string.
std::vector<std::string> Characters(std::string_view text) {
    std::vector<std::string> characters;
    for (std::size_t i = 0; i < text.size();) {
        const auto lead = static_cast<unsigned char>(text[i]);
        const std::size_t length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
        characters.emplace_back(text.substr(i, length));
        i += length;
    }
    return characters;
}

}  // namespace

CaseParties PartiesOf(const OrgTree& tree, const Case& c, const std::vector<OrgUnitId>& assisting) {
    CaseParties parties;
    parties.holder = tree.Get(c.holder_id);
    parties.origin = tree.Get(c.origin_id);
    parties.receiving_office = tree.Get(c.receiving_office_id);
    parties.dispatcher = tree.Get(c.dispatcher_id);
    parties.lead_unit = tree.Get(c.lead_unit_id);
    parties.escalated_to = tree.Get(c.escalated_to_id);
    parties.assignee_unit = tree.Get(c.assignee_unit_id);
    for (const OrgUnitId id : assisting) {
        if (auto unit = tree.Get(id)) {
            parties.assisting.push_back(std::move(*unit));
        }
    }
    return parties;
}

bool IsOfficeRole(Role role) {
    return role == Role::kCityOffice || role == Role::kDistrictOffice ||
           role == Role::kStreetOffice || role == Role::kCommunityStaff;
}

bool IsUnitRole(Role role) {
    return role == Role::kUnitHandler || role == Role::kUnitLeader;
}

CaseVisibility VisibilityOf(const Principal& caller) {
    CaseVisibility visibility;
    // Whoever recorded a case may follow it (the hotline's system reads back its hand-overs).
    if (std::ranges::any_of(caller.roles,
                            [](const RoleAssignment& held) { return held.role != Role::kAdmin; })) {
        visibility.creator = caller.user_id;
    }
    for (const RoleAssignment& held : caller.roles) {
        switch (held.role) {
            case Role::kAdmin:
                break;
            case Role::kCityOffice:
                visibility.everything = true;
                break;
            case Role::kInspector:
                if (held.org_unit_level == OrgLevel::kCity) {
                    visibility.everything = true;
                } else {
                    visibility.paths.push_back(held.org_unit_path);
                }
                break;
            case Role::kGridWorker:
            case Role::kCadre:
                visibility.creator = caller.user_id;
                if (held.role == Role::kGridWorker) {
                    visibility.paths.push_back(held.org_unit_path);
                }
                break;
            case Role::kDirector:
                visibility.creator = caller.user_id;
                visibility.paths.push_back(held.org_unit_path);
                break;
            case Role::kLeader:
                // Leaders act on what is escalated to them and read every case of their area:
                // their figures (statistics, the dashboard, the bulletin) open the cases behind
                // them. An escalation is a stake of the leader's node, so it is in the area.
                visibility.paths.push_back(held.org_unit_path);
                break;
            default:
                visibility.paths.push_back(held.org_unit_path);
                break;
        }
    }
    return visibility;
}

Relations RelationsOf(const Principal& caller, const Case& c, const CaseParties& parties) {
    Relations relations;
    const auto set = [&relations](Relation relation, bool on) {
        relations.set(static_cast<std::size_t>(relation), on);
    };
    set(Relation::kHolderOffice, HasOfficeOn(caller, parties.holder));
    // A community or street that handles a case itself is its own lead unit: its office
    // acts where a unit's handler would.
    const bool handled_locally = parties.lead_unit && parties.lead_unit->kind == OrgKind::kDivision;
    set(Relation::kHolderUnit, HasUnitRoleFor(caller, parties.holder) ||
                                   (handled_locally && c.holder_id == parties.lead_unit->id &&
                                    HasOfficeOn(caller, parties.holder)));
    set(Relation::kLeadUnit, HasUnitRoleFor(caller, parties.lead_unit) ||
                                 (handled_locally && HasOfficeOn(caller, parties.lead_unit)));
    // Only a unit leader of the lead unit itself signs the unit's answer (二级工作网络).
    set(Relation::kUnitLeader,
        parties.lead_unit && parties.lead_unit->kind != OrgKind::kDivision &&
            std::ranges::any_of(caller.roles, [&](const RoleAssignment& held) {
                return held.role == Role::kUnitLeader && held.org_unit_id == parties.lead_unit->id;
            }));
    set(Relation::kAssistingUnit, std::ranges::any_of(parties.assisting, [&](const OrgUnit& unit) {
            return HasUnitRoleFor(caller, unit);
        }));
    set(Relation::kDispatcher, HasOfficeOn(caller, parties.dispatcher));
    set(Relation::kReviewer,
        HasOfficeOn(caller, parties.dispatcher ? parties.dispatcher : parties.holder));
    set(Relation::kEscalatedLeader,
        parties.escalated_to && std::ranges::any_of(caller.roles, [&](const RoleAssignment& held) {
            return held.role == Role::kLeader &&
                   IsWithinPath(held.org_unit_path, parties.escalated_to->path);
        }));
    set(Relation::kSupervisor, Supervises(caller, c));
    set(Relation::kReceivingOffice, HasOfficeOn(caller, parties.receiving_office));
    set(Relation::kCreator, c.created_by != 0 && c.created_by == caller.user_id);
    return relations;
}

bool MaySeeReporter(const Principal& caller, const Case& c, const CaseParties& parties) {
    if (c.reporter.anonymous) {
        return false;
    }
    if (HasOfficeOn(caller, parties.receiving_office)) {
        return true;
    }
    if (HasOfficeOn(caller, parties.holder)) {
        return true;
    }
    return !c.reporter.confidential && HasUnitRoleFor(caller, parties.holder);
}

std::string MaskName(std::string_view name) {
    const auto characters = Characters(name);
    if (characters.empty()) {
        return "";
    }
    std::string masked = characters.front();
    masked.append(std::max<std::size_t>(characters.size() - 1, 1), '*');
    return masked;
}

std::string MaskPhone(std::string_view phone) {
    constexpr std::size_t kKeepFront = 3;
    constexpr std::size_t kKeepBack = 4;
    if (phone.size() <= kKeepFront + kKeepBack) {
        return std::string(phone.size(), '*');
    }
    return std::string(phone.substr(0, kKeepFront)) +
           std::string(phone.size() - kKeepFront - kKeepBack, '*') +
           std::string(phone.substr(phone.size() - kKeepBack));
}

}  // namespace minqing::domain
