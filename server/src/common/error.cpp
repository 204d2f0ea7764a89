#include "common/error.hpp"

#include <utility>

namespace minqing {

Error MakeError(ErrorCode code, std::string reason, std::string message) {
    return Error{code, std::move(reason), std::move(message), {}, 0};
}

Error NotFound(std::string reason, std::string message) {
    return MakeError(ErrorCode::kNotFound, std::move(reason), std::move(message));
}

Error Forbidden(std::string reason, std::string message) {
    return MakeError(ErrorCode::kForbidden, std::move(reason), std::move(message));
}

Error Conflict(std::string reason, std::string message) {
    return MakeError(ErrorCode::kConflict, std::move(reason), std::move(message));
}

Error Validation(std::vector<FieldError> fields) {
    Error error = MakeError(ErrorCode::kValidation, "validation.failed",
                            "The request has invalid fields; see `fields`.");
    error.fields = std::move(fields);
    return error;
}

}  // namespace minqing
