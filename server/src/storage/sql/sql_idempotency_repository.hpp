// IdempotencyRepository over a SqlSession (the same SQL on SQLite and PostgreSQL).
#pragma once

#include "domain/idempotency_repository.hpp"
#include "storage/sql.hpp"

namespace minqing::storage {

class SqlIdempotencyRepository final : public domain::IdempotencyRepository {
  public:
    explicit SqlIdempotencyRepository(SqlSession& session) : session_(session) {}

    std::optional<domain::IdempotencyRecord> Find(std::string_view scope,
                                                  std::string_view key) override;
    bool Save(std::string_view scope, std::string_view key, const domain::IdempotencyRecord& record,
              Instant at) override;

  private:
    SqlSession& session_;
};

}  // namespace minqing::storage
