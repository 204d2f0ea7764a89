#include <algorithm>
#include <array>
#include <map>
#include <stdexcept>
#include <string>

#include "domain/rollup_table.hpp"
#include "storage/sql/case_filters_sql.hpp"
#include "storage/sql/case_rollups.hpp"
#include "storage/sql/enum_text.hpp"
#include "storage/sql/sql_fragments.hpp"
#include "storage/sql/sql_repositories.hpp"

namespace minqing::storage {
namespace {

using domain::StatsDimension;
using domain::StatsGrouping;

constexpr std::array<const char*, 4> kAreaColumns = {"area_district", "area_street",
                                                     "area_community", "area_grid"};
constexpr std::int64_t kDayMs = 86'400'000;
constexpr std::int64_t kChinaOffsetMs = 8 * 3'600'000;

std::string AreaColumn(domain::OrgLevel level) {
    const auto at = std::ranges::find(domain::kAreaLevels, level) - domain::kAreaLevels.begin();
    return kAreaColumns[static_cast<std::size_t>(at) % kAreaColumns.size()];
}

bool IsMonthly(domain::RollupTable table) {
    return table == domain::RollupTable::kMonthAreas ||
           table == domain::RollupTable::kMonthCategories;
}

const RollupTableColumns& TableColumns(domain::RollupTable table) {
    return RollupTables()[static_cast<std::size_t>(table)];
}

// What the rollup rows are grouped by for a grouping; StatsKeyOf turns the value into the key.
std::string RollupColumn(const StatsGrouping& grouping, domain::RollupTable table) {
    switch (grouping.dimension) {
        case StatsDimension::kPeriod:
            return IsMonthly(table) ? "month" : "day";
        case StatsDimension::kArea:
            return AreaColumn(grouping.area_level);
        case StatsDimension::kUnit:
            return grouping.lead_unit ? "lead_unit_id" : "holder_id";
        case StatsDimension::kCategory:
            return grouping.category_level == 1 ? "substr(category_code, 1, 2)" : "category_code";
        case StatsDimension::kChannel:
            return "channel";
        case StatsDimension::kKind:
            return "kind";
        case StatsDimension::kUrgency:
            return "urgency";
        case StatsDimension::kState:
        case StatsDimension::kWarning:  // never from rollups (RollupScopeOf)
            return "state";
    }
    return "state";
}

// The same over `cases c`; the warning card is read at `warning_at`, as the case list does.
std::string CaseColumn(const StatsGrouping& grouping, std::vector<SqlValue>& params,
                       Instant warning_at) {
    switch (grouping.dimension) {
        case StatsDimension::kPeriod:
            return "(c.created_at + " + std::to_string(kChinaOffsetMs) + ") / " +
                   std::to_string(kDayMs);
        case StatsDimension::kArea:
            return "c.origin_path";
        case StatsDimension::kUnit:
            return grouping.lead_unit ? "COALESCE(c.lead_unit_id, 0)" : "c.holder_id";
        case StatsDimension::kCategory:
            return grouping.category_level == 1 ? "substr(c.category_code, 1, 2)"
                                                : "c.category_code";
        case StatsDimension::kChannel:
            return "c.channel";
        case StatsDimension::kKind:
            return "c.kind";
        case StatsDimension::kUrgency:
            return "c.urgency";
        case StatsDimension::kState:
            return "c.state";
        case StatsDimension::kWarning: {
            const std::int64_t at = ToEpochMs(warning_at);
            params.insert(params.end(), {at, at, at, at, at});
            return "CASE WHEN c.deadline < ? THEN 'red' WHEN c.deadline >= ? AND c.yellow_from "
                   "<= ? THEN 'yellow' WHEN c.deadline >= ? AND c.yellow_from > ? THEN 'normal' "
                   "ELSE 'none' END";
        }
    }
    return "c.state";
}

// "SELECT g1, g2, <count>" … " GROUP BY 1, 2" around `from_where`, folded into cells.
std::vector<domain::StatsCell> Grouped(SqlSession& session, const domain::StatsQuery& query,
                                       const std::vector<std::string>& columns,
                                       const std::string& count, const std::string& from_where,
                                       std::vector<SqlValue> params) {
    std::string sql = "SELECT ";
    for (const std::string& column : columns) {
        sql += column + ", ";
    }
    sql += count + " " + from_where;
    for (std::size_t i = 0; i < columns.size(); ++i) {
        sql += (i == 0 ? " GROUP BY " : ", ") + std::to_string(i + 1);
    }
    std::map<std::vector<std::string>, std::int64_t> counts;
    for (const SqlRow& row : session.Query(sql, params)) {
        std::vector<std::string> keys;
        for (std::size_t i = 0; i < columns.size(); ++i) {
            keys.push_back(domain::StatsKeyOf(query.groupings[i], row.Text(i)));
        }
        counts[std::move(keys)] += row.IsNull(columns.size()) ? 0 : row.Int(columns.size());
    }
    std::vector<domain::StatsCell> cells;
    for (auto& [keys, n] : counts) {
        if (n != 0 || !keys.empty()) {
            cells.push_back({keys, n});
        }
    }
    if (cells.empty() && columns.empty()) {
        cells.push_back({{}, 0});
    }
    return cells;
}

// A rollup row's key as text for reports: its values in column order, the scope "" as an empty
// first part.
std::string KeyText(const std::vector<SqlValue>& key) {
    std::string text;
    for (std::size_t i = 0; i < key.size(); ++i) {
        const auto* number = std::get_if<std::int64_t>(&key[i]);
        text += (i == 0 ? "" : " ") +
                (number ? std::to_string(*number) : std::get<std::string>(key[i]));
    }
    return text;
}

std::string RowText(const SqlRow& row, std::size_t columns) {
    std::string text;
    for (std::size_t i = 0; i < columns; ++i) {
        text += (i == 0 ? "" : " ") + row.Text(i);
    }
    return text;
}

// Compares a table's stored rows on [from, to) with the recount, into `check`.
void CompareTable(SqlSession& session, const RollupTableColumns& table, domain::DayNumber from,
                  domain::DayNumber to, std::map<std::string, std::int64_t> want,
                  domain::RollupCheck& check) {
    std::string key_list;
    for (const char* column : table.key) {
        key_list += std::string(key_list.empty() ? "" : ", ") + column;
    }
    const std::string time = table.key[1];
    const auto note = [&](const std::string& text, std::int64_t stored, std::int64_t recounted) {
        ++check.differing_rows;
        if (check.differences.size() < 20) {
            check.differences.push_back(
                {table.table + std::string(": ") + text, stored, recounted});
        }
    };
    for (const SqlRow& row : session.Query("SELECT " + key_list + ", cases FROM " + table.table +
                                               " WHERE " + time + " >= ? AND " + time + " < ?",
                                           {std::int64_t{from}, std::int64_t{to}})) {
        const std::string text = RowText(row, table.key.size());
        const std::int64_t stored = row.Int(table.key.size());
        const auto wanted = want.find(text);
        const std::int64_t recounted = wanted == want.end() ? 0 : wanted->second;
        if (wanted != want.end()) {
            want.erase(wanted);
        }
        if (stored != recounted) {
            note(text, stored, recounted);
        }
    }
    for (const auto& [text, recounted] : want) {
        note(text, 0, recounted);
    }
}

}  // namespace

std::vector<domain::StatsCell> SqlCaseStatsRepository::CountFromRollups(
    const domain::StatsQuery& query, const std::string& scope) {
    const auto& f = query.filters;
    const auto table = domain::RollupTableFor(query, scope);
    const std::string time = IsMonthly(table) ? "month" : "day";
    std::string where = std::string("FROM ") + TableColumns(table).table + " WHERE scope = ? AND " +
                        time + " >= ? AND " + time + " < ?";
    std::vector<SqlValue> params{scope, std::int64_t{query.from}, std::int64_t{query.to}};
    // RollupTableFor keeps the filters a table has no column for off it.
    AddCaseAttributeFilters(where, params, "", f);
    AddIn(where, params, "holder_id", f.holder_ids);
    AddIn(where, params, "lead_unit_id", f.lead_unit_ids);
    if (f.origin_within) {
        // A division's subtree is its id in the area column of its level; the city's is all.
        const auto level = domain::DivisionLevelOf(*f.origin_within);
        if (level && *level != domain::OrgLevel::kCity) {
            where += " AND " + AreaColumn(*level) + " = ?";
            params.emplace_back(domain::AreaAt(*f.origin_within, *level));
        } else if (!level) {
            where += " AND 1 = 0";
        }
    }
    if (f.origin_id) {
        where += " AND origin_id = ?";
        params.emplace_back(*f.origin_id);
    }
    std::vector<std::string> columns;
    for (const StatsGrouping& grouping : query.groupings) {
        columns.push_back(RollupColumn(grouping, table));
    }
    return Grouped(session_, query, columns, "CAST(SUM(cases) AS BIGINT)", where, params);
}

std::vector<domain::StatsCell> SqlCaseStatsRepository::CountCases(const domain::StatsQuery& query) {
    std::vector<SqlValue> params;
    std::vector<std::string> columns;
    for (const StatsGrouping& grouping : query.groupings) {
        columns.push_back(CaseColumn(grouping, params, query.filters.warning_at));
    }
    auto filters = query.filters;
    filters.created_from = domain::StartOfDayNumber(query.from);
    filters.created_to = domain::StartOfDayNumber(query.to);
    std::string where = "FROM cases c WHERE 1 = 1";
    AddCaseFilters(where, params, session_.dialect(), filters);
    return Grouped(session_, query, columns, "COUNT(*)", where, params);
}

domain::RollupCheck SqlCaseStatsRepository::CheckRollups(domain::DayNumber from,
                                                         domain::DayNumber to, bool repair) {
    // The recount: every case received in the range with its stakes, through the same
    // functions the case repository keeps the rollups with.
    const std::vector<SqlValue> range{ToEpochMs(domain::StartOfDayNumber(from)),
                                      ToEpochMs(domain::StartOfDayNumber(to))};
    std::map<domain::CaseId, std::vector<std::string>> stakes;
    for (const SqlRow& row : session_.Query(
             "SELECT a.case_id, a.path FROM case_access a JOIN cases c ON c.id = a.case_id "
             "WHERE c.created_at >= ? AND c.created_at < ?",
             range)) {
        stakes[row.Int(0)].push_back(row.Text(1));
    }
    domain::RollupCheck check;
    std::vector<std::pair<domain::CaseId, domain::RollupKey>> cases;
    for (const SqlRow& row : session_.Query(std::string("SELECT id, ") + kRollupKeyColumns +
                                                " FROM cases WHERE created_at >= ? AND "
                                                "created_at < ?",
                                            range)) {
        cases.emplace_back(row.Int(0), RollupKeyFromRow(row, 1));
    }
    check.cases = static_cast<std::int64_t>(cases.size());
    const auto tables = RollupTables();
    std::vector<std::map<std::string, std::int64_t>> expected(tables.size());
    for (const auto& [id, key] : cases) {
        for (const std::string& scope : domain::RollupScopes(stakes[id])) {
            for (std::size_t t = 0; t < tables.size(); ++t) {
                if (auto row = RollupRowOf(tables[t], key, scope)) {
                    row->resize(tables[t].key.size());
                    ++expected[t][KeyText(*row)];
                }
            }
        }
    }
    check.rows = static_cast<std::int64_t>(expected.front().size());
    // A monthly row counts its whole month: only a range of whole months can check it.
    const bool whole_months = domain::PeriodStart(from, domain::StatsPeriod::kMonth) == from &&
                              domain::PeriodStart(to, domain::StatsPeriod::kMonth) == to;
    const std::size_t checked = whole_months ? tables.size() : 2;
    if (repair && !whole_months) {
        // The repair adds cases back to every table, monthly ones included.
        throw std::logic_error("rollups are repaired a whole month at a time");
    }
    for (std::size_t t = 0; t < checked; ++t) {
        CompareTable(session_, tables[t], from, to, std::move(expected[t]), check);
    }
    if (repair && check.differing_rows > 0) {
        for (const RollupTableColumns& table : tables) {
            const std::string time = table.key[1];
            session_.Execute(std::string("DELETE FROM ") + table.table + " WHERE " + time +
                                 " >= ? AND " + time + " < ?",
                             {std::int64_t{from}, std::int64_t{to}});
        }
        for (const auto& [id, key] : cases) {
            AddToRollups(session_, key, domain::RollupScopes(stakes[id]), +1);
        }
    }
    return check;
}

std::optional<std::pair<domain::DayNumber, domain::DayNumber>> SqlCaseStatsRepository::CaseDays() {
    const auto row = session_.QueryOne("SELECT MIN(created_at), MAX(created_at) FROM cases", {});
    if (!row || row->IsNull(0)) {
        return std::nullopt;
    }
    return std::pair{domain::DayNumberOf(FromEpochMs(row->Int(0))),
                     domain::DayNumberOf(FromEpochMs(row->Int(1)))};
}

bool SqlCaseStatsRepository::HasRollups() {
    return !session_.Query("SELECT 1 FROM case_rollups LIMIT 1", {}).empty();
}

}  // namespace minqing::storage
