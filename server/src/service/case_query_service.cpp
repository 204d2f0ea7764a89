#include "service/case_query_service.hpp"

#include <algorithm>

#include "service/case_cursor.hpp"
#include "service/case_records.hpp"
#include "text/segmenter.hpp"

namespace minqing::service {
namespace {

using domain::Case;
using domain::CaseListQuery;
using domain::CaseState;
using domain::Principal;
using domain::Repositories;
using domain::Role;

constexpr int kMaxPage = 100;

std::int64_t SortKey(const Case& c, domain::CaseSort sort) {
    switch (sort) {
        case domain::CaseSort::kDeadline:
            return c.deadline ? ToEpochMs(*c.deadline) : INT64_MAX;
        case domain::CaseSort::kRecorded:
            return c.id;
        case domain::CaseSort::kNewest:
            break;
    }
    return ToEpochMs(c.created_at);
}

// `member` of each of the caller's roles that `keep` selects, in the order they hold them.
template <typename T>
std::vector<T> OfRoles(const Principal& caller, bool (*keep)(Role),
                       T domain::RoleAssignment::*member) {
    std::vector<T> values;
    for (const auto& held : caller.roles) {
        if (keep(held.role)) {
            values.push_back(held.*member);
        }
    }
    return values;
}

// Whose nodes a workbench bucket filters on.
enum class BucketOwner { kHeldByOffice, kHeldByUnit, kDispatchedByOffice, kEscalatedToMe };

struct BucketSpec {
    const char* name;
    std::vector<CaseState> states;
    BucketOwner who;
    std::vector<std::string> last_actions;
};

const std::vector<BucketSpec>& BucketSpecs() {
    using enum BucketOwner;
    static const std::vector<BucketSpec> specs = {
        {"to_accept", {CaseState::kRegistered}, kHeldByOffice, {}},
        {"to_route", {CaseState::kRouting}, kHeldByOffice, {}},
        {"to_sign", {CaseState::kDispatched}, kHeldByUnit, {}},
        {"to_handle", {CaseState::kHandling, CaseState::kLongTerm}, kHeldByUnit, {}},
        {"to_approve",
         {CaseState::kAnswered, CaseState::kExtensionRequested, CaseState::kReturnRequested},
         kDispatchedByOffice,
         {}},
        {"to_follow_up", {CaseState::kFollowUp}, kDispatchedByOffice, {}},
        {"returned_to_me",
         {CaseState::kRouting, CaseState::kHandling},
         kHeldByOffice,
         {"approve_return", "recall", "return_for_rework", "reopen"}},
        {"escalated_to_me", {CaseState::kEscalated}, kEscalatedToMe, {}},
    };
    return specs;
}

// The caller's own nodes, by the part they play in a case.
struct WorkbenchNodes {
    std::vector<domain::OrgUnitId> offices;
    std::vector<domain::OrgUnitId> units;
    std::vector<domain::OrgUnitId> leaders;
};

// Points `query` at the caller's nodes for `who`; false when the caller has none.
bool AimAt(BucketOwner who, const WorkbenchNodes& nodes, CaseListQuery& query) {
    switch (who) {
        case BucketOwner::kHeldByOffice:
            query.holder_ids = nodes.offices;
            return !nodes.offices.empty();
        case BucketOwner::kHeldByUnit:
            query.holder_ids = nodes.units;
            return !nodes.units.empty();
        case BucketOwner::kDispatchedByOffice:
            query.dispatcher_ids = nodes.offices;
            return !nodes.offices.empty();
        case BucketOwner::kEscalatedToMe:
            query.escalated_ids = nodes.leaders;
            return !nodes.leaders.empty();
    }
    return false;
}

// A unit's cases are held by the unit or one of its sections: exact holder ids let the
// (holder, state) index answer, where a range over holder paths would not.
std::vector<domain::OrgUnitId> UnitsWithin(Repositories& repositories,
                                           const std::vector<std::string>& paths) {
    std::vector<domain::OrgUnitId> ids;
    for (const std::string& path : paths) {
        domain::OrgQuery subtree;
        subtree.within_path = path;
        subtree.include_inactive = true;
        for (const auto& unit : repositories.Orgs().List(subtree)) {
            ids.push_back(unit.id);
        }
    }
    return ids;
}

}  // namespace

ChainCheck CheckChain(const std::vector<domain::CaseEvent>& events) {
    ChainCheck check;
    check.events = static_cast<std::int64_t>(events.size());
    std::string previous_hash;
    std::int64_t expected_seq = 1;
    for (const auto& event : events) {
        const auto broken = [&](std::string problem) {
            check.intact = false;
            check.broken_seq = event.seq;
            check.problem = std::move(problem);
        };
        if (event.seq != expected_seq) {
            broken("seq");
        } else if (event.prev_hash != previous_hash) {
            broken("link");
        } else if (HashOf(event) != event.hash) {
            broken("hash");
        }
        if (!check.intact) {
            return check;
        }
        previous_hash = event.hash;
        ++expected_seq;
    }
    return check;
}

Result<CaseView> CaseQueryService::Get(const Principal& caller, domain::CaseId id) {
    auto view = domain::Query(store_, [&](Repositories& repositories) -> Result<CaseView> {
        auto c = repositories.Cases().FindById(id);
        if (!c || !repositories.Cases().IsVisible(id, domain::VisibilityOf(caller))) {
            return Fail(CaseNotFound());
        }
        return ViewOf(*org_tree_.Current(), repositories, caller, std::move(*c), clock_.Now());
    });
    // The creator opening an answered case has read its answer (their home marks it until
    // then). Only then is a GET a write.
    if (view && view->c.created_by == caller.user_id && !view->c.answer_text.empty()) {
        const Instant now = clock_.Now();
        store_.Write([&](Repositories& repositories) {
            repositories.Cases().MarkRead(id, caller.user_id, now);
            return true;
        });
    }
    return view;
}

Result<CaseHistory> CaseQueryService::History(const Principal& caller, domain::CaseId id) {
    return domain::Query(store_, [&](Repositories& repositories) -> Result<CaseHistory> {
        if (!repositories.Cases().IsVisible(id, domain::VisibilityOf(caller))) {
            return Fail(CaseNotFound());
        }
        CaseHistory history;
        history.events = repositories.CaseEvents().History(id);
        history.names.AddEvents(repositories, history.events);
        return history;
    });
}

Result<std::vector<domain::CaseEvent>> CaseQueryService::Events(const Principal& caller,
                                                                domain::CaseId id) {
    return domain::Query(
        store_, [&](Repositories& repositories) -> Result<std::vector<domain::CaseEvent>> {
            if (!repositories.Cases().IsVisible(id, domain::VisibilityOf(caller))) {
                return Fail(CaseNotFound());
            }
            return repositories.CaseEvents().History(id);
        });
}

Result<ChainCheck> CaseQueryService::Verify(const Principal& caller, domain::CaseId id) {
    auto events = Events(caller, id);
    if (!events) {
        return Fail(std::move(events.error()));
    }
    return CheckChain(*events);
}

Result<std::optional<CaseListQuery>> ResolveCaseFilters(Repositories& repositories,
                                                        const Principal& caller,
                                                        CaseFilters filters, Instant now) {
    auto& query = filters.query;
    query.visibility = domain::VisibilityOf(caller);
    if (!filters.keyword.empty()) {
        query.terms = text::QueryTerms(filters.keyword);
        if (query.terms.empty()) {
            return std::optional<CaseListQuery>();
        }
        if (query.sort == domain::CaseSort::kNewest) {
            // Ids grow with registration time, so this is newest first too.
            query.sort = domain::CaseSort::kRecorded;
        }
    }
    if (filters.overdue_only) {
        query.overdue_at = now;
    }
    if (filters.created_by_me) {
        query.created_by = caller.user_id;
    }
    query.warning_at = now;
    if (filters.org_unit_id) {
        const auto unit = repositories.Orgs().FindById(*filters.org_unit_id);
        if (!unit) {
            return Fail(NotFound("org.unit_not_found", "No such org unit."));
        }
        query.within_path = unit->path;
    }
    if (filters.area_id) {
        const auto area = repositories.Orgs().FindById(*filters.area_id);
        if (!area) {
            return Fail(NotFound("org.unit_not_found", "No such org unit."));
        }
        if (area->kind != domain::OrgKind::kDivision) {
            return Fail(Validation({{"area", "not_division",
                                     "An area is a division: a district, street, community or "
                                     "grid."}}));
        }
        query.origin_within = area->path;
    }
    return std::optional<CaseListQuery>(std::move(query));
}

Result<CasePage> CaseQueryService::List(const Principal& caller, CaseFilters filters,
                                        const std::string& cursor) {
    filters.query.limit = std::clamp(filters.query.limit, 1, kMaxPage);
    std::optional<domain::CaseId> after_id;
    std::optional<std::int64_t> after_key;
    if (!cursor.empty()) {
        const auto after = DecodeCaseCursor(cursor);
        if (!after) {
            return Fail(Validation({{"cursor", "invalid", "Use the nextCursor of a page."}}));
        }
        after_key = after->key;
        after_id = after->id;
    }
    const bool created_by_me = filters.created_by_me;
    const bool with_total = filters.with_total;
    return domain::Query(store_, [&](Repositories& repositories) -> Result<CasePage> {
        auto resolved = ResolveCaseFilters(repositories, caller, filters, clock_.Now());
        if (!resolved) {
            return Fail(resolved.error());
        }
        if (!*resolved) {
            CasePage empty;
            if (with_total) {
                empty.total = 0;
            }
            return empty;
        }
        auto& query = **resolved;
        query.after_key = after_key;
        query.after_id = after_id;
        CasePage page;
        page.items = repositories.Cases().List(query);
        if (static_cast<int>(page.items.size()) == query.limit) {
            const auto& last = page.items.back();
            page.next_cursor = EncodeCaseCursor({SortKey(last, query.sort), last.id});
        }
        if (with_total) {
            page.total = repositories.Cases().Count(query);
        }
        page.names.AddCases(repositories, page.items);
        if (created_by_me) {
            std::vector<domain::CaseId> ids;
            for (const auto& c : page.items) {
                ids.push_back(c.id);
            }
            const auto answered = repositories.CaseEvents().LastAt(ids, "answer");
            const auto read = repositories.Cases().ReadAt(caller.user_id, ids);
            for (const auto& [id, at] : answered) {
                const auto opened = read.find(id);
                page.answers[id] = {at, opened == read.end() || opened->second < at};
            }
        }
        return page;
    });
}

Result<WorkbenchView> CaseQueryService::Workbench(const Principal& caller, int first_per_bucket) {
    const auto offices =
        OfRoles(caller, &domain::IsOfficeRole, &domain::RoleAssignment::org_unit_id);
    const auto unit_paths =
        OfRoles(caller, &domain::IsUnitRole, &domain::RoleAssignment::org_unit_path);
    const auto leaders = OfRoles(
        caller, [](Role role) { return role == Role::kLeader; },
        &domain::RoleAssignment::org_unit_id);
    // Every bucket filters on nodes of the caller's own (holder, dispatcher, escalated to),
    // and each of those is a stake of the case, so the caller sees all of them: the buckets
    // need no visibility check, which would otherwise decide the query plan (one EXISTS per
    // case in the states) instead of the holder and dispatcher indexes.
    domain::CaseVisibility own_nodes;
    own_nodes.everything = true;
    return domain::Query(store_, [&](Repositories& repositories) -> Result<WorkbenchView> {
        const WorkbenchNodes nodes{offices, UnitsWithin(repositories, unit_paths), leaders};
        std::vector<WorkbenchBucket> buckets;
        // Adds the cases `query` finds to the bucket `name`.
        const auto add_to = [&](std::string_view name, CaseListQuery query) {
            auto bucket = std::ranges::find(buckets, name, &WorkbenchBucket::name);
            query.visibility = own_nodes;
            query.sort = domain::CaseSort::kDeadline;
            query.limit = first_per_bucket;
            bucket->count += repositories.Cases().Count(query);
            if (bucket->count > 0) {
                for (auto& c : repositories.Cases().List(query)) {
                    bucket->first.push_back(std::move(c));
                }
            }
        };
        for (const BucketSpec& spec : BucketSpecs()) {
            buckets.emplace_back().name = spec.name;
            CaseListQuery query;
            query.states = spec.states;
            query.last_actions = spec.last_actions;
            if (AimAt(spec.who, nodes, query)) {
                add_to(spec.name, std::move(query));
            }
        }
        // Second kinds of case in a bucket, which one filter cannot express.
        if (!nodes.offices.empty()) {
            // A community or street handling a case itself works it like a unit.
            CaseListQuery query;
            query.states = {CaseState::kHandling, CaseState::kLongTerm};
            query.holder_ids = nodes.offices;
            add_to("to_handle", std::move(query));
        }
        if (!nodes.units.empty()) {
            // A unit's "returned to me" is rework sent back to it.
            CaseListQuery query;
            query.states = {CaseState::kHandling};
            query.holder_ids = nodes.units;
            query.last_actions = {"return_for_rework", "reopen"};
            add_to("returned_to_me", std::move(query));
        }
        WorkbenchView view;
        for (const auto& bucket : buckets) {
            view.names.AddCases(repositories, bucket.first);
        }
        view.buckets = std::move(buckets);
        return view;
    });
}

Result<RoutingSuggestion> CaseQueryService::SuggestRouting(const Principal& caller,
                                                           domain::CaseId id) {
    return domain::Query(store_, [&](Repositories& repositories) -> Result<RoutingSuggestion> {
        const auto c = repositories.Cases().FindById(id);
        if (!c || !repositories.Cases().IsVisible(id, domain::VisibilityOf(caller))) {
            return Fail(CaseNotFound());
        }
        RoutingSuggestion suggestion;
        const auto holder = repositories.Orgs().FindById(c->holder_id);
        if (!holder || holder->kind != domain::OrgKind::kDivision) {
            return suggestion;
        }
        if (holder->level != domain::OrgLevel::kCity &&
            holder->level != domain::OrgLevel::kDistrict) {
            if (holder->parent_id) {
                suggestion.forward_to = repositories.Orgs().FindById(*holder->parent_id);
            }
            return suggestion;
        }
        const auto rule = repositories.Catalog().FindDispatchRule(c->category_code, holder->level);
        if (!rule) {
            return suggestion;
        }
        const auto unit = [&](const std::string& pattern) {
            auto found =
                repositories.Orgs().FindByCode(domain::ResolveUnitCode(pattern, holder->code));
            return found && found->active ? found : std::nullopt;
        };
        suggestion.lead = unit(rule->lead_unit);
        for (const auto& pattern : rule->assisting_units) {
            if (auto assisting = unit(pattern)) {
                suggestion.assisting.push_back(std::move(*assisting));
            }
        }
        return suggestion;
    });
}

std::vector<domain::Category> CaseQueryService::Categories() {
    return domain::Query(
        store_, [](Repositories& repositories) { return repositories.Catalog().Categories(); });
}

}  // namespace minqing::service
