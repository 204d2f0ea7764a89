#include "common/json_writer.hpp"

#include <array>

namespace minqing {
namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";

// The length of the UTF-8 sequence starting at `at` (RFC 3629: no overlong forms, no
// surrogates, nothing above U+10FFFF), or 0 when the bytes there are not one.
std::size_t Utf8SequenceAt(std::string_view text, std::size_t at) {
    const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
    const unsigned char lead = byte(at);
    if (lead < 0x80) {
        return 1;
    }
    std::size_t length = 0;
    unsigned char low = 0x80;
    unsigned char high = 0xBF;
    if (lead >= 0xC2 && lead <= 0xDF) {
        length = 2;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        length = 3;
        low = lead == 0xE0 ? 0xA0 : 0x80;
        high = lead == 0xED ? 0x9F : 0xBF;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        length = 4;
        low = lead == 0xF0 ? 0x90 : 0x80;
        high = lead == 0xF4 ? 0x8F : 0xBF;
    } else {
        return 0;
    }
    if (at + length > text.size() || byte(at + 1) < low || byte(at + 1) > high) {
        return 0;
    }
    for (std::size_t i = 2; i < length; ++i) {
        if (byte(at + i) < 0x80 || byte(at + i) > 0xBF) {
            return 0;
        }
    }
    return length;
}

void AppendEscaped(std::string& out, unsigned char c) {
    switch (c) {
        case '"':
            out += "\\\"";
            return;
        case '\\':
            out += "\\\\";
            return;
        case '\b':
            out += "\\b";
            return;
        case '\f':
            out += "\\f";
            return;
        case '\n':
            out += "\\n";
            return;
        case '\r':
            out += "\\r";
            return;
        case '\t':
            out += "\\t";
            return;
        default:
            break;
    }
    constexpr std::array<char, 16> kHex = {'0', '1', '2', '3', '4', '5', '6', '7',
                                           '8', '9', 'a', 'b', 'c', 'd', 'e', 'f'};
    out += "\\u00";
    out += kHex[c >> 4];
    out += kHex[c & 0x0F];
}

}  // namespace

std::string JsonQuoted(std::string_view text) {
    std::string out;
    out.reserve(text.size() + 2);
    out += '"';
    for (std::size_t at = 0; at < text.size();) {
        const auto c = static_cast<unsigned char>(text[at]);
        if (c < 0x20 || c == '"' || c == '\\') {
            AppendEscaped(out, c);
            ++at;
            continue;
        }
        const std::size_t length = Utf8SequenceAt(text, at);
        if (length == 0) {
            out += kReplacement;
            ++at;
            continue;
        }
        out.append(text.substr(at, length));
        at += length;
    }
    out += '"';
    return out;
}

void JsonObjectWriter::Text(std::string_view key, std::string_view value) {
    Json(key, JsonQuoted(value));
}

void JsonObjectWriter::Integer(std::string_view key, std::int64_t value) {
    Json(key, std::to_string(value));
}

void JsonObjectWriter::Boolean(std::string_view key, bool value) {
    Json(key, value ? "true" : "false");
}

void JsonObjectWriter::Json(std::string_view key, std::string json) {
    members_.insert_or_assign(std::string(key), std::move(json));
}

std::string JsonObjectWriter::Finish() const {
    std::string out = "{";
    for (const auto& [key, value] : members_) {
        if (out.size() > 1) {
            out += ',';
        }
        out += JsonQuoted(key);
        out += ':';
        out += value;
    }
    out += '}';
    return out;
}

}  // namespace minqing
