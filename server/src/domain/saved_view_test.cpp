#include "domain/saved_view.hpp"

#include <gtest/gtest.h>

namespace minqing::domain {
namespace {

TEST(SavedView, HoldsTheCaseListFiltersButNotPaging) {
    EXPECT_EQ(SavedViewFilterNames().size(), 13u);
    for (const std::string_view filter : {"state", "orgUnit", "overdue", "keyword", "sort"}) {
        EXPECT_TRUE(IsSavedViewFilter(filter)) << filter;
    }
    for (const std::string_view other : {"limit", "cursor", "State", ""}) {
        EXPECT_FALSE(IsSavedViewFilter(other)) << other;
    }
}

}  // namespace
}  // namespace minqing::domain
