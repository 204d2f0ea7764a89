#include "service/attachment_service.hpp"

#include "domain/case_access.hpp"
#include "domain/content_type.hpp"
#include "domain/workflow.hpp"
#include "service/case_records.hpp"
#include "service/crypto.hpp"
#include "text/text_checks.hpp"

namespace minqing::service {
namespace {

constexpr std::size_t kMaxFilename = 200;

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
    // Everything that can refuse the upload is checked before a byte is stored: a refused
    // upload leaves nothing on disk.
    if (auto allowed = MayAttach(caller, id); !allowed) {
        return Fail(std::move(allowed.error()));
    }
    const std::string digest = Sha256Hex(bytes);
    // The file is on disk before the row that names it commits, so no row points nowhere. If
    // the transaction below refuses after all (the case closed meanwhile), the orphan sweep
    // removes the file once its grace period has passed.
    blobs_.Put(digest, bytes);
    const Instant now = clock_.Now();
    const auto tree = org_tree_.Current();
    return domain::Transact(
        store_, [&](domain::Repositories& repositories) -> Result<domain::Attachment> {
            const auto c = repositories.Cases().FindById(id);
            if (!c) {
                return Fail(CaseNotFound());
            }
            const auto parties = LoadParties(*tree, repositories, *c);
            if (auto allowed = domain::CheckMayTake(*c, domain::CaseAction::kAttach,
                                                    domain::RelationsOf(caller, *c, parties));
                !allowed) {
                return Fail(std::move(allowed.error()));
            }
            auto stored = repositories.Attachments().Insert(
                {0, id, digest, static_cast<std::int64_t>(bytes.size()), *content_type,
                 std::string(filename), caller.user_id, now});
            domain::CaseEventPayload payload;
            payload.attachment_id = stored.id;
            payload.filename = stored.filename;
            payload.sha256 = digest;
            payload.size = stored.size;
            AppendCaseEvent(repositories, id, ActorFor(caller, parties), "attach",
                            std::move(payload), c->state, c->state, now);
            return stored;
        });
}

Status AttachmentService::MayAttach(const domain::Principal& caller, domain::CaseId id) {
    const auto tree = org_tree_.Current();
    return domain::Query(store_, [&](domain::Repositories& repositories) -> Status {
        if (!repositories.Cases().IsVisible(id, domain::VisibilityOf(caller))) {
            return Fail(CaseNotFound());
        }
        const auto c = repositories.Cases().FindById(id);
        if (!c) {
            return Fail(CaseNotFound());
        }
        return domain::CheckMayTake(
            *c, domain::CaseAction::kAttach,
            domain::RelationsOf(caller, *c, LoadParties(*tree, repositories, *c)));
    });
}

int AttachmentService::SweepOrphans(std::chrono::minutes grace) {
    const Instant cutoff = clock_.Now() - grace;
    const auto candidates = blobs_.StoredBefore(cutoff);
    if (candidates.empty()) {
        return 0;
    }
    const auto unnamed = domain::Query(store_, [&](domain::Repositories& repositories) {
        return repositories.Attachments().UnnamedDigests(candidates);
    });
    int removed = 0;
    for (const std::string& digest : unnamed) {
        removed += blobs_.RemoveIfStoredBefore(digest, cutoff) ? 1 : 0;
    }
    return removed;
}

Result<StoredFile> AttachmentService::Download(const domain::Principal& caller, domain::CaseId id,
                                               std::int64_t attachment_id) {
    auto attachment = domain::Query(
        store_, [&](domain::Repositories& repositories) -> Result<domain::Attachment> {
            if (!repositories.Cases().IsVisible(id, domain::VisibilityOf(caller))) {
                return Fail(CaseNotFound());
            }
            auto found = repositories.Attachments().Find(attachment_id);
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
