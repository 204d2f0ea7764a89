// Which deadline a case runs against after each step, on the working calendar: routing sets
// the accept deadline; dispatch to a unit starts the answer and first-contact clocks (办理时限
// 自派单时起算) and the sign deadline, a step inside them; an approved extension moves the
// answer deadline, and so on (WORKFLOW.md, "Default time limits", docs/workflow.md). Pure.
#pragma once

#include <cstdint>
#include <optional>

#include "common/clock.hpp"
#include "domain/case.hpp"
#include "domain/time_limit.hpp"
#include "domain/work_calendar.hpp"
#include "domain/workflow.hpp"

namespace minqing::domain {

struct DeadlineRules {
    const TimeLimitTable& limits;
    const WorkCalendar& calendar;
};

/// Sets the deadline fields of `after` for the step it is in now. `before` is the case before
/// `action` (nullopt when `after` was just recorded). A step that goes on (same step, same
/// holder) keeps its deadline; a new one starts at `now`.
void PlanDeadlines(const DeadlineRules& rules, const std::optional<Case>& before,
                   std::optional<CaseAction> action, const ActionInput* input, Case& after,
                   Instant now);

/// The most working days one extension of `c` may add: its original answer limit, at most
/// `max_days` (WORKFLOW.md: "one extension ≤ the original limit, at most 10 working days").
int ExtensionCap(const TimeLimitTable& limits, const Case& c, int max_days);

/// A case's deadline as the reader sees it at `now`.
struct DeadlineStatus {
    Instant deadline;
    DeadlineStep step = DeadlineStep::kAnswer;
    std::int64_t working_minutes_left = 0;  // negative when overdue
    Warning warning = Warning::kNormal;
    bool provisional = false;
};
std::optional<DeadlineStatus> DeadlineStatusOf(const Case& c, const WorkCalendar& calendar,
                                               Instant now);

}  // namespace minqing::domain
