// Saved views: a user's named sets of case-list filters (我的视图), and the rules they
// follow. Plain data and pure functions; no I/O; thread-safe.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <span>
#include <string>
#include <string_view>

#include "common/clock.hpp"
#include "domain/user.hpp"

namespace minqing::domain {

using SavedViewId = std::int64_t;

/// The case list's filters by name (GET /api/v1/cases) to their values, as the list's query
/// string carries them.
using SavedViewQuery = std::map<std::string, std::string, std::less<>>;

struct SavedView {
    SavedViewId id = 0;
    UserId user_id = 0;
    std::string name;
    SavedViewQuery query;
    Instant created_at{};
};

/// The filters a view may hold: those of the case list, without paging.
std::span<const std::string_view> SavedViewFilterNames();
bool IsSavedViewFilter(std::string_view name);

/// A name is 1 to this many characters (code points) once trimmed.
inline constexpr std::size_t kMaxSavedViewName = 40;
/// A filter value is at most this many characters (a keyword, a list of states).
inline constexpr std::size_t kMaxSavedViewValue = 200;
/// Views one user may keep.
inline constexpr std::size_t kMaxSavedViews = 50;

}  // namespace minqing::domain
