#include "api/case_json.hpp"

#include "domain/case_access.hpp"
#include "domain/case_deadlines.hpp"

namespace minqing::api {
namespace {

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
    nlohmann::json json = {{"anonymous", reporter.anonymous},
                           {"confidential", reporter.confidential},
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

template <typename Enum>
std::optional<Enum> DecodeEnum(JsonFields& fields, std::string_view key,
                               std::optional<Enum> (*parse)(std::string_view), bool required) {
    const auto text = fields.String(key, required);
    if (!text) {
        return std::nullopt;
    }
    auto value = parse(*text);
    if (!value) {
        fields.Add({std::string(key), "invalid", "Not one of the allowed values."});
    }
    return value;
}

}  // namespace

nlohmann::json UnitRefJson(const domain::OrgUnit& unit) {
    return {{"id", unit.id},
            {"code", unit.code},
            {"name", unit.name},
            {"kind", domain::OrgKindName(unit.kind)},
            {"level", domain::OrgLevelName(unit.level)}};
}

nlohmann::json CaseItemJson(const domain::Case& c, const CaseTime& time) {
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
            {"title", c.title},
            {"state", domain::CaseStateName(c.state)},
            {"holderId", c.holder_id},
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
    nlohmann::json json = CaseItemJson(c, time);
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
    json["channelFields"] = nlohmann::json::parse(c.channel_fields, nullptr, false);
    json["masterCaseId"] = OrNull(c.master_case_id);
    json["externalRef"] = c.external_ref;
    json["publish"] = c.publish;
    json["result"] = NameOrNull(c.result, &domain::AnswerResultName);
    json["answerText"] = c.answer_text;
    json["satisfaction"] = NameOrNull(c.satisfaction, &domain::SatisfactionName);
    json["extensionCount"] = c.extension_count;
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
    json["parts"] = nlohmann::json::array();
    for (const auto& part : view.parts) {
        nlohmann::json contributions = nlohmann::json::array();
        for (const auto& event : part.contributions) {
            contributions.push_back(CaseEventJson(event));
        }
        json["parts"].push_back({{"unitId", part.unit_id},
                                 {"unitName", part.unit_name},
                                 {"lead", part.lead},
                                 {"contributions", contributions}});
    }
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

nlohmann::json CaseEventJson(const domain::CaseEvent& event) {
    return {{"seq", event.seq},
            {"at", FormatIso8601Cst(event.at)},
            {"actorId", OrNull(event.actor_id)},
            {"actorRole", event.actor_role},
            {"actorUnitId", OrNull(event.actor_unit_id)},
            {"action", event.action},
            {"payload", nlohmann::json::parse(event.payload, nullptr, false)},
            {"fromState", NameOrNull(event.from_state, &domain::CaseStateName)},
            {"toState", domain::CaseStateName(event.to_state)},
            {"prevHash", event.prev_hash},
            {"hash", event.hash}};
}

service::CaseDraft DecodeCaseDraft(const nlohmann::json& body, bool is_public) {
    service::CaseDraft draft;
    draft.channel_known = false;
    JsonFields fields(body);
    // Required fields are decoded as optional: intake owns "required", so each missing field
    // is reported once.
    if (const auto channel = DecodeEnum(fields, "channel", &domain::ParseChannel, true)) {
        draft.channel = *channel;
        draft.channel_known = true;
    }
    draft.kind = DecodeEnum(fields, "kind", &domain::ParseCaseKind, false);
    draft.scope = DecodeEnum(fields, "scope", &domain::ParseCaseScope, false)
                      .value_or(domain::CaseScope::kIndividual);
    draft.urgency = DecodeEnum(fields, "urgency", &domain::ParseUrgency, false)
                        .value_or(domain::Urgency::kNormal);
    draft.category_code = fields.String("categoryCode").value_or("");
    draft.title = fields.String("title").value_or("");
    draft.content = fields.String("content").value_or("");
    draft.people_involved = static_cast<int>(fields.Integer("peopleInvolved").value_or(1));
    draft.publish = fields.Boolean("publish").value_or(false);
    if (const auto* location = fields.Object("location")) {
        JsonFields nested(*location, "location");
        draft.location.address = nested.String("address").value_or("");
        draft.location.grid_id = nested.Integer("gridId");
        draft.location.lat = nested.Number("lat");
        draft.location.lng = nested.Number("lng");
        nested.RejectUnknown({"address", "gridId", "lat", "lng"});
        fields.Absorb(nested);
    }
    if (const auto* reporter = fields.Object("reporter")) {
        JsonFields nested(*reporter, "reporter");
        draft.reporter.name = nested.String("name").value_or("");
        draft.reporter.phone = nested.String("phone").value_or("");
        draft.reporter.anonymous = nested.Boolean("anonymous").value_or(false);
        draft.reporter.confidential = nested.Boolean("confidential").value_or(false);
        nested.RejectUnknown({"name", "phone", "anonymous", "confidential"});
        fields.Absorb(nested);
    }
    if (!is_public) {
        if (const auto* grid = fields.Object("grid")) {
            JsonFields nested(*grid, "grid");
            draft.grid.solved_on_spot = nested.Boolean("solvedOnSpot").value_or(false);
            draft.grid.evidence = nested.String("evidence").value_or("");
            nested.RejectUnknown({"solvedOnSpot", "evidence"});
            fields.Absorb(nested);
        }
        if (const auto* form = fields.Object("cadreReport")) {
            JsonFields nested(*form, "cadreReport");
            draft.cadre.cadre_unit = nested.String("cadreUnit").value_or("");
            draft.cadre.community_id = nested.Integer("communityId");
            draft.cadre.households = static_cast<int>(nested.Integer("households").value_or(0));
            draft.cadre.summary = nested.String("summary").value_or("");
            draft.cadre.universal = nested.Boolean("universal").value_or(false);
            draft.cadre.suggestion = nested.String("suggestion").value_or("");
            draft.cadre.office_id = nested.Integer("officeId");
            nested.RejectUnknown({"cadreUnit", "communityId", "households", "summary", "universal",
                                  "suggestion", "officeId"});
            fields.Absorb(nested);
        }
        if (const auto* card = fields.Object("directCard")) {
            JsonFields nested(*card, "directCard");
            draft.direct_card.unit_id = nested.Integer("unitId");
            nested.RejectUnknown({"unitId"});
            fields.Absorb(nested);
        }
        if (const auto* hotline = fields.Object("hotline")) {
            JsonFields nested(*hotline, "hotline");
            draft.hotline.external_ref = nested.String("externalRef").value_or("");
            nested.RejectUnknown({"externalRef"});
            fields.Absorb(nested);
        }
        fields.RejectUnknown({"channel", "kind", "scope", "urgency", "categoryCode", "title",
                              "content", "location", "peopleInvolved", "reporter", "publish",
                              "grid", "cadreReport", "directCard", "hotline"});
    } else {
        fields.RejectUnknown({"channel", "kind", "scope", "urgency", "categoryCode", "title",
                              "content", "location", "peopleInvolved", "reporter", "publish"});
    }
    if (!fields.ok()) {
        draft.decode_errors = fields.error().fields;
    }
    return draft;
}

}  // namespace minqing::api
