// Reading cases: one case, its history and the check of its hash chain, work lists with
// filters and keyset pages, and the to-do buckets of the workbench. Every read applies the
// caller's jurisdiction in SQL. Thread-safe; blocks on the Store.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "common/clock.hpp"
#include "common/result.hpp"
#include "domain/case_repository.hpp"
#include "domain/principal.hpp"
#include "domain/store.hpp"
#include "service/case_view.hpp"
#include "service/org_tree_cache.hpp"

namespace minqing::service {

/// The outcome of recomputing a case's hash chain.
struct ChainCheck {
    bool intact = true;
    std::int64_t events = 0;
    /// The first event whose hash or link does not match, and why ("hash", "link", "seq").
    std::optional<std::int64_t> broken_seq;
    std::string problem;
};

/// A list request from the API; `query.visibility` is set here, not by the caller.
struct CaseFilters {
    domain::CaseListQuery query;
    std::string keyword;
    bool overdue_only = false;
    std::optional<domain::OrgUnitId> org_unit_id;  // a stake inside this subtree
    std::optional<domain::OrgUnitId> area_id;      // arose in a division inside this subtree
    /// Every case of the list is counted for its `total` (one more query).
    bool with_total = false;
    /// Only the cases the caller recorded (a collector's "我上报的").
    bool created_by_me = false;
};

/// The answer of a case as its creator sees it on their list.
struct AnswerNews {
    Instant answered_at{};
    /// The answer is newer than the creator's last opening of the case.
    bool unread = true;
};

struct CasePage {
    std::vector<domain::Case> items;
    /// The number of cases the filters select, when asked for.
    std::optional<std::int64_t> total;
    /// Opaque cursor for the next page, empty on the last.
    std::string next_cursor;
    /// Categories and holders of the items.
    CaseNames names;
    /// For lists of the caller's own cases: the answered ones, by case id.
    std::map<domain::CaseId, AnswerNews> answers;
};

/// A case's history with the names of those who acted.
struct CaseHistory {
    std::vector<domain::CaseEvent> events;
    CaseNames names;
};

struct RoutingSuggestion {
    std::optional<domain::OrgUnit> lead;
    std::vector<domain::OrgUnit> assisting;
    /// The office one level up, for offices that forward rather than dispatch.
    std::optional<domain::OrgUnit> forward_to;
};

struct WorkbenchBucket {
    std::string name;  // to_accept, to_route, to_sign, to_handle, to_approve, to_follow_up,
                       // returned_to_me, escalated_to_me
    std::int64_t count = 0;
    std::vector<domain::Case> first;  // the most pressing few
};

struct WorkbenchView {
    std::vector<WorkbenchBucket> buckets;
    /// Categories and holders of the cases shown.
    CaseNames names;
};

class CaseQueryService {
  public:
    CaseQueryService(domain::Store& store, const Clock& clock, OrgTreeCache& org_tree)
        : store_(store), clock_(clock), org_tree_(org_tree) {}

    /// Errors: 404 "case.not_found" also for cases outside the caller's jurisdiction. When the
    /// caller created the case and it has an answer, records the opening (the answer is read).
    Result<CaseView> Get(const domain::Principal& caller, domain::CaseId id);
    Result<std::vector<domain::CaseEvent>> Events(const domain::Principal& caller,
                                                  domain::CaseId id);
    /// The events with the display names of the staff who acted and the units they acted for.
    /// Errors: 404 "case.not_found".
    Result<CaseHistory> History(const domain::Principal& caller, domain::CaseId id);
    Result<ChainCheck> Verify(const domain::Principal& caller, domain::CaseId id);
    /// Errors: 404 "org.unit_not_found" for an unknown org unit filter; 422 for a bad cursor.
    Result<CasePage> List(const domain::Principal& caller, CaseFilters filters,
                          const std::string& cursor);
    Result<WorkbenchView> Workbench(const domain::Principal& caller, int first_per_bucket);
    /// Where the holding office should send the case, from the dispatch catalogue: the
    /// suggested lead and assisting units for its category at the office's level (empty when
    /// the catalogue has none), or for street and community offices the office one level up.
    /// Errors: 404 "case.not_found".
    Result<RoutingSuggestion> SuggestRouting(const domain::Principal& caller, domain::CaseId id);

    /// The subject categories (two levels), for every staff user and the public forms.
    std::vector<domain::Category> Categories();

  private:
    domain::Store& store_;
    const Clock& clock_;
    OrgTreeCache& org_tree_;
};

/// The repository query of a list request as `caller` may run it, read at `now`: their
/// visibility, the keyword's terms, the org subtrees named by id. nullopt when the keyword has
/// no searchable terms (the list is empty). Errors: 404 "org.unit_not_found" for an unknown
/// org unit or area; 422 for an area that is not a division.
Result<std::optional<domain::CaseListQuery>> ResolveCaseFilters(domain::Repositories& repositories,
                                                                const domain::Principal& caller,
                                                                CaseFilters filters, Instant now);

/// Recomputes the chain of `events` (oldest first).
ChainCheck CheckChain(const std::vector<domain::CaseEvent>& events);

}  // namespace minqing::service
