// The two sets of migrations must build the same schema: every table, column (with its storage
// class and nullability) and index that one database has, the other has too, except for the
// few differences listed below with their reasons. Adding a column to one side only fails here.
#include <map>
#include <set>
#include <string>

#include <gtest/gtest.h>

#include "storage/database.hpp"
#include "storage/testing/scratch_database.hpp"

namespace minqing::storage::contract {
namespace {

using testing::Backend;
using testing::ScratchDatabase;

// What each database has that the other may lack, as the keys Catalogue uses.
// Full-text search is FTS5 virtual tables on SQLite and a tsvector column with a GIN index on
// PostgreSQL (the repositories choose the query by dialect).
const std::set<std::string> kOnlySqlite = {
    "table case_search",          "table case_search_config",      "table case_search_content",
    "table case_search_data",     "table case_search_docsize",     "table case_search_idx",
    "table org_unit_search",      "table org_unit_search_config",  "table org_unit_search_content",
    "table org_unit_search_data", "table org_unit_search_docsize", "table org_unit_search_idx",
};
const std::set<std::string> kOnlyPostgres = {
    "column cases.search_tokens",
    "column org_units.search_tokens",
    "index cases.cases_search",
    "index org_units.org_units_search",
};

/// "table t", "column t.c" → "INTEGER NOT NULL", "index t.i" → "UNIQUE (a, b)".
using Catalogue = std::map<std::string, std::string>;

std::string StorageClass(std::string type) {
    for (char& c : type) {
        c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    }
    if (type == "BIGINT" || type == "INTEGER" || type == "SMALLINT") {
        return "INTEGER";
    }
    if (type == "TEXT" || type == "CHARACTER VARYING") {
        return "TEXT";
    }
    if (type == "DOUBLE PRECISION" || type == "REAL" || type == "NUMERIC") {
        return "REAL";
    }
    if (type == "BYTEA" || type == "BLOB") {
        return "BLOB";
    }
    return type;  // anything else differs on purpose and must be listed
}

void AddIndex(Catalogue& catalogue, const std::string& table, const std::string& index, bool unique,
              const std::string& columns) {
    catalogue["index " + table + "." + index] = (unique ? "UNIQUE (" : "(") + columns + ")";
}

Catalogue SqliteCatalogue(SqlSession& sql) {
    Catalogue catalogue;
    for (const SqlRow& table : sql.Query(
             "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")) {
        const std::string name = table.Text(0);
        catalogue["table " + name] = "";
        for (const SqlRow& column :
             sql.Query("SELECT name, type, \"notnull\", pk FROM pragma_table_info(?)", {name})) {
            // An INTEGER PRIMARY KEY is the rowid: never NULL, though not declared so.
            const bool not_null = column.Int(2) != 0 || column.Int(3) != 0;
            catalogue["column " + name + "." + column.Text(0)] =
                StorageClass(column.Text(1)) + (not_null ? " NOT NULL" : "");
        }
    }
    for (const SqlRow& index :
         sql.Query("SELECT m.name, m.tbl_name, l.\"unique\" FROM sqlite_master m "
                   "JOIN pragma_index_list(m.tbl_name) l ON l.name = m.name "
                   "WHERE m.type = 'index' AND m.sql IS NOT NULL")) {
        std::string columns;
        for (const SqlRow& column :
             sql.Query("SELECT name FROM pragma_index_info(?) ORDER BY seqno", {index.Text(0)})) {
            columns += (columns.empty() ? "" : ", ") +
                       (column.IsNull(0) ? std::string("<expression>") : column.Text(0));
        }
        AddIndex(catalogue, index.Text(1), index.Text(0), index.Bool(2), columns);
    }
    return catalogue;
}

Catalogue PostgresCatalogue(SqlSession& sql) {
    Catalogue catalogue;
    for (const SqlRow& table :
         sql.Query("SELECT table_name FROM information_schema.tables "
                   "WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'")) {
        catalogue["table " + table.Text(0)] = "";
    }
    for (const SqlRow& column :
         sql.Query("SELECT table_name, column_name, data_type, is_nullable "
                   "FROM information_schema.columns WHERE table_schema = current_schema()")) {
        catalogue["column " + column.Text(0) + "." + column.Text(1)] =
            StorageClass(column.Text(2)) + (column.Text(3) == "NO" ? " NOT NULL" : "");
    }
    // Indexes the migrations create, not those behind PRIMARY KEY and UNIQUE constraints
    // (SQLite's automatic indexes are left out the same way).
    for (const SqlRow& index : sql.Query(
             "SELECT i.relname, t.relname, x.indisunique, x.indexrelid::bigint, x.indnkeyatts "
             "FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid "
             "JOIN pg_class t ON t.oid = x.indrelid "
             "JOIN pg_namespace n ON n.oid = t.relnamespace "
             "WHERE n.nspname = current_schema() "
             "AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid)")) {
        std::string columns;
        for (std::int64_t k = 1; k <= index.Int(4); ++k) {
            std::string column =
                sql.QueryOne("SELECT pg_get_indexdef(?::bigint::oid, ?::int, true)",
                             {index.Int(3), k})
                    ->Text(0);
            const bool plain = column.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789_") ==
                               std::string::npos;
            columns += (columns.empty() ? "" : ", ") + (plain ? column : "<expression>");
        }
        AddIndex(catalogue, index.Text(1), index.Text(0), index.Bool(2), columns);
    }
    return catalogue;
}

Catalogue CatalogueOf(Backend backend, Catalogue (*read)(SqlSession&)) {
    const ScratchDatabase scratch(backend);
    DatabaseOptions options;
    options.url = scratch.url();
    options.pool_size = 1;
    const auto database = OpenDatabase(options);  // applies every migration
    Catalogue catalogue;
    database->Read([&](SqlSession& sql) { catalogue = read(sql); });
    return catalogue;
}

// The differences of `mine` from `theirs` that `allowed` does not explain. A column of a
// table that is allowed to exist on one side only needs no entry of its own.
std::vector<std::string> Unexplained(const Catalogue& mine, const Catalogue& theirs,
                                     const std::set<std::string>& allowed) {
    std::vector<std::string> unexplained;
    for (const auto& [key, shape] : mine) {
        const auto other = theirs.find(key);
        if (other != theirs.end() && other->second == shape) {
            continue;
        }
        const std::string table =
            "table " + key.substr(key.find(' ') + 1, key.find('.') - key.find(' ') - 1);
        if (allowed.contains(key) || (key.starts_with("column ") && allowed.contains(table))) {
            continue;
        }
        unexplained.push_back(key + " " + shape + " vs " +
                              (other == theirs.end() ? "nothing" : other->second));
    }
    return unexplained;
}

TEST(SchemaParity, BothDatabasesHaveTheSameTablesColumnsAndIndexes) {
    const Catalogue sqlite = CatalogueOf(Backend::kSqlite, &SqliteCatalogue);
    const Catalogue postgres = CatalogueOf(Backend::kPostgres, &PostgresCatalogue);
    ASSERT_TRUE(sqlite.contains("column cases.number"));  // the reading works at all
    ASSERT_TRUE(postgres.contains("column cases.number"));
    for (const std::string& difference : Unexplained(sqlite, postgres, kOnlySqlite)) {
        ADD_FAILURE() << "SQLite has " << difference << " on PostgreSQL";
    }
    for (const std::string& difference : Unexplained(postgres, sqlite, kOnlyPostgres)) {
        ADD_FAILURE() << "PostgreSQL has " << difference << " on SQLite";
    }
}

TEST(SchemaParity, EveryKnownDifferenceStillExists) {
    const Catalogue sqlite = CatalogueOf(Backend::kSqlite, &SqliteCatalogue);
    const Catalogue postgres = CatalogueOf(Backend::kPostgres, &PostgresCatalogue);
    for (const std::string& key : kOnlySqlite) {
        EXPECT_TRUE(sqlite.contains(key) && !postgres.contains(key)) << key;
    }
    for (const std::string& key : kOnlyPostgres) {
        EXPECT_TRUE(postgres.contains(key) && !sqlite.contains(key)) << key;
    }
}

}  // namespace
}  // namespace minqing::storage::contract
