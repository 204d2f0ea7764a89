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

TEST(TextChecksTest, RefusesHiddenCharactersInSingleLineText) {
    // "invoice_\u202Egpj.exe" shows as "invoice_exe.jpg".
    EXPECT_EQ(CheckText("invoice_\u202Egpj.exe", 200, true, true), "hidden_characters");
    EXPECT_EQ(CheckText("\uFEFF路灯不亮", 50, true, true), "hidden_characters");
    EXPECT_EQ(CheckText("张\u200B三", 50, true, true), "hidden_characters");
    EXPECT_EQ(CheckText("德胜\u2066街道\u2069", 50, true, true), "hidden_characters");
    EXPECT_EQ(CheckText("a\u200Db", 50, true, true), "hidden_characters");
    // Multi-line content keeps what the resident wrote.
    EXPECT_EQ(CheckText("楼道灯坏了\u200B，请修", 2000, true, false), std::nullopt);
}

TEST(TextChecksTest, KeepsEmojiSequencesThatUseJoiners) {
    // A family and a rainbow flag: pictographs joined by U+200D (one with U+FE0F between).
    EXPECT_EQ(CheckText("一家三口\U0001F468\u200D\U0001F469\u200D\U0001F467", 50, true, true),
              std::nullopt);
    EXPECT_EQ(CheckText("\U0001F3F3\uFE0F\u200D\U0001F308", 50, true, true), std::nullopt);
}

TEST(TextChecksTest, TrimsAsciiSpaceOnly) {
    EXPECT_EQ(Trim("  供暖 \t\n"), "供暖");
    EXPECT_EQ(Trim("　全角"), "　全角");  // an ideographic space is content, not padding
}

}  // namespace
}  // namespace minqing::text
