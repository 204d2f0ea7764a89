#include "service/time_rules_service.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace minqing::service {
namespace {

using domain::Repositories;

// Another process's edit reaches this one's deadlines within this long.
constexpr auto kReloadAfter = std::chrono::minutes(1);

std::string Row(std::size_t index) {
    return "row " + std::to_string(index + 2);  // the header is line 1
}

int YearOf(domain::LocalDay day) {
    return static_cast<int>(std::chrono::year_month_day(day).year());
}

// A rule from its CSV or API columns ('' = any); every problem goes to `errors`.
std::optional<domain::TimeLimitRule> RuleOf(std::string_view urgency, std::string_view kind,
                                            std::string_view channel, std::string_view step,
                                            std::string_view limit, const std::string& where,
                                            std::vector<FieldError>& errors) {
    domain::TimeLimitRule rule;
    const std::size_t before = errors.size();
    if (!urgency.empty() && !(rule.urgency = domain::ParseUrgency(urgency))) {
        errors.push_back({where + "urgency", "invalid", "critical, urgent, normal or complex."});
    }
    if (!kind.empty() && !(rule.kind = domain::ParseCaseKind(kind))) {
        errors.push_back({where + "kind", "invalid", "A request type, or empty for any."});
    }
    if (!channel.empty() && !(rule.channel = domain::ParseChannel(channel))) {
        errors.push_back({where + "channel", "invalid", "A channel, or empty for any."});
    }
    if (const auto parsed = domain::ParseDeadlineStep(step)) {
        rule.step = *parsed;
    } else {
        errors.push_back({where + "step", "invalid", "A step: accept, sign, contact, answer, …"});
    }
    if (const auto parsed = domain::ParseTimeLimit(limit)) {
        rule.limit = *parsed;
    } else {
        errors.push_back({where + "limit", "invalid",
                          "A number and a unit: m or h (clock), wh (working hours), wd "
                          "(working days), e.g. 15m, 4wh, 5wd."});
    }
    return errors.size() == before ? std::optional(rule) : std::nullopt;
}

}  // namespace

std::vector<FieldError> RuleFieldErrors(const RuleFields& fields) {
    std::vector<FieldError> errors;
    RuleOf(fields.urgency, fields.kind, fields.channel, fields.step, fields.limit, "", errors);
    return errors;
}

TimeRules LoadTimeRules(domain::Repositories& repositories, const domain::OfficeHours& hours) {
    std::vector<domain::CalendarDay> days;
    for (auto& entry : repositories.TimeRules().CalendarDays()) {
        days.push_back(std::move(entry.day));
    }
    std::set<int> years;
    for (const auto& year : repositories.TimeRules().OfficialYears()) {
        years.insert(year.year);
    }
    return TimeRules{
        std::make_shared<const domain::WorkCalendar>(std::move(days), std::move(years), hours),
        std::make_shared<const domain::TimeLimitTable>(repositories.TimeRules().Rules())};
}

TimeRules TimeRulesService::Current() {
    const Instant now = clock_.Now();
    {
        const std::lock_guard lock(mutex_);
        if (cached_ && now - loaded_at_ < kReloadAfter && now >= loaded_at_) {
            return *cached_;
        }
    }
    auto loaded = domain::Query(
        store_, [&](Repositories& repositories) { return LoadTimeRules(repositories, hours_); });
    const std::lock_guard lock(mutex_);
    cached_ = loaded;
    loaded_at_ = now;
    return loaded;
}

void TimeRulesService::Invalidate() {
    const std::lock_guard lock(mutex_);
    cached_.reset();
}

CalendarView TimeRulesService::Calendar(std::optional<int> year) {
    CalendarView view;
    view.hours = hours_;
    domain::Query(store_, [&](Repositories& repositories) {
        for (auto& entry : repositories.TimeRules().CalendarDays()) {
            if (!year || YearOf(entry.day.day) == *year) {
                view.days.push_back(std::move(entry));
            }
        }
        view.official_years = repositories.TimeRules().OfficialYears();
        return 0;
    });
    const int this_year = YearOf(domain::LocalDayOf(clock_.Now()));
    for (const int candidate : {this_year, this_year + 1}) {
        if (std::ranges::none_of(view.official_years, [&](const domain::OfficialYear& known) {
                return known.year == candidate;
            })) {
            view.provisional_years.push_back(candidate);
        }
    }
    return view;
}

Result<domain::CalendarEntry> TimeRulesService::SetDay(const domain::Principal& caller,
                                                       domain::LocalDay day, bool working,
                                                       std::string name) {
    if (name.size() > 60) {
        return Fail(Validation({{"name", "too_long", "At most 60 bytes."}}));
    }
    domain::CalendarEntry entry{
        {day, working, std::move(name)}, "admin", clock_.Now(), caller.user_id};
    domain::Transact(store_, [&](Repositories& repositories) -> Status {
        repositories.TimeRules().SaveCalendarDay(entry);
        return {};
    });
    Invalidate();
    return entry;
}

Status TimeRulesService::ClearDay(const domain::Principal& caller, domain::LocalDay day) {
    (void)caller;
    auto cleared = domain::Transact(store_, [&](Repositories& repositories) -> Status {
        if (!repositories.TimeRules().DeleteCalendarDay(day)) {
            return Fail(
                NotFound("calendar.day_not_found", "The day follows the weekend rule already."));
        }
        return {};
    });
    Invalidate();
    return cleared;
}

Result<CalendarImport> TimeRulesService::Import(const domain::Principal* caller,
                                                const CsvTable& table) {
    std::vector<FieldError> errors;
    for (const std::string_view column : {"date", "kind", "name", "year"}) {
        if (!table.HasColumn(column)) {
            errors.push_back({"csv", "missing_column",
                              "The header must name date, kind, name, year (and source)."});
            return Fail(Validation(std::move(errors)));
        }
    }
    std::vector<domain::CalendarEntry> entries;
    std::set<int> years;
    std::map<int, std::string> sources;
    const Instant now = clock_.Now();
    for (std::size_t i = 0; i < table.size(); ++i) {
        const auto day = domain::ParseLocalDay(table.Get(i, "date"));
        const std::string& kind = table.Get(i, "kind");
        int year = 0;
        try {
            year = std::stoi(table.Get(i, "year"));
        } catch (const std::exception&) {
            year = 0;
        }
        if (!day) {
            errors.push_back({Row(i) + ".date", "invalid", "A date as 2027-01-01."});
        }
        if (kind != "holiday" && kind != "workday") {
            errors.push_back({Row(i) + ".kind", "invalid", "holiday or workday."});
        }
        if (day && year != YearOf(*day) && year != YearOf(*day) + 1 && year != YearOf(*day) - 1) {
            errors.push_back(
                {Row(i) + ".year", "invalid", "The notice's year, next to the date's."});
        }
        if (!day || (kind != "holiday" && kind != "workday")) {
            continue;
        }
        years.insert(year);
        sources.emplace(year, table.Get(i, "source"));
        entries.push_back({{*day, kind == "workday", table.Get(i, "name")},
                           table.Get(i, "source"),
                           now,
                           caller ? std::optional(caller->user_id) : std::nullopt});
    }
    if (entries.empty() && errors.empty()) {
        errors.push_back({"csv", "empty", "No days in the file."});
    }
    if (!errors.empty()) {
        return Fail(Validation(std::move(errors)));
    }
    domain::Transact(store_, [&](Repositories& repositories) -> Status {
        for (const auto& entry : entries) {
            repositories.TimeRules().SaveCalendarDay(entry);
        }
        for (const int year : years) {
            repositories.TimeRules().SaveOfficialYear({year, sources[year], now});
        }
        return {};
    });
    Invalidate();
    return CalendarImport{static_cast<int>(entries.size()), {years.begin(), years.end()}};
}

std::vector<domain::TimeLimitRule> TimeRulesService::Rules() {
    return domain::Query(
        store_, [](Repositories& repositories) { return repositories.TimeRules().Rules(); });
}

Result<domain::TimeLimitRule> TimeRulesService::SaveRule(std::int64_t id,
                                                         const RuleFields& fields) {
    std::vector<FieldError> errors;
    auto rule =
        RuleOf(fields.urgency, fields.kind, fields.channel, fields.step, fields.limit, "", errors);
    if (!rule) {
        return Fail(Validation(std::move(errors)));
    }
    rule->id = id;
    auto saved = domain::Transact(store_, [&](Repositories& repositories) {
        return repositories.TimeRules().SaveRule(*rule);
    });
    Invalidate();
    return saved;
}

Status TimeRulesService::DeleteRule(std::int64_t id) {
    auto deleted = domain::Transact(store_, [&](Repositories& repositories) -> Status {
        if (!repositories.TimeRules().DeleteRule(id)) {
            return Fail(NotFound("time_limit.not_found", "No such time-limit rule."));
        }
        return {};
    });
    Invalidate();
    return deleted;
}

Result<int> TimeRulesService::SeedRules(const CsvTable& table) {
    std::vector<FieldError> errors;
    std::vector<domain::TimeLimitRule> rules;
    for (std::size_t i = 0; i < table.size(); ++i) {
        if (auto rule =
                RuleOf(table.Get(i, "urgency"), table.Get(i, "kind"), table.Get(i, "channel"),
                       table.Get(i, "step"), table.Get(i, "limit"), Row(i) + ".", errors)) {
            rules.push_back(*rule);
        }
    }
    if (!errors.empty()) {
        return Fail(Validation(std::move(errors)));
    }
    auto stored = domain::Transact(store_, [&](Repositories& repositories) -> Result<int> {
        if (!repositories.TimeRules().Rules().empty()) {
            return 0;
        }
        for (const auto& rule : rules) {
            if (auto saved = repositories.TimeRules().SaveRule(rule); !saved) {
                return Fail(std::move(saved.error()));
            }
        }
        return static_cast<int>(rules.size());
    });
    Invalidate();
    return stored;
}

}  // namespace minqing::service
