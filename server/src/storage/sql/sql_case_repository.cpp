#include <algorithm>
#include <iterator>
#include <string>

#include "storage/sql/case_filters_sql.hpp"
#include "storage/sql/case_rollups.hpp"
#include "storage/sql/channel_fields_column.hpp"
#include "storage/sql/enum_text.hpp"
#include "storage/sql/sql_fragments.hpp"
#include "storage/sql/sql_repositories.hpp"
#include "text/segmenter.hpp"

namespace minqing::storage {
namespace {

using domain::Case;

using domain::CaseLocation;
using domain::Reporter;

// Every column but the id is written by both Insert and Update (guarded by the version).
// 0 (no account: a case loaded from elsewhere) is stored as NULL.
std::optional<domain::UserId> AccountOrNull(const domain::UserId& id) {
    return id == 0 ? std::nullopt : std::optional(id);
}
domain::UserId AccountOrZero(const std::optional<domain::UserId>& id) {
    return id.value_or(0);
}

const ColumnTable<Case> kCases(
    "cases", {Field<&Case::id>("id", kSelected),
              Field<&Case::number>("number"),
              Field<&Case::channel>("channel"),
              Field<&Case::kind>("kind"),
              Field<&Case::scope>("scope"),
              Field<&Case::urgency>("urgency"),
              Field<&Case::category_code>("category_code"),
              Field<&Case::title>("title"),
              Field<&Case::content>("content"),
              Field<&Case::location, &CaseLocation::address>("address"),
              Field<&Case::location, &CaseLocation::grid_id>("grid_id"),
              Field<&Case::location, &CaseLocation::lat>("lat"),
              Field<&Case::location, &CaseLocation::lng>("lng"),
              Field<&Case::people_involved>("people_involved"),
              Field<&Case::reporter, &Reporter::name>("reporter_name"),
              Field<&Case::reporter, &Reporter::phone>("reporter_phone"),
              Field<&Case::reporter, &Reporter::anonymous>("reporter_anonymous"),
              Field<&Case::reporter, &Reporter::confidential>("reporter_confidential"),
              Field<&Case::state>("state"),
              Field<&Case::holder_id>("holder_id"),
              Field<&Case::holder_path>("holder_path"),
              Field<&Case::origin_id>("origin_id"),
              Field<&Case::origin_path>("origin_path"),
              Field<&Case::receiving_office_id>("receiving_office_id"),
              Field<&Case::dispatcher_id>("dispatcher_id"),
              Field<&Case::lead_unit_id>("lead_unit_id"),
              Field<&Case::escalated_to_id>("escalated_to_id"),
              Field<&Case::escalated_from>("escalated_from"),
              Converted<&Case::created_by, &AccountOrNull, &AccountOrZero>("created_by"),
              Field<&Case::created_at>("created_at"),
              Field<&Case::updated_at>("updated_at"),
              Field<&Case::version>("version"),
              ChannelFieldsColumn("channel_fields"),
              Field<&Case::master_case_id>("master_case_id"),
              Field<&Case::external_ref>("external_ref"),
              Field<&Case::publish>("publish"),
              Field<&Case::query_code_digest>("query_code_digest"),
              Field<&Case::result>("result"),
              Field<&Case::answer_text>("answer_text"),
              Field<&Case::satisfaction>("satisfaction"),
              Field<&Case::extension_count>("extension_count"),
              Field<&Case::reopen_count>("reopen_count"),
              Field<&Case::follow_up_attempts>("follow_up_attempts"),
              Field<&Case::first_contact_at>("first_contact_at"),
              Field<&Case::committed_date>("committed_date"),
              Field<&Case::deadline>("deadline"),
              Field<&Case::closed_at>("closed_at"),
              Field<&Case::last_action>("last_action"),
              Field<&Case::deadline_step>("deadline_step"),
              Field<&Case::step_started_at>("step_started_at"),
              Field<&Case::yellow_from>("yellow_from"),
              Field<&Case::deadline_provisional>("deadline_provisional"),
              Field<&Case::answer_deadline>("answer_deadline"),
              Field<&Case::contact_deadline>("contact_deadline"),
              Field<&Case::requested_extension_days>("requested_extension_days"),
              Field<&Case::warning_level>("warning_level"),
              Field<&Case::supervision_level>("supervision_level"),
              Field<&Case::answer_legal_basis>("answer_legal_basis"),
              Field<&Case::unit_review_pending>("unit_review_pending"),
              Field<&Case::assignee_unit_id>("assignee_unit_id"),
              Field<&Case::assignee_user_id>("assignee_user_id")});

}  // namespace

std::string SqlCaseRepository::NextNumber(int year) {
    const auto row = session_.QueryOne(
        "INSERT INTO case_counters (year, last) VALUES (?, 1) ON CONFLICT (year) DO UPDATE "
        "SET last = case_counters.last + 1 RETURNING last",
        {std::int64_t{year}});
    std::string serial = std::to_string(row->Int(0));
    if (serial.size() < 7) {
        serial.insert(0, 7 - serial.size(), '0');
    }
    return std::to_string(year) + "-" + serial;
}

Case SqlCaseRepository::Insert(Case fresh, std::string_view search_tokens) {
    fresh.id =
        session_.QueryOne(kCases.InsertSql() + " RETURNING id", kCases.InsertValues(fresh))->Int(0);
    if (session_.dialect() == Dialect::kSqlite) {
        session_.Execute("INSERT INTO case_search (rowid, tokens) VALUES (?, ?)",
                         {fresh.id, std::string(search_tokens)});
    } else {
        session_.Execute("UPDATE cases SET search_tokens = to_tsvector('simple', ?) WHERE id = ?",
                         {std::string(search_tokens), fresh.id});
    }
    // Its stakes, and the scopes they open, come with AddAccess.
    AddToRollups(session_, domain::RollupKeyOf(fresh), {""}, +1);
    return fresh;
}

bool SqlCaseRepository::Update(const Case& changed, std::int64_t expected_version) {
    const auto before = StoredRollupKey(session_, changed.id);
    auto values = kCases.Values(changed, kUpdated);
    values.emplace_back(changed.id);
    values.emplace_back(expected_version);
    if (session_.Execute(
            "UPDATE cases SET " + kCases.Assignments() + " WHERE id = ? AND version = ?", values) !=
        1) {
        return false;
    }
    if (const auto after = domain::RollupKeyOf(changed); before && *before != after) {
        const auto scopes = domain::RollupScopes(StakePathsOf(session_, changed.id));
        AddToRollups(session_, *before, scopes, -1);
        AddToRollups(session_, after, scopes, +1);
    }
    return true;
}

std::optional<Case> SqlCaseRepository::FindWhere(std::string_view condition, SqlValue value) {
    return kCases.ReadOne(session_.QueryOne(
        "SELECT " + kCases.List("c.") + " FROM cases c WHERE " + std::string(condition),
        {std::move(value)}));
}

std::optional<Case> SqlCaseRepository::FindById(domain::CaseId id) {
    return FindWhere("c.id = ?", id);
}

std::optional<Case> SqlCaseRepository::FindByNumber(std::string_view number) {
    return FindWhere("c.number = ?", std::string(number));
}

bool SqlCaseRepository::IsVisible(domain::CaseId id, const domain::CaseVisibility& visibility) {
    std::string sql = "SELECT 1 FROM cases c WHERE c.id = ?";
    std::vector<SqlValue> params{id};
    AddCaseVisibility(sql, params, visibility);
    return !session_.Query(sql, params).empty();
}

std::vector<Case> SqlCaseRepository::List(const domain::CaseListQuery& query) {
    const bool fts_driven = query.sort == domain::CaseSort::kRecorded && !query.terms.empty() &&
                            session_.dialect() == Dialect::kSqlite;
    std::string sql = "SELECT " + kCases.List("c.") + " FROM cases c WHERE 1 = 1";
    std::vector<SqlValue> params;
    if (fts_driven) {
        // The full-text index drives: it yields matches newest id first and the other filters
        // are checked row by row until the page is full, instead of sorting every match.
        sql = "SELECT " + kCases.List("c.") +
              " FROM case_search s JOIN cases c ON c.id = s.rowid WHERE case_search MATCH ?";
        params.emplace_back(text::Fts5MatchExpression(query.terms));
        auto rest = query;
        rest.terms.clear();
        AddCaseFilters(sql, params, session_.dialect(), rest);
    } else {
        AddCaseFilters(sql, params, session_.dialect(), query);
    }
    // Keyset pagination: rows strictly after the last one of the previous page.
    if (query.sort == domain::CaseSort::kRecorded) {
        if (query.after_id) {
            sql += fts_driven ? " AND s.rowid < ?" : " AND c.id < ?";
            params.emplace_back(*query.after_id);
        }
        sql += fts_driven ? " ORDER BY s.rowid DESC" : " ORDER BY c.id DESC";
    } else if (query.sort == domain::CaseSort::kDeadline) {
        // Cases without a deadline sort last.
        const std::string key = "COALESCE(c.deadline, 9223372036854775807)";
        if (query.after_key && query.after_id) {
            sql += " AND (" + key + " > ? OR (" + key + " = ? AND c.id > ?))";
            params.insert(params.end(), {*query.after_key, *query.after_key, *query.after_id});
        }
        sql += " ORDER BY " + key + ", c.id";
    } else {
        if (query.after_key && query.after_id) {
            sql += " AND (c.created_at < ? OR (c.created_at = ? AND c.id < ?))";
            params.insert(params.end(), {*query.after_key, *query.after_key, *query.after_id});
        }
        sql += " ORDER BY c.created_at DESC, c.id DESC";
    }
    sql += " LIMIT ?";
    params.emplace_back(std::int64_t{query.limit});
    return kCases.ReadAll(session_.Query(sql, params));
}

std::int64_t SqlCaseRepository::Count(const domain::CaseListQuery& query) {
    std::string sql = "SELECT COUNT(*) FROM cases c WHERE 1 = 1";
    std::vector<SqlValue> params;
    AddCaseFilters(sql, params, session_.dialect(), query);
    return session_.QueryOne(sql, params)->Int(0);
}

void SqlCaseRepository::AddAccess(domain::CaseId id, const std::vector<std::string>& paths) {
    auto stakes = StakePathsOf(session_, id);
    const auto scopes_before = domain::RollupScopes(stakes);
    stakes.insert(stakes.end(), paths.begin(), paths.end());
    std::vector<std::string> opened;
    std::ranges::set_difference(domain::RollupScopes(stakes), scopes_before,
                                std::back_inserter(opened));
    if (!opened.empty()) {
        if (const auto key = StoredRollupKey(session_, id)) {
            AddToRollups(session_, *key, opened, +1);
        }
    }
    for (const std::string& path : paths) {
        session_.Execute(
            "INSERT INTO case_access (path, case_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
            {path, id});
    }
}

void SqlCaseRepository::SetAssisting(domain::CaseId id,
                                     const std::vector<domain::OrgUnitId>& units) {
    session_.Execute("DELETE FROM case_assisting WHERE case_id = ?", {id});
    for (const domain::OrgUnitId unit : units) {
        session_.Execute("INSERT INTO case_assisting (case_id, unit_id) VALUES (?, ?)", {id, unit});
    }
}

std::vector<Case> SqlCaseRepository::MergedInto(domain::CaseId master) {
    return kCases.ReadAll(session_.Query("SELECT " + kCases.List("c.") +
                                             " FROM cases c WHERE c.master_case_id = ? AND "
                                             "c.state = 'merged' ORDER BY c.id",
                                         {master}));
}

std::vector<domain::OrgUnitId> SqlCaseRepository::Assisting(domain::CaseId id) {
    std::vector<domain::OrgUnitId> units;
    for (const SqlRow& row : session_.Query(
             "SELECT unit_id FROM case_assisting WHERE case_id = ? ORDER BY unit_id", {id})) {
        units.push_back(row.Int(0));
    }
    return units;
}

std::map<domain::CaseId, Instant> SqlCaseRepository::ReadAt(
    domain::UserId user, const std::vector<domain::CaseId>& ids) {
    std::map<domain::CaseId, Instant> at;
    if (ids.empty()) {
        return at;
    }
    std::string sql = "SELECT case_id, read_at FROM case_reads WHERE user_id = ?";
    std::vector<SqlValue> params{user};
    AddIn(sql, params, "case_id", ids);
    for (const SqlRow& row : session_.Query(sql, params)) {
        at[row.Int(0)] = FromEpochMs(row.Int(1));
    }
    return at;
}

void SqlCaseRepository::MarkRead(domain::CaseId id, domain::UserId user, Instant at) {
    session_.Execute(
        "INSERT INTO case_reads (case_id, user_id, read_at) VALUES (?, ?, ?) "
        "ON CONFLICT (case_id, user_id) DO UPDATE SET read_at = excluded.read_at",
        {id, user, ToEpochMs(at)});
}

}  // namespace minqing::storage
