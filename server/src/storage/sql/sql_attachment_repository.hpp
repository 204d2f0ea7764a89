// AttachmentRepository over a SqlSession (the same SQL on SQLite and PostgreSQL).
#pragma once

#include "domain/attachment_repository.hpp"
#include "storage/sql.hpp"

namespace minqing::storage {

class SqlAttachmentRepository final : public domain::AttachmentRepository {
  public:
    explicit SqlAttachmentRepository(SqlSession& session) : session_(session) {}

    domain::Attachment Insert(domain::Attachment attachment) override;
    std::vector<domain::Attachment> ForCase(domain::CaseId id) override;
    std::optional<domain::Attachment> Find(std::int64_t id) override;
    std::vector<std::string> UnnamedDigests(const std::vector<std::string>& digests) override;

  private:
    SqlSession& session_;
};

}  // namespace minqing::storage
