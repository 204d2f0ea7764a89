#include "storage/sql.hpp"

#include <charconv>

namespace minqing::storage {
namespace {

std::int64_t ParseInt(const std::string& text) {
    std::int64_t value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || end != text.data() + text.size()) {
        throw SqlError("column is not an integer: " + text);
    }
    return value;
}

}  // namespace

const SqlValue& SqlRow::At(std::size_t column) const {
    if (column >= cells_.size()) {
        throw SqlError("column index out of range");
    }
    return cells_[column];
}

bool SqlRow::IsNull(std::size_t column) const {
    return std::holds_alternative<std::monostate>(At(column));
}

std::int64_t SqlRow::Int(std::size_t column) const {
    const SqlValue& cell = At(column);
    if (const auto* value = std::get_if<std::int64_t>(&cell)) {
        return *value;
    }
    if (const auto* text = std::get_if<std::string>(&cell)) {
        return ParseInt(*text);
    }
    if (const auto* flag = std::get_if<bool>(&cell)) {
        return *flag ? 1 : 0;
    }
    if (const auto* real = std::get_if<double>(&cell)) {
        return static_cast<std::int64_t>(*real);
    }
    throw SqlError("column is NULL where an integer was expected");
}

double SqlRow::Real(std::size_t column) const {
    const SqlValue& cell = At(column);
    if (const auto* value = std::get_if<double>(&cell)) {
        return *value;
    }
    if (const auto* value = std::get_if<std::int64_t>(&cell)) {
        return static_cast<double>(*value);
    }
    if (const auto* text = std::get_if<std::string>(&cell)) {
        return std::stod(*text);
    }
    throw SqlError("column is NULL where a number was expected");
}

std::string SqlRow::Text(std::size_t column) const {
    const SqlValue& cell = At(column);
    if (const auto* text = std::get_if<std::string>(&cell)) {
        return *text;
    }
    if (const auto* value = std::get_if<std::int64_t>(&cell)) {
        return std::to_string(*value);
    }
    if (std::holds_alternative<std::monostate>(cell)) {
        return {};
    }
    throw SqlError("column is not text");
}

bool SqlRow::Bool(std::size_t column) const {
    const SqlValue& cell = At(column);
    if (const auto* flag = std::get_if<bool>(&cell)) {
        return *flag;
    }
    if (const auto* text = std::get_if<std::string>(&cell)) {
        // PostgreSQL's text form of boolean is "t"/"f"; integer columns come as digits.
        return *text == "t" || *text == "true" ||
               (*text != "0" && *text != "f" && *text != "false");
    }
    return Int(column) != 0;
}

std::optional<std::int64_t> SqlRow::OptionalInt(std::size_t column) const {
    if (IsNull(column)) {
        return std::nullopt;
    }
    return Int(column);
}

std::optional<std::string> SqlRow::OptionalText(std::size_t column) const {
    if (IsNull(column)) {
        return std::nullopt;
    }
    return Text(column);
}

namespace {

std::optional<SqlRow> First(std::vector<SqlRow> rows) {
    if (rows.empty()) {
        return std::nullopt;
    }
    return std::move(rows.front());
}

}  // namespace

std::optional<SqlRow> SqlSession::QueryOne(std::string_view sql,
                                           std::initializer_list<SqlValue> params) {
    return First(Run(sql, std::span<const SqlValue>(params.begin(), params.size())));
}

std::optional<SqlRow> SqlSession::QueryOne(std::string_view sql,
                                           const std::vector<SqlValue>& params) {
    return First(Run(sql, std::span<const SqlValue>(params)));
}

}  // namespace minqing::storage
