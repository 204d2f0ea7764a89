#include "storage/sql/case_rollups.hpp"

#include <array>

#include "storage/sql/enum_text.hpp"

namespace minqing::storage {
namespace {

// "scope = ? AND day = ? AND …" over the primary key of case_rollups, with its values.
constexpr const char* kRowKey =
    "scope = ? AND day = ? AND origin_id = ? AND holder_id = ? AND lead_unit_id = ? AND "
    "category_code = ? AND channel = ? AND kind = ? AND urgency = ? AND state = ?";

std::vector<SqlValue> RowKeyValues(const std::string& scope, const domain::RollupKey& key) {
    return {scope,
            std::int64_t{key.day},
            key.origin_id,
            key.holder_id,
            key.lead_unit_id,
            key.category_code,
            std::string(domain::ChannelName(key.channel)),
            std::string(domain::CaseKindName(key.kind)),
            std::string(domain::UrgencyName(key.urgency)),
            std::string(domain::CaseStateName(key.state))};
}

// Adds one case to a row (inserting it at 1), or takes one away (deleting a row at 1).
void Step(SqlSession& session, const char* table, const std::string& key_condition,
          const std::string& insert, std::vector<SqlValue> key_values,
          std::vector<SqlValue> insert_values, int delta) {
    if (delta > 0) {
        session.Execute(insert, insert_values);
        return;
    }
    const std::string from = std::string(table) + " WHERE " + key_condition;
    key_values.emplace_back(std::int64_t{1});
    if (session.Execute("DELETE FROM " + from + " AND cases = ?", key_values) == 0) {
        key_values.pop_back();
        session.Execute(
            "UPDATE " + std::string(table) + " SET cases = cases - 1 WHERE " + key_condition,
            key_values);
    }
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

void AddToRollups(SqlSession& session, const domain::RollupKey& key,
                  const std::vector<std::string>& scopes, int delta) {
    std::array<domain::OrgUnitId, domain::kAreaLevels.size()> areas{};
    for (std::size_t i = 0; i < areas.size(); ++i) {
        areas[i] = domain::AreaAt(key.origin_path, domain::kAreaLevels[i]);
    }
    for (const std::string& scope : scopes) {
        auto key_values = RowKeyValues(scope, key);
        auto insert_values = key_values;
        insert_values.insert(insert_values.end(), areas.begin(), areas.end());
        Step(session, "case_rollups", kRowKey,
             "INSERT INTO case_rollups (scope, day, origin_id, holder_id, lead_unit_id, "
             "category_code, channel, kind, urgency, state, area_district, area_street, "
             "area_community, area_grid, cases) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
             "?, 1) ON CONFLICT (scope, day, origin_id, holder_id, lead_unit_id, category_code, "
             "channel, kind, urgency, state) DO UPDATE SET cases = case_rollups.cases + 1",
             std::move(key_values), std::move(insert_values), delta);
        std::vector<SqlValue> day_key{scope, std::int64_t{key.day},
                                      std::string(domain::CaseStateName(key.state))};
        Step(session, "case_rollup_days", "scope = ? AND day = ? AND state = ?",
             "INSERT INTO case_rollup_days (scope, day, state, cases) VALUES (?, ?, ?, 1) "
             "ON CONFLICT (scope, day, state) DO UPDATE SET cases = case_rollup_days.cases + 1",
             day_key, day_key, delta);
    }
}

}  // namespace minqing::storage
