// The working calendar and the time-limit rules: a cached snapshot for the case services and
// the sweep, and the administrators' edits (days on and off, a notice imported as CSV, rules).
// An edit applies to deadlines computed afterwards; deadlines already set on cases stay as
// promised. Thread-safe; blocks on the Store.
#pragma once

#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/clock.hpp"
#include "common/csv.hpp"
#include "common/result.hpp"
#include "domain/principal.hpp"
#include "domain/store.hpp"
#include "domain/time_limit.hpp"
#include "domain/work_calendar.hpp"

namespace minqing::service {

/// What deadlines are computed with, as of one moment.
struct TimeRules {
    std::shared_ptr<const domain::WorkCalendar> calendar;
    std::shared_ptr<const domain::TimeLimitTable> limits;
};

/// The calendar and rules stored now, read inside a unit of work.
TimeRules LoadTimeRules(domain::Repositories& repositories, const domain::OfficeHours& hours);

/// The calendar as the administrator sees it.
struct CalendarView {
    std::vector<domain::CalendarEntry> days;
    std::vector<domain::OfficialYear> official_years;
    /// Years from this one to next year without an official notice: deadlines falling there
    /// are provisional, and the office should import the notice once it is published.
    std::vector<int> provisional_years;
    domain::OfficeHours hours;
};

struct RuleFields {
    std::string urgency;
    std::string kind;
    std::string channel;
    std::string step;
    std::string limit;
};

/// Every problem of a rule's fields (urgency, kind, channel, step, limit), for a 422.
std::vector<FieldError> RuleFieldErrors(const RuleFields& fields);

struct CalendarImport {
    int days = 0;
    std::vector<int> years;
};

class TimeRulesService {
  public:
    TimeRulesService(domain::Store& store, const Clock& clock, domain::OfficeHours hours)
        : store_(store), clock_(clock), hours_(hours) {}

    /// The current snapshot: loaded on first use and after every edit made here, and reloaded
    /// when older than a minute (another server process may have edited).
    TimeRules Current();

    CalendarView Calendar(std::optional<int> year);
    /// Marks a day off or on; `working` true makes a weekend day a working day.
    Result<domain::CalendarEntry> SetDay(const domain::Principal& caller, domain::LocalDay day,
                                         bool working, std::string name);
    /// The day follows the weekend rule again. 404 "calendar.day_not_found".
    Status ClearDay(const domain::Principal& caller, domain::LocalDay day);
    /// Loads a State Council notice in the seed's CSV format (date,kind,name,year,source); its
    /// years become official. Every row is checked before anything is written (422 with the
    /// row numbers).
    Result<CalendarImport> Import(const domain::Principal* caller, const CsvTable& table);

    std::vector<domain::TimeLimitRule> Rules();
    /// Inserts (id 0) or replaces a rule given as the API and the seed spell it: urgency,
    /// kind and channel by name or "" for any, the step's name, the limit as "4wh". 422 with
    /// every bad field; 409 "time_limit.duplicate"; 404 "time_limit.not_found".
    Result<domain::TimeLimitRule> SaveRule(std::int64_t id, const RuleFields& fields);
    Status DeleteRule(std::int64_t id);
    /// Loads the seed rules (urgency,kind,channel,step,limit) when there are none yet.
    Result<int> SeedRules(const CsvTable& table);

  private:
    void Invalidate();

    domain::Store& store_;
    const Clock& clock_;
    const domain::OfficeHours hours_;
    std::mutex mutex_;
    std::optional<TimeRules> cached_;
    Instant loaded_at_{};
};

}  // namespace minqing::service
