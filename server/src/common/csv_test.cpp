#include "common/csv.hpp"

#include <gtest/gtest.h>

namespace minqing {
namespace {

TEST(CsvTableTest, ReadsQuotedFieldsWithCommasQuotesAndNewlines) {
    std::string error;
    const auto table = CsvTable::Parse(
        "\xEF\xBB\xBF"
        "code,name,boundary\r\n"
        "220204,船营区,\"{\"\"type\"\":\"\"Polygon\"\"}\"\n"
        "220202,\"昌邑区, 北部\",\"line one\nline two\"\n",
        error);
    ASSERT_TRUE(table) << error;
    ASSERT_EQ(table->size(), 2u);
    EXPECT_EQ(table->Get(0, "name"), "船营区");
    EXPECT_EQ(table->Get(0, "boundary"), R"({"type":"Polygon"})");
    EXPECT_EQ(table->Get(1, "name"), "昌邑区, 北部");
    EXPECT_EQ(table->Get(1, "boundary"), "line one\nline two");
    EXPECT_EQ(table->Get(0, "missing"), "");
    EXPECT_TRUE(table->HasColumn("code"));
}

TEST(CsvTableTest, KeepsEmptyTrailingFields) {
    std::string error;
    const auto table = CsvTable::Parse("a,b,c\n1,,\n", error);
    ASSERT_TRUE(table) << error;
    EXPECT_EQ(table->Get(0, "a"), "1");
    EXPECT_EQ(table->Get(0, "c"), "");
}

TEST(CsvTableTest, RefusesRaggedRecordsAndOpenQuotes) {
    std::string error;
    EXPECT_FALSE(CsvTable::Parse("a,b\n1,2,3\n", error));
    EXPECT_NE(error.find("record 2"), std::string::npos) << error;
    EXPECT_FALSE(CsvTable::Parse("a,b\n\"1,2\n", error));
    EXPECT_EQ(error, "unclosed quoted field");
    EXPECT_FALSE(CsvTable::Parse("", error));
}

}  // namespace
}  // namespace minqing
