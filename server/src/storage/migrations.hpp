// Numbered schema migrations per backend, compiled in from storage/migrations/<backend>/.
// Applied in order at start and recorded in schema_migrations; never edited once released.
#pragma once

#include <string_view>
#include <vector>

#include "storage/sql.hpp"

namespace minqing::storage {

struct Migration {
    int version;
    std::string_view name;
    std::string_view sql;
};

const std::vector<Migration>& SqliteMigrations();
const std::vector<Migration>& PostgresMigrations();

/// Applies every migration of the session's dialect not yet recorded, each in its own
/// transaction, and returns how many it applied. Throws SqlError when one fails.
int ApplyMigrations(SqlSession& session);

}  // namespace minqing::storage
