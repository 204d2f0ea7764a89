// Port: the working calendar's days and official years, and the time-limit rules. Used inside
// a unit of work.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "common/result.hpp"
#include "domain/port.hpp"
#include "domain/time_limit.hpp"
#include "domain/user.hpp"
#include "domain/work_calendar.hpp"

namespace minqing::domain {

/// A calendar day as stored, with where it came from.
struct CalendarEntry {
    CalendarDay day;
    std::string source;  // the notice, or "admin"
    Instant updated_at{};
    std::optional<UserId> updated_by;
};

struct OfficialYear {
    int year = 0;
    std::string source;
    Instant loaded_at{};
};

class TimeRulesRepository : public Port {
  public:
    /// Every stored day, in date order.
    virtual std::vector<CalendarEntry> CalendarDays() = 0;
    virtual std::vector<OfficialYear> OfficialYears() = 0;
    /// Inserts or replaces the day.
    virtual void SaveCalendarDay(const CalendarEntry& entry) = 0;
    /// Removes the day (it follows the weekend rule again); false when it was not stored.
    virtual bool DeleteCalendarDay(LocalDay day) = 0;
    virtual void SaveOfficialYear(const OfficialYear& year) = 0;

    /// Every rule, by id.
    virtual std::vector<TimeLimitRule> Rules() = 0;
    /// Inserts (id 0) or updates the rule; a second rule for the same urgency, kind, channel
    /// and step is a conflict ("time_limit.duplicate").
    virtual Result<TimeLimitRule> SaveRule(TimeLimitRule rule) = 0;
    virtual bool DeleteRule(std::int64_t id) = 0;
};

}  // namespace minqing::domain
