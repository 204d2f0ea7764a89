#include "storage/sql/sql_time_rules_repository.hpp"

#include <string>

namespace minqing::storage {
namespace {

using domain::TimeLimitRule;

// '' in a rule column matches any value.
template <typename Enum>
std::string NameOrAny(const std::optional<Enum>& value, std::string_view (*name)(Enum)) {
    return value ? std::string(name(*value)) : std::string();
}

template <typename Enum>
std::optional<Enum> ParseOrAny(const std::string& text,
                               std::optional<Enum> (*parse)(std::string_view)) {
    return text.empty() ? std::nullopt : parse(text);
}

constexpr std::string_view kRuleSelect =
    "SELECT id, urgency, kind, channel, step, time_limit FROM time_limit_rules ";

std::optional<TimeLimitRule> RuleFromRow(const SqlRow& row) {
    TimeLimitRule rule;
    rule.id = row.Int(0);
    rule.urgency = ParseOrAny(row.Text(1), &domain::ParseUrgency);
    rule.kind = ParseOrAny(row.Text(2), &domain::ParseCaseKind);
    rule.channel = ParseOrAny(row.Text(3), &domain::ParseChannel);
    const auto step = domain::ParseDeadlineStep(row.Text(4));
    const auto limit = domain::ParseTimeLimit(row.Text(5));
    if (!step || !limit) {
        return std::nullopt;  // written by hand into the database; the service never does
    }
    rule.step = *step;
    rule.limit = *limit;
    return rule;
}

}  // namespace

std::vector<domain::CalendarEntry> SqlTimeRulesRepository::CalendarDays() {
    std::vector<domain::CalendarEntry> days;
    for (const SqlRow& row : session_.Query(
             "SELECT day, working, name, source, updated_at, updated_by FROM calendar_days "
             "ORDER BY day")) {
        const auto day = domain::ParseLocalDay(row.Text(0));
        if (!day) {
            continue;
        }
        days.push_back({{*day, row.Bool(1), row.Text(2)},
                        row.Text(3),
                        FromEpochMs(row.Int(4)),
                        row.OptionalInt(5)});
    }
    return days;
}

std::vector<domain::OfficialYear> SqlTimeRulesRepository::OfficialYears() {
    std::vector<domain::OfficialYear> years;
    for (const SqlRow& row :
         session_.Query("SELECT year, source, loaded_at FROM calendar_years ORDER BY year")) {
        years.push_back({static_cast<int>(row.Int(0)), row.Text(1), FromEpochMs(row.Int(2))});
    }
    return years;
}

void SqlTimeRulesRepository::SaveCalendarDay(const domain::CalendarEntry& entry) {
    session_.Execute(
        "INSERT INTO calendar_days (day, working, name, source, updated_at, updated_by) "
        "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (day) DO UPDATE SET working = excluded.working, "
        "name = excluded.name, source = excluded.source, updated_at = excluded.updated_at, "
        "updated_by = excluded.updated_by",
        {domain::FormatLocalDay(entry.day.day), std::int64_t{entry.day.working ? 1 : 0},
         entry.day.name, entry.source, ToEpochMs(entry.updated_at), Nullable(entry.updated_by)});
}

bool SqlTimeRulesRepository::DeleteCalendarDay(domain::LocalDay day) {
    return session_.Execute("DELETE FROM calendar_days WHERE day = ?",
                            {domain::FormatLocalDay(day)}) > 0;
}

void SqlTimeRulesRepository::SaveOfficialYear(const domain::OfficialYear& year) {
    session_.Execute(
        "INSERT INTO calendar_years (year, source, loaded_at) VALUES (?, ?, ?) "
        "ON CONFLICT (year) DO UPDATE SET source = excluded.source, loaded_at = excluded.loaded_at",
        {std::int64_t{year.year}, year.source, ToEpochMs(year.loaded_at)});
}

std::vector<TimeLimitRule> SqlTimeRulesRepository::Rules() {
    std::vector<TimeLimitRule> rules;
    for (const SqlRow& row : session_.Query(std::string(kRuleSelect) + "ORDER BY id")) {
        if (auto rule = RuleFromRow(row)) {
            rules.push_back(std::move(*rule));
        }
    }
    return rules;
}

Result<TimeLimitRule> SqlTimeRulesRepository::SaveRule(TimeLimitRule rule) {
    const std::string urgency = NameOrAny(rule.urgency, &domain::UrgencyName);
    const std::string kind = NameOrAny(rule.kind, &domain::CaseKindName);
    const std::string channel = NameOrAny(rule.channel, &domain::ChannelName);
    const std::string step(domain::DeadlineStepName(rule.step));
    // Checked first: on PostgreSQL a failed INSERT would abort the whole unit of work.
    const auto same = session_.QueryOne(
        "SELECT id FROM time_limit_rules WHERE urgency = ? AND kind = ? AND channel = ? AND "
        "step = ?",
        {urgency, kind, channel, step});
    if (same && same->Int(0) != rule.id) {
        return Fail(Conflict("time_limit.duplicate",
                             "A rule for this urgency, type, channel and step exists: " +
                                 std::to_string(same->Int(0)) + "."));
    }
    const std::string limit = domain::FormatTimeLimit(rule.limit);
    if (rule.id == 0) {
        rule.id = session_
                      .QueryOne(
                          "INSERT INTO time_limit_rules (urgency, kind, channel, step, time_limit) "
                          "VALUES (?, ?, ?, ?, ?) RETURNING id",
                          {urgency, kind, channel, step, limit})
                      ->Int(0);
        return rule;
    }
    if (session_.Execute(
            "UPDATE time_limit_rules SET urgency = ?, kind = ?, channel = ?, step = ?, "
            "time_limit = ? WHERE id = ?",
            {urgency, kind, channel, step, limit, rule.id}) == 0) {
        return Fail(NotFound("time_limit.not_found", "No such time-limit rule."));
    }
    return rule;
}

bool SqlTimeRulesRepository::DeleteRule(std::int64_t id) {
    return session_.Execute("DELETE FROM time_limit_rules WHERE id = ?", {id}) > 0;
}

}  // namespace minqing::storage
