#include "report/xlsx_workbook.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <stdexcept>
#include <system_error>

#include <unistd.h>
#include <xlsxwriter.h>

namespace minqing::report {
namespace {

constexpr std::size_t kMaxSheetNameCharacters = 31;
constexpr lxw_color_t kHeaderFill = 0xD9E1F2;  // a pale blue that still prints as light grey

void ThrowIfFailed(lxw_error error, std::string_view what) {
    if (error != LXW_NO_ERROR) {
        throw std::runtime_error("xlsx: " + std::string(what) + ": " + lxw_strerror(error));
    }
}

// The length of the UTF-8 sequence that starts with `lead`; 1 for a stray byte, so that
// invalid text is cut somewhere rather than never.
std::size_t SequenceLength(unsigned char lead) {
    if (lead >= 0xF0) {
        return 4;
    }
    if (lead >= 0xE0) {
        return 3;
    }
    if (lead >= 0xC0) {
        return 2;
    }
    return 1;
}

// The first `count` characters of UTF-8 `text`, never cutting a character in two.
std::string FirstCharacters(std::string_view text, std::size_t count) {
    std::size_t end = 0;
    for (std::size_t characters = 0; end < text.size() && characters < count; ++characters) {
        end += SequenceLength(static_cast<unsigned char>(text[end]));
    }
    return std::string(text.substr(0, std::min(end, text.size())));
}

std::string AsciiLower(std::string text) {
    std::ranges::transform(text, text.begin(), [](char c) {
        return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
    });
    return text;
}

// Excel number formats: thousands separators for counts, fixed places for the rest.
std::string NumberFormat(XlsxColumn::Kind kind, int decimals) {
    const std::string places =
        decimals > 0 ? "." + std::string(static_cast<std::size_t>(decimals), '0') : "";
    switch (kind) {
        case XlsxColumn::Kind::kInteger:
            return "#,##0";
        case XlsxColumn::Kind::kDecimal:
            return "#,##0" + places;
        case XlsxColumn::Kind::kPercent:
            return "0" + places + "%";
        case XlsxColumn::Kind::kText:
            break;
    }
    return "@";
}

}  // namespace

std::string XlsxSheetName(std::string_view name) {
    std::string cleaned;
    for (const char c : name) {
        cleaned += std::string_view("[]:*?/\\").find(c) == std::string_view::npos ? c : '_';
    }
    const auto first = cleaned.find_first_not_of('\'');
    const auto last = cleaned.find_last_not_of('\'');
    cleaned = first == std::string::npos ? "" : cleaned.substr(first, last - first + 1);
    cleaned = FirstCharacters(cleaned, kMaxSheetNameCharacters);
    return cleaned.empty() ? "Sheet" : cleaned;
}

XlsxWorkbook::XlsxWorkbook(const std::filesystem::path& temp_directory) {
    // mkstemp, not a made-up name: two workbooks written at once never share a file.
    std::string pattern = (temp_directory / "minqing-xlsx.XXXXXX").string();
    const int fd = mkstemp(pattern.data());
    if (fd < 0) {
        throw std::system_error(
            errno, std::generic_category(),
            "xlsx: cannot create a temporary file in " + temp_directory.string());
    }
    close(fd);
    path_ = pattern;
    std::string tmpdir = temp_directory.string();
    lxw_workbook_options options{};
    options.tmpdir = tmpdir.data();
    workbook_ = workbook_new_opt(path_.c_str(), &options);
    if (workbook_ == nullptr) {
        std::filesystem::remove(path_);
        throw std::runtime_error("xlsx: libxlsxwriter cannot start a workbook");
    }
    header_format_ = workbook_add_format(workbook_);
    format_set_bold(header_format_);
    format_set_pattern(header_format_, LXW_PATTERN_SOLID);
    format_set_bg_color(header_format_, kHeaderFill);
    format_set_bottom(header_format_, LXW_BORDER_THIN);
    format_set_align(header_format_, LXW_ALIGN_CENTER);
    format_set_align(header_format_, LXW_ALIGN_VERTICAL_CENTER);
    format_set_text_wrap(header_format_);
}

XlsxWorkbook::~XlsxWorkbook() {
    CloseAndRemove();
}

void XlsxWorkbook::CloseAndRemove() noexcept {
    if (workbook_ != nullptr) {
        // libxlsxwriter frees a workbook only by closing it, which writes the file.
        workbook_close(workbook_);
        workbook_ = nullptr;
    }
    std::error_code ignored;
    std::filesystem::remove(path_, ignored);
}

std::string XlsxWorkbook::AddSheet(std::string_view name, const std::vector<XlsxColumn>& columns) {
    if (workbook_ == nullptr) {
        throw std::logic_error("xlsx: AddSheet after Finish");
    }
    const std::string base = XlsxSheetName(name);
    std::string unique = base;
    for (int n = 2; sheet_names_.contains(AsciiLower(unique)); ++n) {
        // The suffix is ASCII, one character a byte; the base gives way to it.
        const std::string suffix = " (" + std::to_string(n) + ")";
        unique = FirstCharacters(base, kMaxSheetNameCharacters - suffix.size()) + suffix;
    }
    ThrowIfFailed(workbook_validate_sheet_name(workbook_, unique.c_str()), "sheet " + unique);
    sheet_ = workbook_add_worksheet(workbook_, unique.c_str());
    if (sheet_ == nullptr) {
        throw std::runtime_error("xlsx: cannot add sheet " + unique);
    }
    sheet_names_.insert(AsciiLower(unique));
    columns_ = columns;
    for (std::size_t c = 0; c < columns_.size(); ++c) {
        const auto col = static_cast<lxw_col_t>(c);
        ThrowIfFailed(worksheet_set_column(sheet_, col, col, columns_[c].width, nullptr),
                      "column width");
        ThrowIfFailed(
            worksheet_write_string(sheet_, 0, col, columns_[c].header.c_str(), header_format_),
            "header " + columns_[c].header);
    }
    worksheet_freeze_panes(sheet_, 1, 0);
    next_row_ = 1;
    return unique;
}

lxw_format* XlsxWorkbook::FormatOf(const XlsxColumn& column) {
    if (column.kind == XlsxColumn::Kind::kText) {
        return nullptr;
    }
    const int decimals = column.kind == XlsxColumn::Kind::kInteger ? 0 : column.decimals;
    const auto key = std::pair{column.kind, decimals};
    if (const auto found = number_formats_.find(key); found != number_formats_.end()) {
        return found->second;
    }
    lxw_format* format = workbook_add_format(workbook_);
    format_set_num_format(format, NumberFormat(column.kind, decimals).c_str());
    number_formats_.emplace(key, format);
    return format;
}

void XlsxWorkbook::WriteCell(std::size_t column, const XlsxCell& cell) {
    const auto col = static_cast<lxw_col_t>(column);
    if (const auto* text = std::get_if<std::string>(&cell)) {
        ThrowIfFailed(worksheet_write_string(sheet_, next_row_, col, text->c_str(), nullptr),
                      "text cell");
        return;
    }
    double number = 0;
    if (const auto* integer = std::get_if<std::int64_t>(&cell)) {
        number = static_cast<double>(*integer);
    } else if (const auto* real = std::get_if<double>(&cell)) {
        number = *real;
    } else {
        return;
    }
    if (!std::isfinite(number)) {
        return;
    }
    ThrowIfFailed(
        worksheet_write_number(sheet_, next_row_, col, number, FormatOf(columns_[column])),
        "number cell");
}

void XlsxWorkbook::AddRow(const std::vector<XlsxCell>& cells) {
    if (workbook_ == nullptr) {
        throw std::logic_error("xlsx: AddRow after Finish");
    }
    if (sheet_ == nullptr) {
        throw std::logic_error("xlsx: AddRow before AddSheet");
    }
    if (cells.size() > columns_.size()) {
        throw std::invalid_argument("xlsx: a row of " + std::to_string(cells.size()) +
                                    " cells in a sheet of " + std::to_string(columns_.size()) +
                                    " columns");
    }
    for (std::size_t c = 0; c < cells.size(); ++c) {
        WriteCell(c, cells[c]);
    }
    ++next_row_;
}

std::string XlsxWorkbook::Finish() {
    if (workbook_ == nullptr) {
        throw std::logic_error("xlsx: Finish called twice");
    }
    const lxw_error error = workbook_close(workbook_);
    workbook_ = nullptr;
    if (error != LXW_NO_ERROR) {
        CloseAndRemove();
        ThrowIfFailed(error, "writing the workbook");
    }
    std::ifstream file(path_, std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
    const bool read = !file.bad();
    file.close();
    CloseAndRemove();
    if (!read) {
        throw std::runtime_error("xlsx: cannot read back " + path_.string());
    }
    return bytes;
}

}  // namespace minqing::report
