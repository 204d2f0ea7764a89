// Port: the saved views of the case list. Used inside a unit of work.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "common/result.hpp"
#include "domain/port.hpp"
#include "domain/saved_view.hpp"

namespace minqing::domain {

class SavedViewRepository : public Port {
  public:
    /// The user's views, oldest first.
    virtual std::vector<SavedView> ViewsOf(UserId user) = 0;
    /// Whether the user has a view of that name.
    virtual bool NameTaken(UserId user, std::string_view name) = 0;
    /// Stores a new view; returns it with its id.
    /// A conflict (saved_view.name_taken) when the user already has a view of that name.
    virtual Result<SavedView> Insert(SavedView view) = 0;
    /// Deletes the user's view; false when the user has no view with that id.
    virtual bool Delete(UserId user, SavedViewId id) = 0;
};

}  // namespace minqing::domain
