#include "report/xlsx_workbook.hpp"

#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <stdexcept>
#include <string>

#include <gtest/gtest.h>

#include "common/testing/command_output.hpp"
#include "common/testing/temp_directory.hpp"

namespace minqing::report {
namespace {

namespace fs = std::filesystem;
using Kind = XlsxColumn::Kind;

// A directory of the test's own, so that it can see every file the workbook leaves behind.
class XlsxWorkbookTest : public ::testing::Test {
  protected:
    // Writes `bytes` as book.xlsx outside the workbook's temporary directory and returns the
    // named part of the zip.
    std::string Part(const std::string& bytes, const std::string& part) {
        const fs::path file = directory_.path().string() + ".xlsx";
        std::ofstream(file, std::ios::binary) << bytes;
        std::string xml = test_support::CommandOutput("unzip -p " + file.string() + " " + part);
        fs::remove(file);
        return xml;
    }

    bool DirectoryIsEmpty() const { return fs::is_empty(directory_.path()); }

    test_support::TempDirectory directory_;
};

std::string AssessmentWorkbook(const fs::path& directory) {
    XlsxWorkbook book(directory);
    book.AddSheet("考核结果", {{"县（市）区", 16, Kind::kText},
                               {"受理件数", 10, Kind::kInteger},
                               {"平均办理天数", 12, Kind::kDecimal, 2},
                               {"按期办结率", 12, Kind::kPercent, 1}});
    book.AddRow({std::string("船营区"), std::int64_t{1286}, 3.75, 0.973});
    book.AddRow({std::string("昌邑区"), std::int64_t{287}, 4.5, 0.958});
    book.AddRow({std::string("其他县（市）"), std::monostate{}, std::nan(""), 1.0});
    book.AddSheet(
        "附表：分类统计[2026/11]",
        {{"类别", 20, Kind::kText}, {"件数", 10, Kind::kInteger}, {"占比", 10, Kind::kPercent, 2}});
    book.AddRow({std::string("供热"), std::int64_t{483}, 0.3756});
    return book.Finish();
}

TEST_F(XlsxWorkbookTest, WritesAZipThatUnzipAccepts) {
    const std::string bytes = AssessmentWorkbook(directory_.path());
    ASSERT_TRUE(bytes.starts_with("PK\x03\x04"));
    const fs::path file = directory_.path().string() + ".xlsx";
    std::ofstream(file, std::ios::binary) << bytes;
    const std::string listing = test_support::CommandOutput("unzip -t " + file.string());
    fs::remove(file);
    EXPECT_NE(listing.find("No errors detected"), std::string::npos) << listing;
}

TEST_F(XlsxWorkbookTest, StoresNumbersAsNumbers) {
    const std::string sheet =
        Part(AssessmentWorkbook(directory_.path()), "xl/worksheets/sheet1.xml");
    // A number cell has a style and a <v>, and no t="s" (shared string) type.
    for (const char* cell :
         {R"(<c r="B2" s="\d+"><v>1286</v></c>)", R"(<c r="C2" s="\d+"><v>3.75</v></c>)",
          R"(<c r="D2" s="\d+"><v>0.973</v></c>)", R"(<c r="B3" s="\d+"><v>287</v></c>)",
          R"(<c r="D4" s="\d+"><v>1</v></c>)"}) {
        EXPECT_TRUE(std::regex_search(sheet, std::regex(cell))) << cell << "\n" << sheet;
    }
    EXPECT_TRUE(std::regex_search(sheet, std::regex(R"(<c r="A2" t="s"><v>\d+</v></c>)")));
    // The empty and the NaN cell are left out.
    EXPECT_EQ(sheet.find(R"(r="B4")"), std::string::npos) << sheet;
    EXPECT_EQ(sheet.find(R"(r="C4")"), std::string::npos) << sheet;
}

TEST_F(XlsxWorkbookTest, FreezesTheHeaderRowAndSetsColumnWidths) {
    const std::string bytes = AssessmentWorkbook(directory_.path());
    for (const char* part : {"xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml"}) {
        const std::string sheet = Part(bytes, part);
        EXPECT_TRUE(std::regex_search(sheet, std::regex(R"(<pane [^>]*ySplit="1")"))) << sheet;
        EXPECT_NE(sheet.find(R"(state="frozen")"), std::string::npos) << sheet;
    }
    const std::string sheet = Part(bytes, "xl/worksheets/sheet1.xml");
    EXPECT_TRUE(std::regex_search(sheet, std::regex(R"(<col min="1" max="1" width="16)"))) << sheet;
}

TEST_F(XlsxWorkbookTest, KeepsHeadersAndTextInTheSharedStrings) {
    const std::string strings = Part(AssessmentWorkbook(directory_.path()), "xl/sharedStrings.xml");
    for (const char* text : {"县（市）区", "受理件数", "平均办理天数", "按期办结率", "船营区",
                             "类别", "占比", "供热"}) {
        EXPECT_NE(strings.find(std::string("<t>") + text + "</t>"), std::string::npos) << text;
    }
}

TEST_F(XlsxWorkbookTest, StylesHeadersAndNumbers) {
    const std::string styles = Part(AssessmentWorkbook(directory_.path()), "xl/styles.xml");
    for (const char* format :
         {R"(formatCode="#,##0.00")", R"(formatCode="0.0%")", R"(formatCode="0.00%")", "<b/>",
          R"(<bottom style="thin">)", R"(rgb="FFD9E1F2")"}) {
        EXPECT_NE(styles.find(format), std::string::npos) << format << "\n" << styles;
    }
    EXPECT_NE(styles.find(R"(formatCode="#,##0")"), std::string::npos) << styles;
}

TEST_F(XlsxWorkbookTest, NamesSheetsAsXlsxAllows) {
    const std::string workbook = Part(AssessmentWorkbook(directory_.path()), "xl/workbook.xml");
    EXPECT_NE(workbook.find(R"(name="考核结果")"), std::string::npos) << workbook;
    // Only the ASCII [ ] : / are forbidden: the full-width colon stays.
    EXPECT_NE(workbook.find(R"(name="附表：分类统计_2026_11_")"), std::string::npos) << workbook;
}

TEST(XlsxSheetNameTest, ReplacesForbiddenCharactersAndCutsAt31) {
    EXPECT_EQ(XlsxSheetName("a[b]c:d*e?f/g\\h"), "a_b_c_d_e_f_g_h");
    EXPECT_EQ(XlsxSheetName("'引号'"), "引号");
    EXPECT_EQ(XlsxSheetName(""), "Sheet");
    EXPECT_EQ(XlsxSheetName("''"), "Sheet");
    const std::string han32 = "一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二";
    EXPECT_EQ(XlsxSheetName(han32),
              "一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一");
    EXPECT_EQ(XlsxSheetName(std::string(40, 'x')), std::string(31, 'x'));
}

TEST_F(XlsxWorkbookTest, NumbersDuplicateSheetNames) {
    XlsxWorkbook book(directory_.path());
    EXPECT_EQ(book.AddSheet("Summary", {}), "Summary");
    EXPECT_EQ(book.AddSheet("summary", {}), "summary (2)");
    EXPECT_EQ(book.AddSheet("Summary", {}), "Summary (3)");
    const std::string long_name(31, 'x');
    EXPECT_EQ(book.AddSheet(long_name, {}), long_name);
    EXPECT_EQ(book.AddSheet(long_name, {}), std::string(27, 'x') + " (2)");
    book.Finish();
}

TEST_F(XlsxWorkbookTest, RefusesMisuse) {
    XlsxWorkbook book(directory_.path());
    EXPECT_THROW(book.AddRow({std::int64_t{1}}), std::logic_error);
    book.AddSheet("表", {{"件数", 10, Kind::kInteger}});
    EXPECT_THROW(book.AddRow({std::int64_t{1}, std::int64_t{2}}), std::invalid_argument);
    book.Finish();
    EXPECT_THROW(book.Finish(), std::logic_error);
    EXPECT_THROW(book.AddSheet("另一个", {}), std::logic_error);
}

TEST_F(XlsxWorkbookTest, ReportsLibxlsxwriterErrorsWithItsMessage) {
    XlsxWorkbook book(directory_.path());
    book.AddSheet("表", {{"内容", 40, Kind::kText}});
    try {
        book.AddRow({std::string(40000, 'x')});
        FAIL() << "a string over Excel's limit was accepted";
    } catch (const std::runtime_error& error) {
        EXPECT_NE(std::string(error.what()).find("32,767"), std::string::npos) << error.what();
    }
}

TEST_F(XlsxWorkbookTest, LeavesNoTemporaryFileBehind) {
    AssessmentWorkbook(directory_.path());
    EXPECT_TRUE(DirectoryIsEmpty());
    {
        XlsxWorkbook abandoned(directory_.path());
        abandoned.AddSheet("表", {{"件数", 10, Kind::kInteger}});
        abandoned.AddRow({std::int64_t{1}});
        EXPECT_FALSE(DirectoryIsEmpty());
    }
    EXPECT_TRUE(DirectoryIsEmpty());
}

}  // namespace
}  // namespace minqing::report
