// Port: the attachment rows that name stored blobs by digest. Used inside a unit of work
// (see store.hpp).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/case.hpp"
#include "domain/port.hpp"

namespace minqing::domain {

struct Attachment {
    std::int64_t id = 0;
    CaseId case_id = 0;
    std::string sha256;
    std::int64_t size = 0;
    std::string content_type;
    std::string filename;
    std::optional<UserId> uploaded_by;
    Instant created_at{};
};

class AttachmentRepository : public Port {
  public:
    virtual Attachment Insert(Attachment attachment) = 0;
    /// The case's attachments, oldest first.
    virtual std::vector<Attachment> ForCase(CaseId id) = 0;
    virtual std::optional<Attachment> Find(std::int64_t id) = 0;
    /// Of the given content digests, those no attachment row names (blobs to sweep).
    virtual std::vector<std::string> UnnamedDigests(const std::vector<std::string>& digests) = 0;
};

}  // namespace minqing::domain
