// The working calendar and the time-limit rules: every staff member reads them (deadlines are
// computed on them); administrators edit them.
#include <cstdio>

#include "api/request_bodies.hpp"
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

http::Response SetDay(service::TimeRulesService& time_rules, http::Request& request,
                      const domain::Principal& caller) {
    const auto day = DayParam(request);
    if (!day) {
        return ErrorFor(request, day.error());
    }
    const auto set = ReadBody(request, &CalendarDayFields);
    return set ? Respond(request, time_rules.SetDay(caller, *day, *set->working, set->name),
                         DayJson)
               : ErrorFor(request, set.error());
}

http::Response ImportCalendar(service::TimeRulesService& time_rules, http::Request& request,
                              const domain::Principal& caller) {
    std::string problem;
    const auto table = CsvTable::Parse(request.body, problem);
    if (!table) {
        return ErrorFor(request, Validation({{"csv", "malformed", problem}}));
    }
    return Respond(request, time_rules.Import(&caller, *table),
                   [](const service::CalendarImport& imported) {
                       return nlohmann::json{{"days", imported.days}, {"years", imported.years}};
                   });
}

http::Response SaveRule(service::TimeRulesService& time_rules, http::Request& request,
                        std::int64_t id) {
    const auto rule = ReadBody(request, &TimeLimitRuleFields, &CheckTimeLimitRule);
    return rule ? Respond(request, time_rules.SaveRule(id, *rule), RuleJson, id == 0 ? 201 : 200)
                : ErrorFor(request, rule.error());
}

http::Response Calendar(service::TimeRulesService& time_rules, http::Request& request,
                        const domain::Principal& /*caller*/) {
    std::optional<int> year;
    if (const std::string text = request.QueryParam("year"); !text.empty()) {
        const auto parsed = ParseId(text);
        if (!parsed || *parsed < 2000 || *parsed > 2100) {
            return ErrorFor(request, Validation({{"year", "invalid", "A year like 2026."}}));
        }
        year = static_cast<int>(*parsed);
    }
    return http::Json(200, CalendarJson(time_rules.Calendar(year)));
}

http::Response ClearDay(service::TimeRulesService& time_rules, http::Request& request,
                        const domain::Principal& caller) {
    const auto day = DayParam(request);
    return day ? NoContentOr(request, time_rules.ClearDay(caller, *day))
               : ErrorFor(request, day.error());
}

http::Response Rules(service::TimeRulesService& time_rules, http::Request& /*request*/,
                     const domain::Principal& /*caller*/) {
    return http::Json(200, ItemsJson(time_rules.Rules(), RuleJson));
}

http::Response AddRule(service::TimeRulesService& time_rules, http::Request& request,
                       const domain::Principal& /*caller*/) {
    return SaveRule(time_rules, request, 0);
}

http::Response ReplaceRule(service::TimeRulesService& time_rules, http::Request& request,
                           const domain::Principal& /*caller*/, std::int64_t id) {
    return SaveRule(time_rules, request, id);
}

http::Response DeleteRule(service::TimeRulesService& time_rules, http::Request& request,
                          const domain::Principal& /*caller*/, std::int64_t id) {
    return NoContentOr(request, time_rules.DeleteRule(id));
}

}  // namespace

Routes TimeRulesRoutes(service::TimeRulesService& time_rules) {
    return {
        {"GET", "/api/v1/calendar", Needs(kOrgRead), With(time_rules, &Calendar)},
        {"PUT", "/api/v1/calendar/days/{date}", Needs(kTimeRulesWrite), With(time_rules, &SetDay)},
        {"DELETE", "/api/v1/calendar/days/{date}", Needs(kTimeRulesWrite),
         With(time_rules, &ClearDay)},
        {"POST", "/api/v1/calendar/import", Needs(kTimeRulesWrite),
         With(time_rules, &ImportCalendar)},
        {"GET", "/api/v1/time-limit-rules", Needs(kOrgRead), With(time_rules, &Rules)},
        {"POST", "/api/v1/time-limit-rules", Needs(kTimeRulesWrite), With(time_rules, &AddRule)},
        {"PUT", "/api/v1/time-limit-rules/{id}", Needs(kTimeRulesWrite),
         With(time_rules, &ReplaceRule), kRuleId},
        {"DELETE", "/api/v1/time-limit-rules/{id}", Needs(kTimeRulesWrite),
         With(time_rules, &DeleteRule), kRuleId},
    };
}

}  // namespace minqing::api
