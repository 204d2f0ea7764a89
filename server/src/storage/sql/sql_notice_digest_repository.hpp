// NoticeDigestRepository over a SqlSession; the same SQL serves SQLite and PostgreSQL.
#pragma once

#include "domain/notice_digest_repository.hpp"
#include "storage/sql.hpp"

namespace minqing::storage {

class SqlNoticeDigestRepository final : public domain::NoticeDigestRepository {
  public:
    explicit SqlNoticeDigestRepository(SqlSession& session) : session_(session) {}

    std::map<std::string, domain::NoticeMode, std::less<>> Preferences(
        domain::UserId user) override;
    std::optional<domain::NoticeMode> PreferenceOf(domain::UserId user,
                                                   std::string_view kind) override;
    void SetPreferences(
        domain::UserId user,
        const std::map<std::string, domain::NoticeMode, std::less<>>& modes) override;
    bool Hold(const domain::HeldNotice& notice) override;
    std::vector<domain::HeldNotice> Waiting() override;
    void MarkDigested(domain::UserId user, std::int64_t last_id, std::string_view day) override;
    bool ClaimDigestDay(std::string_view day, Instant at) override;
    void RecordDigests(std::string_view day, int digests) override;

  private:
    SqlSession& session_;
};

}  // namespace minqing::storage
