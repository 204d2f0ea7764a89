// One declaration per stored entity: which columns it has, how each is read into and written
// from the struct, and when it is written. The SELECT list, the INSERT and UPDATE statements
// and their values, and the row → struct mapping all come from that one list, so a column is
// added in one place and the positions can never disagree. Included by storage/sql/*.cpp only.
#pragma once

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "common/clock.hpp"
#include "storage/sql.hpp"

namespace minqing::storage {

/// The storage class a column is declared with in the migrations of both databases.
enum class SqlType { kInteger, kText, kReal };

/// When a column takes part: bits of Column::uses.
enum ColumnUse : unsigned {
    kSelected = 1,  // read by every SELECT of the entity
    kInserted = 2,  // written by INSERT
    kUpdated = 4,   // written by UPDATE (and by an upsert's DO UPDATE)
    kKey = 8,       // the WHERE of an UPDATE; filled from RETURNING after an INSERT
};
inline constexpr unsigned kWritten = kSelected | kInserted | kUpdated;
inline constexpr unsigned kWrittenOnce = kSelected | kInserted;  // set at insert, then fixed
inline constexpr unsigned kGeneratedKey = kSelected | kKey;

/// How an enum is stored: as its name, parsed back with a fallback for names a newer or
/// hand-edited row might hold. Specialised next to the tables that store the enum.
template <typename Enum>
struct EnumText;

template <typename Entity>
struct Column {
    std::string_view name;
    SqlType type;
    unsigned uses;
    SqlValue (*get)(const Entity&);
    void (*set)(Entity&, const SqlRow&, std::size_t);  // may be null for write-only columns
};

namespace column_detail {

template <typename T>
struct IsOptional : std::false_type {};
template <typename T>
struct IsOptional<std::optional<T>> : std::true_type {};

template <typename T>
constexpr SqlType TypeOf() {
    if constexpr (IsOptional<T>::value) {
        return TypeOf<typename T::value_type>();
    } else if constexpr (std::is_same_v<T, std::string> || std::is_enum_v<T>) {
        return SqlType::kText;
    } else if constexpr (std::is_floating_point_v<T>) {
        return SqlType::kReal;
    } else {
        return SqlType::kInteger;  // integers, flags and instants (epoch milliseconds)
    }
}

template <typename T>
SqlValue ToSql(const T& value) {
    if constexpr (IsOptional<T>::value) {
        return value ? ToSql(*value) : SqlValue(std::monostate{});
    } else if constexpr (std::is_same_v<T, bool>) {
        return std::int64_t{value ? 1 : 0};
    } else if constexpr (std::is_same_v<T, Instant>) {
        return ToEpochMs(value);
    } else if constexpr (std::is_enum_v<T>) {
        return std::string(EnumText<T>::kName(value));
    } else if constexpr (std::is_integral_v<T>) {
        return std::int64_t{value};
    } else {
        return value;
    }
}

template <typename T>
T FromSql(const SqlRow& row, std::size_t i) {
    if constexpr (IsOptional<T>::value) {
        using Value = typename T::value_type;
        if (row.IsNull(i)) {
            return std::nullopt;
        }
        if constexpr (std::is_enum_v<Value>) {
            return EnumText<Value>::kParse(row.Text(i));  // an unknown name reads as absent
        } else {
            return FromSql<Value>(row, i);
        }
    } else if constexpr (std::is_same_v<T, bool>) {
        return row.Bool(i);
    } else if constexpr (std::is_same_v<T, Instant>) {
        return FromEpochMs(row.Int(i));
    } else if constexpr (std::is_enum_v<T>) {
        return EnumText<T>::kParse(row.Text(i)).value_or(EnumText<T>::kFallback);
    } else if constexpr (std::is_integral_v<T>) {
        return static_cast<T>(row.Int(i));
    } else if constexpr (std::is_floating_point_v<T>) {
        return row.Real(i);
    } else {
        return row.Text(i);
    }
}

// The member a chain of member pointers leads to: Path<&Case::location, &Location::lat>.
template <auto First, auto... Rest>
struct Path {
    template <typename Object>
    static auto& Of(Object& object) {
        if constexpr (sizeof...(Rest) == 0) {
            return object.*First;
        } else {
            return Path<Rest...>::Of(object.*First);
        }
    }
};

template <typename MemberPointer>
struct OwnerOf;
template <typename Owner, typename T>
struct OwnerOf<T Owner::*> {
    using type = Owner;
};

}  // namespace column_detail

/// The value a member of type T is stored as (for conditions on columns of the tables).
template <typename T>
SqlValue ToSqlValue(const T& value) {
    return column_detail::ToSql(value);
}

/// A column stored straight from a member, or from a member of a member
/// (Field<&Case::location, &Location::lat>), its SQL type following the member's type.
template <auto First, auto... Rest>
auto Field(std::string_view name, unsigned uses = kWritten) {
    using Entity = typename column_detail::OwnerOf<decltype(First)>::type;
    using Member = column_detail::Path<First, Rest...>;
    using T = std::remove_cvref_t<decltype(Member::Of(std::declval<Entity&>()))>;
    return Column<Entity>{
        name, column_detail::TypeOf<T>(), uses,
        [](const Entity& entity) { return column_detail::ToSql(Member::Of(entity)); },
        [](Entity& entity, const SqlRow& row, std::size_t i) {
            Member::Of(entity) = column_detail::FromSql<T>(row, i);
        }};
}

/// A column stored from a member through a conversion of its own: `To` (member → value)
/// gives what is stored, `From` (stored value → member) reads it back; the SQL type follows
/// what `To` returns.
template <auto Member, auto To, auto From>
auto Converted(std::string_view name, unsigned uses = kWritten) {
    using Entity = typename column_detail::OwnerOf<decltype(Member)>::type;
    using T = std::remove_cvref_t<decltype(std::declval<Entity&>().*Member)>;
    using Stored = std::remove_cvref_t<decltype(To(std::declval<const T&>()))>;
    return Column<Entity>{
        name, column_detail::TypeOf<Stored>(), uses,
        [](const Entity& entity) { return column_detail::ToSql(To(entity.*Member)); },
        [](Entity& entity, const SqlRow& row, std::size_t i) {
            entity.*Member = From(column_detail::FromSql<Stored>(row, i));
        }};
}

/// A table's columns without their mapping: the SQL that names them. Not a template, so the
/// statements are built in one place (column_table.cpp) for every entity.
class TableShape {
  public:
    struct Shape {
        std::string_view name;
        SqlType type;
        unsigned uses;
    };

    TableShape(std::string_view table, std::vector<Shape> columns);

    std::string_view table() const { return table_; }
    std::span<const Shape> columns() const { return columns_; }
    /// How many columns List() names.
    std::size_t selected() const { return selected_; }

    /// "a.id, a.code, …": the selected columns, each prefixed with `prefix`.
    std::string List(std::string_view prefix = {}) const;
    /// "SELECT <columns> FROM <table> ", ready for a WHERE.
    std::string SelectFrom() const;
    /// "INSERT INTO <table> (<inserted>) VALUES (?, …)"; the caller may add ON CONFLICT or
    /// RETURNING.
    std::string InsertSql() const;
    /// "c = ?, …" for the updated columns, for an UPDATE with conditions of its own.
    std::string Assignments() const;
    /// "UPDATE <table> SET <updated> = ?, … WHERE <key> = ?".
    std::string UpdateSql() const;
    /// The INSERT, and on a clash on the key columns an update of the updated ones:
    /// "… ON CONFLICT (<key>) DO UPDATE SET c = excluded.c, …".
    std::string UpsertSql() const;

  private:
    std::string Join(unsigned use, void (*format)(std::string&, std::string_view),
                     std::string_view separator) const;

    std::string table_;
    std::vector<Shape> columns_;
    std::size_t selected_ = 0;
};

/// The columns of one table as one entity sees them: TableShape's statements, and the
/// values and row mapping in the same order.
template <typename Entity>
class ColumnTable : public TableShape {
  public:
    ColumnTable(std::string_view table, std::initializer_list<Column<Entity>> columns)
        : TableShape(table, Shapes(columns)), columns_(columns) {}

    /// The entity in `row`, whose selected columns start at `first`.
    Entity Read(const SqlRow& row, std::size_t first = 0) const {
        Entity entity{};
        ReadInto(entity, row, first);
        return entity;
    }
    /// Sets the members the selected columns map to, leaving the others as they are.
    void ReadInto(Entity& entity, const SqlRow& row, std::size_t first = 0) const;
    std::optional<Entity> ReadOne(const std::optional<SqlRow>& row) const {
        return row ? std::optional(Read(*row)) : std::nullopt;
    }
    std::vector<Entity> ReadAll(const std::vector<SqlRow>& rows) const;

    /// The values of the columns with `use`, in declaration order.
    std::vector<SqlValue> Values(const Entity& entity, unsigned use) const;
    /// For InsertSql and UpsertSql.
    std::vector<SqlValue> InsertValues(const Entity& entity) const {
        return Values(entity, kInserted);
    }
    /// For UpdateSql: the updated columns' values, then the key's.
    std::vector<SqlValue> UpdateValues(const Entity& entity) const {
        std::vector<SqlValue> values = Values(entity, kUpdated);
        for (SqlValue& key : Values(entity, kKey)) {
            values.push_back(std::move(key));
        }
        return values;
    }

  private:
    static std::vector<Shape> Shapes(std::initializer_list<Column<Entity>> columns) {
        std::vector<Shape> shapes;
        for (const auto& column : columns) {
            shapes.push_back({column.name, column.type, column.uses});
        }
        return shapes;
    }

    std::vector<Column<Entity>> columns_;
};

template <typename Entity>
void ColumnTable<Entity>::ReadInto(Entity& entity, const SqlRow& row, std::size_t first) const {
    std::size_t i = first;
    for (const auto& column : columns_) {
        if ((column.uses & kSelected) == 0) {
            continue;
        }
        if (column.set != nullptr) {
            column.set(entity, row, i);
        }
        ++i;
    }
}

template <typename Entity>
std::vector<Entity> ColumnTable<Entity>::ReadAll(const std::vector<SqlRow>& rows) const {
    std::vector<Entity> entities;
    entities.reserve(rows.size());
    for (const SqlRow& row : rows) {
        entities.push_back(Read(row));
    }
    return entities;
}

template <typename Entity>
std::vector<SqlValue> ColumnTable<Entity>::Values(const Entity& entity, unsigned use) const {
    std::vector<SqlValue> values;
    for (const auto& column : columns_) {
        if (column.uses & use) {
            values.push_back(column.get(entity));
        }
    }
    return values;
}

}  // namespace minqing::storage
