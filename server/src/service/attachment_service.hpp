// Attachments of cases: photos, PDFs and Office documents, typed by their content, stored
// once per distinct content, shown only to those who may see the case. Thread-safe.
#pragma once

#include <chrono>
#include <string>
#include <string_view>
#include <utility>

#include "common/clock.hpp"
#include "common/result.hpp"
#include "domain/attachment_repository.hpp"
#include "domain/blob_store.hpp"
#include "domain/principal.hpp"
#include "domain/store.hpp"
#include "service/org_tree_cache.hpp"

namespace minqing::service {

struct StoredFile {
    domain::Attachment attachment;
    std::string bytes;
};

class AttachmentService {
  public:
    AttachmentService(domain::Store& store, domain::BlobStore& blobs, const Clock& clock,
                      OrgTreeCache& org_tree, std::size_t max_bytes)
        : store_(store), blobs_(blobs), clock_(clock), org_tree_(org_tree), max_bytes_(max_bytes) {}

    /// Uploading is the case action "attach": those who work the case and whoever recorded
    /// it, while it is open. Nothing is stored unless the upload is accepted.
    /// Errors: 404 "case.not_found"; 403 "case.not_holder" for someone who may only read it;
    /// 409 "case.terminal" for a finished case; 413 for too large; 422 "filename" (missing,
    /// too long, control or hidden characters, or a path) and "content" ("unsupported_type",
    /// "empty"); 507 (StorageFullError, thrown) when the disk is full.
    Result<domain::Attachment> Upload(const domain::Principal& caller, domain::CaseId id,
                                      std::string_view filename, std::string_view bytes);
    /// Errors: 404 "case.not_found", "attachment.not_found".
    Result<StoredFile> Download(const domain::Principal& caller, domain::CaseId id,
                                std::int64_t attachment_id);

    /// Removes stored files that no attachment names and that were last stored more than
    /// `grace` ago (uploads refused after their file was written, or cut off by a crash), and
    /// unfinished temporary files as old. Returns how many files it removed.
    int SweepOrphans(std::chrono::minutes grace);

  private:
    Status MayAttach(const domain::Principal& caller, domain::CaseId id);

    domain::Store& store_;
    domain::BlobStore& blobs_;
    const Clock& clock_;
    OrgTreeCache& org_tree_;
    const std::size_t max_bytes_;
};

}  // namespace minqing::service
