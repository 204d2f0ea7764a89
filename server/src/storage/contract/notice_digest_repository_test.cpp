// Contract: NoticeDigestRepository on every backend — preferences per kind, held notices
// deduplicated and digested once, one digest run per day.
#include "domain/notice_digest_repository.hpp"

#include "storage/contract/store_fixture.hpp"

namespace minqing::storage::contract {
namespace {

using domain::HeldNotice;
using domain::NoticeMode;
using domain::Repositories;

HeldNotice Notice(domain::UserId user, std::string dedupe_key) {
    HeldNotice notice;
    notice.user_id = user;
    notice.kind = "case_dispatched";
    notice.template_key = "case_dispatched";
    notice.params.values = {{"number", "JL-1"}};
    notice.params.cases = {{3, "JL-1", "路灯不亮", 1}};
    notice.dedupe_key = std::move(dedupe_key);
    notice.created_at = kNow;
    return notice;
}

template <typename Backend>
class NoticeDigestContract : public RepositoryContract<Backend, &Repositories::NoticeDigests> {
  protected:
    bool Hold(const HeldNotice& notice) {
        bool held = false;
        this->Commit(
            [&](Repositories& repositories) { held = repositories.NoticeDigests().Hold(notice); });
        return held;
    }
};

TYPED_TEST_SUITE(NoticeDigestContract, Backends, BackendNames);

TYPED_TEST(NoticeDigestContract, PreferencesAreSetPerKindAndOverwritten) {
    const auto user = this->AddAccount("office");
    const auto other = this->AddAccount("other");
    this->Commit([&](Repositories& repositories) {
        repositories.NoticeDigests().SetPreferences(
            user.id,
            {{"case_dispatched", NoticeMode::kDigest}, {"case_overdue", NoticeMode::kImmediate}});
        repositories.NoticeDigests().SetPreferences(user.id,
                                                    {{"case_overdue", NoticeMode::kDigest}});
    });
    const auto modes = this->Read([&](auto& digests) { return digests.Preferences(user.id); });
    ASSERT_EQ(modes.size(), 2u);
    EXPECT_EQ(modes.at("case_dispatched"), NoticeMode::kDigest);
    EXPECT_EQ(modes.at("case_overdue"), NoticeMode::kDigest);
    EXPECT_EQ(this->Read([&](auto& d) { return d.PreferenceOf(user.id, "case_overdue"); }),
              NoticeMode::kDigest);
    EXPECT_FALSE(this->Read([&](auto& d) { return d.PreferenceOf(user.id, "case_closed"); }));
    EXPECT_TRUE(this->Read([&](auto& d) { return d.Preferences(other.id); }).empty());
}

TYPED_TEST(NoticeDigestContract, ANoticeIsHeldOnceAndWaitsUntilDigested) {
    const auto first = this->AddAccount("first");
    const auto second = this->AddAccount("second");
    EXPECT_TRUE(this->Hold(Notice(first.id, "k1")));
    EXPECT_FALSE(this->Hold(Notice(first.id, "k1")));
    EXPECT_TRUE(this->Hold(Notice(second.id, "k2")));
    EXPECT_TRUE(this->Hold(Notice(first.id, "k3")));

    auto waiting = this->Read([](auto& digests) { return digests.Waiting(); });
    ASSERT_EQ(waiting.size(), 3u);
    // By user (the first account has the lower id), then in the order held.
    EXPECT_EQ(waiting[0].dedupe_key, "k1");
    EXPECT_EQ(waiting[1].dedupe_key, "k3");
    EXPECT_EQ(waiting[2].dedupe_key, "k2");
    const HeldNotice& held = waiting[0];
    EXPECT_EQ(held.user_id, first.id);
    EXPECT_EQ(held.kind, "case_dispatched");
    EXPECT_EQ(held.params, Notice(first.id, "k1").params);
    EXPECT_EQ(held.created_at, kNow);
    EXPECT_FALSE(held.case_id);
    EXPECT_EQ(held.case_number, "");  // no case: the joined columns read as absent
    EXPECT_FALSE(held.case_deadline);
    EXPECT_FALSE(held.case_state);

    this->Commit([&](Repositories& repositories) {
        repositories.NoticeDigests().MarkDigested(first.id, waiting[1].id, "2026-12-07");
    });
    waiting = this->Read([](auto& digests) { return digests.Waiting(); });
    ASSERT_EQ(waiting.size(), 1u);
    EXPECT_EQ(waiting[0].user_id, second.id);
}

TYPED_TEST(NoticeDigestContract, ADayIsClaimedOnce) {
    bool first = false;
    bool second = true;
    bool next_day = false;
    this->Commit([&](Repositories& repositories) {
        first = repositories.NoticeDigests().ClaimDigestDay("2026-12-07", kNow);
    });
    this->Commit([&](Repositories& repositories) {
        second = repositories.NoticeDigests().ClaimDigestDay("2026-12-07", kNow);
        repositories.NoticeDigests().RecordDigests("2026-12-07", 3);
    });
    this->Commit([&](Repositories& repositories) {
        next_day = repositories.NoticeDigests().ClaimDigestDay("2026-12-08", kNow);
    });
    EXPECT_TRUE(first);
    EXPECT_FALSE(second);
    EXPECT_TRUE(next_day);
}

}  // namespace
}  // namespace minqing::storage::contract
