// The current snapshot of the org tree (domain/org_tree.hpp), shared by the case services so
// that placing, moving and showing a case walks the tree in memory instead of one query per
// ancestor. Loaded on first use; OrgService and the seeder reload it after each edit they
// commit, so this process sees its own edits at once. Edits made by another process sharing
// the database are picked up when the snapshot is older than `max_age`. Thread-safe.
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <mutex>

#include "common/clock.hpp"
#include "domain/org_tree.hpp"
#include "domain/store.hpp"

namespace minqing::service {

class OrgTreeCache {
  public:
    OrgTreeCache(domain::Store& store, const Clock& clock,
                 std::chrono::seconds max_age = std::chrono::seconds(60))
        : store_(store), clock_(clock), max_age_(max_age) {}

    /// The newest snapshot; loads one when there is none yet or it is too old.
    std::shared_ptr<const domain::OrgTree> Current();
    /// Loads a new snapshot now (after an org edit has committed).
    void Reload();

  private:
    /// The snapshot when it is young enough, else nullptr.
    std::shared_ptr<const domain::OrgTree> Fresh();
    /// Reads every unit and swaps the new snapshot in; called under load_mutex_.
    std::shared_ptr<const domain::OrgTree> Load();

    domain::Store& store_;
    const Clock& clock_;
    std::chrono::seconds max_age_;
    std::mutex load_mutex_;  // one load at a time; guards versions_
    std::uint64_t versions_ = 0;
    std::mutex mutex_;  // guards the two below; held only to copy or swap the pointer
    std::shared_ptr<const domain::OrgTree> current_;
    Instant loaded_at_{};
};

}  // namespace minqing::service
