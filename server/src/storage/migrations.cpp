#include "storage/migrations.hpp"

#include <set>
#include <string>

namespace minqing::storage {

int ApplyMigrations(SqlSession& session) {
    const bool postgres = session.dialect() == Dialect::kPostgres;
    const auto& migrations = postgres ? PostgresMigrations() : SqliteMigrations();
    if (postgres) {
        // Several server processes may start at once against one database; one migrates.
        session.ExecuteScript("SELECT pg_advisory_lock(7171001)");
    }
    int applied = 0;
    try {
        session.ExecuteScript(
            "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, "
            "name TEXT NOT NULL, applied_at TEXT NOT NULL)");
        std::set<std::int64_t> done;
        for (const SqlRow& row : session.Query("SELECT version FROM schema_migrations")) {
            done.insert(row.Int(0));
        }
        for (const Migration& migration : migrations) {
            if (done.contains(migration.version)) {
                continue;
            }
            session.ExecuteScript("BEGIN");
            try {
                session.ExecuteScript(migration.sql);
                session.Execute(postgres
                                    ? "INSERT INTO schema_migrations (version, name, applied_at) "
                                      "VALUES (CAST(? AS INTEGER), ?, CAST(now() AS TEXT))"
                                    : "INSERT INTO schema_migrations (version, name, applied_at) "
                                      "VALUES (?, ?, datetime('now'))",
                                {std::int64_t{migration.version}, std::string(migration.name)});
                session.ExecuteScript("COMMIT");
            } catch (...) {
                session.ExecuteScript("ROLLBACK");
                throw;
            }
            ++applied;
        }
    } catch (...) {
        if (postgres) {
            session.ExecuteScript("SELECT pg_advisory_unlock(7171001)");
        }
        throw;
    }
    if (postgres) {
        session.ExecuteScript("SELECT pg_advisory_unlock(7171001)");
    }
    return applied;
}

}  // namespace minqing::storage
