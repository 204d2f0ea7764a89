// Thrown when a dependency the request needs (the database) cannot be reached.
// The error boundary turns it into 503 rather than 500, so clients know to retry.
#pragma once

#include <stdexcept>

namespace minqing {

class UnavailableError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

}  // namespace minqing
