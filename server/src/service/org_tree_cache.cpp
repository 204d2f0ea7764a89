#include "service/org_tree_cache.hpp"

namespace minqing::service {

std::shared_ptr<const domain::OrgTree> OrgTreeCache::Current() {
    if (auto fresh = Fresh()) {
        return fresh;
    }
    const std::lock_guard loading(load_mutex_);
    // Another thread may have loaded it while this one waited.
    if (auto fresh = Fresh()) {
        return fresh;
    }
    return Load();
}

void OrgTreeCache::Reload() {
    const std::lock_guard loading(load_mutex_);
    Load();
}

std::shared_ptr<const domain::OrgTree> OrgTreeCache::Fresh() {
    const std::lock_guard lock(mutex_);
    if (current_ && clock_.Now() - loaded_at_ < max_age_) {
        return current_;
    }
    return nullptr;
}

std::shared_ptr<const domain::OrgTree> OrgTreeCache::Load() {
    const Instant started = clock_.Now();
    auto units = domain::Query(store_, [](domain::Repositories& repositories) {
        domain::OrgQuery everything;
        everything.include_inactive = true;
        return repositories.Orgs().List(everything);
    });
    auto tree = std::make_shared<const domain::OrgTree>(std::move(units), ++versions_);
    const std::lock_guard lock(mutex_);
    current_ = tree;
    loaded_at_ = started;
    return tree;
}

}  // namespace minqing::service
