#include "api/wire_contract.hpp"

#include <functional>
#include <type_traits>

#include "api/case_bodies.hpp"
#include "api/request_bodies.hpp"
#include "domain/case_event_payload.hpp"

namespace minqing::api {
namespace {

// A body of the contract: its TypeScript name, the routes that take it, its table (over
// scratch values that `visit` keeps alive while the table is used).
struct Body {
    std::string_view type_name;
    std::string_view routes;
    std::function<void(const std::function<void(const wire::Fields&)>&)> visit;
};

template <typename Value, typename Table = wire::Fields (*)(Value&)>
Body BodyOf(std::string_view type_name, std::string_view routes, Table table) {
    return {type_name, routes, [table](const std::function<void(const wire::Fields&)>& use) {
                Value scratch{};
                use(table(scratch));
            }};
}

std::vector<Body> Bodies() {
    return {
        BodyOf<service::CaseDraft>(
            "CaseBody", "POST /api/v1/cases",
            [](service::CaseDraft& draft) { return CaseDraftFields(draft, false); }),
        BodyOf<service::CaseDraft>(
            "PublicSubmissionBody", "POST /api/v1/public/submissions",
            [](service::CaseDraft& draft) { return CaseDraftFields(draft, true); }),
        BodyOf<LoginBody>("LoginBody", "POST /api/v1/auth/login", &LoginFields),
        BodyOf<service::NewOrgUnit>("OrgUnitBody", "POST /api/v1/org/units", &NewOrgUnitFields),
        BodyOf<service::OrgUnitChanges>("OrgUnitChangesBody", "PATCH /api/v1/org/units/{id}",
                                        &OrgUnitChangesFields),
        BodyOf<service::NewUser>("UserBody", "POST /api/v1/users", &NewUserFields),
        BodyOf<service::UserChanges>("UserChangesBody", "PATCH /api/v1/users/{id}",
                                     &UserChangesFields),
        BodyOf<RoleGrantBody>("RoleGrantBody", "POST /api/v1/users/{id}/roles", &RoleGrantFields),
        BodyOf<TokenBody>("TokenBody", "POST /api/v1/tokens", &TokenFields),
        BodyOf<TokenBody>("OwnTokenBody", "POST /api/v1/auth/tokens", &OwnTokenFields),
        BodyOf<DirectCardBody>("DirectCardBody", "POST /api/v1/direct-cards", &DirectCardFields),
        BodyOf<DirectCardBody>("DirectCardReassignBody", "POST /api/v1/direct-cards/{id}/reassign",
                               &ReassignCardFields),
        BodyOf<service::NewCategory>("CategoryBody", "POST /api/v1/categories", &NewCategoryFields),
        BodyOf<service::CategoryChanges>("CategoryChangesBody", "PATCH /api/v1/categories/{code}",
                                         &CategoryChangesFields),
        BodyOf<DispatchRuleBody>("DispatchRuleBody",
                                 "PUT /api/v1/dispatch-catalogue/{categoryCode}/{level}",
                                 &DispatchRuleFields),
        BodyOf<TextBody>("MessageTemplateBody", "PUT /api/v1/message-templates/{key}/{channel}",
                         &MessageTemplateFields),
        BodyOf<service::SupervisionOrder>("SupervisionBody", "POST /api/v1/cases/{id}/supervisions",
                                          &SupervisionOrderFields),
        BodyOf<TextBody>("SupervisionReplyBody", "POST /api/v1/cases/{id}/supervisions/{sid}/reply",
                         &SupervisionReplyFields),
        BodyOf<SavedViewBody>("SavedViewBody", "POST /api/v1/saved-views", &SavedViewFields),
        BodyOf<CalendarDayBody>("CalendarDayBody", "PUT /api/v1/calendar/days/{date}",
                                &CalendarDayFields),
        BodyOf<service::RuleFields>(
            "TimeLimitRuleBody", "POST /api/v1/time-limit-rules, PUT /api/v1/time-limit-rules/{id}",
            &TimeLimitRuleFields),
        BodyOf<NoticePreferencesBody>("NoticePreferencesBody",
                                      "PUT /api/v1/notifications/preferences",
                                      &NoticePreferencesFields),
        BodyOf<TestClockBody>("TestClockBody", "POST /api/v1/test/clock (test mode only)",
                              &TestClockFields),
    };
}

std::string ActionPayloadsTypeScript() {
    std::string out =
        "/** The payload of each case action (POST /api/v1/cases/{id}/actions/{action}). */\n"
        "export interface ActionPayloads {\n";
    for (const auto action : domain::AllCaseActions()) {
        if (action == domain::CaseAction::kAttach) {
            continue;  // taken by uploading the file
        }
        service::ActionRequest scratch;
        std::string type = wire::TypeScriptOf("X", ActionPayloadFields(action, scratch));
        // "export interface X {…}\n" → "{…}", indented one level.
        type = type.substr(type.find('{'));
        type.pop_back();
        std::string indented;
        for (const char c : type) {
            indented += c;
            if (c == '\n') {
                indented += "  ";
            }
        }
        out += "  " + std::string(domain::CaseActionName(action)) + ": " + indented + ";\n";
    }
    return out + "}\n";
}

template <typename T>
std::string_view TypeScriptOfMember(const std::optional<T>& /*member*/) {
    if constexpr (std::is_same_v<T, bool>) {
        return "boolean";
    } else if constexpr (std::is_integral_v<T>) {
        return "number";
    } else {
        return "string";  // texts, names of enumerations, instants in ISO 8601
    }
}

std::string_view TypeScriptOfMember(const std::vector<domain::NamedUnit>& /*member*/) {
    return "{ id: number; name: string }[]";
}

// The keys an event's payload may carry, from the domain's one table of them.
std::string CaseEventPayloadTypeScript() {
    std::string out =
        "/** A case event's payload (GET /api/v1/cases/{id}/events): the keys an event may "
        "carry. */\nexport interface CaseEventPayload {\n";
    const domain::CaseEventPayload scratch;
    domain::ForEachPayloadField(scratch, [&out](std::string_view name, const auto& member) {
        out += "  " + std::string(name) + "?: " + std::string(TypeScriptOfMember(member)) + "\n";
    });
    return out + "}\n";
}

std::string ActionPayloadsMarkdown() {
    std::string out =
        "### Action payloads\n\nThe fields each action reads "
        "(`POST /api/v1/cases/{id}/actions/{action}`); any other is "
        "`unknown_field`:\n\n| action | fields |\n|---|---|\n";
    for (const auto action : domain::AllCaseActions()) {
        if (action == domain::CaseAction::kAttach) {
            continue;
        }
        std::string names;
        for (const auto name : ActionFieldNames(action)) {
            names += (names.empty() ? "`" : ", `") + std::string(name) + "`";
        }
        out += "| `" + std::string(domain::CaseActionName(action)) + "` | " + names + " |\n";
    }
    service::ActionRequest scratch;
    return out + "\n" + wire::MarkdownOf(ActionFields(scratch));
}

}  // namespace

std::string WireTypeScript() {
    std::string out =
        "// Generated by `minqing wire-types` from the server's wire tables "
        "(server/src/api/wire_contract.cpp).\n"
        "// Do not edit: change the table, then run scripts/wire-contract --write.\n\n";
    for (const Body& body : Bodies()) {
        body.visit([&](const wire::Fields& fields) {
            out += "/** " + std::string(body.routes) + " */\n";
            out += wire::TypeScriptOf(body.type_name, fields) + "\n";
        });
    }
    return out + ActionPayloadsTypeScript() + "\n" + CaseEventPayloadTypeScript();
}

std::string WireMarkdown() {
    std::string out;
    for (const Body& body : Bodies()) {
        body.visit([&](const wire::Fields& fields) {
            out += "### " + std::string(body.type_name) + " (" + std::string(body.routes) +
                   ")\n\n" + wire::MarkdownOf(fields) + "\n";
        });
    }
    return out + ActionPayloadsMarkdown();
}

}  // namespace minqing::api
