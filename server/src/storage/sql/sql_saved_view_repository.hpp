// SavedViewRepository over a SqlSession; the same SQL serves SQLite and PostgreSQL.
#pragma once

#include "domain/saved_view_repository.hpp"
#include "storage/sql.hpp"

namespace minqing::storage {

class SqlSavedViewRepository final : public domain::SavedViewRepository {
  public:
    explicit SqlSavedViewRepository(SqlSession& session) : session_(session) {}

    std::vector<domain::SavedView> ViewsOf(domain::UserId user) override;
    bool NameTaken(domain::UserId user, std::string_view name) override;
    Result<domain::SavedView> Insert(domain::SavedView view) override;
    bool Delete(domain::UserId user, domain::SavedViewId id) override;

  private:
    SqlSession& session_;
};

}  // namespace minqing::storage
