#include <string>

#include "storage/sql/enum_text.hpp"
#include "storage/sql/sql_repositories.hpp"

namespace minqing::storage {
namespace {

using domain::TimeLimitRule;

// '' in a rule column matches any value.
template <auto Member>
Column<TimeLimitRule> NameOrAny(std::string_view name) {
    using Enum = typename std::remove_cvref_t<decltype(TimeLimitRule{}.*Member)>::value_type;
    return {name, SqlType::kText, kWritten,
            [](const TimeLimitRule& rule) {
                const auto& value = rule.*Member;
                return SqlValue(value ? std::string(EnumText<Enum>::kName(*value)) : std::string());
            },
            [](TimeLimitRule& rule, const SqlRow& row, std::size_t i) {
                const std::string text = row.Text(i);
                rule.*Member = text.empty() ? std::nullopt : EnumText<Enum>::kParse(text);
            }};
}

// Rows whose step or limit does not parse are skipped (written by hand into the database;
// the service never does), so both are checked before a row is read.
constexpr std::size_t kStepColumn = 4;
constexpr std::size_t kLimitColumn = 5;
const ColumnTable<TimeLimitRule> kRules(
    "time_limit_rules",
    {Field<&TimeLimitRule::id>("id", kGeneratedKey),
     NameOrAny<&TimeLimitRule::urgency>("urgency"),
     NameOrAny<&TimeLimitRule::kind>("kind"),
     NameOrAny<&TimeLimitRule::channel>("channel"),
     {"step", SqlType::kText, kWritten,
      [](const TimeLimitRule& rule) {
          return SqlValue(std::string(domain::DeadlineStepName(rule.step)));
      },
      [](TimeLimitRule& rule, const SqlRow& row, std::size_t i) {
          rule.step = domain::ParseDeadlineStep(row.Text(i)).value_or(rule.step);
      }},
     {"time_limit", SqlType::kText, kWritten,
      [](const TimeLimitRule& rule) { return SqlValue(domain::FormatTimeLimit(rule.limit)); },
      [](TimeLimitRule& rule, const SqlRow& row, std::size_t i) {
          rule.limit = domain::ParseTimeLimit(row.Text(i)).value_or(rule.limit);
      }}});

bool IsReadable(const SqlRow& row) {
    return domain::ParseDeadlineStep(row.Text(kStepColumn)) &&
           domain::ParseTimeLimit(row.Text(kLimitColumn));
}

const ColumnTable<domain::CalendarEntry> kDays(
    "calendar_days", {{"day", SqlType::kText, kWrittenOnce | kKey,
                       [](const domain::CalendarEntry& entry) {
                           return SqlValue(domain::FormatLocalDay(entry.day.day));
                       },
                       [](domain::CalendarEntry& entry, const SqlRow& row, std::size_t i) {
                           entry.day.day =
                               domain::ParseLocalDay(row.Text(i)).value_or(entry.day.day);
                       }},
                      Field<&domain::CalendarEntry::day, &domain::CalendarDay::working>("working"),
                      Field<&domain::CalendarEntry::day, &domain::CalendarDay::name>("name"),
                      Field<&domain::CalendarEntry::source>("source"),
                      Field<&domain::CalendarEntry::updated_at>("updated_at"),
                      Field<&domain::CalendarEntry::updated_by>("updated_by")});

const ColumnTable<domain::OfficialYear> kYears(
    "calendar_years", {Field<&domain::OfficialYear::year>("year", kWrittenOnce | kKey),
                       Field<&domain::OfficialYear::source>("source"),
                       Field<&domain::OfficialYear::loaded_at>("loaded_at")});

}  // namespace

std::vector<domain::CalendarEntry> SqlTimeRulesRepository::CalendarDays() {
    std::vector<domain::CalendarEntry> days;
    for (const SqlRow& row : session_.Query(kDays.SelectFrom() + "ORDER BY day")) {
        if (domain::ParseLocalDay(row.Text(0))) {
            days.push_back(kDays.Read(row));
        }
    }
    return days;
}

std::vector<domain::OfficialYear> SqlTimeRulesRepository::OfficialYears() {
    return kYears.ReadAll(session_.Query(kYears.SelectFrom() + "ORDER BY year"));
}

void SqlTimeRulesRepository::SaveCalendarDay(const domain::CalendarEntry& entry) {
    session_.Execute(kDays.UpsertSql(), kDays.InsertValues(entry));
}

bool SqlTimeRulesRepository::DeleteCalendarDay(domain::LocalDay day) {
    return session_.Execute("DELETE FROM calendar_days WHERE day = ?",
                            {domain::FormatLocalDay(day)}) > 0;
}

void SqlTimeRulesRepository::SaveOfficialYear(const domain::OfficialYear& year) {
    session_.Execute(kYears.UpsertSql(), kYears.InsertValues(year));
}

std::vector<TimeLimitRule> SqlTimeRulesRepository::Rules() {
    std::vector<TimeLimitRule> rules;
    for (const SqlRow& row : session_.Query(kRules.SelectFrom() + "ORDER BY id")) {
        if (IsReadable(row)) {
            rules.push_back(kRules.Read(row));
        }
    }
    return rules;
}

Result<TimeLimitRule> SqlTimeRulesRepository::SaveRule(TimeLimitRule rule) {
    // The same (urgency, kind, channel, step) as the values to be written. Checked first: on
    // PostgreSQL a failed INSERT would abort the whole unit of work.
    std::vector<SqlValue> same_values = kRules.Values(rule, kUpdated);
    same_values.pop_back();  // the limit
    const auto same = session_.QueryOne(
        "SELECT id FROM time_limit_rules WHERE urgency = ? AND kind = ? AND channel = ? AND "
        "step = ?",
        same_values);
    if (same && same->Int(0) != rule.id) {
        return Fail(Conflict("time_limit.duplicate",
                             "A rule for this urgency, type, channel and step exists: " +
                                 std::to_string(same->Int(0)) + "."));
    }
    if (rule.id == 0) {
        rule.id =
            session_.QueryOne(kRules.InsertSql() + " RETURNING id", kRules.InsertValues(rule))
                ->Int(0);
        return rule;
    }
    if (session_.Execute(kRules.UpdateSql(), kRules.UpdateValues(rule)) == 0) {
        return Fail(NotFound("time_limit.not_found", "No such time-limit rule."));
    }
    return rule;
}

bool SqlTimeRulesRepository::DeleteRule(std::int64_t id) {
    return session_.Execute("DELETE FROM time_limit_rules WHERE id = ?", {id}) > 0;
}

}  // namespace minqing::storage
