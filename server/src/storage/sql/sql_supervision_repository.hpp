// SupervisionRepository over a SqlSession; the same SQL serves SQLite and PostgreSQL.
#pragma once

#include "domain/supervision_repository.hpp"
#include "storage/sql.hpp"

namespace minqing::storage {

class SqlSupervisionRepository final : public domain::SupervisionRepository {
  public:
    explicit SqlSupervisionRepository(SqlSession& session) : session_(session) {}

    domain::Supervision Insert(domain::Supervision supervision) override;
    std::optional<domain::Supervision> FindById(std::int64_t id) override;
    std::vector<domain::Supervision> List(const domain::SupervisionQuery& query) override;
    domain::SupervisionTotals Count(const domain::SupervisionQuery& query) override;
    bool Reply(std::int64_t id, domain::UserId by, std::string_view reply, Instant at) override;
    bool TryLockSweep() override;
    std::vector<domain::SweptCase> MarkYellow(Instant now) override;
    std::vector<domain::SweptCase> MarkRed(Instant now) override;
    std::vector<domain::SweptCase> RaiseSupervision(domain::SupervisionLevel level,
                                                    Instant overdue_before, Instant now,
                                                    std::optional<Instant> reply_due) override;
    bool WasLateBefore(domain::CaseId id, std::optional<Instant> deadline) override;
    std::vector<domain::Supervision> FlagLateReplies(Instant now) override;

  private:
    std::string Where(const domain::SupervisionQuery& query, std::vector<SqlValue>& params);
    std::vector<domain::SweptCase> Swept(const std::string& update,
                                         const std::vector<SqlValue>& params);

    SqlSession& session_;
};

}  // namespace minqing::storage
