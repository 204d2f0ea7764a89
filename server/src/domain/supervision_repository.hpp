// Port: supervision records and the sweep's set-based steps over the cases' deadlines. Used
// inside a unit of work; every step only touches cases whose level is below the one it sets,
// so running it again changes nothing.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "domain/port.hpp"
#include "domain/supervision.hpp"

namespace minqing::domain {

/// A case a sweep step changed: enough to tell the holder.
struct SweptCase {
    CaseId id = 0;
    std::string number;
    std::string title;
    OrgUnitId holder_id = 0;
    std::optional<DeadlineStep> step;
    std::optional<Instant> deadline;
    CaseState state = CaseState::kRegistered;
    Urgency urgency = Urgency::kNormal;
    std::string origin_path;
    /// RaiseSupervision: the automatic record it made (0 when one existed already).
    std::int64_t supervision_id = 0;
};

struct SupervisionQuery {
    std::optional<CaseId> case_id;
    /// Units whose supervisions are wanted (a unit's own list); empty = all the caller sees.
    std::vector<OrgUnitId> unit_ids;
    std::vector<std::string> unit_paths;  // or units inside these subtrees
    std::optional<OrgUnitId> only_unit;   // and addressed to exactly this unit
    bool manual_only = false;
    bool open_only = false;  // a reply is owed (manual, or an automatic 督办) and not given
    std::optional<Instant> reply_overdue_at;
    /// Keyset paging, newest first: only records with a smaller id.
    std::optional<std::int64_t> before_id;
    int limit = 100;
};

/// How many records a query matches (paging ignored), by level.
struct SupervisionTotals {
    std::int64_t reminder = 0;
    std::int64_t written = 0;
    std::int64_t bulletin = 0;
    std::int64_t all() const { return reminder + written + bulletin; }
};

class SupervisionRepository : public Port {
  public:
    virtual Supervision Insert(Supervision supervision) = 0;
    virtual std::optional<Supervision> FindById(std::int64_t id) = 0;
    virtual std::vector<Supervision> List(const SupervisionQuery& query) = 0;
    /// The records `query` matches, counted by level (before_id and limit ignored).
    virtual SupervisionTotals Count(const SupervisionQuery& query) = 0;
    /// Records the reply to a record that wants one (reply_due set); false when it was
    /// already replied, wants none, or does not exist.
    virtual bool Reply(std::int64_t id, UserId by, std::string_view reply, Instant at) = 0;

    /// Takes the sweep's lock for the rest of the unit of work; false when another process
    /// holds it (PostgreSQL advisory lock; SQLite's single writer needs none).
    virtual bool TryLockSweep() = 0;
    /// Open cases whose yellow card is due at `now` and not yet set: sets it, returns them.
    virtual std::vector<SweptCase> MarkYellow(Instant now) = 0;
    /// Open cases past their deadline without a red card: sets it, returns them.
    virtual std::vector<SweptCase> MarkRed(Instant now) = 0;
    /// Open cases whose deadline is before `overdue_before` and whose supervision level is
    /// below `level`: raises it, records an automatic supervision per case (owing a reply by
    /// `reply_due` when given), returns them.
    virtual std::vector<SweptCase> RaiseSupervision(SupervisionLevel level, Instant overdue_before,
                                                    Instant now,
                                                    std::optional<Instant> reply_due) = 0;
    /// Whether the case had an automatic supervision for a deadline other than `deadline`:
    /// it was late before, so a red card now is not its first.
    virtual bool WasLateBefore(CaseId id, std::optional<Instant> deadline) = 0;
    /// Supervisions whose reply is due before `now`, unreplied and not yet flagged.
    virtual std::vector<Supervision> FlagLateReplies(Instant now) = 0;
};

}  // namespace minqing::domain
