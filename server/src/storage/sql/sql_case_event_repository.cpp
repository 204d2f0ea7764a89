#include <string>

#include "storage/sql/case_event_payload_json.hpp"
#include "storage/sql/column_table.hpp"
#include "storage/sql/enum_text.hpp"
#include "storage/sql/sql_fragments.hpp"
#include "storage/sql/sql_repositories.hpp"

namespace minqing::storage {
namespace {

using domain::CaseEvent;

SqlValue PayloadText(const CaseEvent& event) {
    return event.payload_json;
}

// The text as stored, which the hash covers, and its typed reading.
void ReadPayload(CaseEvent& event, const SqlRow& row, std::size_t i) {
    event.payload_json = row.Text(i);
    event.payload = PayloadFromJson(event.payload_json);
}

const ColumnTable<CaseEvent> kEvents(
    "case_events",
    {Field<&CaseEvent::id>("id", kGeneratedKey),
     Field<&CaseEvent::case_id>("case_id", kWrittenOnce),
     Field<&CaseEvent::seq>("seq", kWrittenOnce), Field<&CaseEvent::at>("at", kWrittenOnce),
     Field<&CaseEvent::actor_id>("actor_id", kWrittenOnce),
     Field<&CaseEvent::actor_role>("actor_role", kWrittenOnce),
     Field<&CaseEvent::actor_unit_id>("actor_unit_id", kWrittenOnce),
     Field<&CaseEvent::action>("action", kWrittenOnce),
     Column<CaseEvent>{"payload", SqlType::kText, kWrittenOnce, &PayloadText, &ReadPayload},
     Field<&CaseEvent::from_state>("from_state", kWrittenOnce),
     Field<&CaseEvent::to_state>("to_state", kWrittenOnce),
     Field<&CaseEvent::prev_hash>("prev_hash", kWrittenOnce),
     Field<&CaseEvent::hash>("hash", kWrittenOnce)});

}  // namespace

void SqlCaseEventRepository::Append(const CaseEvent& event) {
    session_.Execute(kEvents.InsertSql(), kEvents.InsertValues(event));
}

std::optional<CaseEvent> SqlCaseEventRepository::Last(domain::CaseId id) {
    return kEvents.ReadOne(session_.QueryOne(
        kEvents.SelectFrom() + "WHERE case_id = ? ORDER BY seq DESC LIMIT 1", {id}));
}

std::vector<CaseEvent> SqlCaseEventRepository::History(domain::CaseId id) {
    return kEvents.ReadAll(
        session_.Query(kEvents.SelectFrom() + "WHERE case_id = ? ORDER BY seq", {id}));
}

std::map<domain::CaseId, Instant> SqlCaseEventRepository::LastAt(
    const std::vector<domain::CaseId>& ids, std::string_view action) {
    std::map<domain::CaseId, Instant> at;
    if (ids.empty()) {
        return at;
    }
    // The (case_id, seq) key finds each case's events; a page holds at most 100 cases.
    std::string sql = "SELECT case_id, MAX(at) FROM case_events WHERE action = ?";
    std::vector<SqlValue> params{std::string(action)};
    AddIn(sql, params, "case_id", ids);
    sql += " GROUP BY case_id";
    for (const SqlRow& row : session_.Query(sql, params)) {
        at[row.Int(0)] = FromEpochMs(row.Int(1));
    }
    return at;
}

}  // namespace minqing::storage
