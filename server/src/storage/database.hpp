// A database as the rest of storage sees it: blocking Read and Write calls that run a
// function on a connection. Safe to call from many threads at once; never call it from
// a network thread (it blocks).
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "domain/port.hpp"
#include "storage/sql.hpp"

namespace minqing::storage {

// Reached through a reference and never copied, as the domain's ports are.
class Database : public domain::Port {
  public:
    virtual Dialect dialect() const = 0;

    /// Runs `work` on a read connection (no write may happen there) and returns when it does.
    /// Throws UnavailableError when no connection can be had, SqlError on a database fault.
    virtual void Read(const std::function<void(SqlSession&)>& work) = 0;

    /// Runs `work` inside a write transaction and returns only after that transaction is
    /// durably committed. `work` returns false to discard its own changes (an expected
    /// failure); an exception from `work` also discards them and is rethrown here.
    /// Implementations may commit several callers' units together (group commit); each
    /// unit still commits or is discarded as a whole.
    virtual void Write(const std::function<bool(SqlSession&)>& work) = 0;

    /// True when the database answers a trivial query now.
    virtual bool Ping() = 0;
};

struct DatabaseOptions {
    /// "sqlite:/path/to/file.db" or "postgresql://user@host:port/dbname".
    std::string url;
    /// Read connections (SQLite) or pooled connections (PostgreSQL).
    int pool_size = 4;
    /// SQLite: most write units committed in one transaction.
    int max_group_size = 256;
    /// SQLite: how long a connection waits on a lock before failing, in milliseconds.
    int busy_timeout_ms = 5000;
    /// SQLite: when the write-ahead log grows past this many bytes, the checkpointer waits
    /// briefly for readers to move on so it can empty and truncate it; a log that readers
    /// never let go of would otherwise grow without end under steady load.
    std::int64_t wal_limit_bytes = 64LL * 1024 * 1024;
    /// PostgreSQL: how long to wait for a free pooled connection, in milliseconds.
    int acquire_timeout_ms = 2000;
};

/// The bytes in the write-ahead log of the SQLite database at `path` (0 when it has none):
/// the checkpointer keeps it below wal_limit_bytes, and a gauge shows whether it does.
std::int64_t SqliteWalBytes(const std::string& path);

/// Opens the database named by `options.url` and applies pending migrations.
/// Throws UnavailableError when it cannot be reached, std::invalid_argument for a bad URL.
std::unique_ptr<Database> OpenDatabase(const DatabaseOptions& options);

}  // namespace minqing::storage
