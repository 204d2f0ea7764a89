// TimeRulesRepository over a SqlSession; the same SQL serves SQLite and PostgreSQL.
#pragma once

#include "domain/time_rules_repository.hpp"
#include "storage/sql.hpp"

namespace minqing::storage {

class SqlTimeRulesRepository final : public domain::TimeRulesRepository {
  public:
    explicit SqlTimeRulesRepository(SqlSession& session) : session_(session) {}

    std::vector<domain::CalendarEntry> CalendarDays() override;
    std::vector<domain::OfficialYear> OfficialYears() override;
    void SaveCalendarDay(const domain::CalendarEntry& entry) override;
    bool DeleteCalendarDay(domain::LocalDay day) override;
    void SaveOfficialYear(const domain::OfficialYear& year) override;
    std::vector<domain::TimeLimitRule> Rules() override;
    Result<domain::TimeLimitRule> SaveRule(domain::TimeLimitRule rule) override;
    bool DeleteRule(std::int64_t id) override;

  private:
    SqlSession& session_;
};

}  // namespace minqing::storage
