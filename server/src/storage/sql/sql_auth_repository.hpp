// AuthRepository over a SqlSession; the same SQL serves SQLite and PostgreSQL.
#pragma once

#include "domain/auth_repository.hpp"
#include "storage/sql.hpp"

namespace minqing::storage {

class SqlAuthRepository final : public domain::AuthRepository {
  public:
    explicit SqlAuthRepository(SqlSession& session) : session_(session) {}

    void InsertSession(const domain::SessionRecord& session) override;
    std::optional<domain::SessionRecord> FindSession(std::string_view token_digest) override;
    void RevokeSession(std::string_view token_digest) override;
    int RevokeSessionsOf(domain::UserId user) override;
    domain::ApiToken InsertApiToken(domain::ApiToken token) override;
    std::optional<domain::ApiToken> FindApiToken(std::string_view token_digest) override;
    std::optional<domain::ApiToken> FindApiTokenById(std::int64_t id) override;
    std::vector<domain::ApiToken> ListApiTokens() override;
    bool RevokeApiToken(std::int64_t id, Instant at) override;
    void AppendEvent(const domain::AuthEvent& event) override;
    std::vector<domain::AuthEvent> ListEvents(int limit, std::string_view username) override;

  private:
    SqlSession& session_;
};

}  // namespace minqing::storage
