// Small helpers the SQL repositories share to bind and read enums and to build IN lists.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "storage/sql.hpp"

namespace minqing::storage {

/// An optional enum bound by its name, or NULL.
template <typename Enum>
SqlValue EnumName(const std::optional<Enum>& value, std::string_view (*name)(Enum)) {
    return value ? SqlValue(std::string(name(*value))) : SqlValue(std::monostate{});
}

/// An optional enum read back from its name; NULL and unknown names give nullopt.
template <typename Enum>
std::optional<Enum> OptionalEnum(const SqlRow& row, std::size_t column,
                                 std::optional<Enum> (*parse)(std::string_view)) {
    const auto text = row.OptionalText(column);
    return text ? parse(*text) : std::nullopt;
}

/// Appends " AND column IN (?, …)" for a non-empty list.
template <typename T>
void AddIn(std::string& sql, std::vector<SqlValue>& params, std::string_view column,
           const std::vector<T>& values) {
    if (values.empty()) {
        return;
    }
    sql += " AND ";
    sql += column;
    sql += " IN (";
    for (std::size_t i = 0; i < values.size(); ++i) {
        sql += i == 0 ? "?" : ", ?";
        params.emplace_back(values[i]);
    }
    sql += ")";
}

}  // namespace minqing::storage
