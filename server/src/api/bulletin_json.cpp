#include "api/bulletin_json.hpp"

#include "api/json_fields.hpp"
#include "common/clock.hpp"
#include "domain/case_stats.hpp"

namespace minqing::api {
namespace {

using nlohmann::json;

json Optional(const std::optional<Instant>& at) {
    return at ? json(FormatIso8601Cst(*at)) : json(nullptr);
}

template <typename T>
json OptionalValue(const std::optional<T>& value) {
    return value ? json(*value) : json(nullptr);
}

json SectionJson(const domain::BulletinSection& s) {
    json figures = json::array();
    for (const auto& f : s.figures) {
        figures.push_back(
            {{"key", f.key}, {"label", f.label}, {"value", f.value}, {"unit", f.unit}});
    }
    json charts = json::array();
    for (const auto& c : s.charts) {
        charts.push_back({{"title", c.title},
                          {"unit", c.unit},
                          {"labels", c.labels},
                          {"values", c.values},
                          {"seriesName", c.series_name},
                          {"comparison", c.comparison},
                          {"comparisonName", c.comparison_name}});
    }
    json cases = json::array();
    for (const auto& c : s.cases) {
        cases.push_back({{"id", c.id}, {"number", c.number}, {"title", c.title}, {"done", c.done}});
    }
    return {{"key", s.key},       {"title", s.title}, {"text", s.text}, {"edited", s.edited},
            {"figures", figures}, {"charts", charts}, {"cases", cases}};
}

json RecipientsJson(const std::vector<domain::BulletinRecipient>& recipients) {
    json array = json::array();
    for (const auto& r : recipients) {
        json item{{"name", r.name}};
        if (r.user_id) {
            item["userId"] = *r.user_id;
        } else {
            item["unitId"] = OptionalValue(r.unit_id);
        }
        array.push_back(std::move(item));
    }
    return array;
}

// One list of the distribution: [{userId} | {unitId}], each reported as "<field>[i]".
std::vector<domain::BulletinRecipient> DecodeRecipients(JsonFields& fields, const char* key,
                                                        const std::string& prefix) {
    std::vector<domain::BulletinRecipient> recipients;
    const json* list = fields.Raw(key);
    if (list == nullptr || list->is_null()) {
        return recipients;
    }
    const std::string name = prefix + "." + key;
    if (!list->is_array()) {
        fields.Add({name, "type", "Expected an array of {userId} or {unitId}."});
        return recipients;
    }
    for (std::size_t i = 0; i < list->size(); ++i) {
        const json& item = (*list)[i];
        if (!item.is_object()) {
            fields.Add({name + "[" + std::to_string(i) + "]", "type", "Expected an object."});
            continue;
        }
        JsonFields entry(item, name + "[" + std::to_string(i) + "]");
        domain::BulletinRecipient recipient;
        recipient.user_id = entry.Integer("userId");
        recipient.unit_id = entry.Integer("unitId");
        entry.RejectUnknown({"userId", "unitId", "name"});
        fields.Absorb(entry);
        recipients.push_back(std::move(recipient));
    }
    return recipients;
}

std::optional<domain::DayNumber> Day(JsonFields& fields, std::string_view key) {
    const auto text = fields.String(key, true);
    if (!text) {
        return std::nullopt;
    }
    const auto at = text->size() == 10 ? ParseIso8601(*text) : std::nullopt;
    if (!at) {
        fields.Add({std::string(key), "invalid", "A date like 2026-11-01."});
        return std::nullopt;
    }
    return domain::DayNumberOf(*at);
}

}  // namespace

json BulletinItemJson(const domain::Bulletin& b) {
    return {{"id", b.id},
            {"issuerId", b.issuer_id},
            {"series", domain::BulletinSeriesName(b.series)},
            {"kind", domain::BulletinKindName(b.kind)},
            {"from", domain::FormatDayNumber(b.period_from)},
            {"to", domain::FormatDayNumber(b.period_to)},
            {"periodText", domain::PeriodText(b)},
            {"year", b.year},
            {"number", OptionalValue(b.number)},
            {"issueLabel", domain::IssueLabel(b)},
            {"title", b.title},
            {"state", domain::BulletinStateName(b.state)},
            {"version", b.version},
            {"createdAt", FormatIso8601Cst(b.created_at)},
            {"submittedAt", Optional(b.submitted_at)},
            {"issuedAt", Optional(b.issued_at)},
            {"updatedAt", FormatIso8601Cst(b.updated_at)}};
}

json BulletinJson(const service::BulletinView& view) {
    const domain::Bulletin& b = view.bulletin;
    json answer = BulletinItemJson(b);
    answer["issuerName"] = view.issuer_name;
    json sections = json::array();
    for (const auto& section : b.sections) {
        sections.push_back(SectionJson(section));
    }
    answer["sections"] = std::move(sections);
    answer["typicalCaseIds"] = b.typical_case_ids;
    answer["distribution"] = {{"reportTo", RecipientsJson(b.distribution.report_to)},
                              {"sendTo", RecipientsJson(b.distribution.send_to)},
                              {"copyTo", RecipientsJson(b.distribution.copy_to)}};
    answer["returnNote"] = b.return_note;
    answer["createdBy"] = b.created_by;
    answer["submittedBy"] = OptionalValue(b.submitted_by);
    answer["issuedBy"] = OptionalValue(b.issued_by);
    json log = json::array();
    for (const auto& entry : view.log) {
        log.push_back({{"action", entry.action},
                       {"by", entry.by},
                       {"at", FormatIso8601Cst(entry.at)},
                       {"note", entry.note}});
    }
    answer["log"] = std::move(log);
    answer["canEdit"] = view.can_edit;
    answer["canIssue"] = view.can_issue;
    answer["isOffice"] = view.is_office;
    return answer;
}

json FigureChangesJson(const std::vector<domain::FigureChange>& changes) {
    json array = json::array();
    for (const auto& change : changes) {
        array.push_back({{"section", change.section},
                         {"key", change.key},
                         {"label", change.label},
                         {"old", OptionalValue(change.old_value)},
                         {"new", OptionalValue(change.new_value)}});
    }
    return array;
}

json ReceiptsJson(const std::vector<domain::BulletinReceipt>& receipts) {
    json items = json::array();
    std::int64_t read = 0;
    for (const auto& r : receipts) {
        read += r.read_at ? 1 : 0;
        items.push_back({{"userId", r.user_id},
                         {"name", r.user_name},
                         {"deliveredAt", FormatIso8601Cst(r.delivered_at)},
                         {"readAt", Optional(r.read_at)}});
    }
    return {{"items", items},
            {"total", receipts.size()},
            {"read", read},
            {"unread", static_cast<std::int64_t>(receipts.size()) - read}};
}

Result<service::BulletinDraftRequest> DecodeBulletinDraft(const json& body) {
    JsonFields fields(body);
    service::BulletinDraftRequest request;
    const auto kind = fields.String("kind", true);
    if (kind) {
        if (const auto parsed = domain::ParseBulletinKind(*kind)) {
            request.kind = *parsed;
        } else {
            fields.Add({"kind", "invalid", "weekly, monthly, quarterly or special."});
        }
    }
    if (kind && request.kind == domain::BulletinKind::kSpecial) {
        const auto from = Day(fields, "from");
        const auto to = Day(fields, "to");
        if (from && to) {
            if (*to <= *from) {
                fields.Add({"to", "before_from", "The day after the last day, later than from."});
            } else {
                request.range = std::pair{*from, *to};
            }
        }
    } else if (kind && domain::ParseBulletinKind(*kind)) {
        // Checked here too, so that one answer lists it beside the body's other problems.
        if (auto period = fields.String("period", true)) {
            request.period = std::move(*period);
            if (auto range = domain::ParseBulletinPeriod(request.kind, request.period); !range) {
                fields.Add(std::move(range.error().fields));
            }
        }
    }
    request.title = fields.String("title").value_or("");
    fields.RejectUnknown({"kind", "period", "from", "to", "title"});
    if (!fields.ok()) {
        return Fail(fields.error());
    }
    return request;
}

Result<service::BulletinEdit> DecodeBulletinEdit(const json& body) {
    JsonFields fields(body);
    service::BulletinEdit edit;
    edit.version = fields.Integer("version", true).value_or(0);
    edit.title = fields.String("title");
    if (const json* sections = fields.Raw("sections"); sections && !sections->is_null()) {
        if (!sections->is_array()) {
            fields.Add({"sections", "type", "Expected an array of {key, text}."});
        } else {
            for (std::size_t i = 0; i < sections->size(); ++i) {
                const json& item = (*sections)[i];
                const std::string name = "sections[" + std::to_string(i) + "]";
                if (!item.is_object()) {
                    fields.Add({name, "type", "Expected an object."});
                    continue;
                }
                JsonFields section(item, name);
                auto key = section.String("key", true);
                auto text = section.String("text", true);
                section.RejectUnknown({"key", "text"});
                fields.Absorb(section);
                if (key && text) {
                    edit.sections.emplace_back(std::move(*key), std::move(*text));
                }
            }
        }
    }
    if (fields.Has("typicalCaseIds") && !fields.IsNull("typicalCaseIds")) {
        edit.typical_case_ids = fields.Ids("typicalCaseIds");
    }
    if (const json* distribution = fields.Object("distribution")) {
        JsonFields lists(*distribution, "distribution");
        domain::BulletinDistribution d;
        d.report_to = DecodeRecipients(lists, "reportTo", "distribution");
        d.send_to = DecodeRecipients(lists, "sendTo", "distribution");
        d.copy_to = DecodeRecipients(lists, "copyTo", "distribution");
        lists.RejectUnknown({"reportTo", "sendTo", "copyTo"});
        fields.Absorb(lists);
        edit.distribution = std::move(d);
    }
    fields.RejectUnknown({"version", "title", "sections", "typicalCaseIds", "distribution"});
    if (!fields.ok()) {
        return Fail(fields.error());
    }
    return edit;
}

Result<std::string> DecodeReturnNote(const json& body) {
    JsonFields fields(body);
    auto note = fields.String("note", true);
    fields.RejectUnknown({"note"});
    if (!fields.ok()) {
        return Fail(fields.error());
    }
    return std::move(*note);
}

}  // namespace minqing::api
