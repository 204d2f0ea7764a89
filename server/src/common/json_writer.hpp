// JSON text for records whose bytes are sealed (the case event log hashes its payloads), so the
// text must come out the same for the same values in every release: members in byte order of
// their keys, no spaces, strings as raw UTF-8 with only the quote, the backslash and control
// characters escaped. This is the form nlohmann::json::dump() gives, which wrote the log before
// this writer; the storage tests hold the two equal. Pure; std only.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>

namespace minqing {

/// `text` as a JSON string literal, quotes included. Bytes that are not UTF-8 become U+FFFD.
std::string JsonQuoted(std::string_view text);

/// One JSON object, written once every member is set. Setting a key again replaces its value.
class JsonObjectWriter {
  public:
    void Text(std::string_view key, std::string_view value);
    void Integer(std::string_view key, std::int64_t value);
    void Boolean(std::string_view key, bool value);
    /// `json`: a value already written as JSON text (an array or object of this writer's form).
    void Json(std::string_view key, std::string json);

    /// `{"key":value,…}`, keys in byte order; `{}` when nothing was set.
    std::string Finish() const;

  private:
    std::map<std::string, std::string, std::less<>> members_;
};

/// `[a,b,…]` from values already written as JSON text.
std::string JsonArray(const auto& json_values) {
    std::string out = "[";
    for (const std::string& value : json_values) {
        if (out.size() > 1) {
            out += ',';
        }
        out += value;
    }
    out += ']';
    return out;
}

}  // namespace minqing
