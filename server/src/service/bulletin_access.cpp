#include "service/bulletin_access.hpp"

#include <algorithm>

namespace minqing::service {
namespace {

using domain::Role;
using domain::RoleAssignment;

bool Holds(const domain::Principal& caller, domain::OrgUnitId unit,
           std::initializer_list<Role> roles) {
    return std::ranges::any_of(caller.roles, [&](const RoleAssignment& held) {
        return held.org_unit_id == unit && std::ranges::find(roles, held.role) != roles.end();
    });
}

Error NotFoundError() {
    return NotFound("bulletin.not_found", "No such bulletin.");
}

}  // namespace

bool IsBulletinOfficeRole(Role role) {
    return role == Role::kCityOffice || role == Role::kDistrictOffice || role == Role::kOfficeHead;
}

std::optional<RoleAssignment> WritingOffice(const domain::Principal& caller) {
    for (const RoleAssignment& held : caller.roles) {
        if (held.role == Role::kCityOffice || held.role == Role::kDistrictOffice) {
            return held;
        }
    }
    return std::nullopt;
}

bool IsCityLeader(const domain::Principal& caller) {
    return std::ranges::any_of(caller.roles, [](const RoleAssignment& held) {
        return held.role == Role::kLeader && held.org_unit_level == domain::OrgLevel::kCity;
    });
}

bool IsOfficeOf(const domain::Principal& caller, const domain::Bulletin& bulletin) {
    return Holds(caller, bulletin.issuer_id,
                 {Role::kCityOffice, Role::kDistrictOffice, Role::kOfficeHead});
}

Result<domain::Bulletin> Readable(domain::Repositories& repositories,
                                  const domain::Principal& caller, domain::BulletinId id) {
    auto found = repositories.Bulletins().FindById(id);
    if (!found) {
        return Fail(NotFoundError());
    }
    if (IsOfficeOf(caller, *found)) {
        return std::move(*found);
    }
    const bool issued = found->state == domain::BulletinState::kIssued;
    if (issued &&
        (IsCityLeader(caller) || repositories.Bulletins().HasReceipt(id, caller.user_id))) {
        return std::move(*found);
    }
    return Fail(NotFoundError());
}

Result<domain::Bulletin> Actionable(domain::Repositories& repositories,
                                    const domain::Principal& caller, domain::BulletinId id,
                                    bool head_only) {
    auto found = Readable(repositories, caller, id);
    if (!found) {
        return found;
    }
    const bool may =
        head_only ? Holds(caller, found->issuer_id, {Role::kOfficeHead})
                  : Holds(caller, found->issuer_id, {Role::kCityOffice, Role::kDistrictOffice});
    if (!may) {
        return Fail(Forbidden("bulletin.forbidden",
                              head_only ? "Only the office head issues or returns a bulletin."
                                        : "Only the issuing office changes its bulletin."));
    }
    return found;
}

BulletinView ViewOf(domain::Repositories& repositories, const domain::Principal& caller,
                    domain::Bulletin bulletin) {
    BulletinView view;
    view.is_office = IsOfficeOf(caller, bulletin);
    const bool editable_state = bulletin.state == domain::BulletinState::kDraft ||
                                bulletin.state == domain::BulletinState::kReturned;
    view.can_edit = editable_state &&
                    Holds(caller, bulletin.issuer_id, {Role::kCityOffice, Role::kDistrictOffice});
    view.can_issue = bulletin.state == domain::BulletinState::kSubmitted &&
                     Holds(caller, bulletin.issuer_id, {Role::kOfficeHead});
    if (const auto issuer = repositories.Orgs().FindById(bulletin.issuer_id)) {
        view.issuer_name = issuer->name;
    }
    if (view.is_office) {
        view.log = repositories.Bulletins().Log(bulletin.id);
    }
    view.bulletin = std::move(bulletin);
    return view;
}

}  // namespace minqing::service
