// Port: units of work over the repositories. A Write runs its function in one transaction
// and returns after the commit; Read sees one consistent snapshot. Both block, so call them
// from worker threads only. Implementations are thread-safe.
#pragma once

#include <functional>
#include <optional>
#include <utility>

#include "domain/assessment_repository.hpp"
#include "domain/attachment_repository.hpp"
#include "domain/auth_repository.hpp"
#include "domain/bulletin_repository.hpp"
#include "domain/case_event_repository.hpp"
#include "domain/case_repository.hpp"
#include "domain/case_stats_repository.hpp"
#include "domain/catalog_repository.hpp"
#include "domain/idempotency_repository.hpp"
#include "domain/notice_digest_repository.hpp"
#include "domain/notification_repository.hpp"
#include "domain/org_repository.hpp"
#include "domain/port.hpp"
#include "domain/saved_view_repository.hpp"
#include "domain/supervision_repository.hpp"
#include "domain/time_rules_repository.hpp"
#include "domain/user_repository.hpp"

namespace minqing::domain {

/// The repositories of one unit of work; valid only inside the Read/Write call.
class Repositories {
  public:
    virtual ~Repositories() = default;
    virtual OrgRepository& Orgs() = 0;
    virtual UserRepository& Users() = 0;
    virtual AuthRepository& Auth() = 0;
    virtual CaseRepository& Cases() = 0;
    virtual CaseEventRepository& CaseEvents() = 0;
    virtual CaseStatsRepository& CaseStats() = 0;
    virtual AttachmentRepository& Attachments() = 0;
    virtual IdempotencyRepository& Idempotency() = 0;
    virtual CatalogRepository& Catalog() = 0;
    virtual NotificationRepository& Notifications() = 0;
    virtual TimeRulesRepository& TimeRules() = 0;
    virtual SupervisionRepository& Supervisions() = 0;
    virtual SavedViewRepository& SavedViews() = 0;
    virtual AssessmentRepository& Assessments() = 0;
    virtual BulletinRepository& Bulletins() = 0;
    /// Wrappers that only replay history (the case generator's walk) may keep this default:
    /// nobody has chosen anything and nothing is held, so every notice goes out at once.
    virtual NoticeDigestRepository& NoticeDigests();
};

class Store : public Port {
  public:
    virtual void Read(const std::function<void(Repositories&)>& work) = 0;
    /// `work` returns false to discard its changes. Throws on database faults.
    virtual void Write(const std::function<bool(Repositories&)>& work) = 0;
    virtual bool Ping() = 0;
    /// True when write units run one after another (SQLite's single writer): a hot row such
    /// as a counter can then be updated inside a long unit without holding others up. Where
    /// units run concurrently, such a row is better taken in a unit of its own.
    virtual bool SerialisesWrites() const = 0;
};

/// Runs `work` (Repositories& → Result<T>) in a write transaction that commits only when the
/// result holds a value; returns that result.
template <typename Work>
auto Transact(Store& store, Work&& work) -> decltype(work(std::declval<Repositories&>())) {
    decltype(work(std::declval<Repositories&>())) result;
    store.Write([&](Repositories& repositories) {
        result = work(repositories);
        return result.has_value();
    });
    return result;
}

/// Runs `work` (Repositories& → T) on a read snapshot and returns what it returns.
template <typename Work>
auto Query(Store& store, Work&& work) -> decltype(work(std::declval<Repositories&>())) {
    std::optional<decltype(work(std::declval<Repositories&>()))> result;
    store.Read([&](Repositories& repositories) { result.emplace(work(repositories)); });
    return std::move(*result);
}

}  // namespace minqing::domain
