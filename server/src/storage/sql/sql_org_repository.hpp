// OrgRepository over a SqlSession; the same SQL serves SQLite and PostgreSQL.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "domain/org_repository.hpp"
#include "storage/sql.hpp"

namespace minqing::storage {

class SqlOrgRepository final : public domain::OrgRepository {
  public:
    explicit SqlOrgRepository(SqlSession& session) : session_(session) {}

    std::vector<domain::OrgUnit> List(const domain::OrgQuery& query) override;
    std::optional<domain::OrgUnit> FindById(domain::OrgUnitId id) override;
    std::optional<domain::OrgUnit> FindByCode(std::string_view code) override;
    Result<domain::OrgUnit> Insert(domain::OrgUnit unit) override;
    void Update(const domain::OrgUnit& unit) override;
    std::int64_t CountActiveChildren(domain::OrgUnitId id) override;
    std::int64_t IndexMissingNames() override;
    std::int64_t Count() override;

  private:
    /// Writes the unit's name tokens into the dialect's search index.
    void IndexName(const domain::OrgUnit& unit);

    SqlSession& session_;
};

/// The half-open range [path, upper) that holds exactly the paths starting with `path`,
/// so subtree queries use an ordinary index on both backends.
std::string SubtreeUpperBound(std::string_view path);

/// "(col >= ? AND col < ?) OR …" for a path column inside any of the subtrees, appending the
/// bounds to `params`; "1 = 0" (nothing) when there are no subtrees.
std::string WithinSubtrees(std::string_view path_column, const std::vector<std::string>& paths,
                           std::vector<SqlValue>& params);

}  // namespace minqing::storage
