// Keeping the statistics rollups (migrations/*/0014_case_rollups.sql and
// 0017_case_rollup_months.sql) as cases change: the case repository calls these in the
// transaction that writes the case, and the rollup check recounts through the same rows.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <vector>

#include "domain/case_rollup.hpp"
#include "storage/sql.hpp"

namespace minqing::storage {

/// The columns of `cases` a rollup key is read from, in the order RollupKeyFromRow reads them.
extern const char* const kRollupKeyColumns;
/// The rollup key from a row whose columns `first`… are kRollupKeyColumns.
domain::RollupKey RollupKeyFromRow(const SqlRow& row, std::size_t first);

/// The rollup key of the stored case, as it is now; nullopt for an unknown id.
std::optional<domain::RollupKey> StoredRollupKey(SqlSession& session, domain::CaseId id);

/// The paths of the org nodes with a stake in the case (case_access).
std::vector<std::string> StakePathsOf(SqlSession& session, domain::CaseId id);

/// One rollup table: its primary key (the scope first, then the day or month column), and the
/// columns it stores beside the key and the count.
struct RollupTableColumns {
    const char* table;
    std::vector<const char*> key;
    std::vector<const char*> extra;
};
std::span<const RollupTableColumns> RollupTables();

/// The row of `table` one case of `key` counts in, in `scope`: its key values, then its extra
/// values; nullopt when the table holds no rows for the scope.
std::optional<std::vector<SqlValue>> RollupRowOf(const RollupTableColumns& table,
                                                 const domain::RollupKey& key,
                                                 const std::string& scope);

/// Adds `delta` (+1 or −1) cases of `key` to the rows of every scope; rows that reach zero go.
void AddToRollups(SqlSession& session, const domain::RollupKey& key,
                  const std::vector<std::string>& scopes, int delta);

}  // namespace minqing::storage
