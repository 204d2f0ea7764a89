// Saved views of the case list: each staff member keeps named sets of filters for their own
// use. Thread-safe; blocks on the Store.
#pragma once

#include <string>
#include <vector>

#include "common/clock.hpp"
#include "common/result.hpp"
#include "domain/principal.hpp"
#include "domain/saved_view.hpp"
#include "domain/store.hpp"

namespace minqing::service {

class SavedViewService {
  public:
    SavedViewService(domain::Store& store, const Clock& clock) : store_(store), clock_(clock) {}

    /// The caller's views, oldest first.
    std::vector<domain::SavedView> List(const domain::Principal& caller);
    /// Stores a view for the caller under `name` (trimmed). Errors: 422 "name" "length" (1 to
    /// 40 characters), "query.<filter>" "unknown_field" or "invalid"; 409
    /// "saved_view.name_taken", "saved_view.too_many" (past 50 views).
    Result<domain::SavedView> Create(const domain::Principal& caller, std::string name,
                                     domain::SavedViewQuery query);
    /// Errors: 404 "saved_view.not_found" (no such view of the caller's).
    Status Delete(const domain::Principal& caller, domain::SavedViewId id);

  private:
    domain::Store& store_;
    const Clock& clock_;
};

}  // namespace minqing::service
