// SqlSession over one sqlite3 connection, with a cache of prepared statements.
// Not thread-safe: one thread uses a session at a time.
#pragma once

#include <memory>
#include <string>
#include <unordered_map>

#include "storage/sql.hpp"

struct sqlite3;
struct sqlite3_stmt;

namespace minqing::storage::sqlite {

class SqliteSession final : public SqlSession {
  public:
    /// Opens (creating if needed) the database file with WAL, foreign keys, a busy timeout and
    /// synchronous=FULL, so a committed transaction survives a crash or power loss.
    /// Throws UnavailableError when the file cannot be opened.
    SqliteSession(const std::string& path, int busy_timeout_ms, bool read_only);
    ~SqliteSession() override;

    Dialect dialect() const override { return Dialect::kSqlite; }
    void ExecuteScript(std::string_view sql) override;

  protected:
    std::vector<SqlRow> Run(std::string_view sql, std::span<const SqlValue> params) override;
    std::int64_t ExecuteCounting(std::string_view sql, std::span<const SqlValue> params) override;

  private:
    sqlite3_stmt* Prepare(std::string_view sql, std::span<const SqlValue> params);
    [[noreturn]] void Throw(int code, std::string_view what) const;

    sqlite3* db_ = nullptr;
    std::unordered_map<std::string, sqlite3_stmt*> statements_;
};

}  // namespace minqing::storage::sqlite
