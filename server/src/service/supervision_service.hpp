// 督办单 by hand and the supervision centre: office staff and inspectors issue a supervision on
// an open case with their own reply deadline; the holding unit must reply; the sweep counts a
// late reply like any other lateness. Lists show automatic (催办/督办/通报) and manual records.
// Thread-safe; blocks on the Store.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "common/clock.hpp"
#include "common/result.hpp"
#include "domain/principal.hpp"
#include "domain/store.hpp"
#include "domain/supervision.hpp"
#include "service/org_tree_cache.hpp"
#include "service/time_rules_service.hpp"

namespace minqing::service {

struct SupervisionOrder {
    std::string note;    // what is asked, required
    int reply_days = 1;  // working days to reply, 1–10
};

/// The supervision centre's filter.
struct SupervisionFilter {
    bool open_only = false;     // a reply is owed (manual or automatic 督办), not yet given
    bool overdue_only = false;  // a reply is owed and late
    bool manual_only = false;
    std::optional<domain::OrgUnitId> unit_id;
    int limit = 100;  // 1–500
};

/// One page of the supervision centre, newest first.
struct SupervisionPage {
    std::vector<domain::Supervision> items;
    /// Hand back as `cursor` for the next page; empty on the last page.
    std::string next_cursor;
    /// Every record the filter matches (all pages), by level.
    domain::SupervisionTotals totals;
};

class SupervisionService {
  public:
    SupervisionService(domain::Store& store, const Clock& clock, TimeRulesService& time_rules,
                       OrgTreeCache& org_tree)
        : store_(store), clock_(clock), time_rules_(time_rules), org_tree_(org_tree) {}

    /// Errors: 404 "case.not_found" (also outside the caller's scope); 403
    /// "supervision.forbidden" unless the caller is office staff or an inspector; 409
    /// "case.terminal" for a finished case; 422 for the order's fields.
    Result<domain::Supervision> Issue(const domain::Principal& caller, domain::CaseId id,
                                      const SupervisionOrder& order);
    /// The holding unit's reply to a manual 督办单 or an automatic 督办 (whatever has a reply
    /// deadline). Errors: 404 "supervision.not_found" (also a 催办 or 通报, which want none); 403
    /// "supervision.not_addressee" unless the caller works at the unit it was issued to; 409
    /// "supervision.already_replied"; 422 "reply" required.
    Result<domain::Supervision> Reply(const domain::Principal& caller, domain::CaseId id,
                                      std::int64_t supervision_id, const std::string& reply);
    /// The case's supervisions, newest first (404 outside the caller's scope).
    Result<std::vector<domain::Supervision>> OfCase(const domain::Principal& caller,
                                                    domain::CaseId id);
    /// Supervisions addressed inside the caller's scope (the city office and inspectors see
    /// all), newest first, from after `cursor` (the nextCursor of the page before; empty for
    /// the first page). Errors: 422 "cursor" invalid.
    Result<SupervisionPage> List(const domain::Principal& caller, const SupervisionFilter& filter,
                                 std::string_view cursor = {});

  private:
    domain::Store& store_;
    const Clock& clock_;
    TimeRulesService& time_rules_;
    OrgTreeCache& org_tree_;
};

}  // namespace minqing::service
