// The morning digest of held notices (每日汇总) and each person's choice of how notices reach
// them (issue 11). The digest round runs once per working day: on the first round after the
// working day opens, in one transaction that records the day, so a round that runs twice or
// in two processes sends each person one digest (on PostgreSQL a second process skips while
// the first holds the advisory lock). Thread-safe; blocks on the Store.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "common/clock.hpp"
#include "common/result.hpp"
#include "domain/notice_routing.hpp"
#include "domain/principal.hpp"
#include "domain/store.hpp"
#include "service/time_rules_service.hpp"

namespace minqing::service {

struct DigestReport {
    bool ran = false;
    /// Why it did not run: "not_working_day", "before_morning", "already_sent" ("" when it ran).
    std::string skipped;
    std::string day;  // "2026-12-07", China time
    int digests = 0;  // people who got one
    int notices = 0;  // held notices they gathered
};

/// One kind as a person sees it on the settings page.
struct NoticePreference {
    const domain::NoticeKind* kind = nullptr;
    domain::NoticeMode mode = domain::NoticeMode::kImmediate;  // in effect for them
    bool chosen = false;  // they chose it; otherwise the default for their roles
};

class NoticeDigestService {
  public:
    NoticeDigestService(domain::Store& store, const Clock& clock, TimeRulesService& time_rules)
        : store_(store), clock_(clock), time_rules_(time_rules) {}

    /// The round at the clock's now: on a working day from the morning's opening on, once
    /// per day, one inbox message per person with held notices (counts per kind, the worst
    /// cases first, links to them). Throws only on database faults.
    DigestReport Run();

    /// Every kind with the mode in effect for the caller (their choice, or the default for
    /// notices addressed to them by their roles).
    std::vector<NoticePreference> Preferences(const domain::Principal& caller);
    /// Sets the caller's choice per kind (kind name → mode name). Errors: 422 with one field
    /// "modes.<kind>" per problem: "unknown_kind", or "invalid" for a mode other than
    /// immediate or digest; nothing changes then.
    Result<std::vector<NoticePreference>> SetPreferences(
        const domain::Principal& caller, const std::map<std::string, std::string>& modes);

  private:
    domain::Store& store_;
    const Clock& clock_;
    TimeRulesService& time_rules_;
};

}  // namespace minqing::service
