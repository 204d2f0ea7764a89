#include "service/case_records.hpp"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "service/crypto.hpp"

namespace minqing::service {

Error CaseNotFound() {
    return NotFound("case.not_found", "No such case.");
}

namespace {

using domain::OrgUnit;
using domain::OrgUnitId;

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
                                  std::string payload_json,
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
    event.payload = std::move(payload_json);
    event.from_state = from_state;
    event.to_state = to_state;
    event.prev_hash = previous ? previous->hash : "";
    event.hash = HashOf(event);
    repositories.CaseEvents().Append(event);
    return event;
}

std::string ActionPayloadJson(const domain::ActionInput& input, const domain::Case& before,
                              const domain::Case& after) {
    nlohmann::json payload = nlohmann::json::object();
    const auto text = [&payload](const char* key, const std::string& value) {
        if (!value.empty()) {
            payload[key] = value;
        }
    };
    text("note", input.note);
    text("reason", input.reason);
    text("legalBasis", input.legal_basis);
    text("answerText", input.answer_text);
    text("externalRef", input.external_ref);
    if (input.target) {
        payload["targetId"] = input.target->id;
        payload["targetName"] = input.target->name;
    }
    if (!input.assisting.empty()) {
        payload["assisting"] = nlohmann::json::array();
        for (const auto& unit : input.assisting) {
            payload["assisting"].push_back({{"id", unit.id}, {"name", unit.name}});
        }
    }
    if (input.method) {
        payload["method"] = domain::DispatchMethodName(*input.method);
    }
    if (input.result) {
        payload["result"] = domain::AnswerResultName(*input.result);
    }
    if (input.master_case_id) {
        payload["masterCaseId"] = *input.master_case_id;
    }
    if (input.extension_days > 0) {
        payload["extensionDays"] = input.extension_days;
    }
    if (input.committed_date) {
        payload["committedDate"] = FormatIso8601Cst(*input.committed_date);
    }
    if (input.contacted) {
        payload["contacted"] = *input.contacted;
    }
    if (input.solved) {
        payload["solved"] = *input.solved;
    }
    if (input.satisfaction) {
        payload["satisfaction"] = domain::SatisfactionName(*input.satisfaction);
    }
    if (input.unreachable) {
        payload["unreachable"] = true;
    }
    text("relayMessage", input.relay_message);
    if (input.assignee_user_id) {
        payload["assigneeId"] = *input.assignee_user_id;
    }
    if (after.unit_review_pending) {
        payload["unitReview"] = true;  // drafted: waits for the unit's 分管领导
    }
    if (before.state == domain::CaseState::kExtensionRequested &&
        after.state == domain::CaseState::kHandling &&
        after.extension_count > before.extension_count) {
        // What was asked and what was granted, so nobody reads a cut as the request.
        payload["requestedDays"] = before.requested_extension_days;
        payload["grantedDays"] = domain::GrantedExtensionDays(before, input);
    }
    if (before.unit_review_pending && after.state == domain::CaseState::kAnswered) {
        // The answer that leaves the unit is the draft its leader signed.
        if (after.result) {
            payload["result"] = domain::AnswerResultName(*after.result);
        }
        text("answerText", after.answer_text);
        text("legalBasis", after.answer_legal_basis);
    }
    if (after.answer_deadline && after.answer_deadline != before.answer_deadline) {
        payload["answerDeadline"] = FormatIso8601Cst(*after.answer_deadline);
    }
    payload["holderId"] = after.holder_id;
    return payload.dump();
}

}  // namespace minqing::service
