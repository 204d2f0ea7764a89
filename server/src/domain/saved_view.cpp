#include "domain/saved_view.hpp"

#include <algorithm>
#include <array>

namespace minqing::domain {
namespace {

// Exactly the filters GET /api/v1/cases reads; `limit` and `cursor` page, they do not filter.
constexpr std::array<std::string_view, 13> kFilterNames{
    "state", "holder", "channel", "kind",    "urgency", "category", "orgUnit",
    "from",  "to",     "overdue", "warning", "keyword", "sort",
};

}  // namespace

std::span<const std::string_view> SavedViewFilterNames() {
    return kFilterNames;
}

bool IsSavedViewFilter(std::string_view name) {
    return std::ranges::find(kFilterNames, name) != kFilterNames.end();
}

}  // namespace minqing::domain
