// Attachments of cases: photos, PDFs and Office documents, typed by their content, stored
// once per distinct content, shown only to those who may see the case. Thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <utility>

#include "common/clock.hpp"
#include "common/result.hpp"
#include "domain/blob_store.hpp"
#include "domain/case_repository.hpp"
#include "domain/principal.hpp"
#include "domain/store.hpp"

namespace minqing::service {

struct StoredFile {
    domain::Attachment attachment;
    std::string bytes;
};

class AttachmentService {
  public:
    AttachmentService(domain::Store& store, domain::BlobStore& blobs, const Clock& clock,
                      std::size_t max_bytes)
        : store_(store), blobs_(blobs), clock_(clock), max_bytes_(max_bytes) {}

    /// Errors: 404 "case.not_found"; 409 "case.terminal" for a finished case; 413 for too
    /// large; 422 "filename" (missing, too long, control characters or a path) and
    /// "content" ("unsupported_type", "empty").
    Result<domain::Attachment> Upload(const domain::Principal& caller, domain::CaseId id,
                                      std::string_view filename, std::string_view bytes);
    /// Errors: 404 "case.not_found", "attachment.not_found".
    Result<StoredFile> Download(const domain::Principal& caller, domain::CaseId id,
                                std::int64_t attachment_id);

  private:
    domain::Store& store_;
    domain::BlobStore& blobs_;
    const Clock& clock_;
    const std::size_t max_bytes_;
};

}  // namespace minqing::service
