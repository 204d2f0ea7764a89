#include "domain/catalog.hpp"

#include <gtest/gtest.h>

namespace minqing::domain {
namespace {

TEST(Catalog, AFirstCardKeepsThePrintedFormAndReissuesAreNumbered) {
    EXPECT_EQ(DirectCardNumber("220204001001", 0), "ZTK-220204001001");
    EXPECT_EQ(DirectCardNumber("220204001001", 1), "ZTK-220204001001-2");
    EXPECT_EQ(DirectCardNumber("220204001001", 4), "ZTK-220204001001-5");
}

TEST(Catalog, ResolvesTheDistrictPlaceholder) {
    EXPECT_EQ(ResolveUnitCode("U{district}-02", "220204"), "U220204-02");
    EXPECT_EQ(ResolveUnitCode("U220200-13", "220204"), "U220200-13");
}

}  // namespace
}  // namespace minqing::domain
