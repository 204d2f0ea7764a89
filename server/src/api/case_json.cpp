#include "api/case_json.hpp"

#include <algorithm>
#include <span>

#include "api/api_context.hpp"
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
    json["channelFields"] = nlohmann::json::parse(c.channel_fields, nullptr, false);
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
    json["parts"] = nlohmann::json::array();
    for (const auto& part : view.parts) {
        nlohmann::json contributions = nlohmann::json::array();
        for (const auto& event : part.contributions) {
            contributions.push_back(CaseEventJson(event, view.names));
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
    if (!is_public) {
        draft.office_id = fields.Integer("officeId");
    }
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
                              "officeId", "grid", "cadreReport", "directCard", "hotline"});
    } else {
        fields.RejectUnknown({"channel", "kind", "scope", "urgency", "categoryCode", "title",
                              "content", "location", "peopleInvolved", "reporter", "publish"});
    }
    if (!fields.ok()) {
        draft.decode_errors = fields.error().fields;
    }
    return draft;
}

namespace {

// The fields each action reads. Any other field is a 422 unknown_field: a field the server
// accepted and then ignored (a forward's targetId once) misleads the office that sent it.
std::span<const std::string_view> FieldsOf(domain::CaseAction action) {
    using A = domain::CaseAction;
    static constexpr std::string_view kNote[] = {"version", "note"};
    static constexpr std::string_view kReason[] = {"version", "note", "reason"};
    static constexpr std::string_view kReasonAndBasis[] = {"version", "note", "reason",
                                                           "legalBasis"};
    static constexpr std::string_view kMerge[] = {"version", "note", "masterCaseId", "confirm"};
    static constexpr std::string_view kTarget[] = {"version", "note", "targetId"};
    static constexpr std::string_view kDispatch[] = {"version", "note", "targetId", "assistingIds",
                                                     "method"};
    static constexpr std::string_view kContact[] = {"version", "note", "relayMessage"};
    static constexpr std::string_view kExtension[] = {"version", "note", "reason", "extensionDays"};
    static constexpr std::string_view kGrant[] = {"version", "note", "grantedDays"};
    static constexpr std::string_view kLongTerm[] = {"version", "note", "reason", "committedDate"};
    static constexpr std::string_view kAnswer[] = {"version", "note", "result", "answerText",
                                                   "legalBasis"};
    static constexpr std::string_view kFollowUp[] = {"version", "note",         "contacted",
                                                     "solved",  "satisfaction", "unreachable"};
    static constexpr std::string_view kHandover[] = {"version", "note", "targetId", "method",
                                                     "externalRef"};
    static constexpr std::string_view kAssign[] = {"version", "note", "targetId", "assigneeId"};
    switch (action) {
        case A::kDecline:
        case A::kRequestReturn:
            return kReasonAndBasis;
        case A::kMerge:
            return kMerge;
        case A::kForward:
        case A::kEscalate:
            return kTarget;
        case A::kDispatch:
            return kDispatch;
        case A::kContactReporter:
            return kContact;
        case A::kRequestExtension:
            return kExtension;
        case A::kApproveExtension:
            return kGrant;
        case A::kCommitLongTerm:
            return kLongTerm;
        case A::kAnswer:
            return kAnswer;
        case A::kFollowUp:
            return kFollowUp;
        case A::kHandover:
            return kHandover;
        case A::kAssign:
            return kAssign;
        case A::kRefuseReturn:
        case A::kRefuseExtension:
        case A::kReturnForRework:
        case A::kReopen:
        case A::kWithdraw:
        case A::kRejectUnitAnswer:
            return kReason;
        case A::kAccept:
        case A::kHandleLocally:
        case A::kRecall:
        case A::kSign:
        case A::kApproveReturn:
        case A::kInstruct:
        case A::kApproveAnswer:
        case A::kClose:
        case A::kSupervise:
        case A::kAssist:
        case A::kAttach:
        case A::kApproveUnitAnswer:
            return kNote;
    }
    return kNote;
}

}  // namespace

service::ActionRequest DecodeCaseAction(domain::CaseAction action, const nlohmann::json& body) {
    service::ActionRequest request;
    request.action = action;
    JsonFields fields(body);
    request.expected_version = fields.Integer("version");
    request.target_id = fields.Integer("targetId");
    request.assisting_ids = fields.Ids("assistingIds");
    auto& input = request.input;
    input.note = fields.String("note").value_or("");
    input.reason = fields.String("reason").value_or("");
    input.legal_basis = fields.String("legalBasis").value_or("");
    input.answer_text = fields.String("answerText").value_or("");
    input.external_ref = fields.String("externalRef").value_or("");
    input.master_case_id = fields.Integer("masterCaseId");
    input.extension_days = static_cast<int>(fields.Integer("extensionDays").value_or(0));
    if (const auto granted = fields.Integer("grantedDays")) {
        input.granted_days = static_cast<int>(std::clamp<std::int64_t>(*granted, -1, 1000));
    }
    input.confirm = fields.Boolean("confirm").value_or(false);
    input.assignee_user_id = fields.Integer("assigneeId");
    input.relay_message = fields.String("relayMessage").value_or("");
    input.contacted = fields.Boolean("contacted");
    input.solved = fields.Boolean("solved");
    input.unreachable = fields.Boolean("unreachable").value_or(false);
    const auto named = [&fields](const char* key, auto parse) {
        const auto text = fields.String(key);
        auto value = text ? parse(*text) : std::nullopt;
        if (text && !value) {
            fields.Add({key, "invalid", "Not one of the allowed values."});
        }
        return value;
    };
    input.method = named("method", &domain::ParseHandoverMethod);
    input.result = named("result", &domain::ParseAnswerResult);
    input.satisfaction = named("satisfaction", &domain::ParseSatisfaction);
    if (const auto date = fields.String("committedDate")) {
        input.committed_date = ParseIso8601(*date);
        if (!input.committed_date) {
            fields.Add({"committedDate", "invalid", "A date like 2027-03-01."});
        }
    }
    fields.RejectUnknown(FieldsOf(action));
    if (!fields.ok()) {
        request.decode_errors = fields.error().fields;
    }
    return request;
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
    named("warning", &domain::ParseWarning, query.warning);
    query.category_prefix = param("category");
    if (const std::string holder = param("holder"); !holder.empty()) {
        const auto id = ParseId(holder);
        if (!id) {
            problems.push_back({"holder", "invalid", "An org unit id."});
        } else {
            query.holder_ids.push_back(*id);
        }
    }
    if (const std::string unit = param("orgUnit"); !unit.empty()) {
        filters.org_unit_id = ParseId(unit);
        if (!filters.org_unit_id) {
            problems.push_back({"orgUnit", "invalid", "An org unit id."});
        }
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
    if (const std::string mine = param("mine"); mine == "true") {
        filters.created_by_me = true;
    } else if (!mine.empty() && mine != "false") {
        problems.push_back({"mine", "invalid", "true or false."});
    }
    filters.keyword = param("keyword");
    if (const std::string sort = param("sort"); sort == "deadline") {
        query.sort = domain::CaseSort::kDeadline;
    } else if (!sort.empty() && sort != "time") {
        problems.push_back({"sort", "invalid", "time or deadline."});
    }
    if (const std::string limit = param("limit"); !limit.empty()) {
        const auto parsed = ParseId(limit);
        if (!parsed || *parsed > 100) {
            problems.push_back({"limit", "invalid", "1 to 100."});
        } else {
            query.limit = static_cast<int>(*parsed);
        }
    }
    if (!problems.empty()) {
        return Fail(Validation(std::move(problems)));
    }
    return filters;
}

}  // namespace minqing::api
