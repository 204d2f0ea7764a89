#include "storage/sql/case_rollups.hpp"

#include <array>

#include "domain/case_stats.hpp"
#include "domain/rollup_table.hpp"
#include "storage/sql/enum_text.hpp"

namespace minqing::storage {
namespace {

// In the order of domain::RollupTable.
const std::array<RollupTableColumns, 4> kTables{{
    {"case_rollups",
     {"scope", "day", "origin_id", "holder_id", "lead_unit_id", "category_code", "channel", "kind",
      "urgency", "state"},
     {"area_district", "area_street", "area_community", "area_grid"}},
    {"case_rollup_days", {"scope", "day", "state"}, {}},
    {"case_rollup_month_areas",
     {"scope", "month", "area_district", "area_street", "area_community", "area_grid", "state"},
     {}},
    {"case_rollup_month_categories",
     {"scope", "month", "area_district", "category_code", "state"},
     {}},
}};

std::string Joined(const std::vector<const char*>& columns, const char* separator,
                   const char* suffix = "") {
    std::string text;
    for (const char* column : columns) {
        text += (text.empty() ? "" : separator) + std::string(column) + suffix;
    }
    return text;
}

// The statements that add one case to a row of a table (inserting it at 1) and take one away.
struct StepSql {
    std::string insert;
    std::string delete_last;
    std::string decrement;
};

StepSql StepSqlOf(const RollupTableColumns& table) {
    const std::string name = table.table;
    std::vector<const char*> columns = table.key;
    columns.insert(columns.end(), table.extra.begin(), table.extra.end());
    std::string placeholders;
    for (std::size_t i = 0; i < columns.size(); ++i) {
        placeholders += "?, ";
    }
    const std::string key_condition = Joined(table.key, " AND ", " = ?");
    return {"INSERT INTO " + name + " (" + Joined(columns, ", ") + ", cases) VALUES (" +
                placeholders + "1) ON CONFLICT (" + Joined(table.key, ", ") +
                ") DO UPDATE SET cases = " + name + ".cases + 1",
            "DELETE FROM " + name + " WHERE " + key_condition + " AND cases = 1",
            "UPDATE " + name + " SET cases = cases - 1 WHERE " + key_condition};
}

const std::array<StepSql, 4>& StepStatements() {
    static const std::array<StepSql, 4> statements{StepSqlOf(kTables[0]), StepSqlOf(kTables[1]),
                                                   StepSqlOf(kTables[2]), StepSqlOf(kTables[3])};
    return statements;
}

std::vector<SqlValue> Areas(const domain::RollupKey& key) {
    std::vector<SqlValue> areas;
    for (const domain::OrgLevel level : domain::kAreaLevels) {
        areas.emplace_back(domain::AreaAt(key.origin_path, level));
    }
    return areas;
}

}  // namespace

const char* const kRollupKeyColumns =
    "origin_id, origin_path, holder_id, COALESCE(lead_unit_id, 0), category_code, channel, "
    "kind, urgency, state, created_at";

domain::RollupKey RollupKeyFromRow(const SqlRow& row, std::size_t first) {
    domain::RollupKey key;
    key.origin_id = row.Int(first);
    key.origin_path = row.Text(first + 1);
    key.holder_id = row.Int(first + 2);
    key.lead_unit_id = row.Int(first + 3);
    key.category_code = row.Text(first + 4);
    key.channel = column_detail::FromSql<domain::Channel>(row, first + 5);
    key.kind = column_detail::FromSql<domain::CaseKind>(row, first + 6);
    key.urgency = column_detail::FromSql<domain::Urgency>(row, first + 7);
    key.state = column_detail::FromSql<domain::CaseState>(row, first + 8);
    key.day = domain::DayNumberOf(FromEpochMs(row.Int(first + 9)));
    return key;
}

std::optional<domain::RollupKey> StoredRollupKey(SqlSession& session, domain::CaseId id) {
    const auto row = session.QueryOne(
        std::string("SELECT ") + kRollupKeyColumns + " FROM cases WHERE id = ?", {id});
    if (!row) {
        return std::nullopt;
    }
    return RollupKeyFromRow(*row, 0);
}

std::vector<std::string> StakePathsOf(SqlSession& session, domain::CaseId id) {
    std::vector<std::string> paths;
    for (const SqlRow& row :
         session.Query("SELECT path FROM case_access WHERE case_id = ?", {id})) {
        paths.push_back(row.Text(0));
    }
    return paths;
}

std::span<const RollupTableColumns> RollupTables() {
    return kTables;
}

std::optional<std::vector<SqlValue>> RollupRowOf(const RollupTableColumns& table,
                                                 const domain::RollupKey& key,
                                                 const std::string& scope) {
    const std::string state(domain::CaseStateName(key.state));
    const std::int64_t month = domain::PeriodStart(key.day, domain::StatsPeriod::kMonth);
    auto areas = Areas(key);
    if (&table == &kTables[0]) {
        std::vector<SqlValue> row{scope,
                                  std::int64_t{key.day},
                                  key.origin_id,
                                  key.holder_id,
                                  key.lead_unit_id,
                                  key.category_code,
                                  std::string(domain::ChannelName(key.channel)),
                                  std::string(domain::CaseKindName(key.kind)),
                                  std::string(domain::UrgencyName(key.urgency)),
                                  state};
        row.insert(row.end(), areas.begin(), areas.end());
        return row;
    }
    if (&table == &kTables[1]) {
        return std::vector<SqlValue>{scope, std::int64_t{key.day}, state};
    }
    if (!domain::HasMonthRollups(scope)) {
        return std::nullopt;
    }
    if (&table == &kTables[2]) {
        std::vector<SqlValue> row{scope, month};
        row.insert(row.end(), areas.begin(), areas.end());
        row.emplace_back(state);
        return row;
    }
    return std::vector<SqlValue>{scope, month, areas.front(), key.category_code, state};
}

void AddToRollups(SqlSession& session, const domain::RollupKey& key,
                  const std::vector<std::string>& scopes, int delta) {
    const auto& statements = StepStatements();
    for (const std::string& scope : scopes) {
        for (std::size_t t = 0; t < kTables.size(); ++t) {
            auto row = RollupRowOf(kTables[t], key, scope);
            if (!row) {
                continue;
            }
            if (delta > 0) {
                session.Execute(statements[t].insert, *row);
                continue;
            }
            row->resize(kTables[t].key.size());
            if (session.Execute(statements[t].delete_last, *row) == 0) {
                session.Execute(statements[t].decrement, *row);
            }
        }
    }
}

}  // namespace minqing::storage
