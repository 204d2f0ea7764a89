// UserRepository over a SqlSession; the same SQL serves SQLite and PostgreSQL.
#pragma once

#include "domain/user_repository.hpp"
#include "storage/sql.hpp"

namespace minqing::storage {

class SqlUserRepository final : public domain::UserRepository {
  public:
    explicit SqlUserRepository(SqlSession& session) : session_(session) {}

    std::optional<domain::User> FindById(domain::UserId id) override;
    std::optional<domain::User> FindByUsername(std::string_view username) override;
    std::vector<domain::User> List(const domain::UserQuery& query) override;
    Result<domain::User> Insert(domain::User user) override;
    void Update(const domain::User& user) override;
    Result<domain::RoleAssignment> AddRole(domain::UserId user, domain::Role role,
                                           domain::OrgUnitId unit,
                                           std::optional<domain::UserId> granted_by,
                                           Instant at) override;
    bool RemoveRole(domain::UserId user, std::int64_t assignment_id) override;
    void BumpCredentialVersion(domain::UserId user) override;
    std::optional<std::int64_t> CredentialVersion(domain::UserId user) override;

  private:
    std::optional<domain::User> FindWhere(std::string_view condition, SqlValue value);
    std::vector<domain::RoleAssignment> RolesOf(domain::UserId user);

    SqlSession& session_;
};

}  // namespace minqing::storage
