#include "storage/sql/case_filters_sql.hpp"

#include "storage/sql/enum_text.hpp"
#include "storage/sql/sql_fragments.hpp"
#include "text/segmenter.hpp"

namespace minqing::storage {

void AddSubtreeRange(std::string& sql, std::vector<SqlValue>& params, std::string_view column,
                     const std::string& path) {
    sql += "(";
    sql += column;
    sql += " >= ? AND ";
    sql += column;
    sql += " < ?)";
    params.emplace_back(path);
    params.emplace_back(SubtreeUpperBound(path));
}

namespace {

// " AND (range OR range …)" for a non-empty list of subtrees.
void AddAnyRange(std::string& sql, std::vector<SqlValue>& params, std::string_view column,
                 const std::vector<std::string>& paths) {
    if (paths.empty()) {
        return;
    }
    sql += " AND (";
    for (std::size_t i = 0; i < paths.size(); ++i) {
        sql += i == 0 ? "" : " OR ";
        AddSubtreeRange(sql, params, column, paths[i]);
    }
    sql += ")";
}

}  // namespace

// "(EXISTS a stake inside one of the paths OR created by me)", or nothing for "everything".
void AddCaseVisibility(std::string& sql, std::vector<SqlValue>& params,
                       const domain::CaseVisibility& visibility) {
    if (visibility.everything) {
        return;
    }
    std::string scopes;
    std::vector<SqlValue> scope_params;
    for (const std::string& path : visibility.paths) {
        if (!scopes.empty()) {
            scopes += " OR ";
        }
        AddSubtreeRange(scopes, scope_params, "a.path", path);
    }
    sql += " AND (";
    if (!scopes.empty()) {
        sql += "EXISTS (SELECT 1 FROM case_access a WHERE a.case_id = c.id AND (" + scopes + "))";
        params.insert(params.end(), scope_params.begin(), scope_params.end());
    } else {
        sql += "1 = 0";
    }
    if (visibility.creator) {
        sql += " OR c.created_by = ?";
        params.emplace_back(*visibility.creator);
    }
    sql += ")";
}

namespace {

// `condition` with the value as its parameter, when there is a value.
template <typename T>
void AddIf(std::string& sql, std::vector<SqlValue>& params, std::string_view condition,
           const std::optional<T>& value) {
    if (value) {
        sql += condition;
        params.push_back(ToSqlValue(*value));
    }
}

// Where the case arose, who leads it, and the subtrees it must have no stake in.
void AddPlaceFilters(std::string& sql, std::vector<SqlValue>& params,
                     const domain::CaseListQuery& query) {
    for (const std::string& path : query.excluded_paths) {
        sql += " AND NOT EXISTS (SELECT 1 FROM case_access x WHERE x.case_id = c.id AND ";
        AddSubtreeRange(sql, params, "x.path", path);
        sql += ")";
    }
    if (query.origin_within) {
        sql += " AND ";
        AddSubtreeRange(sql, params, "c.origin_path", *query.origin_within);
    }
    AddIf(sql, params, " AND c.origin_id = ?", query.origin_id);
    AddIn(sql, params, "COALESCE(c.lead_unit_id, 0)", query.lead_unit_ids);
}

}  // namespace

void AddCaseAttributeFilters(std::string& sql, std::vector<SqlValue>& params,
                             std::string_view qualifier, const domain::CaseListQuery& query) {
    const auto column = [qualifier](std::string_view name) {
        return std::string(qualifier) + std::string(name);
    };
    std::vector<std::string> states;
    for (const auto state : query.states) {
        states.emplace_back(domain::CaseStateName(state));
    }
    AddIn(sql, params, column("state"), states);
    AddIf(sql, params, " AND " + column("channel") + " = ?", query.channel);
    AddIf(sql, params, " AND " + column("kind") + " = ?", query.kind);
    AddIf(sql, params, " AND " + column("urgency") + " = ?", query.urgency);
    if (!query.category_prefix.empty()) {
        sql += " AND " + column("category_code") + " >= ? AND " + column("category_code") + " < ?";
        params.emplace_back(query.category_prefix);
        params.emplace_back(query.category_prefix + "\x7f");
    }
}

void AddCaseFilters(std::string& sql, std::vector<SqlValue>& params, Dialect dialect,
                    const domain::CaseListQuery& query) {
    AddCaseVisibility(sql, params, query.visibility);
    AddCaseAttributeFilters(sql, params, "c.", query);
    if (query.holder_path) {
        sql += " AND ";
        AddSubtreeRange(sql, params, "c.holder_path", *query.holder_path);
    }
    AddAnyRange(sql, params, "c.holder_path", query.holder_paths);
    AddIn(sql, params, "c.holder_id", query.holder_ids);
    AddIn(sql, params, "c.dispatcher_id", query.dispatcher_ids);
    AddIn(sql, params, "c.escalated_to_id", query.escalated_ids);
    AddIn(sql, params, "c.last_action", query.last_actions);
    AddIf(sql, params, " AND c.created_by = ?", query.created_by);
    if (query.within_path) {
        sql += " AND EXISTS (SELECT 1 FROM case_access w WHERE w.case_id = c.id AND ";
        AddSubtreeRange(sql, params, "w.path", *query.within_path);
        sql += ")";
    }
    AddPlaceFilters(sql, params, query);
    AddIf(sql, params, " AND c.created_at >= ?", query.created_from);
    AddIf(sql, params, " AND c.created_at < ?", query.created_to);
    if (query.overdue_at) {
        sql +=
            " AND c.deadline < ? AND c.state NOT IN ('declined', 'merged', 'closed', "
            "'withdrawn')";
        params.emplace_back(ToEpochMs(*query.overdue_at));
    }
    if (query.warning) {
        const std::int64_t at = ToEpochMs(query.warning_at);
        switch (*query.warning) {
            case domain::Warning::kRed:
                sql += " AND c.deadline < ?";
                params.emplace_back(at);
                break;
            case domain::Warning::kYellow:
                sql += " AND c.deadline >= ? AND c.yellow_from <= ?";
                params.insert(params.end(), {at, at});
                break;
            case domain::Warning::kNormal:
                sql += " AND c.deadline >= ? AND c.yellow_from > ?";
                params.insert(params.end(), {at, at});
                break;
        }
    }
    if (query.without_card) {
        sql += " AND (c.deadline IS NULL OR (c.deadline >= ? AND c.yellow_from IS NULL))";
        params.emplace_back(ToEpochMs(query.warning_at));
    }
    if (!query.terms.empty()) {
        if (dialect == Dialect::kSqlite) {
            sql += " AND c.id IN (SELECT rowid FROM case_search WHERE case_search MATCH ?)";
            params.emplace_back(text::Fts5MatchExpression(query.terms));
        } else {
            sql += " AND c.search_tokens @@ to_tsquery('simple', ?)";
            params.emplace_back(text::TsQueryExpression(query.terms));
        }
    }
}

}  // namespace minqing::storage
