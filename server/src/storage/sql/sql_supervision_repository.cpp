#include "storage/sql/sql_supervision_repository.hpp"

#include <string>

#include "storage/sql/sql_org_repository.hpp"

namespace minqing::storage {
namespace {

using domain::Supervision;
using domain::SweptCase;

constexpr std::string_view kColumns =
    "id, case_id, level, manual, step, step_deadline, unit_id, note, issued_by, issued_by_unit, "
    "issued_at, reply_due, replied_at, replied_by, reply, reply_warning_level, "
    "(SELECT c.number FROM cases c WHERE c.id = s.case_id)";

constexpr std::string_view kSweptColumns =
    " RETURNING id, number, title, holder_id, deadline_step, deadline, state, urgency, "
    "origin_path";

Supervision FromRow(const SqlRow& row) {
    Supervision s;
    s.id = row.Int(0);
    s.case_id = row.Int(1);
    s.level = static_cast<domain::SupervisionLevel>(row.Int(2));
    s.manual = row.Bool(3);
    s.step = row.OptionalText(4).and_then(
        [](const std::string& name) { return domain::ParseDeadlineStep(name); });
    s.step_deadline = row.OptionalInstant(5);
    s.unit_id = row.Int(6);
    s.note = row.Text(7);
    s.issued_by = row.OptionalInt(8);
    s.issued_by_unit = row.OptionalInt(9);
    s.issued_at = FromEpochMs(row.Int(10));
    s.reply_due = row.OptionalInstant(11);
    s.replied_at = row.OptionalInstant(12);
    s.replied_by = row.OptionalInt(13);
    s.reply = row.Text(14);
    s.reply_warning_level = static_cast<int>(row.Int(15));
    s.case_number = row.Text(16);
    return s;
}

}  // namespace

Supervision SqlSupervisionRepository::Insert(Supervision s) {
    const auto row = session_.QueryOne(
        "INSERT INTO case_supervisions (case_id, level, manual, step, step_deadline, unit_id, "
        "note, issued_by, issued_by_unit, issued_at, reply_due) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING RETURNING id",
        {s.case_id, std::int64_t{static_cast<int>(s.level)}, std::int64_t{s.manual ? 1 : 0},
         s.step ? SqlValue(std::string(domain::DeadlineStepName(*s.step)))
                : SqlValue(std::monostate{}),
         NullableMillis(s.step_deadline), s.unit_id, s.note, Nullable(s.issued_by),
         Nullable(s.issued_by_unit), ToEpochMs(s.issued_at), NullableMillis(s.reply_due)});
    // No row: the sweep already recorded this level for this deadline.
    s.id = row ? row->Int(0) : 0;
    if (const auto number =
            session_.QueryOne("SELECT number FROM cases WHERE id = ?", {s.case_id})) {
        s.case_number = number->Text(0);
    }
    return s;
}

std::optional<Supervision> SqlSupervisionRepository::FindById(std::int64_t id) {
    const auto row = session_.QueryOne(
        "SELECT " + std::string(kColumns) + " FROM case_supervisions s WHERE s.id = ?", {id});
    return row ? std::optional(FromRow(*row)) : std::nullopt;
}

// The WHERE clause of a query (without paging), its parameters appended to `params`.
std::string SqlSupervisionRepository::Where(const domain::SupervisionQuery& query,
                                            std::vector<SqlValue>& params) {
    std::string sql = " WHERE 1 = 1";
    if (query.case_id) {
        sql += " AND s.case_id = ?";
        params.emplace_back(*query.case_id);
    }
    if (!query.unit_ids.empty() || !query.unit_paths.empty()) {
        sql += " AND (1 = 0";
        for (const auto id : query.unit_ids) {
            sql += " OR s.unit_id = ?";
            params.emplace_back(id);
        }
        for (const auto& path : query.unit_paths) {
            sql +=
                " OR s.unit_id IN (SELECT u.id FROM org_units u WHERE u.path >= ? AND "
                "u.path < ?)";
            params.emplace_back(path);
            params.emplace_back(SubtreeUpperBound(path));
        }
        sql += ")";
    }
    if (query.only_unit) {
        sql += " AND s.unit_id = ?";
        params.emplace_back(*query.only_unit);
    }
    if (query.manual_only) {
        sql += " AND s.manual = 1";
    }
    // A reply is owed where a reply deadline was set: manual orders and automatic 督办.
    if (query.open_only) {
        sql += " AND s.reply_due IS NOT NULL AND s.replied_at IS NULL";
    }
    if (query.reply_overdue_at) {
        sql += " AND s.reply_due IS NOT NULL AND s.replied_at IS NULL AND s.reply_due < ?";
        params.emplace_back(ToEpochMs(*query.reply_overdue_at));
    }
    return sql;
}

std::vector<Supervision> SqlSupervisionRepository::List(const domain::SupervisionQuery& query) {
    std::vector<SqlValue> params;
    std::string sql =
        "SELECT " + std::string(kColumns) + " FROM case_supervisions s" + Where(query, params);
    if (query.before_id) {
        sql += " AND s.id < ?";
        params.emplace_back(*query.before_id);
    }
    sql += " ORDER BY s.id DESC LIMIT ?";
    params.emplace_back(std::int64_t{query.limit});
    std::vector<Supervision> found;
    for (const SqlRow& row : session_.Query(sql, params)) {
        found.push_back(FromRow(row));
    }
    return found;
}

domain::SupervisionTotals SqlSupervisionRepository::Count(const domain::SupervisionQuery& query) {
    std::vector<SqlValue> params;
    const std::string sql = "SELECT s.level, COUNT(*) FROM case_supervisions s" +
                            Where(query, params) + " GROUP BY s.level";
    domain::SupervisionTotals totals;
    for (const SqlRow& row : session_.Query(sql, params)) {
        switch (static_cast<domain::SupervisionLevel>(row.Int(0))) {
            case domain::SupervisionLevel::kReminder:
                totals.reminder = row.Int(1);
                break;
            case domain::SupervisionLevel::kWritten:
                totals.written = row.Int(1);
                break;
            case domain::SupervisionLevel::kBulletin:
                totals.bulletin = row.Int(1);
                break;
        }
    }
    return totals;
}

bool SqlSupervisionRepository::Reply(std::int64_t id, domain::UserId by, std::string_view reply,
                                     Instant at) {
    return session_.Execute(
               "UPDATE case_supervisions SET replied_at = ?, replied_by = ?, reply = ? "
               "WHERE id = ? AND reply_due IS NOT NULL AND replied_at IS NULL",
               {ToEpochMs(at), by, std::string(reply), id}) == 1;
}

std::vector<SweptCase> SqlSupervisionRepository::Swept(const std::string& update,
                                                       const std::vector<SqlValue>& params) {
    std::vector<SweptCase> cases;
    for (const SqlRow& row : session_.Query(update + std::string(kSweptColumns), params)) {
        SweptCase c;
        c.id = row.Int(0);
        c.number = row.Text(1);
        c.title = row.Text(2);
        c.holder_id = row.Int(3);
        c.step = row.OptionalText(4).and_then(
            [](const std::string& name) { return domain::ParseDeadlineStep(name); });
        c.deadline = row.OptionalInstant(5);
        c.state = domain::ParseCaseState(row.Text(6)).value_or(domain::CaseState::kRegistered);
        c.urgency = domain::ParseUrgency(row.Text(7)).value_or(domain::Urgency::kNormal);
        c.origin_path = row.Text(8);
        cases.push_back(std::move(c));
    }
    return cases;
}

bool SqlSupervisionRepository::TryLockSweep() {
    if (session_.dialect() == Dialect::kSqlite) {
        return true;
    }
    // Released with the transaction, also when the process dies.
    constexpr std::int64_t kSweepLock = 0x6d696e7169'6e67;  // "minqing"
    return session_.QueryOne("SELECT pg_try_advisory_xact_lock(?)", {kSweepLock})->Bool(0);
}

std::vector<SweptCase> SqlSupervisionRepository::MarkYellow(Instant now) {
    const std::int64_t at = ToEpochMs(now);
    return Swept(
        // "NOT (deadline < ?)" rather than "deadline >= ?": not a range, so the planner takes
        // the yellow_from index and reads only cases turning yellow, not every future deadline.
        "UPDATE cases SET warning_level = 1 WHERE warning_level = 0 AND yellow_from <= ? AND "
        "NOT (deadline < ?)",
        {at, at});
}

std::vector<SweptCase> SqlSupervisionRepository::MarkRed(Instant now) {
    // IN rather than "< 2": each level is one range of (warning_level, deadline).
    return Swept(
        "UPDATE cases SET warning_level = 2 WHERE warning_level IN (0, 1) AND deadline < ?",
        {ToEpochMs(now)});
}

std::vector<SweptCase> SqlSupervisionRepository::RaiseSupervision(
    domain::SupervisionLevel level, Instant overdue_before, Instant now,
    std::optional<Instant> reply_due) {
    const int target = static_cast<int>(level);
    std::string below;
    for (int l = 0; l < target; ++l) {
        below += l == 0 ? "0" : ", " + std::to_string(l);
    }
    auto cases = Swept("UPDATE cases SET supervision_level = " + std::to_string(target) +
                           " WHERE supervision_level IN (" + below + ") AND deadline < ?",
                       {ToEpochMs(overdue_before)});
    for (SweptCase& c : cases) {
        Supervision record;
        record.case_id = c.id;
        record.level = level;
        record.step = c.step;
        record.step_deadline = c.deadline;
        record.unit_id = c.holder_id;
        record.issued_at = now;
        record.reply_due = reply_due;
        c.supervision_id = Insert(std::move(record)).id;
    }
    return cases;
}

bool SqlSupervisionRepository::WasLateBefore(domain::CaseId id, std::optional<Instant> deadline) {
    return session_
        .QueryOne(
            "SELECT 1 FROM case_supervisions WHERE case_id = ? AND manual = 0 AND "
            "step_deadline IS NOT NULL AND step_deadline <> ? LIMIT 1",
            {id, deadline ? SqlValue(ToEpochMs(*deadline)) : SqlValue(std::int64_t{0})})
        .has_value();
}

std::vector<Supervision> SqlSupervisionRepository::FlagLateReplies(Instant now) {
    // RETURNING gives the ids only: SQLite's RETURNING cannot reach the case number through
    // a subquery, so the few late orders are read again, whole.
    std::vector<Supervision> late;
    for (const SqlRow& row : session_.Query(
             "UPDATE case_supervisions SET reply_warning_level = 2 WHERE reply_warning_level = 0 "
             "AND reply_due IS NOT NULL AND replied_at IS NULL AND reply_due < ? RETURNING id",
             {ToEpochMs(now)})) {
        if (auto record = FindById(row.Int(0))) {
            late.push_back(std::move(*record));
        }
    }
    return late;
}

}  // namespace minqing::storage
