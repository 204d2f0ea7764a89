// Time limits (办理时限): for each step of a case, how long the one who must act has, chosen
// by urgency × request type × channel. Rules are data an administrator edits; the most
// specific rule that matches a case wins. Pure.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "common/clock.hpp"
#include "domain/case.hpp"
#include "domain/work_calendar.hpp"

namespace minqing::domain {

/// A limit: clock minutes (emergencies do not wait for office hours), working minutes of office
/// hours, or working days. Written "15m", "2h" (clock), "4wh" (working hours), "5wd".
struct TimeLimit {
    enum class Unit { kClockMinutes, kWorkingMinutes, kWorkingDays };
    std::int64_t amount = 0;
    Unit unit = Unit::kWorkingDays;

    friend bool operator==(const TimeLimit&, const TimeLimit&) = default;
};

std::optional<TimeLimit> ParseTimeLimit(std::string_view text);
std::string FormatTimeLimit(const TimeLimit& limit);

/// One row of the rule table; an empty optional matches any value.
struct TimeLimitRule {
    std::int64_t id = 0;
    std::optional<Urgency> urgency;
    std::optional<CaseKind> kind;
    std::optional<Channel> channel;
    DeadlineStep step = DeadlineStep::kAnswer;
    TimeLimit limit;
};

class TimeLimitTable {
  public:
    explicit TimeLimitTable(std::vector<TimeLimitRule> rules) : rules_(std::move(rules)) {}

    /// The limit of the most specific rule for the case's step: a rule naming the channel
    /// beats one naming the request type, which beats one naming only the urgency; among
    /// equals the lower id wins. Nullopt when no rule covers the step.
    std::optional<TimeLimit> For(Urgency urgency, CaseKind kind, Channel channel,
                                 DeadlineStep step) const;
    const std::vector<TimeLimitRule>& rules() const { return rules_; }

  private:
    std::vector<TimeLimitRule> rules_;
};

/// The instant `limit` after `start` on the calendar.
Instant DeadlineAfter(const WorkCalendar& calendar, Instant start, TimeLimit limit);

/// When the yellow card shows for a step that started at `start` and ends at `deadline`: one
/// working day before the deadline, or with 20 % of the limit left when the limit is a working
/// day or shorter (measured in the limit's own unit).
Instant YellowFrom(const WorkCalendar& calendar, Instant start, Instant deadline, TimeLimit limit);

/// The warning card of a deadline at `now`.
enum class Warning { kNormal, kYellow, kRed };
std::string_view WarningName(Warning warning);
std::optional<Warning> ParseWarning(std::string_view name);
Warning WarningAt(Instant now, Instant yellow_from, Instant deadline);

}  // namespace minqing::domain
