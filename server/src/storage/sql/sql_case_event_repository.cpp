#include <string>

#include "storage/sql/case_event_payload_json.hpp"
#include "storage/sql/sql_fragments.hpp"
#include "storage/sql/sql_repositories.hpp"

namespace minqing::storage {
namespace {

using domain::CaseEvent;

CaseEvent EventFromRow(const SqlRow& row) {
    CaseEvent event;
    event.id = row.Int(0);
    event.case_id = row.Int(1);
    event.seq = row.Int(2);
    event.at = FromEpochMs(row.Int(3));
    event.actor_id = row.OptionalInt(4);
    event.actor_role = row.Text(5);
    event.actor_unit_id = row.OptionalInt(6);
    event.action = row.Text(7);
    event.payload_json = row.Text(8);
    event.payload = PayloadFromJson(event.payload_json);
    event.from_state = OptionalEnum(row, 9, &domain::ParseCaseState);
    event.to_state = domain::ParseCaseState(row.Text(10)).value_or(domain::CaseState::kRegistered);
    event.prev_hash = row.Text(11);
    event.hash = row.Text(12);
    return event;
}

constexpr std::string_view kEventSelect =
    "SELECT id, case_id, seq, at, actor_id, actor_role, actor_unit_id, action, payload, "
    "from_state, to_state, prev_hash, hash FROM case_events ";

}  // namespace

void SqlCaseEventRepository::Append(const CaseEvent& event) {
    session_.Execute(
        "INSERT INTO case_events (case_id, seq, at, actor_id, actor_role, actor_unit_id, action, "
        "payload, from_state, to_state, prev_hash, hash) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        {event.case_id, event.seq, ToEpochMs(event.at), Nullable(event.actor_id), event.actor_role,
         Nullable(event.actor_unit_id), event.action, event.payload_json,
         EnumName(event.from_state, &domain::CaseStateName),
         std::string(domain::CaseStateName(event.to_state)), event.prev_hash, event.hash});
}

std::optional<CaseEvent> SqlCaseEventRepository::Last(domain::CaseId id) {
    const auto row = session_.QueryOne(
        std::string(kEventSelect) + "WHERE case_id = ? ORDER BY seq DESC LIMIT 1", {id});
    return row ? std::optional(EventFromRow(*row)) : std::nullopt;
}

std::vector<CaseEvent> SqlCaseEventRepository::History(domain::CaseId id) {
    std::vector<CaseEvent> events;
    for (const SqlRow& row :
         session_.Query(std::string(kEventSelect) + "WHERE case_id = ? ORDER BY seq", {id})) {
        events.push_back(EventFromRow(row));
    }
    return events;
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
