// The small SQL interface both database adapters implement: run a statement with `?`
// placeholders and get typed rows back. A SqlSession belongs to one thread at a time.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "common/clock.hpp"
#include "domain/port.hpp"

namespace minqing::storage {

enum class Dialect { kSqlite, kPostgres };

/// A bound parameter or a result cell. PostgreSQL cells arrive as text; the accessors of
/// SqlRow convert, so repository code reads both backends the same way.
using SqlValue = std::variant<std::monostate, std::int64_t, double, std::string, bool>;

/// NULL for an absent value, the value otherwise.
template <typename T>
SqlValue Nullable(const std::optional<T>& value) {
    return value ? SqlValue(*value) : SqlValue(std::monostate{});
}

/// An optional instant as epoch milliseconds, or NULL.
inline SqlValue NullableMillis(const std::optional<Instant>& at) {
    return at ? SqlValue(ToEpochMs(*at)) : SqlValue(std::monostate{});
}

class SqlRow {
  public:
    explicit SqlRow(std::vector<SqlValue> cells) : cells_(std::move(cells)) {}

    std::size_t size() const { return cells_.size(); }
    bool IsNull(std::size_t column) const;
    std::int64_t Int(std::size_t column) const;
    double Real(std::size_t column) const;
    std::string Text(std::size_t column) const;
    bool Bool(std::size_t column) const;
    std::optional<std::int64_t> OptionalInt(std::size_t column) const;
    /// An instant stored as epoch milliseconds, or nullopt for NULL.
    std::optional<Instant> OptionalInstant(std::size_t column) const {
        return OptionalInt(column).transform(FromEpochMs);
    }
    std::optional<std::string> OptionalText(std::size_t column) const;

  private:
    const SqlValue& At(std::size_t column) const;
    std::vector<SqlValue> cells_;
};

/// Any failure of the database itself (bad SQL, I/O, a broken connection). Unexpected:
/// repositories let it propagate unless it is one of the subclasses below.
class SqlError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

/// A UNIQUE or PRIMARY KEY constraint refused the row; repositories turn it into a conflict.
class UniqueViolation : public SqlError {
  public:
    using SqlError::SqlError;
};

/// Several writers raced (PostgreSQL serialization failure or deadlock); the unit may be retried.
class RetryableConflict : public SqlError {
  public:
    using SqlError::SqlError;
};

// Reached through a reference and never copied, as the domain's ports are.
class SqlSession : public domain::Port {
  public:
    virtual Dialect dialect() const = 0;

    /// Runs one statement and returns every row. Placeholders are `?` in both dialects.
    std::vector<SqlRow> Query(std::string_view sql, std::initializer_list<SqlValue> params = {}) {
        return Run(sql, std::span<const SqlValue>(params.begin(), params.size()));
    }
    std::vector<SqlRow> Query(std::string_view sql, const std::vector<SqlValue>& params) {
        return Run(sql, std::span<const SqlValue>(params));
    }
    /// Runs one statement and returns its first row, if any.
    std::optional<SqlRow> QueryOne(std::string_view sql,
                                   std::initializer_list<SqlValue> params = {});
    std::optional<SqlRow> QueryOne(std::string_view sql, const std::vector<SqlValue>& params);
    /// Runs one statement for its effect; returns the number of rows it changed.
    std::int64_t Execute(std::string_view sql, std::initializer_list<SqlValue> params = {}) {
        return ExecuteCounting(sql, std::span<const SqlValue>(params.begin(), params.size()));
    }
    std::int64_t Execute(std::string_view sql, const std::vector<SqlValue>& params) {
        return ExecuteCounting(sql, std::span<const SqlValue>(params));
    }
    /// Runs several `;`-separated statements without parameters (migrations, pragmas).
    virtual void ExecuteScript(std::string_view sql) = 0;

  protected:
    virtual std::vector<SqlRow> Run(std::string_view sql, std::span<const SqlValue> params) = 0;
    virtual std::int64_t ExecuteCounting(std::string_view sql,
                                         std::span<const SqlValue> params) = 0;
};

}  // namespace minqing::storage
