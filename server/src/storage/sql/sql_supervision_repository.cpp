#include <string>

#include "storage/sql/enum_text.hpp"
#include "storage/sql/sql_fragments.hpp"
#include "storage/sql/sql_repositories.hpp"

namespace minqing::storage {
namespace {

using domain::Supervision;
using domain::SweptCase;

// A level is stored as its number, which orders the levels.
std::int64_t LevelNumber(const domain::SupervisionLevel& level) {
    return static_cast<std::int64_t>(level);
}
domain::SupervisionLevel LevelOfNumber(std::int64_t number) {
    return static_cast<domain::SupervisionLevel>(number);
}

const ColumnTable<Supervision> kSupervisions(
    "case_supervisions",
    {Field<&Supervision::id>("id", kGeneratedKey),
     Field<&Supervision::case_id>("case_id", kWrittenOnce),
     Converted<&Supervision::level, &LevelNumber, &LevelOfNumber>("level", kWrittenOnce),
     Field<&Supervision::manual>("manual", kWrittenOnce),
     Field<&Supervision::step>("step", kWrittenOnce),
     Field<&Supervision::step_deadline>("step_deadline", kWrittenOnce),
     Field<&Supervision::unit_id>("unit_id", kWrittenOnce),
     Field<&Supervision::note>("note", kWrittenOnce),
     Field<&Supervision::issued_by>("issued_by", kWrittenOnce),
     Field<&Supervision::issued_by_unit>("issued_by_unit", kWrittenOnce),
     Field<&Supervision::issued_at>("issued_at", kWrittenOnce),
     Field<&Supervision::reply_due>("reply_due", kWrittenOnce),
     // Set by Reply and FlagLateReplies.
     Field<&Supervision::replied_at>("replied_at", kSelected),
     Field<&Supervision::replied_by>("replied_by", kSelected),
     Field<&Supervision::reply>("reply", kSelected),
     Field<&Supervision::reply_warning_level>("reply_warning_level", kSelected),
     Field<&Supervision::case_number>("(SELECT c.number FROM cases c WHERE c.id = s.case_id)",
                                      kSelected)});

// What the sweep's UPDATE … RETURNING gives back of each case it changed.
const ColumnTable<SweptCase> kSwept("cases",
                                    {Field<&SweptCase::id>("id", kSelected),
                                     Field<&SweptCase::number>("number", kSelected),
                                     Field<&SweptCase::title>("title", kSelected),
                                     Field<&SweptCase::holder_id>("holder_id", kSelected),
                                     Field<&SweptCase::step>("deadline_step", kSelected),
                                     Field<&SweptCase::deadline>("deadline", kSelected),
                                     Field<&SweptCase::state>("state", kSelected),
                                     Field<&SweptCase::urgency>("urgency", kSelected),
                                     Field<&SweptCase::origin_path>("origin_path", kSelected)});

}  // namespace

Supervision SqlSupervisionRepository::Insert(Supervision s) {
    const auto row =
        session_.QueryOne(kSupervisions.InsertSql() + " ON CONFLICT DO NOTHING RETURNING id",
                          kSupervisions.InsertValues(s));
    // No row: the sweep already recorded this level for this deadline.
    s.id = row ? row->Int(0) : 0;
    if (const auto number =
            session_.QueryOne("SELECT number FROM cases WHERE id = ?", {s.case_id})) {
        s.case_number = number->Text(0);
    }
    return s;
}

std::optional<Supervision> SqlSupervisionRepository::FindById(std::int64_t id) {
    return kSupervisions.ReadOne(session_.QueryOne(
        "SELECT " + kSupervisions.List() + " FROM case_supervisions s WHERE s.id = ?", {id}));
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
        "SELECT " + kSupervisions.List() + " FROM case_supervisions s" + Where(query, params);
    AddNewestFirstPage(sql, params, "s.id", query.before_id, query.limit);
    return kSupervisions.ReadAll(session_.Query(sql, params));
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
    return kSwept.ReadAll(session_.Query(update + " RETURNING " + kSwept.List(), params));
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
