#include "api/request_bodies.hpp"

#include <functional>

#include "api/boundary_json.hpp"
#include "domain/role.hpp"

namespace minqing::api {
namespace {

using wire::EnumField;
using wire::Required;

// A unit's boundary, GeoJSON: an object sets it, null clears it, absent leaves it.
wire::Custom Boundary(std::function<void(std::optional<domain::Boundary>)> set) {
    return {
        "Record<string, unknown> | null", "GeoJSON object or null",
        [set = std::move(set)](const nlohmann::json* value, const std::string& name,
                               std::vector<FieldError>& problems) {
            if (value == nullptr) {
                return;
            }
            if (value->is_null()) {
                set(std::nullopt);
            } else if (!value->is_object()) {
                problems.push_back(
                    {name, "type", "Expected a GeoJSON Polygon or MultiPolygon object."});
            } else if (auto boundary = BoundaryFromJson(*value)) {
                set(std::move(boundary));
            } else {
                problems.push_back({name, "invalid",
                                    "A GeoJSON Polygon or MultiPolygon of [lng, lat] positions."});
            }
        }};
}

// A unit's handlers (经办人): [{name, phone, sectionCode}], each a problem of its own.
wire::Custom Handlers(std::function<void(std::vector<domain::UnitHandler>)> set) {
    return {"{ name?: string; phone?: string; sectionCode?: string }[]",
            "array of {name, phone, sectionCode}",
            [set = std::move(set)](const nlohmann::json* value, const std::string& name,
                                   std::vector<FieldError>& problems) {
                if (value == nullptr || value->is_null()) {
                    return;
                }
                if (!value->is_array()) {
                    problems.push_back(
                        {name, "type", "Expected an array of {name, phone, sectionCode}."});
                    return;
                }
                std::vector<domain::UnitHandler> handlers;
                for (std::size_t i = 0; i < value->size(); ++i) {
                    const auto& item = (*value)[i];
                    const auto is_text = [&item](const char* key) {
                        return !item.contains(key) || item[key].is_string();
                    };
                    if (!item.is_object() || !is_text("name") || !is_text("phone") ||
                        !is_text("sectionCode")) {
                        problems.push_back({name + "[" + std::to_string(i) + "]", "type",
                                            "Expected {name, phone, sectionCode} strings."});
                        continue;
                    }
                    handlers.push_back({item.value("name", ""), item.value("phone", ""),
                                        item.value("sectionCode", "")});
                }
                set(std::move(handlers));
            }};
}

}  // namespace

wire::Fields LoginFields(LoginBody& body) {
    return {Required({"username", &body.username, "The login name."}),
            Required({"password", &body.password, "The password."})};
}

namespace {

// The fields a unit is created and changed with, in the order of a change.
template <typename Unit>
wire::Fields UnitFields(Unit& unit) {
    return {
        {"name", &unit.name, "The full name."},
        {"shortName", &unit.short_name, "The short name."},
        {"unitType", &unit.unit_type, "The member unit's type."},
        {"boundary", Boundary([&unit](auto boundary) { unit.boundary = std::move(boundary); }),
         "The area, a GeoJSON Polygon or MultiPolygon; null clears it."},
        {"leaderInCharge", &unit.leader_in_charge, "The leader in charge (分管领导)."},
        {"responsibleSection", &unit.responsible_section, "The responsible section."},
        {"hotline", &unit.hotline, "The unit's phone."},
        {"handlers", Handlers([&unit](auto handlers) { unit.handlers = std::move(handlers); }),
         "The unit's handlers (经办人), all of them."},
    };
}

}  // namespace

wire::Fields NewOrgUnitFields(service::NewOrgUnit& unit) {
    wire::Fields fields = UnitFields(unit);
    fields.front().required = true;
    // In the order the body has always been read: code first, kind and level after the short
    // name, the parent after the type.
    fields.insert(fields.begin(), Required({"code", &unit.code, "The unit's code, unique."}));
    fields.insert(fields.begin() + 3,
                  {EnumField("kind", &unit.kind, &domain::ParseOrgKind, &domain::OrgKindName,
                             "Division (default), member unit or section."),
                   EnumField("level", &unit.level, &domain::ParseOrgLevel, &domain::OrgLevelName,
                             "The level; the parent's next by default.")});
    fields.insert(fields.begin() + 6, {"parentId", &unit.parent_id, "The parent unit."});
    return fields;
}

wire::Fields OrgUnitChangesFields(service::OrgUnitChanges& changes) {
    wire::Fields fields = UnitFields(changes);
    fields.push_back({"active", &changes.active, "False deactivates the unit."});
    fields.push_back({"answerApproval", &changes.answer_approval,
                      "Member units: a 承办人's answer waits for the 分管领导."});
    return fields;
}

wire::Fields NewUserFields(service::NewUser& user) {
    return {Required({"username", &user.username, "The login name."}),
            Required({"displayName", &user.display_name, "The name shown."}),
            {"phone", &user.phone, "A mobile number for SMS."},
            Required({"password", &user.password, "The first password."})};
}

wire::Fields UserChangesFields(service::UserChanges& changes) {
    return {{"displayName", &changes.display_name, "The name shown."},
            {"phone", &changes.phone, "A mobile number for SMS."},
            {"password", &changes.password, "A new password."},
            {"active", &changes.active, "False disables the account."},
            {"unlock", &changes.unlock, "True clears a login lockout."}};
}

wire::Fields RoleGrantFields(RoleGrantBody& body) {
    std::vector<std::string_view> roles;
    for (const auto role : domain::AllRoles()) {
        roles.push_back(domain::RoleName(role));
    }
    return {Required({"role", wire::Named{&body.role, std::move(roles)}, "The role granted."}),
            Required({"orgUnitId", &body.org_unit_id, "The org unit it is held on."})};
}

void CheckRoleGrant(RoleGrantBody& body, std::vector<FieldError>& problems) {
    if (body.role && !domain::ParseRole(*body.role)) {
        problems.push_back({"role", "invalid", "Not a known role."});
    }
}

wire::Fields TokenFields(TokenBody& body) {
    return {Required({"name", &body.name, "What the token is for."}),
            Required({"userId", &body.user_id, "The user it acts as."})};
}

wire::Fields OwnTokenFields(TokenBody& body) {
    return {Required({"name", &body.name, "What the token is for."})};
}

wire::Fields DirectCardFields(DirectCardBody& body) {
    return {Required({"communityId", &body.community_id, "The community the card is for."}),
            Required({"holderId", &body.holder_id, "The user who holds it."})};
}

wire::Fields ReassignCardFields(DirectCardBody& body) {
    return {Required({"holderId", &body.holder_id, "The user who holds it from now."})};
}

wire::Fields NewCategoryFields(service::NewCategory& category) {
    return {Required({"code", &category.code, "The category's code, unique."}),
            Required({"name", &category.name, "Its name."}),
            {"parentCode", &category.parent_code, "The parent category's code."},
            {"keywords", &category.keywords, "Words that suggest it."}};
}

wire::Fields CategoryChangesFields(service::CategoryChanges& changes) {
    return {{"name", &changes.name, "Its name."},
            {"keywords", &changes.keywords, "Words that suggest it, all of them."},
            {"active", &changes.active, "False retires it."}};
}

wire::Fields DispatchRuleFields(DispatchRuleBody& body) {
    return {Required({"leadUnit", &body.lead_unit, "The lead unit's name."}),
            {"assistingUnits", &body.assisting_units, "The assisting units' names."}};
}

wire::Fields MessageTemplateFields(TextBody& body) {
    return {Required({"text", &body.text, "The template's text, with {placeholders}."})};
}

wire::Fields SupervisionOrderFields(service::SupervisionOrder& order) {
    return {Required({"note", &order.note, "What is asked of the unit."}),
            {"replyDays", &order.reply_days, "Working days to reply, 1 by default."}};
}

wire::Fields SupervisionReplyFields(TextBody& body) {
    return {Required({"reply", &body.text, "The unit's reply."})};
}

wire::Fields SavedViewFields(SavedViewBody& body) {
    auto query = [&body](const nlohmann::json* value, const std::string& name,
                         std::vector<FieldError>& problems) {
        if (value == nullptr || value->is_null()) {
            problems.push_back({name, "required", "The case-list filters, as an object."});
            return;
        }
        if (!value->is_object()) {
            problems.push_back({name, "type", "Expected an object."});
            return;
        }
        // Unknown filters are reported by the service, with the values' problems.
        for (const auto& [filter, text] : value->items()) {
            if (text.is_string()) {
                body.query.emplace(filter, text.get<std::string>());
            } else if (domain::IsSavedViewFilter(filter)) {
                problems.push_back({name + "." + filter, "invalid", "Expected a string."});
            } else {
                problems.push_back(
                    {name + "." + filter, "unknown_field", "Not a filter of the case list."});
            }
        }
    };
    return {Required({"name", &body.name, "The view's name."}),
            Required({"query", wire::Custom{"Record<string, string>", "object of strings", query},
                      "The case-list filters, by their query parameter names."})};
}

wire::Fields CalendarDayFields(CalendarDayBody& body) {
    return {Required({"working", &body.working, "Whether it is a working day."}),
            {"name", &body.name, "The holiday's or make-up day's name."}};
}

wire::Fields TimeLimitRuleFields(service::RuleFields& rule) {
    return {{"urgency", &rule.urgency, "The urgency it applies to; null or absent: any."},
            {"kind", &rule.kind, "The kind it applies to; null or absent: any."},
            {"channel", &rule.channel, "The channel it applies to; null or absent: any."},
            Required({"step", &rule.step, "The deadline step it limits."}),
            Required({"limit", &rule.limit, "The limit, like 5wd, 24h or 30d."})};
}

void CheckTimeLimitRule(service::RuleFields& rule, std::vector<FieldError>& problems) {
    if (!rule.step.empty() && !rule.limit.empty()) {
        for (auto& problem : service::RuleFieldErrors(rule)) {
            problems.push_back(std::move(problem));
        }
    }
}

wire::Fields NoticePreferencesFields(NoticePreferencesBody& body) {
    auto modes = [&body](const nlohmann::json* value, const std::string& name,
                         std::vector<FieldError>& problems) {
        if (value == nullptr) {
            problems.push_back({name, "required", "An object of kind → immediate or digest."});
        } else if (!value->is_null() && !value->is_object()) {
            problems.push_back({name, "type", "Expected an object."});
        } else {
            body.sent = *value;
        }
    };
    return {Required({"modes",
                      wire::Custom{"Record<string, 'immediate' | 'digest'>",
                                   "object of `immediate` or `digest`", modes},
                      "The mode of each notice kind named; the others stay."})};
}

void CheckNoticePreferences(NoticePreferencesBody& body, std::vector<FieldError>& problems) {
    if (!body.sent.is_object()) {
        return;
    }
    for (const auto& [kind, mode] : body.sent.items()) {
        if (mode.is_string()) {
            body.modes[kind] = mode.get<std::string>();
        } else {
            problems.push_back({"modes." + kind, "invalid", "immediate or digest."});
        }
    }
}

wire::Fields TestClockFields(TestClockBody& body) {
    return {Required({"advanceMinutes", &body.advance_minutes, "Minutes to move the clock on."})};
}

void CheckTestClock(TestClockBody& body, std::vector<FieldError>& problems) {
    constexpr std::int64_t kYear = 366 * 24 * 60;
    if (problems.empty() && (*body.advance_minutes < 0 || *body.advance_minutes > kYear)) {
        problems.push_back({"advanceMinutes", "out_of_range", "0 to a year, forward only."});
    }
}

}  // namespace minqing::api
