// The working calendar and the time-limit rules: every staff member reads them (deadlines are
// computed on them); administrators edit them.
#include <cstdio>

#include "api/json_fields.hpp"
#include "api/routes.hpp"

namespace minqing::api {
namespace {

using domain::permission::kOrgRead;
using domain::permission::kTimeRulesWrite;

nlohmann::json HoursJson(const domain::OfficeHours& hours) {
    const auto clock = [](int minute) {
        char text[16];
        std::snprintf(text, sizeof text, "%02d:%02d", minute / 60, minute % 60);
        return std::string(text);
    };
    return {{"morning", {clock(hours.morning_start), clock(hours.morning_end)}},
            {"afternoon", {clock(hours.afternoon_start), clock(hours.afternoon_end)}},
            {"minutesPerDay", hours.MinutesPerDay()}};
}

nlohmann::json DayJson(const domain::CalendarEntry& entry) {
    return {{"date", domain::FormatLocalDay(entry.day.day)},
            {"working", entry.day.working},
            {"name", entry.day.name},
            {"source", entry.source},
            {"updatedAt", FormatIso8601Cst(entry.updated_at)}};
}

nlohmann::json CalendarJson(const service::CalendarView& view) {
    nlohmann::json days = nlohmann::json::array();
    for (const auto& entry : view.days) {
        days.push_back(DayJson(entry));
    }
    nlohmann::json official = nlohmann::json::array();
    for (const auto& year : view.official_years) {
        official.push_back({{"year", year.year},
                            {"source", year.source},
                            {"loadedAt", FormatIso8601Cst(year.loaded_at)}});
    }
    return {{"days", days},
            {"officialYears", official},
            {"provisionalYears", view.provisional_years},
            {"officeHours", HoursJson(view.hours)}};
}

nlohmann::json RuleJson(const domain::TimeLimitRule& rule) {
    const auto any = [](auto value, auto name) {
        return value ? nlohmann::json(std::string(name(*value))) : nlohmann::json(nullptr);
    };
    return {{"id", rule.id},
            {"urgency", any(rule.urgency, &domain::UrgencyName)},
            {"kind", any(rule.kind, &domain::CaseKindName)},
            {"channel", any(rule.channel, &domain::ChannelName)},
            {"step", domain::DeadlineStepName(rule.step)},
            {"limit", domain::FormatTimeLimit(rule.limit)}};
}

Result<domain::LocalDay> DayParam(const http::Request& request) {
    if (auto day = domain::ParseLocalDay(request.PathParam("date"))) {
        return *day;
    }
    return Fail(NotFound("calendar.day_not_found", "Give the day as 2026-10-01."));
}

http::Response SetDay(const TimeRulesServices& context, http::Request& request,
                      const domain::Principal& caller) {
    const auto day = DayParam(request);
    if (!day) {
        return ErrorFor(request, day.error());
    }
    auto body = BodyObject(request);
    if (!body) {
        return ErrorFor(request, body.error());
    }
    JsonFields fields(*body);
    const auto working = fields.Boolean("working", true);
    auto name = fields.String("name");
    fields.RejectUnknown({"working", "name"});
    if (!fields.ok()) {
        return ErrorFor(request, fields.error());
    }
    return Respond(request, context.time_rules.SetDay(caller, *day, *working, name.value_or("")),
                   DayJson);
}

http::Response ImportCalendar(const TimeRulesServices& context, http::Request& request,
                              const domain::Principal& caller) {
    std::string problem;
    const auto table = CsvTable::Parse(request.body, problem);
    if (!table) {
        return ErrorFor(request, Validation({{"csv", "malformed", problem}}));
    }
    return Respond(request, context.time_rules.Import(&caller, *table),
                   [](const service::CalendarImport& imported) {
                       return nlohmann::json{{"days", imported.days}, {"years", imported.years}};
                   });
}

http::Response SaveRule(const TimeRulesServices& context, http::Request& request, std::int64_t id) {
    auto body = BodyObject(request);
    if (!body) {
        return ErrorFor(request, body.error());
    }
    JsonFields fields(*body);
    // null or absent urgency, kind and channel match any case.
    const auto any = [&fields](std::string_view key) {
        return fields.IsNull(key) ? std::string() : fields.String(key).value_or("");
    };
    service::RuleFields rule{any("urgency"), any("kind"), any("channel"),
                             fields.String("step", true).value_or(""),
                             fields.String("limit", true).value_or("")};
    fields.RejectUnknown({"urgency", "kind", "channel", "step", "limit"});
    if (!rule.step.empty() && !rule.limit.empty()) {
        fields.Add(service::RuleFieldErrors(rule));
    }
    if (!fields.ok()) {
        return ErrorFor(request, fields.error());
    }
    return Respond(request, context.time_rules.SaveRule(id, rule), RuleJson, id == 0 ? 201 : 200);
}

Error BadRuleId() {
    return BadId("time_limit.not_found", "No such time-limit rule.");
}

}  // namespace

Routes TimeRulesRoutes(const TimeRulesServices& context) {
    return {
        {"GET", "/api/v1/calendar", Needs(kOrgRead),
         [context](http::Request& request, const domain::Principal&) {
             std::optional<int> year;
             if (const std::string text = request.QueryParam("year"); !text.empty()) {
                 const auto parsed = ParseId(text);
                 if (!parsed || *parsed < 2000 || *parsed > 2100) {
                     return ErrorFor(request,
                                     Validation({{"year", "invalid", "A year like 2026."}}));
                 }
                 year = static_cast<int>(*parsed);
             }
             return http::Json(200, CalendarJson(context.time_rules.Calendar(year)));
         }},
        {"PUT", "/api/v1/calendar/days/{date}", Needs(kTimeRulesWrite),
         [context](http::Request& request, const domain::Principal& caller) {
             return SetDay(context, request, caller);
         }},
        {"DELETE", "/api/v1/calendar/days/{date}", Needs(kTimeRulesWrite),
         [context](http::Request& request, const domain::Principal& caller) {
             const auto day = DayParam(request);
             if (!day) {
                 return ErrorFor(request, day.error());
             }
             const auto cleared = context.time_rules.ClearDay(caller, *day);
             return cleared ? http::NoContent() : ErrorFor(request, cleared.error());
         }},
        {"POST", "/api/v1/calendar/import", Needs(kTimeRulesWrite),
         [context](http::Request& request, const domain::Principal& caller) {
             return ImportCalendar(context, request, caller);
         }},
        {"GET", "/api/v1/time-limit-rules", Needs(kOrgRead),
         [context](http::Request&, const domain::Principal&) {
             nlohmann::json rules = nlohmann::json::array();
             for (const auto& rule : context.time_rules.Rules()) {
                 rules.push_back(RuleJson(rule));
             }
             return http::Json(200, nlohmann::json{{"items", rules}});
         }},
        {"POST", "/api/v1/time-limit-rules", Needs(kTimeRulesWrite),
         [context](http::Request& request, const domain::Principal&) {
             return SaveRule(context, request, 0);
         }},
        {"PUT", "/api/v1/time-limit-rules/{id}", Needs(kTimeRulesWrite),
         [context](http::Request& request, const domain::Principal&) {
             const auto id = ParseId(request.PathParam("id"));
             return id ? SaveRule(context, request, *id) : ErrorFor(request, BadRuleId());
         }},
        {"DELETE", "/api/v1/time-limit-rules/{id}", Needs(kTimeRulesWrite),
         [context](http::Request& request, const domain::Principal&) {
             const auto id = ParseId(request.PathParam("id"));
             if (!id) {
                 return ErrorFor(request, BadRuleId());
             }
             const auto deleted = context.time_rules.DeleteRule(*id);
             return deleted ? http::NoContent() : ErrorFor(request, deleted.error());
         }},
    };
}

}  // namespace minqing::api
