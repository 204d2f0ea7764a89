// Shared steps of the case use cases: resolving the org nodes a case refers to, the paths
// that give visibility, and appending a hash-chained event. Run inside a unit of work.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/case_access.hpp"
#include "domain/store.hpp"
#include "domain/workflow.hpp"

namespace minqing::service {

/// 404 "case.not_found": no such case, or one the caller may not see (the same answer, so
/// that case numbers cannot be probed).
Error CaseNotFound();

/// The org nodes `c` refers to (holder, origin, offices, units, leader), from the snapshot;
/// only the assisting units' ids are read.
domain::CaseParties LoadParties(const domain::OrgTree& tree, domain::Repositories& repositories,
                                const domain::Case& c);

/// The paths of every node with a stake, for case_access.
std::vector<std::string> StakePaths(const domain::CaseParties& parties);

/// Who acted, as recorded on an event.
struct EventActor {
    std::optional<domain::UserId> user_id;
    std::string role;
    std::optional<domain::OrgUnitId> unit_id;
};

/// The caller's assignment that best explains acting on this case: one on the holder,
/// dispatcher, lead unit, an assisting unit or the escalated node; else their first.
EventActor ActorFor(const domain::Principal& caller, const domain::CaseParties& parties);

/// Appends the next event of the case, chained to the one before, and returns it.
domain::CaseEvent AppendCaseEvent(domain::Repositories& repositories, domain::CaseId case_id,
                                  const EventActor& actor, std::string_view action,
                                  domain::CaseEventPayload payload,
                                  std::optional<domain::CaseState> from_state,
                                  domain::CaseState to_state, Instant at);

/// The payload of an action's event: the inputs it carried (texts, target and assisting
/// units, choices, dates), what the action decided (days granted, a new answer deadline, the
/// signed answer) and the holder after it.
domain::CaseEventPayload ActionPayload(const domain::ActionInput& input, const domain::Case& before,
                                       const domain::Case& after);

/// SHA-256 (hex) of the event's hash input.
std::string HashOf(const domain::CaseEvent& event);

}  // namespace minqing::service
