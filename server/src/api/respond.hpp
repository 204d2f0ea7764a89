// What every resource's handlers share: turning results into responses, reading the JSON
// body, and path ids. Pure functions; thread-safe.
#pragma once

#include <cstdint>
#include <limits>
#include <optional>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "common/result.hpp"
#include "http/error_response.hpp"
#include "http/json.hpp"
#include "http/request.hpp"
#include "http/response.hpp"

namespace minqing::api {

inline http::Response ErrorFor(const http::Request& request, const Error& error) {
    return http::ErrorResponse(error, request.request_id);
}

/// 200 (or `status`) with encode(value), or the error response.
template <typename T, typename Encode>
http::Response Respond(const http::Request& request, const Result<T>& result, Encode&& encode,
                       int status = 200) {
    if (!result) {
        return ErrorFor(request, result.error());
    }
    return http::Json(status, encode(*result));
}

/// {"items": [encode(item), …]}.
template <typename Items, typename Encode>
nlohmann::json ItemsJson(const Items& items, const Encode& encode) {
    nlohmann::json array = nlohmann::json::array();
    for (const auto& item : items) {
        array.push_back(encode(item));
    }
    return nlohmann::json{{"items", std::move(array)}};
}

/// An encoder of a whole list as ItemsJson, for Respond.
template <typename Encode>
auto ItemsOf(Encode encode) {
    return [encode](const auto& items) { return ItemsJson(items, encode); };
}

/// 204 for a done deed, or the error response.
inline http::Response NoContentOr(const http::Request& request, const Status& done) {
    return done ? http::NoContent() : ErrorFor(request, done.error());
}

/// The request body as a JSON object. Errors: 415 "request.unsupported_media_type" unless the
/// Content-Type is application/json; 400 "request.malformed_json".
Result<nlohmann::json> BodyObject(const http::Request& request);

/// A positive integer id from a path or query parameter.
std::optional<std::int64_t> ParseId(std::string_view text);

/// The query parameter `key` as a whole number from 1 to `max`: nullopt when absent, and also
/// when it is not one, with an "invalid" problem saying `hint`.
std::optional<std::int64_t> QueryNumber(
    const http::Request& request, std::string_view key, std::string_view hint,
    std::vector<FieldError>& problems, std::int64_t max = std::numeric_limits<std::int64_t>::max());

/// The 404 for a path id that is not a number: the same reason a missing id gets.
Error BadId(std::string_view reason, std::string_view message);

inline Error BadUnitId() {
    return BadId("org.unit_not_found", "No such org unit.");
}

}  // namespace minqing::api
