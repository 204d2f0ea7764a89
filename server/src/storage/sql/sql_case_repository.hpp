// CaseRepository over a SqlSession. The SQL is shared by SQLite and PostgreSQL except for the
// search index (FTS5 table vs tsvector column), chosen by the session's dialect.
#pragma once

#include "domain/case_repository.hpp"
#include "storage/sql.hpp"

namespace minqing::storage {

class SqlCaseRepository final : public domain::CaseRepository {
  public:
    explicit SqlCaseRepository(SqlSession& session) : session_(session) {}

    std::string NextNumber(int year) override;
    domain::Case Insert(domain::Case fresh, std::string_view search_tokens) override;
    bool Update(const domain::Case& changed, std::int64_t expected_version) override;
    std::optional<domain::Case> FindById(domain::CaseId id) override;
    std::optional<domain::Case> FindByNumber(std::string_view number) override;
    bool IsVisible(domain::CaseId id, const domain::CaseVisibility& visibility) override;
    std::vector<domain::Case> List(const domain::CaseListQuery& query) override;
    std::int64_t Count(const domain::CaseListQuery& query) override;
    void AddAccess(domain::CaseId id, const std::vector<std::string>& paths) override;
    void SetAssisting(domain::CaseId id, const std::vector<domain::OrgUnitId>& units) override;
    std::vector<domain::OrgUnitId> Assisting(domain::CaseId id) override;
    std::vector<domain::Case> MergedInto(domain::CaseId master) override;
    std::map<domain::CaseId, Instant> ReadAt(domain::UserId user,
                                             const std::vector<domain::CaseId>& ids) override;
    void MarkRead(domain::CaseId id, domain::UserId user, Instant at) override;

  private:
    std::optional<domain::Case> FindWhere(std::string_view condition, SqlValue value);

    SqlSession& session_;
};

}  // namespace minqing::storage
