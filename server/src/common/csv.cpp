#include "common/csv.hpp"

#include <algorithm>

namespace minqing {
namespace {

// Splits the whole text into records of fields; returns false on an unclosed quote.
bool SplitRecords(std::string_view text, std::vector<std::vector<std::string>>& records) {
    std::vector<std::string> record;
    std::string field;
    bool in_quotes = false;
    bool field_started = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (in_quotes) {
            if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
                field += '"';
                ++i;
            } else if (c == '"') {
                in_quotes = false;
            } else {
                field += c;
            }
            continue;
        }
        if (c == '"') {
            in_quotes = true;
            field_started = true;
        } else if (c == ',') {
            record.push_back(std::move(field));
            field.clear();
            field_started = true;
        } else if (c == '\n' || c == '\r') {
            if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
                ++i;
            }
            if (field_started || !field.empty() || !record.empty()) {
                record.push_back(std::move(field));
                records.push_back(std::move(record));
            }
            record.clear();
            field.clear();
            field_started = false;
        } else {
            field += c;
            field_started = true;
        }
    }
    if (in_quotes) {
        return false;
    }
    if (field_started || !field.empty() || !record.empty()) {
        record.push_back(std::move(field));
        records.push_back(std::move(record));
    }
    return true;
}

}  // namespace

std::optional<CsvTable> CsvTable::Parse(std::string_view text, std::string& error) {
    constexpr std::string_view kBom = "\xEF\xBB\xBF";
    if (text.starts_with(kBom)) {
        text.remove_prefix(kBom.size());
    }
    std::vector<std::vector<std::string>> records;
    if (!SplitRecords(text, records)) {
        error = "unclosed quoted field";
        return std::nullopt;
    }
    if (records.empty()) {
        error = "no header row";
        return std::nullopt;
    }
    CsvTable table;
    table.header_ = std::move(records.front());
    for (std::size_t i = 0; i < table.header_.size(); ++i) {
        table.index_.emplace(table.header_[i], i);
    }
    for (std::size_t r = 1; r < records.size(); ++r) {
        if (records[r].size() != table.header_.size()) {
            error = "record " + std::to_string(r + 1) + " has " +
                    std::to_string(records[r].size()) + " fields, the header has " +
                    std::to_string(table.header_.size());
            return std::nullopt;
        }
        table.rows_.push_back(std::move(records[r]));
    }
    return table;
}

const std::string& CsvTable::Get(std::size_t row, std::string_view column) const {
    static const std::string kEmpty;
    const auto found = index_.find(column);
    if (found == index_.end() || row >= rows_.size()) {
        return kEmpty;
    }
    return rows_[row][found->second];
}

bool CsvTable::HasColumn(std::string_view column) const {
    return index_.contains(column);
}

std::vector<std::string> SplitBarList(std::string_view text) {
    std::vector<std::string> parts;
    for (std::size_t start = 0; start < text.size();) {
        const auto bar = std::min(text.find('|', start), text.size());
        if (bar > start) {
            parts.emplace_back(text.substr(start, bar - start));
        }
        start = bar + 1;
    }
    return parts;
}

}  // namespace minqing
