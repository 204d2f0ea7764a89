// Port: where cases are kept with their search tokens, the org nodes with a stake in them and
// who has read them. Their event log, attachments and idempotency keys have ports of their
// own. Used inside a unit of work (see store.hpp).
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.hpp"
#include "domain/case.hpp"
#include "domain/port.hpp"
#include "domain/time_limit.hpp"

namespace minqing::domain {

/// Which cases a caller may see: every case, or those with a stake (origin, a holder, an
/// assisting unit, the leader escalated to) inside one of `paths`, or created by `creator`.
struct CaseVisibility {
    bool everything = false;
    std::vector<std::string> paths;
    std::optional<UserId> creator;
};

/// kNewest: by creation time, newest first. kRecorded: by id, newest first — the order a
/// keyword search pages in, because the full-text index yields matches in id order and can
/// stop after a page instead of sorting every match.
enum class CaseSort { kNewest, kDeadline, kRecorded };

struct CaseListQuery {
    CaseVisibility visibility;
    std::vector<CaseState> states;
    std::optional<std::string> holder_path;  // held by a unit/office inside this subtree
    std::vector<std::string> holder_paths;   // held inside any of these subtrees
    std::vector<OrgUnitId> holder_ids;       // held by exactly one of these nodes
    std::vector<OrgUnitId> dispatcher_ids;   // last dispatched by one of these offices
    std::vector<OrgUnitId> escalated_ids;    // escalated to one of these nodes
    std::vector<std::string> last_actions;   // brought to the holder by one of these actions
    std::optional<std::string> within_path;  // with a stake inside this subtree
    /// With no stake inside any of these subtrees (statistics count a caller's own recordings
    /// outside their jurisdiction apart).
    std::vector<std::string> excluded_paths;
    std::optional<std::string> origin_within;  // arose in a division inside this subtree
    std::optional<OrgUnitId> origin_id;        // arose in exactly this division
    std::vector<OrgUnitId> lead_unit_ids;      // led by one of these units; 0: no lead unit yet
    std::optional<UserId> created_by;
    std::optional<Channel> channel;
    std::optional<CaseKind> kind;
    std::optional<Urgency> urgency;
    std::string category_prefix;  // "03" or "0301"
    std::optional<Instant> created_from;
    std::optional<Instant> created_to;
    std::optional<Instant> overdue_at;  // open cases whose deadline is before this instant
    /// Cases whose running step shows this card at `warning_at`. A finished case has no
    /// running deadline (case_deadlines.cpp clears it), so only open cases match.
    std::optional<Warning> warning;
    /// Cases that show no card at `warning_at`: finished, or without a running deadline.
    bool without_card = false;
    Instant warning_at{};
    /// Search terms (from text::QueryTerms) that must all match title or content.
    std::vector<std::string> terms;
    CaseSort sort = CaseSort::kNewest;
    /// Keyset cursor: the sort key and id of the last row of the previous page.
    std::optional<std::int64_t> after_key;
    std::optional<CaseId> after_id;
    int limit = 20;
};

class CaseRepository : public Port {
  public:
    /// The next number of the year ("2026-0001234"); unique across processes.
    virtual std::string NextNumber(int year) = 0;
    /// Stores a new case with its search tokens, and returns it with its id.
    virtual Case Insert(Case fresh, std::string_view search_tokens) = 0;
    /// Saves every mutable field if the stored version is `expected_version`; false when
    /// another writer got there first.
    virtual bool Update(const Case& changed, std::int64_t expected_version) = 0;
    virtual std::optional<Case> FindById(CaseId id) = 0;
    virtual std::optional<Case> FindByNumber(std::string_view number) = 0;
    /// Whether the case is within the visibility (checked in SQL, as lists are).
    virtual bool IsVisible(CaseId id, const CaseVisibility& visibility) = 0;
    virtual std::vector<Case> List(const CaseListQuery& query) = 0;
    virtual std::int64_t Count(const CaseListQuery& query) = 0;
    /// The cases merged into `master` (并案), oldest first: their reporters hear its answer.
    virtual std::vector<Case> MergedInto(CaseId master) = 0;

    /// Records org nodes with a stake in the case (idempotent).
    virtual void AddAccess(CaseId id, const std::vector<std::string>& paths) = 0;
    virtual void SetAssisting(CaseId id, const std::vector<OrgUnitId>& units) = 0;
    virtual std::vector<OrgUnitId> Assisting(CaseId id) = 0;

    /// When `user` last opened each of the cases; cases never opened are left out.
    virtual std::map<CaseId, Instant> ReadAt(UserId user, const std::vector<CaseId>& ids) = 0;
    /// Records that `user` opened the case at `at` (replacing an earlier opening).
    virtual void MarkRead(CaseId id, UserId user, Instant at) = 0;
};

}  // namespace minqing::domain
