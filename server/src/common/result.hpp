// Result<T>: a value or an expected Error. Exceptions are kept for the unexpected.
#pragma once

#include <expected>

#include "common/error.hpp"

namespace minqing {

template <typename T>
using Result = std::expected<T, Error>;

using Status = std::expected<void, Error>;

inline std::unexpected<Error> Fail(Error error) {
    return std::unexpected<Error>(std::move(error));
}

inline Status Ok() {
    return {};
}

}  // namespace minqing
