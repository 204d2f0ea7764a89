#include <string>

#include "storage/sql/sql_repositories.hpp"

namespace minqing::storage {
namespace {

domain::Attachment AttachmentFromRow(const SqlRow& row) {
    return {row.Int(0),  row.Int(1),  row.Text(2),        row.Int(3),
            row.Text(4), row.Text(5), row.OptionalInt(6), FromEpochMs(row.Int(7))};
}

constexpr std::string_view kAttachmentSelect =
    "SELECT id, case_id, sha256, size, content_type, filename, uploaded_by, created_at "
    "FROM attachments ";

}  // namespace

domain::Attachment SqlAttachmentRepository::Insert(domain::Attachment attachment) {
    attachment.id =
        session_
            .QueryOne(
                "INSERT INTO attachments (case_id, sha256, size, content_type, filename, "
                "uploaded_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
                {attachment.case_id, attachment.sha256, attachment.size, attachment.content_type,
                 attachment.filename, Nullable(attachment.uploaded_by),
                 ToEpochMs(attachment.created_at)})
            ->Int(0);
    return attachment;
}

std::vector<domain::Attachment> SqlAttachmentRepository::ForCase(domain::CaseId id) {
    std::vector<domain::Attachment> attachments;
    for (const SqlRow& row :
         session_.Query(std::string(kAttachmentSelect) + "WHERE case_id = ? ORDER BY id", {id})) {
        attachments.push_back(AttachmentFromRow(row));
    }
    return attachments;
}

std::optional<domain::Attachment> SqlAttachmentRepository::Find(std::int64_t id) {
    const auto row = session_.QueryOne(std::string(kAttachmentSelect) + "WHERE id = ?", {id});
    return row ? std::optional(AttachmentFromRow(*row)) : std::nullopt;
}

std::vector<std::string> SqlAttachmentRepository::UnnamedDigests(
    const std::vector<std::string>& digests) {
    std::vector<std::string> unnamed;
    for (const std::string& digest : digests) {
        if (!session_.QueryOne("SELECT 1 FROM attachments WHERE sha256 = ? LIMIT 1", {digest})) {
            unnamed.push_back(digest);
        }
    }
    return unnamed;
}

}  // namespace minqing::storage
