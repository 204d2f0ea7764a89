// One entry of a case's append-only history, chained by SHA-256 to the entry before it so
// that any later edit of the log shows. Plain data; no I/O.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "common/clock.hpp"
#include "domain/case.hpp"
#include "domain/case_event_payload.hpp"

namespace minqing::domain {

struct CaseEvent {
    std::int64_t id = 0;
    CaseId case_id = 0;
    std::int64_t seq = 0;  // 1, 2, 3 … within the case
    Instant at{};
    std::optional<UserId> actor_id;
    std::string actor_role;
    std::optional<OrgUnitId> actor_unit_id;
    std::string action;  // a CaseAction name, "create", "reveal_reporter", …
    CaseEventPayload payload;
    /// The payload as written when the event was appended (PayloadJson), kept as it is: the
    /// hash covers these bytes.
    std::string payload_json = "{}";
    std::optional<CaseState> from_state;
    CaseState to_state = CaseState::kRegistered;
    std::string prev_hash;  // "" for the first event
    std::string hash;
};

/// The exact text the hash covers: every field but `id` and `hash`, in a fixed order, with
/// the previous hash, so both the content and the order of the log are sealed.
std::string EventHashInput(const CaseEvent& event);

}  // namespace minqing::domain
