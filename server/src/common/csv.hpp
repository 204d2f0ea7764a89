// RFC 4180 CSV parsing for the seed files: a header row, then records. Pure; thread-safe.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace minqing {

class CsvTable {
  public:
    /// Parses `text` (UTF-8, optional BOM, CRLF or LF). Returns nullopt with `error` set when
    /// a quoted field is not closed or a record has a different number of fields.
    static std::optional<CsvTable> Parse(std::string_view text, std::string& error);

    const std::vector<std::string>& header() const { return header_; }
    std::size_t size() const { return rows_.size(); }
    /// The value of a named column in row `row`; "" when the column does not exist.
    const std::string& Get(std::size_t row, std::string_view column) const;
    bool HasColumn(std::string_view column) const;

  private:
    std::vector<std::string> header_;
    std::map<std::string, std::size_t, std::less<>> index_;
    std::vector<std::vector<std::string>> rows_;
};

/// A list inside one cell, '|'-separated (keywords, unit codes), as the seed files and the
/// catalogue's columns keep them; empty parts are dropped.
std::vector<std::string> SplitBarList(std::string_view text);

}  // namespace minqing
