#include "http/error_response.hpp"

#include <string>

#include <nlohmann/json.hpp>

namespace minqing::http {

int StatusFor(ErrorCode code) {
    switch (code) {
        case ErrorCode::kBadRequest:
            return 400;
        case ErrorCode::kValidation:
            return 422;
        case ErrorCode::kUnauthenticated:
            return 401;
        case ErrorCode::kForbidden:
            return 403;
        case ErrorCode::kNotFound:
            return 404;
        case ErrorCode::kConflict:
            return 409;
        case ErrorCode::kTooLarge:
            return 413;
        case ErrorCode::kUnsupportedMediaType:
            return 415;
        case ErrorCode::kRateLimited:
            return 429;
        case ErrorCode::kUnavailable:
            return 503;
        case ErrorCode::kInsufficientStorage:
            return 507;
        case ErrorCode::kInternal:
            return 500;
    }
    // Only reachable with a value outside the enumeration (a cast from a bad integer).
    return 500;
}

Response ErrorResponse(const Error& error, std::string_view request_id) {
    return ErrorResponse(StatusFor(error.code), error, request_id);
}

Response ErrorResponse(int status, const Error& error, std::string_view request_id) {
    nlohmann::ordered_json fields = nlohmann::ordered_json::array();
    for (const FieldError& field : error.fields) {
        fields.push_back(
            {{"field", field.field}, {"reason", field.reason}, {"message", field.message}});
    }
    const nlohmann::ordered_json body = {{"error",
                                          {{"status", status},
                                           {"reason", error.reason},
                                           {"message", error.message},
                                           {"fields", std::move(fields)},
                                           {"requestId", request_id}}}};
    // Messages may quote user input; invalid UTF-8 there must not turn an error into a throw.
    Response response = JsonText(
        status, body.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace));
    if (error.retry_after_seconds > 0) {
        response.SetHeader("Retry-After", std::to_string(error.retry_after_seconds));
    }
    return response;
}

}  // namespace minqing::http
