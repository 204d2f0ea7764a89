#include "storage/sqlite/sqlite_session.hpp"

#include <string>

#include <sqlite3.h>

#include "common/storage_full_error.hpp"
#include "common/unavailable_error.hpp"

namespace minqing::storage::sqlite {
namespace {

struct StatementReset {
    sqlite3_stmt* statement;
    ~StatementReset() {
        sqlite3_reset(statement);
        sqlite3_clear_bindings(statement);
    }
};

void Bind(sqlite3_stmt* statement, int index, const SqlValue& value) {
    int rc = SQLITE_OK;
    if (std::holds_alternative<std::monostate>(value)) {
        rc = sqlite3_bind_null(statement, index);
    } else if (const auto* integer = std::get_if<std::int64_t>(&value)) {
        rc = sqlite3_bind_int64(statement, index, *integer);
    } else if (const auto* real = std::get_if<double>(&value)) {
        rc = sqlite3_bind_double(statement, index, *real);
    } else if (const auto* text = std::get_if<std::string>(&value)) {
        rc = sqlite3_bind_text(statement, index, text->data(), static_cast<int>(text->size()),
                               SQLITE_TRANSIENT);
    } else if (const auto* flag = std::get_if<bool>(&value)) {
        rc = sqlite3_bind_int(statement, index, *flag ? 1 : 0);
    }
    if (rc != SQLITE_OK) {
        throw SqlError("sqlite: cannot bind parameter " + std::to_string(index));
    }
}

SqlValue Cell(sqlite3_stmt* statement, int column) {
    switch (sqlite3_column_type(statement, column)) {
        case SQLITE_INTEGER:
            return static_cast<std::int64_t>(sqlite3_column_int64(statement, column));
        case SQLITE_FLOAT:
            return sqlite3_column_double(statement, column);
        case SQLITE_NULL:
            return std::monostate{};
        default: {
            const auto* text = sqlite3_column_text(statement, column);
            const int size = sqlite3_column_bytes(statement, column);
            return std::string(reinterpret_cast<const char*>(text), static_cast<std::size_t>(size));
        }
    }
}

}  // namespace

SqliteSession::SqliteSession(const std::string& path, int busy_timeout_ms, bool read_only) {
    const int flags =
        (read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE) |
        SQLITE_OPEN_NOMUTEX;
    if (const int rc = sqlite3_open_v2(path.c_str(), &db_, flags, nullptr); rc != SQLITE_OK) {
        const std::string message = db_ != nullptr ? sqlite3_errmsg(db_) : sqlite3_errstr(rc);
        sqlite3_close(db_);
        db_ = nullptr;
        throw UnavailableError("cannot open SQLite database " + path + ": " + message);
    }
    sqlite3_extended_result_codes(db_, 1);
    sqlite3_busy_timeout(db_, busy_timeout_ms);
    // WAL lets readers run beside the one writer; FULL makes every commit durable, and group
    // commit amortises its fsync over many requests.
    // The page cache is per connection: a larger one for the writer keeps the hot index pages
    // of a large database in memory (32 MiB; readers 8 MiB each).
    ExecuteScript(read_only ? "PRAGMA foreign_keys = ON; PRAGMA cache_size = -8192;"
                            : "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;"
                              " PRAGMA foreign_keys = ON; PRAGMA cache_size = -32768;");
}

SqliteSession::~SqliteSession() {
    for (auto& [sql, statement] : statements_) {
        sqlite3_finalize(statement);
    }
    sqlite3_close(db_);
}

void SqliteSession::Throw(int code, std::string_view what) const {
    std::string message = "sqlite: ";
    message += what;
    message += ": ";
    message += sqlite3_errmsg(db_);
    if (code == SQLITE_CONSTRAINT_UNIQUE || code == SQLITE_CONSTRAINT_PRIMARYKEY) {
        throw UniqueViolation(message);
    }
    if ((code & 0xff) == SQLITE_BUSY || (code & 0xff) == SQLITE_LOCKED) {
        throw RetryableConflict(message);
    }
    if ((code & 0xff) == SQLITE_FULL) {
        throw StorageFullError(message);
    }
    throw SqlError(message);
}

void SqliteSession::ExecuteScript(std::string_view sql) {
    char* error = nullptr;
    const std::string script(sql);
    if (const int rc = sqlite3_exec(db_, script.c_str(), nullptr, nullptr, &error);
        rc != SQLITE_OK) {
        std::string detail = error != nullptr ? error : "";
        sqlite3_free(error);
        Throw(rc, "script failed (" + detail + ")");
    }
}

sqlite3_stmt* SqliteSession::Prepare(std::string_view sql, std::span<const SqlValue> params) {
    std::string key(sql);
    auto found = statements_.find(key);
    sqlite3_stmt* statement = nullptr;
    if (found != statements_.end()) {
        statement = found->second;
    } else {
        const int rc = sqlite3_prepare_v3(db_, key.data(), static_cast<int>(key.size()),
                                          SQLITE_PREPARE_PERSISTENT, &statement, nullptr);
        if (rc != SQLITE_OK) {
            Throw(rc, "prepare failed for: " + key);
        }
        statements_.emplace(std::move(key), statement);
    }
    if (static_cast<std::size_t>(sqlite3_bind_parameter_count(statement)) != params.size()) {
        throw SqlError("sqlite: wrong number of parameters for: " + std::string(sql));
    }
    for (std::size_t i = 0; i < params.size(); ++i) {
        Bind(statement, static_cast<int>(i + 1), params[i]);
    }
    return statement;
}

std::vector<SqlRow> SqliteSession::Run(std::string_view sql, std::span<const SqlValue> params) {
    sqlite3_stmt* statement = Prepare(sql, params);
    const StatementReset reset{statement};
    std::vector<SqlRow> rows;
    const int columns = sqlite3_column_count(statement);
    while (true) {
        const int rc = sqlite3_step(statement);
        if (rc == SQLITE_DONE) {
            break;
        }
        if (rc != SQLITE_ROW) {
            Throw(sqlite3_extended_errcode(db_), "step failed");
        }
        std::vector<SqlValue> cells;
        cells.reserve(static_cast<std::size_t>(columns));
        for (int c = 0; c < columns; ++c) {
            cells.push_back(Cell(statement, c));
        }
        rows.emplace_back(std::move(cells));
    }
    return rows;
}

std::int64_t SqliteSession::ExecuteCounting(std::string_view sql,
                                            std::span<const SqlValue> params) {
    sqlite3_stmt* statement = Prepare(sql, params);
    const StatementReset reset{statement};
    int rc = SQLITE_ROW;
    while (rc == SQLITE_ROW) {
        rc = sqlite3_step(statement);
    }
    if (rc != SQLITE_DONE) {
        Throw(sqlite3_extended_errcode(db_), "step failed");
    }
    return sqlite3_changes64(db_);
}

}  // namespace minqing::storage::sqlite
