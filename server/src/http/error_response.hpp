// The one error shape of the API and the one table from ErrorCode to HTTP status.
#pragma once

#include <string_view>

#include "common/error.hpp"
#include "http/response.hpp"

namespace minqing::http {

/// The HTTP status for an error code (validation 422, conflict 409, …).
int StatusFor(ErrorCode code);

/// {"error":{"status","reason","message","fields":[{"field","reason","message"}],"requestId"}}
/// with Retry-After set when the error carries one.
Response ErrorResponse(const Error& error, std::string_view request_id);

/// The same shape with an explicit status, for transport answers outside the ErrorCode table
/// (405 method not allowed, 431 header too large).
Response ErrorResponse(int status, const Error& error, std::string_view request_id);

}  // namespace minqing::http
