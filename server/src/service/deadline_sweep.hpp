// The clock-driven sweep over the cases' deadlines: yellow and red cards, 催办 when a step
// becomes overdue, a written 督办 after one working day overdue (owing a reply within one
// working day), 通报 after five, late replies, and the notices each of those sends (routed to
// the inbox or the morning digest by service/notice_delivery.hpp). 催办, 督办 and 通报 are also
// appended to the case's events. Every effect is a set-based step that only
// touches cases below the level it sets, all in one transaction: a sweep that runs twice, is
// interrupted or runs in two processes does each effect exactly once (on PostgreSQL a second
// process skips the round while the first holds the advisory lock). Thread-safe.
#pragma once

#include "common/clock.hpp"
#include "common/result.hpp"
#include "domain/store.hpp"
#include "service/time_rules_service.hpp"

namespace minqing::service {

struct SweepReport {
    bool ran = false;  // false when another process held the sweep
    int yellow = 0;
    int red = 0;
    int reminders = 0;  // 催办
    int written = 0;    // 督办
    int bulletins = 0;  // 通报
    int late_replies = 0;
};

class DeadlineSweep {
  public:
    DeadlineSweep(domain::Store& store, const Clock& clock, TimeRulesService& time_rules)
        : store_(store), clock_(clock), time_rules_(time_rules) {}

    /// One round at the clock's now. Throws only on database faults.
    SweepReport Run();

  private:
    domain::Store& store_;
    const Clock& clock_;
    TimeRulesService& time_rules_;
};

}  // namespace minqing::service
