#include "service/case_cursor.hpp"

#include <charconv>

namespace minqing::service {
namespace {

bool ParseWhole(std::string_view text, std::int64_t& value) {
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    return ec == std::errc() && end == text.data() + text.size();
}

}  // namespace

std::string EncodeCaseCursor(const CaseCursor& cursor) {
    return std::to_string(cursor.key) + "." + std::to_string(cursor.id);
}

std::optional<CaseCursor> DecodeCaseCursor(std::string_view text) {
    const auto dot = text.find('.');
    if (dot == std::string_view::npos) {
        return std::nullopt;
    }
    CaseCursor cursor;
    if (!ParseWhole(text.substr(0, dot), cursor.key) ||
        !ParseWhole(text.substr(dot + 1), cursor.id)) {
        return std::nullopt;
    }
    return cursor;
}

}  // namespace minqing::service
