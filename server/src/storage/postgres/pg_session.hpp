// SqlSession over one libpq connection: `?` placeholders become `$n`, parameters go as text
// and the server infers their types, and each distinct statement is prepared once per
// connection. Not thread-safe: one thread at a time, as SqlSession says.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <libpq-fe.h>

#include "storage/sql.hpp"

namespace minqing::storage::postgres {

/// A statement with its `?` placeholders rewritten for PostgreSQL.
struct PgStatementText {
    std::string sql;
    int parameter_count = 0;
};

/// Rewrites each `?` of `sql` to `$1`, `$2`, … in order. A `?` inside a single-quoted or
/// E'…' string, a double-quoted identifier, a dollar-quoted string, or a `--` or `/* */`
/// comment is left alone. PostgreSQL's jsonb operators `?`, `?|` and `?&` cannot be written
/// in statements that go through here; use jsonb_exists(), jsonb_exists_any() and
/// jsonb_exists_all() instead.
PgStatementText ConvertPlaceholders(std::string_view sql);

/// Checks that `url` is a `postgresql://` or `postgres://` URL libpq can parse and returns
/// "host:port" for messages (never the password). Throws std::invalid_argument otherwise.
std::string PgServerAddress(const std::string& url);

class PgSession final : public SqlSession {
  public:
    /// Opens a connection to `url` with connect_timeout=3 and client_encoding=UTF8 unless the
    /// URL sets them. Throws std::invalid_argument for a malformed URL and
    /// minqing::UnavailableError, naming host and port but never the password, when the server
    /// cannot be reached or refuses the login.
    static std::unique_ptr<PgSession> Connect(const std::string& url);

    /// Takes ownership of `connection`, which must be non-null and connected.
    explicit PgSession(PGconn* connection);
    ~PgSession() override;

    Dialect dialect() const override { return Dialect::kPostgres; }

    /// Runs `sql` with PQexec; a script without BEGIN/COMMIT runs as one implicit transaction.
    /// Throws as Query does.
    void ExecuteScript(std::string_view sql) override;

    /// Runs one parameterless statement without preparing it (BEGIN, COMMIT, SELECT 1) and
    /// returns the server's command tag: "COMMIT", or "ROLLBACK" when COMMIT met a transaction
    /// that an earlier error had aborted. Throws as Query does.
    std::string ExecuteUnprepared(const char* sql);

    /// True when the connection is still open and outside any transaction, so the next user
    /// gets a clean session. Reads whatever the server has sent meanwhile without blocking, so a
    /// session the server has ended (restart, pg_terminate_backend) is noticed here, before a
    /// caller's work runs on it.
    bool IsReusable();

  protected:
    /// Both throw UniqueViolation (SQLSTATE 23505), RetryableConflict (40001, 40P01),
    /// minqing::UnavailableError when the connection is lost (class 08, 57P01..57P03, or a
    /// broken socket), and SqlError with the server's message for anything else, including a
    /// parameter count that does not match the placeholders.
    std::vector<SqlRow> Run(std::string_view sql, std::span<const SqlValue> params) override;
    std::int64_t ExecuteCounting(std::string_view sql, std::span<const SqlValue> params) override;

  private:
    struct Prepared {
        std::string name;
        std::string sql;
        int parameter_count = 0;
    };
    struct TextHash {
        using is_transparent = void;
        std::size_t operator()(std::string_view text) const {
            return std::hash<std::string_view>{}(text);
        }
    };
    struct ResultDeleter {
        void operator()(PGresult* result) const { PQclear(result); }
    };
    using ResultPtr = std::unique_ptr<PGresult, ResultDeleter>;

    ResultPtr ExecuteStatement(std::string_view sql, std::span<const SqlValue> params);
    const Prepared& PrepareCached(std::string_view sql);
    static void ReceiveNotice(void* session, const PGresult* notice);
    [[noreturn]] void ThrowFailure(const PGresult* result, std::string_view sql) const;

    PGconn* connection_;
    std::unordered_map<std::string, Prepared, TextHash, std::equal_to<>> prepared_;
    // The statement last run uncached, once prepared_ is full.
    Prepared unnamed_;
    std::uint64_t next_statement_id_ = 1;
    // Set when the server announced it is closing this session.
    bool ended_by_server_ = false;
};

}  // namespace minqing::storage::postgres
