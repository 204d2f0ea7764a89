#include <algorithm>
#include <array>
#include <map>
#include <string>

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

// What the rollup rows are grouped by for a grouping; StatsKeyOf turns the value into the key.
std::string RollupColumn(const StatsGrouping& grouping) {
    switch (grouping.dimension) {
        case StatsDimension::kPeriod:
            return "day";
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

// Whether only the day and state are asked of the rollups: the small per-day table answers.
bool DaysAnswer(const domain::StatsQuery& query) {
    const auto& f = query.filters;
    const bool other_filters = !f.holder_ids.empty() || !f.lead_unit_ids.empty() || f.channel ||
                               f.kind || f.urgency || !f.category_prefix.empty() ||
                               f.origin_within || f.origin_id;
    return !other_filters && std::ranges::all_of(query.groupings, [](const StatsGrouping& g) {
        return g.dimension == StatsDimension::kPeriod || g.dimension == StatsDimension::kState;
    });
}

// The rollup row's text for reports: its key parts in column order.
std::string RowText(const SqlRow& row, std::size_t columns) {
    std::string text;
    for (std::size_t i = 0; i < columns; ++i) {
        text += (i == 0 ? "" : " ") + row.Text(i);
    }
    return text;
}

constexpr const char* kRollupRowKey =
    "scope, day, origin_id, holder_id, lead_unit_id, category_code, channel, kind, urgency, state";
constexpr std::size_t kRollupRowKeyColumns = 10;

}  // namespace

std::vector<domain::StatsCell> SqlCaseStatsRepository::CountFromRollups(
    const domain::StatsQuery& query, const std::string& scope) {
    const auto& f = query.filters;
    const bool days = DaysAnswer(query);
    std::string where = std::string("FROM ") + (days ? "case_rollup_days" : "case_rollups") +
                        " WHERE scope = ? AND day >= ? AND day < ?";
    std::vector<SqlValue> params{scope, std::int64_t{query.from}, std::int64_t{query.to}};
    // The per-day table has states only; DaysAnswer keeps the other filters off it.
    AddCaseAttributeFilters(where, params, "", f);
    if (!days) {
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
    }
    std::vector<std::string> columns;
    for (const StatsGrouping& grouping : query.groupings) {
        columns.push_back(RollupColumn(grouping));
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
    std::map<std::string, std::int64_t> expected_rows;
    std::map<std::string, std::int64_t> expected_days;
    std::vector<std::pair<domain::CaseId, domain::RollupKey>> cases;
    for (const SqlRow& row : session_.Query(std::string("SELECT id, ") + kRollupKeyColumns +
                                                " FROM cases WHERE created_at >= ? AND "
                                                "created_at < ?",
                                            range)) {
        cases.emplace_back(row.Int(0), RollupKeyFromRow(row, 1));
    }
    check.cases = static_cast<std::int64_t>(cases.size());
    for (const auto& [id, key] : cases) {
        const std::string rest =
            " " + std::to_string(key.day) + " " + std::to_string(key.origin_id) + " " +
            std::to_string(key.holder_id) + " " + std::to_string(key.lead_unit_id) + " " +
            key.category_code + " " + std::string(domain::ChannelName(key.channel)) + " " +
            std::string(domain::CaseKindName(key.kind)) + " " +
            std::string(domain::UrgencyName(key.urgency)) + " " +
            std::string(domain::CaseStateName(key.state));
        for (const std::string& scope : domain::RollupScopes(stakes[id])) {
            ++expected_rows[scope + rest];
            ++expected_days[scope + " " + std::to_string(key.day) + " " +
                            std::string(domain::CaseStateName(key.state))];
        }
    }
    check.rows = static_cast<std::int64_t>(expected_rows.size());
    const auto compare = [&](const std::string& table, std::size_t key_columns,
                             const std::string& key_list,
                             std::map<std::string, std::int64_t> want) {
        for (const SqlRow& row : session_.Query(
                 "SELECT " + key_list + ", cases FROM " + table + " WHERE day >= ? AND day < ?",
                 {std::int64_t{from}, std::int64_t{to}})) {
            // The scope "" reads as an empty first part, as in the recount's text.
            const std::string text = RowText(row, key_columns);
            const std::int64_t stored = row.Int(key_columns);
            const auto wanted = want.find(text);
            const std::int64_t recounted = wanted == want.end() ? 0 : wanted->second;
            if (wanted != want.end()) {
                want.erase(wanted);
            }
            if (stored != recounted) {
                ++check.differing_rows;
                if (check.differences.size() < 20) {
                    check.differences.push_back({table + ": " + text, stored, recounted});
                }
            }
        }
        for (const auto& [text, recounted] : want) {
            ++check.differing_rows;
            if (check.differences.size() < 20) {
                check.differences.push_back({table + ": " + text, 0, recounted});
            }
        }
    };
    compare("case_rollups", kRollupRowKeyColumns, kRollupRowKey, expected_rows);
    compare("case_rollup_days", 3, "scope, day, state", expected_days);
    if (repair && check.differing_rows > 0) {
        const std::vector<SqlValue> days{std::int64_t{from}, std::int64_t{to}};
        session_.Execute("DELETE FROM case_rollups WHERE day >= ? AND day < ?", days);
        session_.Execute("DELETE FROM case_rollup_days WHERE day >= ? AND day < ?", days);
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
