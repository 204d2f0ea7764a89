#include "storage/postgres/pg_session.hpp"

#include <array>
#include <charconv>
#include <cmath>
#include <stdexcept>
#include <utility>

#include <fmt/format.h>

#include "common/storage_full_error.hpp"
#include "common/unavailable_error.hpp"

namespace minqing::storage::postgres {
namespace {

// Past this many distinct statements on one connection, new ones run as the unnamed
// statement instead of being kept: repositories use a fixed set of statements, so only
// generated SQL (variable IN lists) gets here, and it must not grow server memory forever.
constexpr std::size_t kMaxPreparedStatements = 512;
// A server that does not answer fails the connect quickly instead of hanging a start or a
// request for the TCP timeout.
constexpr const char* kConnectTimeoutSeconds = "3";
constexpr const char* kDefaultPort = "5432";
// Long statements are cut in error messages; the start is enough to find the caller.
constexpr std::size_t kMaxSqlInMessage = 300;

bool IsIdentifierChar(char c) {
    const auto byte = static_cast<unsigned char>(c);
    return (byte >= 'a' && byte <= 'z') || (byte >= 'A' && byte <= 'Z') ||
           (byte >= '0' && byte <= '9') || c == '_' || c == '$' || byte >= 0x80;
}

bool IsDollarTagStart(char c) {
    const auto byte = static_cast<unsigned char>(c);
    return (byte >= 'a' && byte <= 'z') || (byte >= 'A' && byte <= 'Z') || c == '_' || byte >= 0x80;
}

bool IsDollarTagChar(char c) {
    return c != '$' && IsIdentifierChar(c);
}

// Returns the end (one past the closing quote) of the quoted text opening at `start`, or the
// end of `sql` when it is unterminated (the server reports that, not us).
std::size_t EndOfQuoted(std::string_view sql, std::size_t start, char quote,
                        bool backslash_escapes) {
    std::size_t i = start + 1;
    while (i < sql.size()) {
        if (backslash_escapes && sql[i] == '\\') {
            i += 2;
            continue;
        }
        if (sql[i] == quote) {
            if (i + 1 < sql.size() && sql[i + 1] == quote) {
                i += 2;
                continue;
            }
            return i + 1;
        }
        ++i;
    }
    return sql.size();
}

// Returns the `$tag$` opening a dollar-quoted string at `start`, or an empty view when the `$`
// starts something else (a `$1` parameter).
std::string_view DollarTagAt(std::string_view sql, std::size_t start) {
    std::size_t i = start + 1;
    if (i < sql.size() && sql[i] == '$') {
        return sql.substr(start, 2);
    }
    if (i >= sql.size() || !IsDollarTagStart(sql[i])) {
        return {};
    }
    while (i < sql.size() && IsDollarTagChar(sql[i])) {
        ++i;
    }
    if (i < sql.size() && sql[i] == '$') {
        return sql.substr(start, i + 1 - start);
    }
    return {};
}

std::size_t EndOfBlockComment(std::string_view sql, std::size_t start) {
    // PostgreSQL block comments nest.
    int depth = 0;
    std::size_t i = start;
    while (i + 1 < sql.size()) {
        if (sql[i] == '/' && sql[i + 1] == '*') {
            ++depth;
            i += 2;
        } else if (sql[i] == '*' && sql[i + 1] == '/') {
            --depth;
            i += 2;
            if (depth == 0) {
                return i;
            }
        } else {
            ++i;
        }
    }
    return sql.size();
}

std::string FormatDouble(double value) {
    // PostgreSQL spells the special values its own way; std::to_chars gives "inf" and "nan".
    if (std::isnan(value)) {
        return "NaN";
    }
    if (std::isinf(value)) {
        return value > 0 ? "Infinity" : "-Infinity";
    }
    std::array<char, 32> buffer{};
    const auto [end, ec] = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value);
    return std::string(buffer.data(), end);
}

// libpq messages end in a newline and carry hints on indented lines; log lines want one line.
std::string OneLine(std::string_view text) {
    std::string line;
    bool pending_space = false;
    for (const char c : text) {
        if (c == '\n' || c == '\t' || c == '\r' || c == ' ') {
            pending_space = !line.empty();
            continue;
        }
        if (pending_space) {
            line += ' ';
            pending_space = false;
        }
        line += c;
    }
    return line;
}

bool IsConnectionLoss(std::string_view sqlstate) {
    // Class 08 is connection exceptions; 57P01..57P03 are the server shutting down or not
    // yet accepting connections. All mean "try again later", not "your SQL is wrong".
    return sqlstate.starts_with("08") || sqlstate == "57P01" || sqlstate == "57P02" ||
           sqlstate == "57P03";
}

bool IsCachedPlanInvalid(const PGresult* result) {
    // After ALTER TABLE changes a result's columns, a prepared statement fails with this
    // rather than being replanned.
    const char* sqlstate = PQresultErrorField(result, PG_DIAG_SQLSTATE);
    return sqlstate != nullptr && std::string_view(sqlstate) == "0A000" &&
           PQresultStatus(result) == PGRES_FATAL_ERROR;
}

bool Succeeded(const PGresult* result) {
    if (result == nullptr) {
        return false;
    }
    const ExecStatusType status = PQresultStatus(result);
    return status == PGRES_TUPLES_OK || status == PGRES_COMMAND_OK || status == PGRES_EMPTY_QUERY;
}

// Text forms of the parameters, alive for one call. Strings are passed in place.
class BoundParameters {
  public:
    explicit BoundParameters(std::span<const SqlValue> params) {
        storage_.reserve(params.size());
        values_.reserve(params.size());
        for (const SqlValue& param : params) {
            values_.push_back(std::visit([this](const auto& value) { return Bind(value); }, param));
        }
    }

    int size() const { return static_cast<int>(values_.size()); }
    const char* const* values() const { return values_.data(); }

  private:
    const char* Bind(std::monostate /*null*/) { return nullptr; }
    const char* Bind(std::int64_t value) { return Keep(std::to_string(value)); }
    const char* Bind(double value) { return Keep(FormatDouble(value)); }
    const char* Bind(bool value) { return value ? "true" : "false"; }
    const char* Bind(const std::string& value) {
        // Text parameters end at the first NUL; PostgreSQL text cannot hold one anyway, so
        // refuse rather than store a silently shortened value.
        if (value.find('\0') != std::string::npos) {
            throw SqlError("a text parameter contains a NUL byte, which PostgreSQL cannot store");
        }
        return value.c_str();
    }
    const char* Keep(std::string text) {
        // reserve() in the constructor means this never reallocates, so earlier pointers hold.
        storage_.push_back(std::move(text));
        return storage_.back().c_str();
    }

    std::vector<std::string> storage_;
    std::vector<const char*> values_;
};

}  // namespace

PgStatementText ConvertPlaceholders(std::string_view sql) {
    PgStatementText converted;
    converted.sql.reserve(sql.size() + 16);
    std::size_t i = 0;
    const auto copy_to = [&](std::size_t end) {
        converted.sql.append(sql.substr(i, end - i));
        i = end;
    };
    while (i < sql.size()) {
        const char c = sql[i];
        const char next = i + 1 < sql.size() ? sql[i + 1] : '\0';
        const bool after_identifier = i > 0 && IsIdentifierChar(sql[i - 1]);
        if (c == '?') {
            ++converted.parameter_count;
            converted.sql += fmt::format("${}", converted.parameter_count);
            ++i;
        } else if (c == '\'') {
            // E'…' strings treat backslash as an escape, so E'\'' does not end at the second quote.
            const bool escape_string = i > 0 && (sql[i - 1] == 'E' || sql[i - 1] == 'e') &&
                                       (i < 2 || !IsIdentifierChar(sql[i - 2]));
            copy_to(EndOfQuoted(sql, i, '\'', escape_string));
        } else if (c == '"') {
            copy_to(EndOfQuoted(sql, i, '"', false));
        } else if (c == '-' && next == '-') {
            const std::size_t newline = sql.find('\n', i);
            copy_to(newline == std::string_view::npos ? sql.size() : newline + 1);
        } else if (c == '/' && next == '*') {
            copy_to(EndOfBlockComment(sql, i));
        } else if (c == '$' && !after_identifier && !DollarTagAt(sql, i).empty()) {
            const std::string_view tag = DollarTagAt(sql, i);
            const std::size_t close = sql.find(tag, i + tag.size());
            copy_to(close == std::string_view::npos ? sql.size() : close + tag.size());
        } else {
            converted.sql += c;
            ++i;
        }
    }
    return converted;
}

std::string PgServerAddress(const std::string& url) {
    if (!url.starts_with("postgresql://") && !url.starts_with("postgres://")) {
        throw std::invalid_argument("a PostgreSQL URL starts with postgresql:// or postgres://");
    }
    char* error = nullptr;
    PQconninfoOption* options = PQconninfoParse(url.c_str(), &error);
    if (options == nullptr) {
        std::string reason = error != nullptr ? OneLine(error) : "out of memory";
        PQfreemem(error);
        // Some libpq parse errors quote the whole URL, password included.
        for (std::size_t at = reason.find(url); at != std::string::npos; at = reason.find(url)) {
            reason.replace(at, url.size(), "<url>");
        }
        throw std::invalid_argument(fmt::format(
            "not a valid PostgreSQL URL (postgresql://user[:password]@host:port/db): {}", reason));
    }
    std::string host;
    std::string port;
    for (const PQconninfoOption* option = options; option->keyword != nullptr; ++option) {
        const std::string_view keyword = option->keyword;
        const std::string_view value = option->val != nullptr ? option->val : "";
        if (keyword == "host" && !value.empty()) {
            host = value;
        } else if (keyword == "hostaddr" && !value.empty() && host.empty()) {
            host = value;
        } else if (keyword == "port") {
            port = value;
        }
    }
    PQconninfoFree(options);
    return fmt::format("{}:{}", host.empty() ? "localhost" : host,
                       port.empty() ? kDefaultPort : port);
}

std::unique_ptr<PgSession> PgSession::Connect(const std::string& url) {
    const std::string address = PgServerAddress(url);
    // With expand_dbname, later entries override earlier ones, so these defaults come before
    // the URL and the URL can still set each of them.
    const std::array<const char*, 5> keywords{"connect_timeout", "client_encoding",
                                              "fallback_application_name", "dbname", nullptr};
    const std::array<const char*, 5> values{kConnectTimeoutSeconds, "UTF8", "minqing", url.c_str(),
                                            nullptr};
    PGconn* connection = PQconnectdbParams(keywords.data(), values.data(), 1);
    if (connection == nullptr) {
        throw UnavailableError(
            fmt::format("cannot connect to PostgreSQL at {}: out of memory", address));
    }
    if (PQstatus(connection) != CONNECTION_OK) {
        const std::string reason = OneLine(PQerrorMessage(connection));
        PQfinish(connection);
        throw UnavailableError(
            fmt::format("cannot connect to PostgreSQL at {}: {}", address, reason));
    }
    return std::make_unique<PgSession>(connection);
}

PgSession::PgSession(PGconn* connection) : connection_(connection) {
    PQsetNoticeReceiver(connection_, &PgSession::ReceiveNotice, this);
}

void PgSession::ReceiveNotice(void* session, const PGresult* notice) {
    // libpq hands over two kinds of message here. Notices ("table does not exist, skipping"),
    // which it would otherwise print on stderr, outside the server's logger; none needs action.
    // And an error that arrives while the connection is idle: that is the server saying why it
    // is about to close the session (shutdown, pg_terminate_backend), so the session is marked
    // for replacement before anyone runs work on it.
    const char* severity = PQresultErrorField(notice, PG_DIAG_SEVERITY_NONLOCALIZED);
    if (severity != nullptr &&
        (std::string_view(severity) == "FATAL" || std::string_view(severity) == "PANIC")) {
        static_cast<PgSession*>(session)->ended_by_server_ = true;
    }
}

PgSession::~PgSession() {
    PQfinish(connection_);
}

bool PgSession::IsReusable() {
    if (PQstatus(connection_) != CONNECTION_OK) {
        return false;
    }
    // Reads (without blocking) and parses whatever the server sent while the connection sat
    // idle; a closed socket turns the status bad, a farewell error reaches ReceiveNotice.
    if (PQconsumeInput(connection_) == 0 || PQisBusy(connection_) != 0) {
        return false;
    }
    while (PGnotify* notification = PQnotifies(connection_)) {
        PQfreemem(notification);
    }
    return !ended_by_server_ && PQstatus(connection_) == CONNECTION_OK &&
           PQtransactionStatus(connection_) == PQTRANS_IDLE;
}

void PgSession::ExecuteScript(std::string_view sql) {
    const std::string text(sql);
    const ResultPtr result(PQexec(connection_, text.c_str()));
    if (!Succeeded(result.get())) {
        ThrowFailure(result.get(), sql);
    }
}

std::string PgSession::ExecuteUnprepared(const char* sql) {
    const ResultPtr result(PQexec(connection_, sql));
    if (!Succeeded(result.get())) {
        ThrowFailure(result.get(), sql);
    }
    return PQcmdStatus(result.get());
}

std::vector<SqlRow> PgSession::Run(std::string_view sql, std::span<const SqlValue> params) {
    const ResultPtr result = ExecuteStatement(sql, params);
    const int row_count = PQntuples(result.get());
    const int column_count = PQnfields(result.get());
    std::vector<SqlRow> rows;
    rows.reserve(static_cast<std::size_t>(row_count));
    for (int row = 0; row < row_count; ++row) {
        std::vector<SqlValue> cells;
        cells.reserve(static_cast<std::size_t>(column_count));
        for (int column = 0; column < column_count; ++column) {
            if (PQgetisnull(result.get(), row, column) != 0) {
                cells.emplace_back(std::monostate{});
            } else {
                cells.emplace_back(
                    std::string(PQgetvalue(result.get(), row, column),
                                static_cast<std::size_t>(PQgetlength(result.get(), row, column))));
            }
        }
        rows.emplace_back(std::move(cells));
    }
    return rows;
}

std::int64_t PgSession::ExecuteCounting(std::string_view sql, std::span<const SqlValue> params) {
    const ResultPtr result = ExecuteStatement(sql, params);
    // Empty for statements that report no count (DDL, SET).
    const std::string_view count = PQcmdTuples(result.get());
    std::int64_t changed = 0;
    std::from_chars(count.data(), count.data() + count.size(), changed);
    return changed;
}

PgSession::ResultPtr PgSession::ExecuteStatement(std::string_view sql,
                                                 std::span<const SqlValue> params) {
    for (int attempt = 1;; ++attempt) {
        const Prepared& prepared = PrepareCached(sql);
        if (params.size() != static_cast<std::size_t>(prepared.parameter_count)) {
            throw SqlError(fmt::format("statement has {} placeholders but {} parameters: {}",
                                       prepared.parameter_count, params.size(),
                                       sql.substr(0, kMaxSqlInMessage)));
        }
        const BoundParameters bound(params);
        ResultPtr result(PQexecPrepared(connection_, prepared.name.c_str(), bound.size(),
                                        bound.values(), nullptr, nullptr, 0));
        if (Succeeded(result.get())) {
            return result;
        }
        if (result != nullptr && IsCachedPlanInvalid(result.get())) {
            // Forget the stale statement (the server keeps it until the connection closes, a
            // small leak for a rare event) and prepare afresh; outside a transaction nothing
            // was lost, so the statement can run again at once.
            if (const auto stale = prepared_.find(sql); stale != prepared_.end()) {
                prepared_.erase(stale);
            }
            if (attempt == 1 && PQtransactionStatus(connection_) == PQTRANS_IDLE) {
                continue;
            }
        }
        ThrowFailure(result.get(), sql);
    }
}

const PgSession::Prepared& PgSession::PrepareCached(std::string_view sql) {
    if (const auto found = prepared_.find(sql); found != prepared_.end()) {
        return found->second;
    }
    PgStatementText converted = ConvertPlaceholders(sql);
    const bool keep = prepared_.size() < kMaxPreparedStatements;
    // The empty name is PostgreSQL's unnamed statement, replaced by the next one.
    Prepared prepared{keep ? fmt::format("minqing_{}", next_statement_id_++) : std::string(),
                      std::move(converted.sql), converted.parameter_count};
    const ResultPtr result(PQprepare(connection_, prepared.name.c_str(), prepared.sql.c_str(),
                                     prepared.parameter_count, nullptr));
    if (!Succeeded(result.get())) {
        ThrowFailure(result.get(), sql);
    }
    if (!keep) {
        unnamed_ = std::move(prepared);
        return unnamed_;
    }
    return prepared_.emplace(std::string(sql), std::move(prepared)).first->second;
}

void PgSession::ThrowFailure(const PGresult* result, std::string_view sql) const {
    const char* sqlstate_field =
        result != nullptr ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
    const std::string_view sqlstate = sqlstate_field != nullptr ? sqlstate_field : "";
    std::string message;
    if (result != nullptr) {
        if (const char* primary = PQresultErrorField(result, PG_DIAG_MESSAGE_PRIMARY)) {
            message = primary;
        }
    }
    if (message.empty()) {
        message = OneLine(PQerrorMessage(connection_));
    }
    if (message.empty()) {
        message = "unknown libpq failure";
    }

    if (PQstatus(connection_) == CONNECTION_BAD || IsConnectionLoss(sqlstate)) {
        throw UnavailableError(fmt::format("PostgreSQL connection lost: {}", message));
    }
    if (sqlstate == "23505") {
        const char* detail =
            result != nullptr ? PQresultErrorField(result, PG_DIAG_MESSAGE_DETAIL) : nullptr;
        throw UniqueViolation(detail != nullptr ? fmt::format("{}: {}", message, detail) : message);
    }
    // disk_full: the server's disk, not ours, but the office's write was lost all the same.
    if (sqlstate == "53100") {
        throw StorageFullError(fmt::format("{} [SQLSTATE {}]", message, sqlstate));
    }
    if (sqlstate == "40001" || sqlstate == "40P01") {
        throw RetryableConflict(fmt::format("{} [SQLSTATE {}]", message, sqlstate));
    }
    throw SqlError(fmt::format("{} [SQLSTATE {}] in: {}", message,
                               sqlstate.empty() ? "none" : sqlstate,
                               OneLine(sql.substr(0, kMaxSqlInMessage))));
}

}  // namespace minqing::storage::postgres
