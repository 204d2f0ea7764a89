#include "service/case_records.hpp"

#include <algorithm>

#include "service/crypto.hpp"

namespace minqing::service {

Error CaseNotFound() {
    return NotFound("case.not_found", "No such case.");
}

namespace {

using domain::OrgUnit;
using domain::OrgUnitId;

// Texts are kept only when given: an empty text is no part of what happened.
std::optional<std::string> Given(const std::string& text) {
    return text.empty() ? std::nullopt : std::optional<std::string>(text);
}

}  // namespace

domain::CaseParties LoadParties(const domain::OrgTree& tree, domain::Repositories& repositories,
                                const domain::Case& c) {
    return domain::PartiesOf(tree, c, repositories.Cases().Assisting(c.id));
}

std::vector<std::string> StakePaths(const domain::CaseParties& parties) {
    std::vector<std::string> paths;
    for (const auto* unit :
         {&parties.holder, &parties.origin, &parties.receiving_office, &parties.dispatcher,
          &parties.lead_unit, &parties.escalated_to, &parties.assignee_unit}) {
        if (*unit) {
            paths.push_back((*unit)->path);
        }
    }
    for (const OrgUnit& unit : parties.assisting) {
        paths.push_back(unit.path);
    }
    std::ranges::sort(paths);
    const auto [first, last] = std::ranges::unique(paths);
    paths.erase(first, last);
    return paths;
}

EventActor ActorFor(const domain::Principal& caller, const domain::CaseParties& parties) {
    std::vector<OrgUnitId> involved;
    for (const auto* unit : {&parties.holder, &parties.dispatcher, &parties.lead_unit,
                             &parties.escalated_to, &parties.receiving_office}) {
        if (*unit) {
            involved.push_back((*unit)->id);
        }
    }
    for (const OrgUnit& unit : parties.assisting) {
        involved.push_back(unit.id);
    }
    const domain::RoleAssignment* chosen = nullptr;
    for (const auto& held : caller.roles) {
        if (std::ranges::find(involved, held.org_unit_id) != involved.end()) {
            chosen = &held;
            break;
        }
    }
    if (chosen == nullptr && !caller.roles.empty()) {
        chosen = &caller.roles.front();
    }
    EventActor actor;
    actor.user_id = caller.user_id;
    if (chosen != nullptr) {
        actor.role = std::string(domain::RoleName(chosen->role));
        actor.unit_id = chosen->org_unit_id;
    }
    return actor;
}

std::string HashOf(const domain::CaseEvent& event) {
    return Sha256Hex(domain::EventHashInput(event));
}

domain::CaseEvent AppendCaseEvent(domain::Repositories& repositories, domain::CaseId case_id,
                                  const EventActor& actor, std::string_view action,
                                  domain::CaseEventPayload payload,
                                  std::optional<domain::CaseState> from_state,
                                  domain::CaseState to_state, Instant at) {
    const auto previous = repositories.CaseEvents().Last(case_id);
    domain::CaseEvent event;
    event.case_id = case_id;
    event.seq = previous ? previous->seq + 1 : 1;
    event.at = at;
    event.actor_id = actor.user_id;
    event.actor_role = actor.role;
    event.actor_unit_id = actor.unit_id;
    event.action = std::string(action);
    event.payload_json = domain::PayloadJson(payload);
    event.payload = std::move(payload);
    event.from_state = from_state;
    event.to_state = to_state;
    event.prev_hash = previous ? previous->hash : "";
    event.hash = HashOf(event);
    repositories.CaseEvents().Append(event);
    return event;
}

domain::CaseEventPayload ActionPayload(const domain::ActionInput& input, const domain::Case& before,
                                       const domain::Case& after) {
    domain::CaseEventPayload payload;
    payload.note = Given(input.note);
    payload.reason = Given(input.reason);
    payload.legal_basis = Given(input.legal_basis);
    payload.answer_text = Given(input.answer_text);
    payload.external_ref = Given(input.external_ref);
    if (input.target) {
        payload.target_id = input.target->id;
        payload.target_name = input.target->name;
    }
    for (const auto& unit : input.assisting) {
        payload.assisting.push_back({unit.id, unit.name});
    }
    payload.method = input.method;
    payload.result = input.result;
    payload.master_case_id = input.master_case_id;
    if (input.extension_days > 0) {
        payload.extension_days = input.extension_days;
    }
    payload.committed_date = input.committed_date;
    payload.contacted = input.contacted;
    payload.solved = input.solved;
    payload.satisfaction = input.satisfaction;
    if (input.unreachable) {
        payload.unreachable = true;
    }
    payload.relay_message = Given(input.relay_message);
    payload.assignee_id = input.assignee_user_id;
    if (after.unit_review_pending) {
        payload.unit_review = true;  // drafted: waits for the unit's 分管领导
    }
    if (before.state == domain::CaseState::kExtensionRequested &&
        after.state == domain::CaseState::kHandling &&
        after.extension_count > before.extension_count) {
        // What was asked and what was granted, so nobody reads a cut as the request.
        payload.requested_days = before.requested_extension_days;
        payload.granted_days = domain::GrantedExtensionDays(before, input);
    }
    if (before.unit_review_pending && after.state == domain::CaseState::kAnswered) {
        // The answer that leaves the unit is the draft its leader signed.
        if (after.result) {
            payload.result = after.result;
        }
        if (!after.answer_text.empty()) {
            payload.answer_text = after.answer_text;
        }
        if (!after.answer_legal_basis.empty()) {
            payload.legal_basis = after.answer_legal_basis;
        }
    }
    if (after.answer_deadline && after.answer_deadline != before.answer_deadline) {
        payload.answer_deadline = after.answer_deadline;
    }
    payload.holder_id = after.holder_id;
    return payload;
}

}  // namespace minqing::service
