#include "domain/case_event.hpp"

namespace minqing::domain {
namespace {

// Length-prefixed fields: no separator inside a payload can make two logs hash alike.
void Field(std::string& out, std::string_view value) {
    out += std::to_string(value.size());
    out += ':';
    out += value;
    out += ';';
}

}  // namespace

std::string EventHashInput(const CaseEvent& event) {
    std::string input;
    Field(input, "minqing-case-event-v1");
    Field(input, std::to_string(event.case_id));
    Field(input, std::to_string(event.seq));
    Field(input, std::to_string(ToEpochMs(event.at)));
    Field(input, event.actor_id ? std::to_string(*event.actor_id) : "");
    Field(input, event.actor_role);
    Field(input, event.actor_unit_id ? std::to_string(*event.actor_unit_id) : "");
    Field(input, event.action);
    Field(input, event.payload_json);
    Field(input, event.from_state ? CaseStateName(*event.from_state) : "");
    Field(input, CaseStateName(event.to_state));
    Field(input, event.prev_hash);
    return input;
}

}  // namespace minqing::domain
