#include "text/text_checks.hpp"

#include <gtest/gtest.h>

namespace minqing::text {
namespace {

TEST(TextChecksTest, CountsCharactersNotBytes) {
    EXPECT_EQ(CountCharacters("暖气不热"), 4u);
    EXPECT_EQ(CountCharacters("abc"), 3u);
    EXPECT_EQ(CountCharacters(""), 0u);
    EXPECT_FALSE(CountCharacters("\xE6\x9A"));  // a cut-off three-byte sequence
}

struct CheckCase {
    const char* text;
    std::size_t max;
    bool required;
    bool single_line;
    std::optional<std::string> reason;
};

TEST(TextChecksTest, GivesTheReasonForEachKindOfBadText) {
    const CheckCase cases[] = {
        {"船营区德胜街道", 7, true, true, std::nullopt},
        {"船营区德胜街道", 6, true, true, "too_long"},
        {"", 10, true, true, "required"},
        {"   ", 10, true, true, "required"},
        {"", 10, false, true, std::nullopt},
        {"第一行\n第二行", 20, true, false, std::nullopt},
        {"第一行\n第二行", 20, true, true, "control_characters"},
        {"bell\x07", 20, true, false, "control_characters"},
        {"c1 \xC2\x85", 20, true, false, "control_characters"},
        {"bad \xFF", 20, true, false, "invalid_utf8"},
    };
    for (const auto& c : cases) {
        EXPECT_EQ(CheckText(c.text, c.max, c.required, c.single_line), c.reason) << c.text;
    }
}

TEST(TextChecksTest, TrimsAsciiSpaceOnly) {
    EXPECT_EQ(Trim("  供暖 \t\n"), "供暖");
    EXPECT_EQ(Trim("　全角"), "　全角");  // an ideographic space is content, not padding
}

}  // namespace
}  // namespace minqing::text
