#include "storage/sql/sql_case_repository.hpp"

#include <array>
#include <string>

#include "storage/sql/sql_fragments.hpp"
#include "storage/sql/sql_org_repository.hpp"
#include "text/segmenter.hpp"

namespace minqing::storage {
namespace {

using domain::Case;

// The columns every write sets, in the order CaseValues() gives them.
constexpr std::array<std::string_view, 60> kWritten = {
    "number",
    "channel",
    "kind",
    "scope",
    "urgency",
    "category_code",
    "title",
    "content",
    "address",
    "grid_id",
    "lat",
    "lng",
    "people_involved",
    "reporter_name",
    "reporter_phone",
    "reporter_anonymous",
    "reporter_confidential",
    "state",
    "holder_id",
    "holder_path",
    "origin_id",
    "origin_path",
    "receiving_office_id",
    "dispatcher_id",
    "lead_unit_id",
    "escalated_to_id",
    "escalated_from",
    "created_by",
    "created_at",
    "updated_at",
    "version",
    "channel_fields",
    "master_case_id",
    "external_ref",
    "publish",
    "query_code_digest",
    "result",
    "answer_text",
    "satisfaction",
    "extension_count",
    "reopen_count",
    "follow_up_attempts",
    "first_contact_at",
    "committed_date",
    "deadline",
    "closed_at",
    "last_action",
    "deadline_step",
    "step_started_at",
    "yellow_from",
    "deadline_provisional",
    "answer_deadline",
    "contact_deadline",
    "requested_extension_days",
    "warning_level",
    "supervision_level",
    "answer_legal_basis",
    "unit_review_pending",
    "assignee_unit_id",
    "assignee_user_id",
};

std::string JoinColumns(std::string_view prefix) {
    std::string columns;
    for (const auto column : kWritten) {
        columns += columns.empty() ? "" : ", ";
        columns += prefix;
        columns += column;
    }
    return columns;
}

const std::string& SelectColumns() {
    static const std::string kColumns = "c.id, " + JoinColumns("c.");
    return kColumns;
}

SqlValue Flag(bool value) {
    return std::int64_t{value ? 1 : 0};
}

std::vector<SqlValue> CaseValues(const Case& c) {
    return {c.number,
            std::string(domain::ChannelName(c.channel)),
            std::string(domain::CaseKindName(c.kind)),
            std::string(domain::CaseScopeName(c.scope)),
            std::string(domain::UrgencyName(c.urgency)),
            c.category_code,
            c.title,
            c.content,
            c.location.address,
            Nullable(c.location.grid_id),
            Nullable(c.location.lat),
            Nullable(c.location.lng),
            std::int64_t{c.people_involved},
            c.reporter.name,
            c.reporter.phone,
            Flag(c.reporter.anonymous),
            Flag(c.reporter.confidential),
            std::string(domain::CaseStateName(c.state)),
            c.holder_id,
            c.holder_path,
            c.origin_id,
            c.origin_path,
            c.receiving_office_id,
            Nullable(c.dispatcher_id),
            Nullable(c.lead_unit_id),
            Nullable(c.escalated_to_id),
            EnumName(c.escalated_from, &domain::CaseStateName),
            c.created_by == 0 ? SqlValue(std::monostate{}) : SqlValue(c.created_by),
            ToEpochMs(c.created_at),
            ToEpochMs(c.updated_at),
            c.version,
            c.channel_fields,
            Nullable(c.master_case_id),
            c.external_ref,
            Flag(c.publish),
            c.query_code_digest,
            EnumName(c.result, &domain::AnswerResultName),
            c.answer_text,
            EnumName(c.satisfaction, &domain::SatisfactionName),
            std::int64_t{c.extension_count},
            std::int64_t{c.reopen_count},
            std::int64_t{c.follow_up_attempts},
            NullableMillis(c.first_contact_at),
            NullableMillis(c.committed_date),
            NullableMillis(c.deadline),
            NullableMillis(c.closed_at),
            c.last_action,
            EnumName(c.deadline_step, &domain::DeadlineStepName),
            NullableMillis(c.step_started_at),
            NullableMillis(c.yellow_from),
            Flag(c.deadline_provisional),
            NullableMillis(c.answer_deadline),
            NullableMillis(c.contact_deadline),
            std::int64_t{c.requested_extension_days},
            std::int64_t{c.warning_level},
            std::int64_t{c.supervision_level},
            c.answer_legal_basis,
            Flag(c.unit_review_pending),
            Nullable(c.assignee_unit_id),
            Nullable(c.assignee_user_id)};
}

std::optional<double> OptionalReal(const SqlRow& row, std::size_t column) {
    return row.IsNull(column) ? std::nullopt : std::optional(row.Real(column));
}

// Column i of the select is kWritten[i - 1]; 0 is the id.
Case CaseFromRow(const SqlRow& row) {
    Case c;
    c.id = row.Int(0);
    c.number = row.Text(1);
    c.channel = domain::ParseChannel(row.Text(2)).value_or(domain::Channel::kWalkIn);
    c.kind = domain::ParseCaseKind(row.Text(3)).value_or(domain::CaseKind::kOther);
    c.scope = domain::ParseCaseScope(row.Text(4)).value_or(domain::CaseScope::kIndividual);
    c.urgency = domain::ParseUrgency(row.Text(5)).value_or(domain::Urgency::kNormal);
    c.category_code = row.Text(6);
    c.title = row.Text(7);
    c.content = row.Text(8);
    c.location.address = row.Text(9);
    c.location.grid_id = row.OptionalInt(10);
    c.location.lat = OptionalReal(row, 11);
    c.location.lng = OptionalReal(row, 12);
    c.people_involved = static_cast<int>(row.Int(13));
    c.reporter.name = row.Text(14);
    c.reporter.phone = row.Text(15);
    c.reporter.anonymous = row.Bool(16);
    c.reporter.confidential = row.Bool(17);
    c.state = domain::ParseCaseState(row.Text(18)).value_or(domain::CaseState::kRegistered);
    c.holder_id = row.Int(19);
    c.holder_path = row.Text(20);
    c.origin_id = row.Int(21);
    c.origin_path = row.Text(22);
    c.receiving_office_id = row.Int(23);
    c.dispatcher_id = row.OptionalInt(24);
    c.lead_unit_id = row.OptionalInt(25);
    c.escalated_to_id = row.OptionalInt(26);
    c.escalated_from = OptionalEnum(row, 27, &domain::ParseCaseState);
    c.created_by = row.OptionalInt(28).value_or(0);
    c.created_at = FromEpochMs(row.Int(29));
    c.updated_at = FromEpochMs(row.Int(30));
    c.version = row.Int(31);
    c.channel_fields = row.Text(32);
    c.master_case_id = row.OptionalInt(33);
    c.external_ref = row.Text(34);
    c.publish = row.Bool(35);
    c.query_code_digest = row.Text(36);
    c.result = OptionalEnum(row, 37, &domain::ParseAnswerResult);
    c.answer_text = row.Text(38);
    c.satisfaction = OptionalEnum(row, 39, &domain::ParseSatisfaction);
    c.extension_count = static_cast<int>(row.Int(40));
    c.reopen_count = static_cast<int>(row.Int(41));
    c.follow_up_attempts = static_cast<int>(row.Int(42));
    c.first_contact_at = row.OptionalInstant(43);
    c.committed_date = row.OptionalInstant(44);
    c.deadline = row.OptionalInstant(45);
    c.closed_at = row.OptionalInstant(46);
    c.last_action = row.Text(47);
    c.deadline_step = OptionalEnum(row, 48, &domain::ParseDeadlineStep);
    c.step_started_at = row.OptionalInstant(49);
    c.yellow_from = row.OptionalInstant(50);
    c.deadline_provisional = row.Bool(51);
    c.answer_deadline = row.OptionalInstant(52);
    c.contact_deadline = row.OptionalInstant(53);
    c.requested_extension_days = static_cast<int>(row.Int(54));
    c.warning_level = static_cast<int>(row.Int(55));
    c.supervision_level = static_cast<int>(row.Int(56));
    c.answer_legal_basis = row.Text(57);
    c.unit_review_pending = row.Bool(58);
    c.assignee_unit_id = row.OptionalInt(59);
    c.assignee_user_id = row.OptionalInt(60);
    return c;
}

void AddRange(std::string& sql, std::vector<SqlValue>& params, std::string_view column,
              const std::string& path) {
    sql += "(";
    sql += column;
    sql += " >= ? AND ";
    sql += column;
    sql += " < ?)";
    params.emplace_back(path);
    params.emplace_back(SubtreeUpperBound(path));
}

// " AND (range OR range …)" for a non-empty list of subtrees.
void AddAnyRange(std::string& sql, std::vector<SqlValue>& params, std::string_view column,
                 const std::vector<std::string>& paths) {
    if (paths.empty()) {
        return;
    }
    sql += " AND (";
    for (std::size_t i = 0; i < paths.size(); ++i) {
        sql += i == 0 ? "" : " OR ";
        AddRange(sql, params, column, paths[i]);
    }
    sql += ")";
}

// "(EXISTS a stake inside one of the paths OR created by me)", or nothing for "everything".
void AddVisibility(std::string& sql, std::vector<SqlValue>& params,
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
        AddRange(scopes, scope_params, "a.path", path);
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
    for (const std::string& path : visibility.escalated_paths) {
        sql += " OR c.escalated_to_id IN (SELECT e.id FROM org_units e WHERE ";
        AddRange(sql, params, "e.path", path);
        sql += ")";
    }
    sql += ")";
}

void AddFilters(std::string& sql, std::vector<SqlValue>& params, Dialect dialect,
                const domain::CaseListQuery& query) {
    AddVisibility(sql, params, query.visibility);
    std::vector<std::string> states;
    for (const auto state : query.states) {
        states.emplace_back(domain::CaseStateName(state));
    }
    AddIn(sql, params, "c.state", states);
    if (query.holder_path) {
        sql += " AND ";
        AddRange(sql, params, "c.holder_path", *query.holder_path);
    }
    AddAnyRange(sql, params, "c.holder_path", query.holder_paths);
    AddIn(sql, params, "c.holder_id", query.holder_ids);
    AddIn(sql, params, "c.dispatcher_id", query.dispatcher_ids);
    AddIn(sql, params, "c.escalated_to_id", query.escalated_ids);
    AddIn(sql, params, "c.last_action", query.last_actions);
    if (query.created_by) {
        sql += " AND c.created_by = ?";
        params.emplace_back(*query.created_by);
    }
    if (query.within_path) {
        sql += " AND EXISTS (SELECT 1 FROM case_access w WHERE w.case_id = c.id AND ";
        AddRange(sql, params, "w.path", *query.within_path);
        sql += ")";
    }
    if (query.channel) {
        sql += " AND c.channel = ?";
        params.emplace_back(std::string(domain::ChannelName(*query.channel)));
    }
    if (query.kind) {
        sql += " AND c.kind = ?";
        params.emplace_back(std::string(domain::CaseKindName(*query.kind)));
    }
    if (query.urgency) {
        sql += " AND c.urgency = ?";
        params.emplace_back(std::string(domain::UrgencyName(*query.urgency)));
    }
    if (!query.category_prefix.empty()) {
        sql += " AND c.category_code >= ? AND c.category_code < ?";
        params.emplace_back(query.category_prefix);
        params.emplace_back(query.category_prefix + "\x7f");
    }
    if (query.created_from) {
        sql += " AND c.created_at >= ?";
        params.emplace_back(ToEpochMs(*query.created_from));
    }
    if (query.created_to) {
        sql += " AND c.created_at < ?";
        params.emplace_back(ToEpochMs(*query.created_to));
    }
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
    static const std::string kSql = [] {
        std::string placeholders;
        for (std::size_t i = 0; i < kWritten.size(); ++i) {
            placeholders += i == 0 ? "?" : ", ?";
        }
        return "INSERT INTO cases (" + JoinColumns("") + ") VALUES (" + placeholders +
               ") RETURNING id";
    }();
    fresh.id = session_.QueryOne(kSql, CaseValues(fresh))->Int(0);
    if (session_.dialect() == Dialect::kSqlite) {
        session_.Execute("INSERT INTO case_search (rowid, tokens) VALUES (?, ?)",
                         {fresh.id, std::string(search_tokens)});
    } else {
        session_.Execute("UPDATE cases SET search_tokens = to_tsvector('simple', ?) WHERE id = ?",
                         {std::string(search_tokens), fresh.id});
    }
    return fresh;
}

bool SqlCaseRepository::Update(const Case& changed, std::int64_t expected_version) {
    static const std::string kSql = [] {
        std::string assignments;
        for (const auto column : kWritten) {
            assignments += assignments.empty() ? "" : ", ";
            assignments += column;
            assignments += " = ?";
        }
        return "UPDATE cases SET " + assignments + " WHERE id = ? AND version = ?";
    }();
    auto values = CaseValues(changed);
    values.emplace_back(changed.id);
    values.emplace_back(expected_version);
    return session_.Execute(kSql, values) == 1;
}

std::optional<Case> SqlCaseRepository::FindWhere(std::string_view condition, SqlValue value) {
    const auto row = session_.QueryOne(
        "SELECT " + SelectColumns() + " FROM cases c WHERE " + std::string(condition),
        {std::move(value)});
    return row ? std::optional(CaseFromRow(*row)) : std::nullopt;
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
    AddVisibility(sql, params, visibility);
    return !session_.Query(sql, params).empty();
}

std::vector<Case> SqlCaseRepository::List(const domain::CaseListQuery& query) {
    const bool fts_driven = query.sort == domain::CaseSort::kRecorded && !query.terms.empty() &&
                            session_.dialect() == Dialect::kSqlite;
    std::string sql = "SELECT " + SelectColumns() + " FROM cases c WHERE 1 = 1";
    std::vector<SqlValue> params;
    if (fts_driven) {
        // The full-text index drives: it yields matches newest id first and the other filters
        // are checked row by row until the page is full, instead of sorting every match.
        sql = "SELECT " + SelectColumns() +
              " FROM case_search s JOIN cases c ON c.id = s.rowid WHERE case_search MATCH ?";
        params.emplace_back(text::Fts5MatchExpression(query.terms));
        auto rest = query;
        rest.terms.clear();
        AddFilters(sql, params, session_.dialect(), rest);
    } else {
        AddFilters(sql, params, session_.dialect(), query);
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
    std::vector<Case> cases;
    for (const SqlRow& row : session_.Query(sql, params)) {
        cases.push_back(CaseFromRow(row));
    }
    return cases;
}

std::int64_t SqlCaseRepository::Count(const domain::CaseListQuery& query) {
    std::string sql = "SELECT COUNT(*) FROM cases c WHERE 1 = 1";
    std::vector<SqlValue> params;
    AddFilters(sql, params, session_.dialect(), query);
    return session_.QueryOne(sql, params)->Int(0);
}

void SqlCaseRepository::AddAccess(domain::CaseId id, const std::vector<std::string>& paths) {
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
    std::vector<Case> merged;
    for (const SqlRow& row : session_.Query("SELECT " + SelectColumns() +
                                                " FROM cases c WHERE c.master_case_id = ? AND "
                                                "c.state = 'merged' ORDER BY c.id",
                                            {master})) {
        merged.push_back(CaseFromRow(row));
    }
    return merged;
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
