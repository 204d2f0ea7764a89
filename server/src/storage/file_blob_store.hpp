// BlobStore on the local file system: <dir>/<first two hex digits>/<sha256>, written to a
// temporary file, fsynced and renamed into place; a failed write removes its temporary file.
// Thread-safe.
#pragma once

#include <string>

#include "domain/blob_store.hpp"

namespace minqing::storage {

class FileBlobStore final : public domain::BlobStore {
  public:
    explicit FileBlobStore(std::string dir) : dir_(std::move(dir)) {}

    void Put(std::string_view sha256, std::string_view bytes) override;
    std::optional<std::string> Get(std::string_view sha256) override;
    std::vector<std::string> StoredBefore(Instant cutoff) override;
    bool RemoveIfStoredBefore(std::string_view sha256, Instant cutoff) override;

  private:
    std::string PathOf(std::string_view sha256) const;
    std::string dir_;
};

}  // namespace minqing::storage
