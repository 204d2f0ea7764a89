// Port: where attachment bytes are kept, addressed by their SHA-256, so the same file
// uploaded twice is stored once. Implementations are thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace minqing::domain {

class BlobStore {
  public:
    virtual ~BlobStore() = default;
    BlobStore() = default;
    BlobStore(const BlobStore&) = delete;
    BlobStore& operator=(const BlobStore&) = delete;

    /// Stores the bytes durably under `sha256` (hex) and returns when they are on disk.
    /// Throws on I/O failure.
    virtual void Put(std::string_view sha256, std::string_view bytes) = 0;
    /// The bytes stored under `sha256`, or nullopt.
    virtual std::optional<std::string> Get(std::string_view sha256) = 0;
};

}  // namespace minqing::domain
