#include "domain/notice_digest_repository.hpp"

#include "domain/store.hpp"

namespace minqing::domain {
namespace {

// No choices, nothing held, no digest: what a unit of work that routes no notices offers.
class NoNoticeDigests final : public NoticeDigestRepository {
  public:
    std::map<std::string, NoticeMode, std::less<>> Preferences(UserId /*user*/) override {
        return {};
    }
    std::optional<NoticeMode> PreferenceOf(UserId /*user*/, std::string_view /*kind*/) override {
        return std::nullopt;
    }
    void SetPreferences(UserId /*user*/,
                        const std::map<std::string, NoticeMode, std::less<>>& /*modes*/) override {}
    bool Hold(const HeldNotice& /*notice*/) override { return false; }
    std::vector<HeldNotice> Waiting() override { return {}; }
    void MarkDigested(UserId /*user*/, std::int64_t /*last_id*/,
                      std::string_view /*day*/) override {}
    bool ClaimDigestDay(std::string_view /*day*/, Instant /*at*/) override { return false; }
    void RecordDigests(std::string_view /*day*/, int /*digests*/) override {}
};

}  // namespace

NoticeDigestRepository& Repositories::NoticeDigests() {
    static NoNoticeDigests none;
    return none;
}

}  // namespace minqing::domain
