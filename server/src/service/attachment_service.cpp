#include "service/attachment_service.hpp"

#include <nlohmann/json.hpp>

#include "domain/case_access.hpp"
#include "domain/content_type.hpp"
#include "service/case_records.hpp"
#include "service/crypto.hpp"
#include "text/text_checks.hpp"

namespace minqing::service {
namespace {

constexpr std::size_t kMaxFilename = 200;

Error CaseNotFound() {
    return NotFound("case.not_found", "No such case.");
}

}  // namespace

Result<domain::Attachment> AttachmentService::Upload(const domain::Principal& caller,
                                                     domain::CaseId id, std::string_view filename,
                                                     std::string_view bytes) {
    std::vector<FieldError> problems;
    if (auto reason = text::CheckText(filename, kMaxFilename, true, true)) {
        problems.push_back({"filename", *reason, "1 to 200 characters."});
    } else if (filename.find('/') != std::string_view::npos ||
               filename.find('\\') != std::string_view::npos) {
        problems.push_back({"filename", "invalid", "A file name, not a path."});
    }
    if (bytes.size() > max_bytes_) {
        return Fail(
            MakeError(ErrorCode::kTooLarge, "attachment.too_large",
                      "Attachments may be at most " + std::to_string(max_bytes_) + " bytes."));
    }
    const auto content_type = domain::SniffContentType(bytes);
    if (bytes.empty()) {
        problems.push_back({"content", "empty", "The file is empty."});
    } else if (!content_type) {
        problems.push_back({"content", "unsupported_type",
                            "Only images (JPEG, PNG, GIF, WebP), PDF and Office documents."});
    }
    if (!problems.empty()) {
        return Fail(Validation(std::move(problems)));
    }
    const bool visible = domain::Query(store_, [&](domain::Repositories& repositories) {
        return repositories.Cases().IsVisible(id, domain::VisibilityOf(caller));
    });
    if (!visible) {
        return Fail(CaseNotFound());
    }
    const std::string digest = Sha256Hex(bytes);
    // The file is on disk before the row that names it commits, so no row points nowhere.
    blobs_.Put(digest, bytes);
    const Instant now = clock_.Now();
    return domain::Transact(
        store_, [&](domain::Repositories& repositories) -> Result<domain::Attachment> {
            const auto c = repositories.Cases().FindById(id);
            if (!c) {
                return Fail(CaseNotFound());
            }
            if (domain::IsTerminal(c->state)) {
                return Fail(Conflict("case.terminal", "The case is finished."));
            }
            auto stored = repositories.Cases().InsertAttachment(
                {0, id, digest, static_cast<std::int64_t>(bytes.size()), *content_type,
                 std::string(filename), caller.user_id, now});
            const nlohmann::json payload = {{"attachmentId", stored.id},
                                            {"filename", stored.filename},
                                            {"sha256", digest},
                                            {"size", stored.size}};
            AppendCaseEvent(repositories, id, ActorFor(caller, LoadParties(repositories, *c)),
                            "attach", payload.dump(), c->state, c->state, now);
            return stored;
        });
}

Result<StoredFile> AttachmentService::Download(const domain::Principal& caller, domain::CaseId id,
                                               std::int64_t attachment_id) {
    auto attachment = domain::Query(
        store_, [&](domain::Repositories& repositories) -> Result<domain::Attachment> {
            if (!repositories.Cases().IsVisible(id, domain::VisibilityOf(caller))) {
                return Fail(CaseNotFound());
            }
            auto found = repositories.Cases().FindAttachment(attachment_id);
            if (!found || found->case_id != id) {
                return Fail(NotFound("attachment.not_found", "No such attachment."));
            }
            return std::move(*found);
        });
    if (!attachment) {
        return Fail(std::move(attachment.error()));
    }
    auto bytes = blobs_.Get(attachment->sha256);
    if (!bytes) {
        throw std::runtime_error("attachment " + std::to_string(attachment_id) + " has no file " +
                                 attachment->sha256);
    }
    return StoredFile{std::move(*attachment), std::move(*bytes)};
}

}  // namespace minqing::service
