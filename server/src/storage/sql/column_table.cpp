#include "storage/sql/column_table.hpp"

namespace minqing::storage {
namespace {

void Name(std::string& out, std::string_view name) {
    out += name;
}

void Mark(std::string& out, std::string_view /*name*/) {
    out += "?";
}

void Assignment(std::string& out, std::string_view name) {
    out += name;
    out += " = ?";
}

void FromExcluded(std::string& out, std::string_view name) {
    out += name;
    out += " = excluded.";
    out += name;
}

}  // namespace

TableShape::TableShape(std::string_view table, std::vector<Shape> columns)
    : table_(table), columns_(std::move(columns)) {
    for (const Shape& column : columns_) {
        selected_ += (column.uses & kSelected) != 0 ? 1 : 0;
    }
}

std::string TableShape::Join(unsigned use, void (*format)(std::string&, std::string_view),
                             std::string_view separator) const {
    std::string joined;
    for (const Shape& column : columns_) {
        if ((column.uses & use) != 0) {
            joined += joined.empty() ? "" : separator;
            format(joined, column.name);
        }
    }
    return joined;
}

std::string TableShape::List(std::string_view prefix) const {
    std::string list;
    for (const Shape& column : columns_) {
        if ((column.uses & kSelected) != 0) {
            list += list.empty() ? "" : ", ";
            list += prefix;
            list += column.name;
        }
    }
    return list;
}

std::string TableShape::SelectFrom() const {
    return "SELECT " + List() + " FROM " + table_ + " ";
}

std::string TableShape::InsertSql() const {
    return "INSERT INTO " + table_ + " (" + Join(kInserted, &Name, ", ") + ") VALUES (" +
           Join(kInserted, &Mark, ", ") + ")";
}

std::string TableShape::Assignments() const {
    return Join(kUpdated, &Assignment, ", ");
}

std::string TableShape::UpdateSql() const {
    return "UPDATE " + table_ + " SET " + Assignments() + " WHERE " +
           Join(kKey, &Assignment, " AND ");
}

std::string TableShape::UpsertSql() const {
    return InsertSql() + " ON CONFLICT (" + Join(kKey, &Name, ", ") + ") DO UPDATE SET " +
           Join(kUpdated, &FromExcluded, ", ");
}

}  // namespace minqing::storage
