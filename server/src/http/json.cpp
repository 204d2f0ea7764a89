#include "http/json.hpp"

#include <cstddef>
#include <string>

#include <nlohmann/json.hpp>

#include "common/error.hpp"
#include "http/text.hpp"

namespace minqing::http {
namespace {

// Far deeper than any request of this API needs; a bound keeps a hostile body of a million
// '[' from costing recursion depth in whatever code walks the parsed value.
constexpr int kMaxDepth = 64;

constexpr const char* kMalformedReason = "request.malformed_json";

// Counts the nesting of arrays and objects outside strings, without building anything.
bool NestsDeeperThan(std::string_view text, int limit) {
    int depth = 0;
    bool in_string = false;
    bool escaped = false;
    for (const char c : text) {
        if (in_string) {
            if (escaped) {
                escaped = false;
            } else if (c == '\\') {
                escaped = true;
            } else if (c == '"') {
                in_string = false;
            }
            continue;
        }
        if (c == '"') {
            in_string = true;
        } else if (c == '[' || c == '{') {
            if (++depth > limit) {
                return true;
            }
        } else if (c == ']' || c == '}') {
            --depth;
        }
    }
    return false;
}

}  // namespace

bool IsJsonContentType(std::string_view content_type) {
    return EqualsIgnoreCase(TrimSpaces(content_type.substr(0, content_type.find(';'))),
                            "application/json");
}

Response Json(int status, const nlohmann::json& body) {
    // Replacing invalid UTF-8 (which could come from stored user text) keeps a response
    // from turning into an exception after the work is done.
    return JsonText(status, body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

Result<nlohmann::json> ParseJsonObject(std::string_view body) {
    if (NestsDeeperThan(body, kMaxDepth)) {
        return Fail(MakeError(
            ErrorCode::kBadRequest, kMalformedReason,
            "The request body nests deeper than " + std::to_string(kMaxDepth) + " levels."));
    }
    nlohmann::json parsed;
    try {
        parsed = nlohmann::json::parse(body);
    } catch (const nlohmann::json::parse_error& error) {
        return Fail(MakeError(
            ErrorCode::kBadRequest, kMalformedReason,
            "The request body is not valid JSON (at byte " + std::to_string(error.byte) + ")."));
    } catch (const nlohmann::json::out_of_range&) {
        // Valid JSON that nlohmann cannot hold: a number beyond a double's range (1e400).
        return Fail(MakeError(ErrorCode::kBadRequest, kMalformedReason,
                              "The request body holds a number too large to represent."));
    }
    if (!parsed.is_object()) {
        return Fail(MakeError(ErrorCode::kBadRequest, kMalformedReason,
                              "The request body must be a JSON object."));
    }
    return parsed;
}

}  // namespace minqing::http
