// Keeping the statistics rollups (migrations/*/0014_case_rollups.sql) as cases change: the case
// repository calls these in the transaction that writes the case.
#pragma once

#include <optional>
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

/// Adds `delta` (+1 or −1) cases of `key` to the rows of every scope; rows that reach zero go.
void AddToRollups(SqlSession& session, const domain::RollupKey& key,
                  const std::vector<std::string>& scopes, int delta);

}  // namespace minqing::storage
