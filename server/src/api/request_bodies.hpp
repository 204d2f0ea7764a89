// The wire contract of every JSON request body but the case's (case_bodies.hpp): each declared
// once as a wire::Fields table over the value it decodes into, with a check for the rules the
// table cannot say (reported after the table's own problems, as they always have been). The
// tables also print docs/api.md and the web's types (wire_contract.cpp). Thread-safe (a table
// per call).
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "api/respond.hpp"
#include "api/wire.hpp"
#include "domain/saved_view.hpp"
#include "service/catalog_service.hpp"
#include "service/org_service.hpp"
#include "service/supervision_service.hpp"
#include "service/time_rules_service.hpp"
#include "service/user_service.hpp"

namespace minqing::api {

struct LoginBody {
    std::string username;
    std::string password;
};
wire::Fields LoginFields(LoginBody& body);

wire::Fields NewOrgUnitFields(service::NewOrgUnit& unit);
wire::Fields OrgUnitChangesFields(service::OrgUnitChanges& changes);

wire::Fields NewUserFields(service::NewUser& user);
wire::Fields UserChangesFields(service::UserChanges& changes);

struct RoleGrantBody {
    std::optional<std::string> role;
    std::optional<std::int64_t> org_unit_id;
};
wire::Fields RoleGrantFields(RoleGrantBody& body);
/// The role must be one of the roles.
void CheckRoleGrant(RoleGrantBody& body, std::vector<FieldError>& problems);

struct TokenBody {
    std::string name;
    std::optional<std::int64_t> user_id;
};
wire::Fields TokenFields(TokenBody& body);
/// A person's own token: the name only.
wire::Fields OwnTokenFields(TokenBody& body);

struct DirectCardBody {
    std::optional<std::int64_t> community_id;
    std::optional<std::int64_t> holder_id;
};
wire::Fields DirectCardFields(DirectCardBody& body);
/// A card passed to another holder: the holder only.
wire::Fields ReassignCardFields(DirectCardBody& body);

wire::Fields NewCategoryFields(service::NewCategory& category);
wire::Fields CategoryChangesFields(service::CategoryChanges& changes);

struct DispatchRuleBody {
    std::string lead_unit;
    std::vector<std::string> assisting_units;
};
wire::Fields DispatchRuleFields(DispatchRuleBody& body);

/// One text: a message template's, a 督办单's reply.
struct TextBody {
    std::string text;
};
wire::Fields MessageTemplateFields(TextBody& body);
wire::Fields SupervisionReplyFields(TextBody& body);

wire::Fields SupervisionOrderFields(service::SupervisionOrder& order);

struct SavedViewBody {
    std::string name;
    domain::SavedViewQuery query;
};
wire::Fields SavedViewFields(SavedViewBody& body);

struct CalendarDayBody {
    std::optional<bool> working;
    std::string name;
};
wire::Fields CalendarDayFields(CalendarDayBody& body);

wire::Fields TimeLimitRuleFields(service::RuleFields& rule);
/// A rule's values, once it has a step and a limit (service::RuleFieldErrors).
void CheckTimeLimitRule(service::RuleFields& rule, std::vector<FieldError>& problems);

struct NoticePreferencesBody {
    /// The object as sent (null when it was null); `modes` is its string values.
    nlohmann::json sent;
    std::map<std::string, std::string> modes;
};
wire::Fields NoticePreferencesFields(NoticePreferencesBody& body);
/// Each mode must be a string (the service judges which).
void CheckNoticePreferences(NoticePreferencesBody& body, std::vector<FieldError>& problems);

struct TestClockBody {
    std::optional<std::int64_t> advance_minutes;
};
wire::Fields TestClockFields(TestClockBody& body);
/// Forward only, by a year at most.
void CheckTestClock(TestClockBody& body, std::vector<FieldError>& problems);

/// `body` decoded by `table`, then checked by `check`. Errors: 422 listing every problem.
template <typename Value>
Result<Value> DecodeBody(const nlohmann::json& body, wire::Fields (*table)(Value&),
                         void (*check)(Value&, std::vector<FieldError>&) = nullptr) {
    Value value{};
    std::vector<FieldError> problems;
    wire::Decode(body, table(value), problems);
    if (check != nullptr) {
        check(value, problems);
    }
    if (!problems.empty()) {
        return Fail(Validation(std::move(problems)));
    }
    return value;
}

/// The request's JSON body, decoded as above. Errors: those of BodyObject, then DecodeBody's.
template <typename Value>
Result<Value> ReadBody(const http::Request& request, wire::Fields (*table)(Value&),
                       void (*check)(Value&, std::vector<FieldError>&) = nullptr) {
    auto body = BodyObject(request);
    if (!body) {
        return Fail(body.error());
    }
    return DecodeBody(*body, table, check);
}

}  // namespace minqing::api
