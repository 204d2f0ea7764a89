// Writes .xlsx workbooks (assessment results, the bulletin's data annex) over libxlsxwriter:
// sheets of typed columns under a bold, filled, frozen header row, numbers stored as numbers.
// One object writes one workbook from one thread; separate objects are independent.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

struct lxw_workbook;
struct lxw_worksheet;
struct lxw_format;

namespace minqing::report {

/// One column of a sheet: its header, its width and how its numbers are shown.
struct XlsxColumn {
    enum class Kind {
        kText,
        kInteger,  ///< 1,286
        kDecimal,  ///< 3.75, with `decimals` places
        kPercent,  ///< the cell holds a fraction: 0.973 shows as 97.3% with one place
    };
    std::string header;
    double width = 12;  ///< in Excel's units (widths of a "0"); a Han character takes about 2
    Kind kind = Kind::kText;
    int decimals = 0;  ///< places after the point for kDecimal and kPercent
};

/// A cell's value: empty, text, or a number (an integer beyond ±2^53 loses precision, as in
/// Excel itself).
using XlsxCell = std::variant<std::monostate, std::string, std::int64_t, double>;

class XlsxWorkbook {
  public:
    /// Starts an empty workbook. libxlsxwriter writes to a file, so the workbook lives in a
    /// temporary file under `temp_directory` until Finish reads it back and removes it.
    /// Throws std::runtime_error when that file cannot be created.
    explicit XlsxWorkbook(
        const std::filesystem::path& temp_directory = std::filesystem::temp_directory_path());
    /// Removes the temporary file; a workbook never finished is discarded.
    ~XlsxWorkbook();
    XlsxWorkbook(const XlsxWorkbook&) = delete;
    XlsxWorkbook& operator=(const XlsxWorkbook&) = delete;

    /// Adds a sheet with `columns` and writes its header row, frozen so it stays in view; later
    /// rows go to this sheet. Returns the name the sheet got: `name` made valid for xlsx by
    /// XlsxSheetName and, when another sheet already has it (ignoring ASCII case), suffixed
    /// " (2)", " (3)"…. Throws std::runtime_error when libxlsxwriter fails, std::logic_error
    /// after Finish.
    std::string AddSheet(std::string_view name, const std::vector<XlsxColumn>& columns);

    /// Appends a row to the current sheet, cell i in column i in that column's format. Text is
    /// written as text whatever the column's kind; a non-finite double leaves the cell empty.
    /// Throws std::logic_error before the first AddSheet or after Finish,
    /// std::invalid_argument when there are more cells than columns, std::runtime_error with
    /// libxlsxwriter's message when it refuses a value (text over 32,767 characters, more
    /// than 1,048,576 rows).
    void AddRow(const std::vector<XlsxCell>& cells);

    /// Closes the workbook and returns the .xlsx file's bytes. Throws std::runtime_error with
    /// libxlsxwriter's message when it cannot write the file, std::logic_error when called
    /// twice.
    std::string Finish();

  private:
    lxw_format* FormatOf(const XlsxColumn& column);
    void WriteCell(std::size_t column, const XlsxCell& cell);
    void CloseAndRemove() noexcept;

    std::filesystem::path path_;
    lxw_workbook* workbook_ = nullptr;
    lxw_worksheet* sheet_ = nullptr;
    lxw_format* header_format_ = nullptr;
    std::map<std::pair<XlsxColumn::Kind, int>, lxw_format*> number_formats_;
    std::vector<XlsxColumn> columns_;
    std::uint32_t next_row_ = 0;
    std::set<std::string> sheet_names_;  ///< lower-cased, to refuse duplicates as Excel does
};

/// `name` as a valid xlsx sheet name: each of []:*?/\ replaced by '_', apostrophes trimmed
/// from both ends, at most 31 characters (UTF-8 sequences kept whole); "Sheet" when nothing
/// is left.
std::string XlsxSheetName(std::string_view name);

}  // namespace minqing::report
