// Where a new case goes, by channel: the place it arose (origin), the office or unit that
// holds it first, the office that received it and, for channels that skip dispatch, the
// dispatcher and lead unit. Pure functions over an org tree snapshot: the same rules place a
// recorded case (service/case_intake_service.cpp) and a generated one (bench/generator).
#pragma once

#include <optional>
#include <vector>

#include "common/result.hpp"
#include "domain/case.hpp"
#include "domain/case_access.hpp"
#include "domain/channel_fields.hpp"
#include "domain/org_tree.hpp"
#include "domain/principal.hpp"

namespace minqing::domain {

/// What placement reads from a draft.
struct PlacementRequest {
    Channel channel = Channel::kWalkIn;
    Urgency urgency = Urgency::kNormal;
    /// The grid named in the location.
    std::optional<OrgUnitId> grid_id;
    /// Grid and walk-in: the office chosen on the recorder's own chain.
    std::optional<OrgUnitId> office_id;
    ChannelFields fields;
    /// Direct card: whether the director holds an active card for their community (a
    /// catalogue fact the caller looks up, see DirectorCommunity).
    bool holds_active_card = false;
};

/// Where a new case goes: the place it arose (origin), its holder and receiving office and, for
/// channels that skip dispatch, its dispatcher and lead unit; and its first state.
struct Placement {
    CaseParties parties;
    CaseState state = CaseState::kRegistered;
};

/// Places a case recorded by `caller` (nullptr: a public submission). Field problems are
/// appended to `errors` and placement goes on, so one answer lists them all; a refusal of
/// the channel itself (403 "case.channel_forbidden", 422 "staff_only"/"public_only", 503
/// "org.not_loaded") is returned as the error.
Result<Placement> PlaceCase(const OrgTree& tree, const Principal* caller,
                            const PlacementRequest& request, std::vector<FieldError>& errors);

/// Sets the case's org fields (holder, origin, receiving office, dispatcher, lead unit and
/// the grid it arose in) and its first state from a placement with holder and origin.
void PlaceInto(const Placement& placement, Case& c);

/// The community whose direct card a director would use, when `caller` is one.
std::optional<OrgUnitId> DirectorCommunity(const Principal& caller);

/// Whether the staff channel's reporter gets a query code: those who hear back by SMS (grid,
/// walk-in, cadre report) when named with a phone. Hotline callers hear from the hotline,
/// direct-card matters from the card holder.
bool GetsQueryCode(Channel channel, const Reporter& reporter);

}  // namespace minqing::domain
