// How the domain's enumerations are named on the wire and in storage: one table of
// (value, name) rows per enumeration, looked up both ways. Pure; constexpr.
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string_view>
#include <utility>

namespace minqing::domain {

/// An enumeration's values with their wire names, one row each.
template <typename Enum, std::size_t N>
using NameTable = std::array<std::pair<Enum, std::string_view>, N>;

/// The name of `value` in `table`, or "" when the table lacks it.
template <typename Enum, std::size_t N>
constexpr std::string_view NameIn(const NameTable<Enum, N>& table, Enum value) {
    for (const auto& [candidate, name] : table) {
        if (candidate == value) {
            return name;
        }
    }
    return "";
}

/// The value `table` names `name` (exact, case-sensitive), or nullopt.
template <typename Enum, std::size_t N>
constexpr std::optional<Enum> ParseIn(const NameTable<Enum, N>& table, std::string_view name) {
    for (const auto& [candidate, candidate_name] : table) {
        if (candidate_name == name) {
            return candidate;
        }
    }
    return std::nullopt;
}

}  // namespace minqing::domain
