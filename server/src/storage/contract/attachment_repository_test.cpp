// Contract: AttachmentRepository on every backend — rows round trip with their ids, a case's
// attachments in upload order, and which content digests no row names any more.
#include "domain/attachment_repository.hpp"

#include <tuple>

#include "storage/contract/case_fixture.hpp"

namespace minqing::storage::contract {
namespace {

using domain::Attachment;
using domain::AttachmentRepository;
using domain::Repositories;
using std::chrono::hours;

const std::string kPhoto(64, 'a');
const std::string kScan(64, 'b');
const std::string kUnused(64, 'c');

// Every column, so that EXPECT_EQ compares and prints them all at once.
auto Columns(const Attachment& a) {
    return std::tie(a.id, a.case_id, a.sha256, a.size, a.content_type, a.filename, a.uploaded_by,
                    a.created_at);
}

void ExpectSameAttachment(const Attachment& stored, const Attachment& written) {
    EXPECT_EQ(Columns(stored), Columns(written));
}

template <typename Backend>
class AttachmentContract : public CaseContract<Backend> {
  protected:
    AttachmentContract() { case_ = this->Insert(this->NewCase("2026-0000001")).id; }

    Attachment Add(domain::CaseId case_id, std::string sha256, std::string filename,
                   std::optional<domain::UserId> by, Instant at) {
        Attachment attachment{0,  case_id, std::move(sha256), 0, "image/jpeg", std::move(filename),
                              by, at};
        attachment.size = 5'000'000'000;  // beyond 32 bits
        Attachment inserted;
        this->Commit([&](Repositories& repositories) {
            inserted = repositories.Attachments().Insert(attachment);
        });
        EXPECT_GT(inserted.id, 0);
        attachment.id = inserted.id;
        ExpectSameAttachment(inserted, attachment);
        return inserted;
    }

    template <typename Work>
    auto Attachments(Work&& work) {
        return this->template ReadFrom<&Repositories::Attachments>(work);
    }

    domain::CaseId case_ = 0;
};

TYPED_TEST_SUITE(AttachmentContract, Backends, BackendNames);

TYPED_TEST(AttachmentContract, EveryColumnRoundTrips) {
    Attachment big = this->Add(this->case_, kPhoto, "现场照片（北山路）.jpg", this->officer_.id,
                               kNow + hours(1));
    const Attachment anonymous = this->Add(this->case_, kScan, "scan.pdf", std::nullopt, kNow);
    this->Reopen();
    const auto found = this->Attachments([&](AttachmentRepository& a) { return a.Find(big.id); });
    ASSERT_TRUE(found);
    ExpectSameAttachment(*found, big);
    const auto unowned =
        this->Attachments([&](AttachmentRepository& a) { return a.Find(anonymous.id); });
    ASSERT_TRUE(unowned);
    ExpectSameAttachment(*unowned, anonymous);
    EXPECT_FALSE(unowned->uploaded_by);
}

TYPED_TEST(AttachmentContract, ACaseListsItsOwnAttachmentsInUploadOrder) {
    const domain::CaseId other = this->Insert(this->NewCase("2026-0000002")).id;
    // Insertion order decides, not the timestamps.
    const Attachment first = this->Add(this->case_, kPhoto, "1.jpg", std::nullopt, kNow + hours(5));
    this->Add(other, kPhoto, "other.jpg", std::nullopt, kNow);
    const Attachment second = this->Add(this->case_, kScan, "2.pdf", std::nullopt, kNow);
    const auto listed =
        this->Attachments([&](AttachmentRepository& a) { return a.ForCase(this->case_); });
    ASSERT_EQ(listed.size(), 2u);
    ExpectSameAttachment(listed[0], first);
    ExpectSameAttachment(listed[1], second);
    EXPECT_EQ(this->Attachments([&](AttachmentRepository& a) { return a.ForCase(other); }).size(),
              1u);
}

TYPED_TEST(AttachmentContract, MissingAttachmentsAreNotFound) {
    const Attachment kept = this->Add(this->case_, kPhoto, "1.jpg", std::nullopt, kNow);
    EXPECT_FALSE(this->Attachments([&](AttachmentRepository& a) { return a.Find(kept.id + 1); }));
    EXPECT_FALSE(this->Attachments([](AttachmentRepository& a) { return a.Find(0); }));
    EXPECT_TRUE(
        this->Attachments([&](AttachmentRepository& a) { return a.ForCase(this->case_ + 1000); })
            .empty());
}

TYPED_TEST(AttachmentContract, UnnamedDigestsAreThoseNoRowNames) {
    const domain::CaseId other = this->Insert(this->NewCase("2026-0000002")).id;
    this->Add(this->case_, kPhoto, "1.jpg", std::nullopt, kNow);
    this->Add(other, kPhoto, "same-photo.jpg", std::nullopt, kNow);  // one blob, two rows
    this->Add(other, kScan, "2.pdf", std::nullopt, kNow);
    using Digests = std::vector<std::string>;
    EXPECT_EQ(this->Attachments([](AttachmentRepository& a) {
        return a.UnnamedDigests({kUnused, kPhoto, kScan, "d"});
    }),
              (Digests{kUnused, "d"}));
    EXPECT_TRUE(this->Attachments([](AttachmentRepository& a) {
                        return a.UnnamedDigests({kPhoto, kScan});
                    })
                    .empty());
    EXPECT_TRUE(
        this->Attachments([](AttachmentRepository& a) { return a.UnnamedDigests({}); }).empty());
}

}  // namespace
}  // namespace minqing::storage::contract
