// Thrown when a write fails because the disk (or the database's disk) is full. The error
// boundary answers 507 "storage.full" rather than a generic 500, so an office sees why its
// work was not saved, and nothing of the failed write is kept.
#pragma once

#include <stdexcept>

namespace minqing {

class StorageFullError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

}  // namespace minqing
