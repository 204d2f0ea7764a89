// JSON helpers for handlers. Only the forward declaration here keeps includers light.
#pragma once

#include <string_view>

#include <nlohmann/json_fwd.hpp>

#include "common/result.hpp"
#include "http/response.hpp"

namespace minqing::http {

/// Serialises `body` as a JSON response with the given status.
Response Json(int status, const nlohmann::json& body);

/// Whether a Content-Type header names JSON: "application/json", in any case, with or without
/// parameters such as "; charset=utf-8".
bool IsJsonContentType(std::string_view content_type);

/// Parses a request body that must be a JSON object. A syntax error, or a value that is
/// not an object, is a kBadRequest with reason "request.malformed_json".
Result<nlohmann::json> ParseJsonObject(std::string_view body);

}  // namespace minqing::http
