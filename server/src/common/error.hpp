// Expected failures as values: a stable reason key, a human message and per-field details.
// Plain data; safe to copy between threads.
#pragma once

#include <string>
#include <vector>

namespace minqing {

/// The kinds of expected failure. The HTTP layer maps each to one status (http/error_table).
enum class ErrorCode {
    kBadRequest,       // malformed syntax (JSON that does not parse, a bad query string)
    kValidation,       // well-formed but invalid input; `fields` lists every problem
    kUnauthenticated,  // no or invalid credentials
    kForbidden,        // authenticated, but not allowed
    kNotFound,
    kConflict,  // state or uniqueness conflict, stale version, idempotency mismatch
    kTooLarge,
    kUnsupportedMediaType,  // a body in a format the route does not take (JSON routes: JSON)
    kRateLimited,
    kUnavailable,          // a dependency (the database) does not answer
    kInsufficientStorage,  // the disk is full: nothing was stored, retry when space is freed
    kInternal,
};

/// One problem with one input field. `reason` is a stable key such as "required".
struct FieldError {
    std::string field;
    std::string reason;
    std::string message;
};

struct Error {
    ErrorCode code = ErrorCode::kInternal;
    /// Stable dotted key the front end translates, e.g. "org.unit_not_found".
    std::string reason;
    /// English explanation for logs and API clients.
    std::string message;
    std::vector<FieldError> fields;
    /// Seconds a client should wait before retrying (rate limits); 0 when not applicable.
    int retry_after_seconds = 0;
};

Error MakeError(ErrorCode code, std::string reason, std::string message);
Error NotFound(std::string reason, std::string message);
Error Forbidden(std::string reason, std::string message);
Error Conflict(std::string reason, std::string message);
Error Validation(std::vector<FieldError> fields);

}  // namespace minqing
