// CaseEventRepository over a SqlSession (the same SQL on SQLite and PostgreSQL).
#pragma once

#include "domain/case_event_repository.hpp"
#include "storage/sql.hpp"

namespace minqing::storage {

class SqlCaseEventRepository final : public domain::CaseEventRepository {
  public:
    explicit SqlCaseEventRepository(SqlSession& session) : session_(session) {}

    void Append(const domain::CaseEvent& event) override;
    std::optional<domain::CaseEvent> Last(domain::CaseId id) override;
    std::vector<domain::CaseEvent> History(domain::CaseId id) override;
    std::map<domain::CaseId, Instant> LastAt(const std::vector<domain::CaseId>& ids,
                                             std::string_view action) override;

  private:
    SqlSession& session_;
};

}  // namespace minqing::storage
