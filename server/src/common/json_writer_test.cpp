#include "common/json_writer.hpp"

#include <gtest/gtest.h>

namespace minqing {
namespace {

TEST(JsonQuotedTest, EscapesOnlyTheQuoteTheBackslashAndControlCharacters) {
    EXPECT_EQ(JsonQuoted(R"(他说"好"\)"), R"("他说\"好\"\\")");
    EXPECT_EQ(JsonQuoted("a\b\f\n\r\tb"), R"("a\b\f\n\r\tb")");
    EXPECT_EQ(JsonQuoted(std::string("\x01\x1f", 2)), R"("\u0001\u001f")");
    EXPECT_EQ(JsonQuoted(std::string(1, '\0')), R"("\u0000")");
    // DEL, '/', line separators and emoji pass as they are.
    EXPECT_EQ(JsonQuoted("\x7f/\u2028😀"), "\"\x7f/\u2028😀\"");
}

TEST(JsonQuotedTest, BytesThatAreNotUtf8BecomeTheReplacementCharacter) {
    EXPECT_EQ(JsonQuoted("a\xff"
                         "b"),
              "\"a\uFFFDb\"");
    EXPECT_EQ(JsonQuoted("\xC0\xAF"), "\"\uFFFD\uFFFD\"");                      // an overlong '/'
    EXPECT_EQ(JsonQuoted("\xED\xA0\x80"), "\"\uFFFD\uFFFD\uFFFD\"");            // a surrogate
    EXPECT_EQ(JsonQuoted("\xE5\x90"), "\"\uFFFD\uFFFD\"");                      // cut short
    EXPECT_EQ(JsonQuoted("\xF4\x90\x80\x80"), "\"\uFFFD\uFFFD\uFFFD\uFFFD\"");  // past U+10FFFF
}

TEST(JsonObjectWriterTest, WritesMembersInByteOrderOfTheirKeysWithoutSpaces) {
    JsonObjectWriter out;
    out.Text("title", "路灯不亮");
    out.Integer("holderId", -7);
    out.Boolean("automatic", true);
    out.Json("assisting", JsonArray(std::vector<std::string>{"1", R"({"id":2})"}));
    out.Integer("Zed", 1);
    EXPECT_EQ(
        out.Finish(),
        R"({"Zed":1,"assisting":[1,{"id":2}],"automatic":true,"holderId":-7,"title":"路灯不亮"})");
}

TEST(JsonObjectWriterTest, AKeySetAgainKeepsItsLastValueAndAnEmptyObjectIsBraces) {
    JsonObjectWriter out;
    EXPECT_EQ(out.Finish(), "{}");
    out.Text("result", "explained");
    out.Text("result", "solved");
    EXPECT_EQ(out.Finish(), R"({"result":"solved"})");
    EXPECT_EQ(JsonArray(std::vector<std::string>{}), "[]");
}

}  // namespace
}  // namespace minqing
