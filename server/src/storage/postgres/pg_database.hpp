// The PostgreSQL Database: a pool of libpq connections, each Write one transaction.
// Thread-safe: Read, Write and Ping may be called from many threads at once; each call holds
// one pooled connection exclusively for its duration. Calls block: never call from a network
// thread.
#pragma once

#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "storage/database.hpp"

namespace minqing::storage::postgres {

class PgSession;

class PgDatabase final : public Database {
  public:
    /// Builds the pool and connects one connection now, so a server that is down or a wrong
    /// URL stops the start. Does not apply migrations (the caller runs ApplyMigrations).
    /// Throws std::invalid_argument for a URL that is not postgresql://… or postgres://…, or a
    /// pool_size below 1; UnavailableError naming host and port (never the password) when the
    /// server cannot be reached or refuses the login.
    static std::unique_ptr<PgDatabase> Open(const DatabaseOptions& options);

    /// Builds the pool without connecting: each connection opens on first use. Throws
    /// std::invalid_argument as Open does.
    explicit PgDatabase(DatabaseOptions options);
    ~PgDatabase() override;

    Dialect dialect() const override { return Dialect::kPostgres; }

    /// Runs `work` on a pooled connection without an explicit transaction (each statement
    /// commits on its own). Throws UnavailableError when no connection frees up within
    /// acquire_timeout_ms or none can be opened; rethrows whatever `work` throws.
    void Read(const std::function<void(SqlSession&)>& work) override;

    /// Runs `work` between BEGIN and COMMIT on a pooled connection; returns after the commit.
    /// When `work` returns false or throws, rolls back (and rethrows). On RetryableConflict
    /// (serialization failure or deadlock, from `work` or from COMMIT) rolls back and runs the
    /// whole unit again, up to 3 more times, so `work` must not have effects outside the
    /// session. On PostgreSQL any failed statement aborts the transaction: `work` that catches
    /// a SqlError must return false or rethrow; if it returns true anyway, Write throws SqlError
    /// rather than report a commit that did not happen. Throws UnavailableError as Read does
    /// and when the connection drops mid-unit (the outcome of an interrupted COMMIT is then
    /// unknown).
    void Write(const std::function<bool(SqlSession&)>& work) override;

    /// True when a pooled connection answers `SELECT 1` now; false on any failure, including
    /// no free connection within acquire_timeout_ms.
    bool Ping() override;

  private:
    class Lease;

    Lease Acquire();
    void Release(std::unique_ptr<PgSession> session) noexcept;

    const DatabaseOptions options_;
    // "host:port" for messages; the URL itself may hold a password.
    const std::string address_;

    std::mutex mutex_;
    std::condition_variable released_;
    // Open connections not in use, most recently used last (reused first, keeping its
    // prepared statements warm).
    std::vector<std::unique_ptr<PgSession>> idle_;
    // Pool places not handed out; idle_ holds the ones that have an open connection.
    int free_slots_;
};

}  // namespace minqing::storage::postgres
