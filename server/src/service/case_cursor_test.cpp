#include "service/case_cursor.hpp"

#include <limits>

#include <gtest/gtest.h>

namespace minqing::service {
namespace {

TEST(CaseCursorTest, DecodesWhatItEncodes) {
    constexpr auto kMax = std::numeric_limits<std::int64_t>::max();
    for (const CaseCursor cursor : {CaseCursor{1'767'225'600'000, 42}, CaseCursor{kMax, 1},
                                    CaseCursor{-5, 7}, CaseCursor{0, 0}}) {
        EXPECT_EQ(DecodeCaseCursor(EncodeCaseCursor(cursor)), cursor);
    }
    EXPECT_EQ(EncodeCaseCursor({1'767'225'600'000, 42}), "1767225600000.42");
}

TEST(CaseCursorTest, RefusesAnythingElse) {
    for (const std::string_view text :
         {"", ".", "12", "12.", ".12", "1.2.3", "a.1", "1.a", " 1.2", "1.2 ", "+1.2",
          "9223372036854775808.1", "1.99999999999999999999", "0x1.2"}) {
        EXPECT_EQ(DecodeCaseCursor(text), std::nullopt) << text;
    }
}

}  // namespace
}  // namespace minqing::service
