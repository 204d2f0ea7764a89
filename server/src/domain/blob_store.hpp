// Port: where attachment bytes are kept, addressed by their SHA-256, so the same file
// uploaded twice is stored once. Implementations are thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/clock.hpp"
#include "domain/port.hpp"

namespace minqing::domain {

class BlobStore : public Port {
  public:
    /// Stores the bytes durably under `sha256` (hex) and returns when they are on disk; when
    /// they are there already, marks them as just stored (so a sweep leaves them alone).
    /// Leaves nothing behind when it fails. Throws StorageFullError when the disk is full,
    /// another exception on other I/O failures.
    virtual void Put(std::string_view sha256, std::string_view bytes) = 0;
    /// The bytes stored under `sha256`, or nullopt.
    virtual std::optional<std::string> Get(std::string_view sha256) = 0;

    /// The digests of blobs last stored before `cutoff` (candidates for the orphan sweep).
    /// Also removes unfinished temporary files older than `cutoff`, left by a crash.
    virtual std::vector<std::string> StoredBefore(Instant cutoff) = 0;
    /// Removes the blob if it was still last stored before `cutoff`; true when removed.
    virtual bool RemoveIfStoredBefore(std::string_view sha256, Instant cutoff) = 0;
};

}  // namespace minqing::domain
