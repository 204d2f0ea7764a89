#include "text/text_checks.hpp"

#include <cstdint>

#include <unicode/utf8.h>

namespace minqing::text {

namespace {

// Calls `visit` with each code point (negative for an ill-formed sequence) until it returns
// true; returns whether it did.
template <typename Visit>
bool AnyCodePoint(std::string_view utf8, Visit&& visit) {
    std::int32_t offset = 0;
    const auto length = static_cast<std::int32_t>(utf8.size());
    const auto* bytes = reinterpret_cast<const std::uint8_t*>(utf8.data());
    while (offset < length) {
        UChar32 c = 0;
        U8_NEXT(bytes, offset, length, c);
        if (visit(c)) {
            return true;
        }
    }
    return false;
}

}  // namespace

std::optional<std::size_t> CountCharacters(std::string_view utf8) {
    std::size_t count = 0;
    if (AnyCodePoint(utf8, [&count](UChar32 c) {
            if (c < 0) {
                return true;  // ill-formed: stop
            }
            ++count;
            return false;
        })) {
        return std::nullopt;
    }
    return count;
}

bool HasControlCharacters(std::string_view utf8, bool single_line) {
    return AnyCodePoint(utf8, [single_line](UChar32 c) {
        const bool allowed_space = !single_line && (c == '\t' || c == '\n' || c == '\r');
        return (c >= 0 && c < 0x20 && !allowed_space) || c == 0x7f || (c >= 0x80 && c < 0xa0);
    });
}

namespace {

bool IsPictograph(UChar32 c) {
    return (c >= 0x2600 && c <= 0x27BF) || (c >= 0x1F000 && c <= 0x1FAFF);
}

}  // namespace

bool HasHiddenCharacters(std::string_view utf8) {
    UChar32 previous = -1;
    return AnyCodePoint(utf8, [&previous](UChar32 c) {
        const bool reorders = (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) ||
                              c == 0x200E || c == 0x200F || c == 0x061C;
        const bool invisible =
            c == 0x200B || c == 0x200C || c == 0x2060 || c == 0xFEFF || c == 0x180E || c == 0x00AD;
        // A zero-width joiner inside an emoji sequence (a family, a flag) is what people type.
        const bool stray_joiner = c == 0x200D && !IsPictograph(previous);
        if (c != 0xFE0F) {  // a variation selector keeps the pictograph before it in force
            previous = c;
        }
        return reorders || invisible || stray_joiner;
    });
}

std::optional<std::string> CheckText(std::string_view utf8, std::size_t max_characters,
                                     bool required, bool single_line) {
    const auto characters = CountCharacters(utf8);
    if (!characters) {
        return "invalid_utf8";
    }
    if (required && Trim(utf8).empty()) {
        return "required";
    }
    if (HasControlCharacters(utf8, single_line)) {
        return "control_characters";
    }
    if (single_line && HasHiddenCharacters(utf8)) {
        return "hidden_characters";
    }
    if (*characters > max_characters) {
        return "too_long";
    }
    return std::nullopt;
}

std::string Trim(std::string_view text) {
    const auto is_space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
    while (!text.empty() && is_space(text.front())) {
        text.remove_prefix(1);
    }
    while (!text.empty() && is_space(text.back())) {
        text.remove_suffix(1);
    }
    return std::string(text);
}

}  // namespace minqing::text
