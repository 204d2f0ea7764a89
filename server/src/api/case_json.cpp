#include "api/case_json.hpp"

#include <algorithm>

#include "api/respond.hpp"
#include "domain/case_access.hpp"
#include "domain/case_deadlines.hpp"
#include "domain/channel_field_table.hpp"

namespace minqing::api {
namespace {

// The channel's own fields, by the names of domain/channel_field_table.hpp; 0 for no id.
nlohmann::json ChannelFieldsJson(const domain::Case& c) {
    nlohmann::json json = nlohmann::json::object();
    domain::ForEachChannelField(c.channel, c.channel_fields,
                                [&](std::string_view name, const auto& value) {
                                    if constexpr (requires { value.value_or(0); }) {
                                        json[name] = value.value_or(0);
                                    } else {
                                        json[name] = value;
                                    }
                                });
    return json;
}

using domain::OrgUnit;

nlohmann::json UnitRef(const std::optional<OrgUnit>& unit) {
    return unit ? UnitRefJson(*unit) : nlohmann::json(nullptr);
}

template <typename T>
nlohmann::json OrNull(const std::optional<T>& value) {
    return value ? nlohmann::json(*value) : nlohmann::json(nullptr);
}

template <typename Enum>
nlohmann::json NameOrNull(const std::optional<Enum>& value, std::string_view (*name)(Enum)) {
    return value ? nlohmann::json(name(*value)) : nlohmann::json(nullptr);
}

nlohmann::json InstantOrNull(const std::optional<Instant>& at) {
    return at ? nlohmann::json(FormatIso8601Cst(*at)) : nlohmann::json(nullptr);
}

nlohmann::json ReporterJson(const service::CaseView& view) {
    const auto& reporter = view.c.reporter;
    nlohmann::json json = {
        {"anonymous", reporter.anonymous},
        {"confidential", reporter.confidential},
        // Whether the platform can reach them (a relayed SMS), without the number.
        {"hasPhone", !reporter.phone.empty()},
        {"masked", !view.reporter_revealed}};
    if (view.reporter_revealed) {
        json["name"] = reporter.name;
        json["phone"] = reporter.phone;
    } else if (reporter.confidential && !view.may_reveal_reporter) {
        // Units never learn who asked for confidentiality, not even a surname.
        json["name"] = "";
        json["phone"] = "";
    } else {
        json["name"] = domain::MaskName(reporter.name);
        json["phone"] = domain::MaskPhone(reporter.phone);
    }
    return json;
}

// A flag parameter: "true", "false" or absent (false); anything else is a problem.
bool TrueOrFalse(const http::Request& request, const char* name,
                 std::vector<FieldError>& problems) {
    const std::string value = request.QueryParam(name);
    if (!value.empty() && value != "true" && value != "false") {
        problems.push_back({name, "invalid", "true or false."});
    }
    return value == "true";
}

}  // namespace

nlohmann::json UnitRefJson(const domain::OrgUnit& unit) {
    return {{"id", unit.id},
            {"code", unit.code},
            {"name", unit.name},
            {"displayName", domain::OfficeName(unit)},
            {"kind", domain::OrgKindName(unit.kind)},
            {"level", domain::OrgLevelName(unit.level)}};
}

nlohmann::json CaseItemJson(const domain::Case& c, const CaseTime& time,
                            const service::CaseNames& names) {
    const auto status = domain::DeadlineStatusOf(c, *time.calendar, time.now);
    const auto status_field = [&](auto field) {
        return status ? nlohmann::json(field(*status)) : nlohmann::json(nullptr);
    };
    return {{"id", c.id},
            {"number", c.number},
            {"channel", domain::ChannelName(c.channel)},
            {"kind", domain::CaseKindName(c.kind)},
            {"urgency", domain::UrgencyName(c.urgency)},
            {"scope", domain::CaseScopeName(c.scope)},
            {"categoryCode", c.category_code},
            {"categoryName", names.Category(c.category_code)},
            {"title", c.title},
            {"state", domain::CaseStateName(c.state)},
            {"holderId", c.holder_id},
            {"holderName", names.Unit(c.holder_id)},
            {"originId", c.origin_id},
            {"createdAt", FormatIso8601Cst(c.created_at)},
            {"updatedAt", FormatIso8601Cst(c.updated_at)},
            {"deadline", InstantOrNull(c.deadline)},
            {"deadlineStep", status_field([](const domain::DeadlineStatus& st) {
                 return std::string(domain::DeadlineStepName(st.step));
             })},
            {"workingMinutesLeft", status_field([](const domain::DeadlineStatus& st) {
                 return st.working_minutes_left;
             })},
            {"warning", status_field([](const domain::DeadlineStatus& st) {
                 return std::string(domain::WarningName(st.warning));
             })},
            {"deadlineProvisional", c.deadline_provisional},
            {"supervisionLevel", c.supervision_level},
            {"version", c.version}};
}

nlohmann::json CaseViewJson(const service::CaseView& view, const CaseTime& time) {
    const auto& c = view.c;
    nlohmann::json json = CaseItemJson(c, time, view.names);
    json["answerDeadline"] = InstantOrNull(c.answer_deadline);
    json["contactDeadline"] = InstantOrNull(c.contact_deadline);
    json["content"] = c.content;
    json["location"] = {{"address", c.location.address},
                        {"gridId", OrNull(c.location.grid_id)},
                        {"lat", OrNull(c.location.lat)},
                        {"lng", OrNull(c.location.lng)}};
    json["peopleInvolved"] = c.people_involved;
    json["reporter"] = ReporterJson(view);
    const auto& parties = view.parties;
    json["holder"] = UnitRef(parties.holder);
    json["origin"] = UnitRef(parties.origin);
    json["receivingOffice"] = UnitRef(parties.receiving_office);
    json["dispatcher"] = UnitRef(parties.dispatcher);
    json["leadUnit"] = UnitRef(parties.lead_unit);
    json["escalatedTo"] = UnitRef(parties.escalated_to);
    json["assistingUnits"] = nlohmann::json::array();
    for (const auto& unit : parties.assisting) {
        json["assistingUnits"].push_back(UnitRef(unit));
    }
    json["channelFields"] = ChannelFieldsJson(c);
    json["masterCaseId"] = OrNull(c.master_case_id);
    json["externalRef"] = c.external_ref;
    json["publish"] = c.publish;
    json["result"] = NameOrNull(c.result, &domain::AnswerResultName);
    json["answerText"] = c.answer_text;
    json["answerLegalBasis"] = c.answer_legal_basis;
    // A drafted answer waits inside the unit for its 分管领导 (二级工作网络).
    json["unitReviewPending"] = c.unit_review_pending;
    json["assigneeUnit"] = UnitRef(parties.assignee_unit);
    json["assigneeUserId"] = OrNull(c.assignee_user_id);
    json["satisfaction"] = NameOrNull(c.satisfaction, &domain::SatisfactionName);
    json["extensionCount"] = c.extension_count;
    json["requestedExtensionDays"] = c.requested_extension_days;
    json["reopenCount"] = c.reopen_count;
    json["firstContactAt"] = InstantOrNull(c.first_contact_at);
    json["committedDate"] = InstantOrNull(c.committed_date);
    json["closedAt"] = InstantOrNull(c.closed_at);
    json["lastAction"] = c.last_action;
    json["actions"] = nlohmann::json::array();
    for (const auto action : view.actions) {
        json["actions"].push_back(domain::CaseActionName(action));
    }
    json["mayRevealReporter"] = view.may_reveal_reporter;
    json["attachments"] = nlohmann::json::array();
    for (const auto& attachment : view.attachments) {
        json["attachments"].push_back({{"id", attachment.id},
                                       {"filename", attachment.filename},
                                       {"contentType", attachment.content_type},
                                       {"size", attachment.size},
                                       {"createdAt", FormatIso8601Cst(attachment.created_at)}});
    }
    return json;
}

nlohmann::json CaseEventJson(const domain::CaseEvent& event, const service::CaseNames& names) {
    return {
        {"seq", event.seq},
        {"at", FormatIso8601Cst(event.at)},
        {"actorId", OrNull(event.actor_id)},
        {"actorName", event.actor_id ? names.User(*event.actor_id) : std::string()},
        {"actorRole", event.actor_role},
        {"actorUnitId", OrNull(event.actor_unit_id)},
        {"actorUnitName", event.actor_unit_id ? names.Unit(*event.actor_unit_id) : std::string()},
        {"action", event.action},
        {"payload", nlohmann::json::parse(event.payload_json, nullptr, false)},
        {"fromState", NameOrNull(event.from_state, &domain::CaseStateName)},
        {"toState", domain::CaseStateName(event.to_state)},
        {"prevHash", event.prev_hash},
        {"hash", event.hash}};
}

Result<service::CaseFilters> DecodeCaseFilters(const http::Request& request) {
    service::CaseFilters filters;
    auto& query = filters.query;
    std::vector<FieldError> problems;
    const auto param = [&request](const char* name) { return request.QueryParam(name); };
    const auto named = [&](const char* name, auto parse, auto& target) {
        if (const std::string text = param(name); !text.empty()) {
            target = parse(text);
            if (!target) {
                problems.push_back({name, "invalid", "Not one of the allowed values."});
            }
        }
    };
    if (const std::string states = param("state"); !states.empty()) {
        std::size_t start = 0;
        while (start <= states.size()) {
            const auto comma = std::min(states.find(',', start), states.size());
            const auto state = domain::ParseCaseState(states.substr(start, comma - start));
            if (!state) {
                problems.push_back({"state", "invalid", "Case states, comma-separated."});
                break;
            }
            query.states.push_back(*state);
            start = comma + 1;
        }
    }
    named("channel", &domain::ParseChannel, query.channel);
    named("kind", &domain::ParseCaseKind, query.kind);
    named("urgency", &domain::ParseUrgency, query.urgency);
    if (param("warning") == "none") {
        query.without_card = true;
    } else {
        named("warning", &domain::ParseWarning, query.warning);
    }
    query.category_prefix = param("category");
    if (const auto holder = QueryNumber(request, "holder", "An org unit id.", problems)) {
        query.holder_ids.push_back(*holder);
    }
    filters.org_unit_id = QueryNumber(request, "orgUnit", "An org unit id.", problems);
    filters.area_id = QueryNumber(request, "area", "A division's org unit id.", problems);
    query.origin_id = QueryNumber(request, "origin", "A division's org unit id.", problems);
    if (param("leadUnit") == "none") {
        query.lead_unit_ids.push_back(0);
    } else if (const auto lead =
                   QueryNumber(request, "leadUnit", "An org unit id, or none.", problems)) {
        query.lead_unit_ids.push_back(*lead);
    }
    for (const auto& [name, target] :
         {std::pair{"from", &query.created_from}, std::pair{"to", &query.created_to}}) {
        if (const std::string text = param(name); !text.empty()) {
            *target = ParseIso8601(text);
            if (!*target) {
                problems.push_back({name, "invalid", "A date like 2026-11-01."});
            }
        }
    }
    filters.overdue_only = param("overdue") == "true";
    filters.with_total = TrueOrFalse(request, "count", problems);
    filters.created_by_me = TrueOrFalse(request, "mine", problems);
    filters.keyword = param("keyword");
    if (const std::string sort = param("sort"); sort == "deadline") {
        query.sort = domain::CaseSort::kDeadline;
    } else if (!sort.empty() && sort != "time") {
        problems.push_back({"sort", "invalid", "time or deadline."});
    }
    if (const auto limit = QueryNumber(request, "limit", "1 to 100.", problems, 100)) {
        query.limit = static_cast<int>(*limit);
    }
    if (!problems.empty()) {
        return Fail(Validation(std::move(problems)));
    }
    return filters;
}

}  // namespace minqing::api
