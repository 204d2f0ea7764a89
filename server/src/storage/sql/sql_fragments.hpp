// Small helpers the SQL repositories share to bind and read enums and to build IN lists and
// subtree conditions.
#pragma once

#include <cstdint>
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

/// The half-open range [path, upper) that holds exactly the paths starting with `path`,
/// so subtree queries use an ordinary index on both backends.
std::string SubtreeUpperBound(std::string_view path);

/// "(col >= ? AND col < ?) OR …" for a path column inside any of the subtrees, appending the
/// bounds to `params`; "1 = 0" (nothing) when there are no subtrees.
std::string WithinSubtrees(std::string_view path_column, const std::vector<std::string>& paths,
                           std::vector<SqlValue>& params);

/// One page of a list newest first, by keyset: the rows after `before_id` (the last id of
/// the previous page), " AND <id> < ? ORDER BY <id> DESC LIMIT ?".
inline void AddNewestFirstPage(std::string& sql, std::vector<SqlValue>& params,
                               std::string_view id_column, std::optional<std::int64_t> before_id,
                               int limit) {
    if (before_id) {
        sql += " AND " + std::string(id_column) + " < ?";
        params.emplace_back(*before_id);
    }
    sql += " ORDER BY " + std::string(id_column) + " DESC LIMIT ?";
    params.emplace_back(std::int64_t{limit});
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
