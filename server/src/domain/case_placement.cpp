#include "domain/case_placement.hpp"

#include <algorithm>

#include "domain/case_access.hpp"
#include "domain/field_checks.hpp"
#include "domain/intake_channels.hpp"

namespace minqing::domain {
namespace {

// The caller's first role among those that record on `channel` (domain/intake_channels.hpp).
const RoleAssignment* FirstRole(const Principal& caller, Channel channel) {
    const auto roles = RolesRecordingOn(channel);
    for (const auto& held : caller.roles) {
        if (std::ranges::find(roles, held.role) != roles.end()) {
            return &held;
        }
    }
    return nullptr;
}

bool IsGrid(const OrgUnit& unit) {
    return unit.kind == OrgKind::kDivision && unit.level == OrgLevel::kGrid && unit.active;
}

Error ChannelForbidden(std::string_view why) {
    return Forbidden("case.channel_forbidden", std::string(why));
}

std::optional<OrgUnit> Copy(const OrgUnit* unit) {
    return unit != nullptr ? std::optional(*unit) : std::nullopt;
}

// One placement: the tree, the request and the errors found so far.
class Placer {
  public:
    Placer(const OrgTree& tree, const PlacementRequest& request, std::vector<FieldError>& errors)
        : tree_(tree), request_(request), errors_(errors) {}

    Result<Placement> Place(const Principal* caller) {
        const bool is_public =
            request_.channel == Channel::kMailbox || request_.channel == Channel::kMessageBoard;
        if (caller == nullptr) {
            if (!is_public) {
                return Fail(Validation(
                    {{"channel", "staff_only", "Only mailbox and message_board are public."}}));
            }
            return PlacePublic();
        }
        switch (request_.channel) {
            case Channel::kGrid:
                return PlaceGrid(*caller);
            case Channel::kCadreReport:
                return PlaceCadreReport(*caller);
            case Channel::kDirectCard:
                return PlaceDirectCard(*caller);
            case Channel::kHotline:
                return PlaceHotline(*caller);
            case Channel::kWalkIn:
                return PlaceWalkIn(*caller);
            case Channel::kMailbox:
            case Channel::kMessageBoard:
                break;
        }
        return Fail(Validation({{"channel", "public_only",
                                 "The mailbox and message board take public submissions."}}));
    }

  private:
    // The grid named in the location, when there is one and it is a grid.
    const OrgUnit* Grid() {
        if (!request_.grid_id) {
            return nullptr;
        }
        const OrgUnit* grid = tree_.Find(*request_.grid_id);
        if (grid == nullptr || !IsGrid(*grid)) {
            errors_.push_back({"location.gridId", "unknown", "No such active grid."});
            return nullptr;
        }
        return grid;
    }

    // The grid if it lies under `area`; otherwise an error and the area itself.
    OrgUnit OriginWithin(const OrgUnit& area, std::string_view reason) {
        const OrgUnit* grid = Grid();
        if (grid == nullptr) {
            return area;
        }
        if (!IsWithin(area, *grid)) {
            errors_.push_back({"location.gridId", std::string(reason),
                               "The grid does not lie in " + area.name + "."});
            return area;
        }
        return *grid;
    }

    // Where a case recorded at `own` (the recorder's office) goes: the office chosen in
    // officeId, which must lie on the recorder's own chain (own office, street, district or
    // city office: 按照管理权限，分别上报至街道、区、市); otherwise `own`, except that a critical
    // case recorded at a community goes to the city office at once: climbing the chain would
    // restart its 15-minute accept clock at each office, and the offices passed over are told
    // instead (service/notifications.cpp).
    OrgUnit ReceivingOffice(const OrgUnit& own) {
        if (request_.office_id) {
            const OrgUnit* chosen = tree_.Find(*request_.office_id);
            if (chosen == nullptr || chosen->kind != OrgKind::kDivision || !chosen->active ||
                chosen->level == OrgLevel::kGrid) {
                errors_.push_back({"officeId", "unknown", "No such office."});
                return own;
            }
            if (!IsWithin(*chosen, own)) {
                errors_.push_back({"officeId", "not_on_chain",
                                   "Your own office or one above it, up to the city office."});
                return own;
            }
            return *chosen;
        }
        if (request_.urgency == Urgency::kCritical && own.level == OrgLevel::kCommunity) {
            if (const OrgUnit* city = tree_.DivisionAbove(own, OrgLevel::kCity)) {
                return *city;
            }
        }
        return own;
    }

    // officeId on a channel whose office is not the recorder's to choose.
    void RefuseOfficeChoice(std::string_view why) {
        if (request_.office_id) {
            errors_.push_back({"officeId", "not_allowed", std::string(why)});
        }
    }

    Result<Placement> PlacePublic() {
        const OrgUnit* city = tree_.City();
        if (city == nullptr) {
            return Fail(MakeError(ErrorCode::kUnavailable, "org.not_loaded",
                                  "The org network has not been loaded."));
        }
        Placement placement;
        placement.parties.origin = OriginWithin(*city, "outside_city");
        placement.parties.holder = *city;
        placement.parties.receiving_office = *city;
        return placement;
    }

    Result<Placement> PlaceGrid(const Principal& caller) {
        const auto* worker = FirstRole(caller, Channel::kGrid);
        if (worker == nullptr) {
            return Fail(ChannelForbidden("Only grid managers record grid collection."));
        }
        const OrgUnit* own_grid = tree_.Find(worker->org_unit_id);
        const OrgUnit* community = own_grid != nullptr ? tree_.Parent(*own_grid) : nullptr;
        if (community == nullptr) {
            return Fail(ChannelForbidden("Your grid is not in the org network."));
        }
        const bool solved = request_.fields.grid.solved_on_spot;
        Placement placement;
        placement.parties.origin = OriginWithin(*own_grid, "outside_your_grid");
        placement.parties.holder = solved ? *community : ReceivingOffice(*community);
        placement.parties.receiving_office = placement.parties.holder;
        if (solved) {
            RefuseOfficeChoice("A matter solved on the spot stays with the community.");
            CheckTextField(errors_, "grid.evidence", request_.fields.grid.evidence, 2000, true,
                           false);
            placement.state = CaseState::kAnswered;
            placement.parties.dispatcher = placement.parties.holder;
            placement.parties.lead_unit = placement.parties.holder;
        }
        return placement;
    }

    void CheckCadreForm() {
        const auto& form = request_.fields.cadre;
        CheckTextField(errors_, "cadreReport.cadreUnit", form.cadre_unit, 100, true, true);
        CheckTextField(errors_, "cadreReport.summary", form.summary, 2000, true, false);
        CheckTextField(errors_, "cadreReport.suggestion", form.suggestion, 2000, false, false);
        if (form.households < 0 || form.households > 1'000'000) {
            errors_.push_back({"cadreReport.households", "range", "0 to 1000000."});
        }
    }

    // The community the cadre visited, or nullptr with an error.
    const OrgUnit* VisitedCommunity() {
        const auto& id = request_.fields.cadre.community_id;
        if (!id) {
            errors_.push_back({"cadreReport.communityId", "required", "The community visited."});
            return nullptr;
        }
        const OrgUnit* community = tree_.Find(*id);
        if (community == nullptr || community->kind != OrgKind::kDivision ||
            community->level != OrgLevel::kCommunity) {
            errors_.push_back({"cadreReport.communityId", "unknown", "No such community."});
            return nullptr;
        }
        return community;
    }

    Result<Placement> PlaceCadreReport(const Principal& caller) {
        if (FirstRole(caller, Channel::kCadreReport) == nullptr) {
            return Fail(ChannelForbidden("Only cadres file the report form."));
        }
        RefuseOfficeChoice("The report form names its office in cadreReport.officeId.");
        CheckCadreForm();
        const OrgUnit* community = VisitedCommunity();
        if (community == nullptr) {
            return Placement{};
        }
        const OrgUnit* office = nullptr;
        if (const auto& id = request_.fields.cadre.office_id) {
            office = tree_.Find(*id);
            const bool fits =
                office != nullptr && office->kind == OrgKind::kDivision &&
                (office->level == OrgLevel::kDistrict || office->level == OrgLevel::kCity) &&
                IsWithin(*office, *community);
            if (!fits) {
                errors_.push_back({"cadreReport.officeId", "invalid",
                                   "The district or city office above the community."});
                office = nullptr;
            }
        } else {
            office = tree_.DivisionAbove(*community, OrgLevel::kDistrict);
        }
        Placement placement;
        placement.parties.origin = OriginWithin(*community, "grid_not_in_community");
        placement.parties.holder = Copy(office);
        placement.parties.receiving_office = Copy(office);
        return placement;
    }

    // The unit a direct card goes to: a city unit, or a unit of the community's own district.
    const OrgUnit* CardUnit(const OrgUnit& community) {
        if (!request_.fields.direct_card.unit_id) {
            errors_.push_back({"directCard.unitId", "required", "The unit it goes to."});
            return nullptr;
        }
        const OrgUnit* city = tree_.City();
        const OrgUnit* district = tree_.DivisionAbove(community, OrgLevel::kDistrict);
        const OrgUnit* unit = tree_.Find(*request_.fields.direct_card.unit_id);
        const bool fits = unit != nullptr && unit->kind == OrgKind::kUnit && unit->active &&
                          ((city != nullptr && unit->parent_id == city->id) ||
                           (district != nullptr && unit->parent_id == district->id));
        if (!fits) {
            errors_.push_back(
                {"directCard.unitId", "invalid", "A member unit of the city or of your district."});
            return nullptr;
        }
        return unit;
    }

    Result<Placement> PlaceDirectCard(const Principal& caller) {
        const auto community_id = DirectorCommunity(caller);
        if (!community_id) {
            return Fail(ChannelForbidden("Only the committee director holds the direct card."));
        }
        RefuseOfficeChoice("A direct card goes to the unit named in directCard.unitId.");
        const OrgUnit* community = tree_.Find(*community_id);
        if (community == nullptr) {
            return Fail(ChannelForbidden("Your community is not in the org network."));
        }
        if (!request_.holds_active_card) {
            errors_.push_back(
                {"directCard", "not_active", "You hold no active direct card for this community."});
        }
        const OrgUnit* unit = CardUnit(*community);
        Placement placement;
        placement.parties.origin = OriginWithin(*community, "grid_not_in_community");
        placement.parties.holder = Copy(unit);
        placement.parties.lead_unit = Copy(unit);
        // The city office is informed and reviews the answer.
        placement.parties.dispatcher = Copy(tree_.City());
        placement.parties.receiving_office = placement.parties.dispatcher;
        placement.state = CaseState::kDispatched;
        return placement;
    }

    Result<Placement> PlaceHotline(const Principal& caller) {
        const bool hotline_unit =
            caller.via_api_token && std::ranges::any_of(caller.roles, [&](const auto& held) {
                const OrgUnit* unit =
                    IsUnitRole(held.role) ? tree_.Find(held.org_unit_id) : nullptr;
                return unit != nullptr && unit->unit_type == "hotline";
            });
        if (!hotline_unit) {
            return Fail(ChannelForbidden(
                "Hotline hand-overs come from the hotline's system with its API token."));
        }
        CheckTextField(errors_, "hotline.externalRef", request_.fields.hotline.external_ref, 64,
                       true, true);
        RefuseOfficeChoice("Hotline hand-overs go to the city office.");
        return PlacePublic();
    }

    Result<Placement> PlaceWalkIn(const Principal& caller) {
        const auto* office_role = FirstRole(caller, Channel::kWalkIn);
        if (office_role == nullptr) {
            return Fail(ChannelForbidden("Walk-in and phone registration is for office staff."));
        }
        const OrgUnit* office = tree_.Find(office_role->org_unit_id);
        if (office == nullptr) {
            return Fail(ChannelForbidden("Your office is not in the org network."));
        }
        Placement placement;
        placement.parties.origin = OriginWithin(*office, "outside_scope");
        placement.parties.holder = ReceivingOffice(*office);
        placement.parties.receiving_office = placement.parties.holder;
        return placement;
    }

    const OrgTree& tree_;
    const PlacementRequest& request_;
    std::vector<FieldError>& errors_;
};

}  // namespace

Result<Placement> PlaceCase(const OrgTree& tree, const Principal* caller,
                            const PlacementRequest& request, std::vector<FieldError>& errors) {
    return Placer(tree, request, errors).Place(caller);
}

void PlaceInto(const Placement& placement, Case& c) {
    const auto id_of = [](const OrgUnit& unit) { return unit.id; };
    c.state = placement.state;
    c.holder_id = placement.parties.holder->id;
    c.holder_path = placement.parties.holder->path;
    c.origin_id = placement.parties.origin->id;
    c.origin_path = placement.parties.origin->path;
    c.location.grid_id = placement.parties.origin->level == OrgLevel::kGrid
                             ? std::optional(placement.parties.origin->id)
                             : std::nullopt;
    c.receiving_office_id =
        placement.parties.receiving_office.transform(id_of).value_or(c.holder_id);
    c.dispatcher_id = placement.parties.dispatcher.transform(id_of);
    c.lead_unit_id = placement.parties.lead_unit.transform(id_of);
}

std::optional<OrgUnitId> DirectorCommunity(const Principal& caller) {
    const auto* director = FirstRole(caller, Channel::kDirectCard);
    return director != nullptr ? std::optional(director->org_unit_id) : std::nullopt;
}

bool GetsQueryCode(Channel channel, const Reporter& reporter) {
    const bool by_sms = channel == Channel::kGrid || channel == Channel::kWalkIn ||
                        channel == Channel::kCadreReport;
    return by_sms && !reporter.anonymous && !reporter.phone.empty();
}

}  // namespace minqing::domain
