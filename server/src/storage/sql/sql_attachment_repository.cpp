#include <string>

#include "storage/sql/column_table.hpp"
#include "storage/sql/sql_repositories.hpp"

namespace minqing::storage {
namespace {

using domain::Attachment;

const ColumnTable<Attachment> kAttachments(
    "attachments", {Field<&Attachment::id>("id", kGeneratedKey),
                    Field<&Attachment::case_id>("case_id", kWrittenOnce),
                    Field<&Attachment::sha256>("sha256", kWrittenOnce),
                    Field<&Attachment::size>("size", kWrittenOnce),
                    Field<&Attachment::content_type>("content_type", kWrittenOnce),
                    Field<&Attachment::filename>("filename", kWrittenOnce),
                    Field<&Attachment::uploaded_by>("uploaded_by", kWrittenOnce),
                    Field<&Attachment::created_at>("created_at", kWrittenOnce)});

}  // namespace

Attachment SqlAttachmentRepository::Insert(Attachment attachment) {
    attachment.id = session_
                        .QueryOne(kAttachments.InsertSql() + " RETURNING id",
                                  kAttachments.InsertValues(attachment))
                        ->Int(0);
    return attachment;
}

std::vector<Attachment> SqlAttachmentRepository::ForCase(domain::CaseId id) {
    return kAttachments.ReadAll(
        session_.Query(kAttachments.SelectFrom() + "WHERE case_id = ? ORDER BY id", {id}));
}

std::optional<Attachment> SqlAttachmentRepository::Find(std::int64_t id) {
    return kAttachments.ReadOne(
        session_.QueryOne(kAttachments.SelectFrom() + "WHERE id = ?", {id}));
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
