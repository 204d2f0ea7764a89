#include <nlohmann/json.hpp>

#include "storage/sql/assessment_json.hpp"
#include "storage/sql/sql_fragments.hpp"
#include "storage/sql/sql_repositories.hpp"

namespace minqing::storage {
namespace {

using domain::AppealState;
using domain::AssessedUnit;
using domain::AssessmentAppeal;
using domain::AssessmentLogEntry;
using domain::AssessmentPeriodRecord;
using domain::StoredAssessmentScheme;

constexpr std::string_view kSchemeColumns = "version, scheme, created_by, created_at, note";

StoredAssessmentScheme SchemeOf(const SqlRow& row) {
    StoredAssessmentScheme stored;
    stored.scheme = SchemeFromJson(row.Text(1), static_cast<int>(row.Int(0)));
    stored.created_by = row.OptionalInt(2);
    stored.created_at = FromEpochMs(row.Int(3));
    stored.note = row.Text(4);
    return stored;
}

std::string_view UnitKindName(AssessedUnit::Kind kind) {
    return kind == AssessedUnit::Kind::kUser ? "user" : "org";
}

AssessedUnit::Kind UnitKindOf(std::string_view name) {
    return name == "user" ? AssessedUnit::Kind::kUser : AssessedUnit::Kind::kOrgUnit;
}

constexpr std::string_view kPeriodColumns =
    "label, state, scheme_version, published_at, appeal_until, closed_at, closed_by";

AssessmentPeriodRecord PeriodOf(const SqlRow& row) {
    AssessmentPeriodRecord period;
    period.label = row.Text(0);
    if (const auto parsed = domain::ParseAssessmentPeriod(period.label)) {
        period.kind = parsed->kind;
    }
    period.state = domain::ParseAssessmentPeriodState(row.Text(1))
                       .value_or(domain::AssessmentPeriodState::kOpen);
    period.scheme_version =
        row.OptionalInt(2).transform([](auto v) { return static_cast<int>(v); });
    period.published_at = row.OptionalInstant(3);
    period.appeal_until = row.OptionalInstant(4);
    period.closed_at = row.OptionalInstant(5);
    period.closed_by = row.OptionalInt(6);
    return period;
}

std::string_view PeriodKindName(domain::AssessmentPeriodKind kind) {
    switch (kind) {
        case domain::AssessmentPeriodKind::kMonth:
            return "month";
        case domain::AssessmentPeriodKind::kQuarter:
            return "quarter";
        case domain::AssessmentPeriodKind::kYear:
            return "year";
    }
    return "month";
}

constexpr std::string_view kAppealColumns =
    "a.id, a.period, a.unit_kind, a.unit_id, a.measure, a.case_id, a.reason, a.attachment_ids, "
    "a.state, a.filed_by, a.filed_at, a.decided_by, a.decided_at, a.decision_reason, "
    "(SELECT c.number FROM cases c WHERE c.id = a.case_id)";

AssessmentAppeal AppealOf(const SqlRow& row) {
    AssessmentAppeal appeal;
    appeal.id = row.Int(0);
    appeal.period = row.Text(1);
    appeal.unit = {UnitKindOf(row.Text(2)), row.Int(3)};
    appeal.measure =
        domain::ParseAssessmentMeasure(row.Text(4)).value_or(domain::AssessmentMeasure::kResponse);
    appeal.case_id = row.Int(5);
    appeal.reason = row.Text(6);
    for (const auto& id : nlohmann::json::parse(row.Text(7))) {
        appeal.attachment_ids.push_back(id.get<std::int64_t>());
    }
    appeal.state = domain::ParseAppealState(row.Text(8)).value_or(AppealState::kFiled);
    appeal.filed_by = row.Int(9);
    appeal.filed_at = FromEpochMs(row.Int(10));
    appeal.decided_by = row.OptionalInt(11);
    appeal.decided_at = row.OptionalInstant(12);
    appeal.decision_reason = row.Text(13);
    appeal.case_number = row.OptionalText(14).value_or("");
    return appeal;
}

}  // namespace

std::vector<StoredAssessmentScheme> SqlAssessmentRepository::Schemes() {
    std::vector<StoredAssessmentScheme> schemes;
    for (const SqlRow& row : session_.Query("SELECT " + std::string(kSchemeColumns) +
                                            " FROM assessment_schemes ORDER BY version")) {
        schemes.push_back(SchemeOf(row));
    }
    return schemes;
}

std::optional<StoredAssessmentScheme> SqlAssessmentRepository::CurrentScheme() {
    return session_
        .QueryOne("SELECT " + std::string(kSchemeColumns) +
                  " FROM assessment_schemes ORDER BY version DESC LIMIT 1")
        .transform(SchemeOf);
}

std::optional<StoredAssessmentScheme> SqlAssessmentRepository::Scheme(int version) {
    return session_
        .QueryOne(
            "SELECT " + std::string(kSchemeColumns) + " FROM assessment_schemes WHERE version = ?",
            {std::int64_t{version}})
        .transform(SchemeOf);
}

bool SqlAssessmentRepository::InsertScheme(const StoredAssessmentScheme& stored) {
    return session_.Execute(
               "INSERT INTO assessment_schemes (" + std::string(kSchemeColumns) +
                   ") VALUES (?, ?, ?, ?, ?) ON CONFLICT (version) DO NOTHING",
               {std::int64_t{stored.scheme.version}, SchemeJson(stored.scheme),
                Nullable(stored.created_by), ToEpochMs(stored.created_at), stored.note}) == 1;
}

std::vector<AssessmentPeriodRecord> SqlAssessmentRepository::Periods() {
    std::vector<AssessmentPeriodRecord> periods;
    for (const SqlRow& row : session_.Query("SELECT " + std::string(kPeriodColumns) +
                                            " FROM assessment_periods ORDER BY label")) {
        periods.push_back(PeriodOf(row));
    }
    return periods;
}

std::optional<AssessmentPeriodRecord> SqlAssessmentRepository::FindPeriod(std::string_view label) {
    return session_
        .QueryOne(
            "SELECT " + std::string(kPeriodColumns) + " FROM assessment_periods WHERE label = ?",
            {std::string(label)})
        .transform(PeriodOf);
}

void SqlAssessmentRepository::SavePeriod(const AssessmentPeriodRecord& p) {
    session_.Execute(
        "INSERT INTO assessment_periods (kind, " + std::string(kPeriodColumns) +
            ") VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (label) DO UPDATE SET "
            "state = excluded.state, scheme_version = excluded.scheme_version, "
            "published_at = excluded.published_at, appeal_until = excluded.appeal_until, "
            "closed_at = excluded.closed_at, closed_by = excluded.closed_by",
        {std::string(PeriodKindName(p.kind)), p.label,
         std::string(domain::AssessmentPeriodStateName(p.state)),
         p.scheme_version ? SqlValue(std::int64_t{*p.scheme_version}) : SqlValue(),
         NullableMillis(p.published_at), NullableMillis(p.appeal_until),
         NullableMillis(p.closed_at), Nullable(p.closed_by)});
}

void SqlAssessmentRepository::SaveSnapshot(std::string_view label,
                                           const std::vector<domain::UnitAssessment>& units) {
    DeleteSnapshot(label);
    std::int64_t position = 0;
    for (const auto& unit : units) {
        session_.Execute(
            "INSERT INTO assessment_snapshots (period, position, unit_kind, unit_id, result) "
            "VALUES (?, ?, ?, ?, ?)",
            {std::string(label), position++, std::string(UnitKindName(unit.unit.kind)),
             unit.unit.id, UnitAssessmentJson(unit)});
    }
}

std::vector<domain::UnitAssessment> SqlAssessmentRepository::Snapshot(std::string_view label) {
    std::vector<domain::UnitAssessment> units;
    for (const SqlRow& row : session_.Query(
             "SELECT result FROM assessment_snapshots WHERE period = ? ORDER BY position",
             {std::string(label)})) {
        units.push_back(UnitAssessmentFromJson(row.Text(0)));
    }
    return units;
}

void SqlAssessmentRepository::DeleteSnapshot(std::string_view label) {
    session_.Execute("DELETE FROM assessment_snapshots WHERE period = ?", {std::string(label)});
}

AssessmentAppeal SqlAssessmentRepository::InsertAppeal(AssessmentAppeal a) {
    const auto row = session_.QueryOne(
        "INSERT INTO assessment_appeals (period, unit_kind, unit_id, measure, case_id, reason, "
        "attachment_ids, state, filed_by, filed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
        "RETURNING id",
        {a.period, std::string(UnitKindName(a.unit.kind)), a.unit.id,
         std::string(domain::AssessmentMeasureName(a.measure)), a.case_id, a.reason,
         nlohmann::json(a.attachment_ids).dump(), std::string(domain::AppealStateName(a.state)),
         a.filed_by, ToEpochMs(a.filed_at)});
    a.id = row->Int(0);
    if (const auto number =
            session_.QueryOne("SELECT number FROM cases WHERE id = ?", {a.case_id})) {
        a.case_number = number->Text(0);
    }
    return a;
}

std::optional<AssessmentAppeal> SqlAssessmentRepository::FindAppeal(std::int64_t id) {
    return session_
        .QueryOne(
            "SELECT " + std::string(kAppealColumns) + " FROM assessment_appeals a WHERE a.id = ?",
            {id})
        .transform(AppealOf);
}

std::vector<AssessmentAppeal> SqlAssessmentRepository::Appeals(const domain::AppealQuery& query) {
    std::string sql =
        "SELECT " + std::string(kAppealColumns) + " FROM assessment_appeals a WHERE 1 = 1";
    std::vector<SqlValue> params;
    if (query.period) {
        sql += " AND a.period = ?";
        params.emplace_back(*query.period);
    }
    if (query.state) {
        sql += " AND a.state = ?";
        params.emplace_back(std::string(domain::AppealStateName(*query.state)));
    }
    if (query.unit) {
        sql += " AND a.unit_kind = ? AND a.unit_id = ?";
        params.emplace_back(std::string(UnitKindName(query.unit->kind)));
        params.emplace_back(query.unit->id);
    }
    sql += " ORDER BY a.id";
    std::vector<AssessmentAppeal> appeals;
    for (const SqlRow& row : session_.Query(sql, params)) {
        appeals.push_back(AppealOf(row));
    }
    return appeals;
}

bool SqlAssessmentRepository::DecideAppeal(std::int64_t id, AppealState state, domain::UserId by,
                                           Instant at, std::string_view reason) {
    return session_.Execute(
               "UPDATE assessment_appeals SET state = ?, decided_by = ?, decided_at = ?, "
               "decision_reason = ? WHERE id = ? AND state = 'filed'",
               {std::string(domain::AppealStateName(state)), by, ToEpochMs(at), std::string(reason),
                id}) == 1;
}

void SqlAssessmentRepository::AppendLog(const AssessmentLogEntry& entry) {
    session_.Execute(
        "INSERT INTO assessment_log (period, action, actor_id, at, reason, details) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        {Nullable(entry.period), entry.action, entry.actor_id, ToEpochMs(entry.at), entry.reason,
         entry.details});
}

std::vector<AssessmentLogEntry> SqlAssessmentRepository::Log(std::string_view period) {
    std::vector<AssessmentLogEntry> entries;
    for (const SqlRow& row :
         session_.Query("SELECT id, period, action, actor_id, at, reason, details "
                        "FROM assessment_log WHERE period = ? ORDER BY id",
                        {std::string(period)})) {
        entries.push_back({row.Int(0), row.OptionalText(1), row.Text(2),
                           row.OptionalInt(3).value_or(0), FromEpochMs(row.Int(4)), row.Text(5),
                           row.Text(6)});
    }
    return entries;
}

std::vector<domain::CaseId> SqlAssessmentRepository::CasesActiveIn(Instant since, Instant to) {
    std::vector<domain::CaseId> ids;
    for (const SqlRow& row : session_.Query(
             "SELECT id FROM cases WHERE created_at < ? AND (updated_at >= ? OR state NOT IN "
             "('closed', 'declined', 'merged', 'withdrawn')) ORDER BY id",
             {ToEpochMs(to), ToEpochMs(since)})) {
        ids.push_back(row.Int(0));
    }
    return ids;
}

std::map<domain::CaseId, std::string> SqlAssessmentRepository::CaseNumbers(
    const std::vector<domain::CaseId>& ids) {
    std::map<domain::CaseId, std::string> numbers;
    // In chunks, so that a year's case list stays within the drivers' parameter limits.
    constexpr std::size_t kChunk = 500;
    for (std::size_t start = 0; start < ids.size(); start += kChunk) {
        const std::vector<domain::CaseId> chunk(
            ids.begin() + static_cast<std::ptrdiff_t>(start),
            ids.begin() + static_cast<std::ptrdiff_t>(std::min(ids.size(), start + kChunk)));
        std::string sql = "SELECT id, number FROM cases WHERE 1 = 1";
        std::vector<SqlValue> params;
        AddIn(sql, params, "id", chunk);
        for (const SqlRow& row : session_.Query(sql, params)) {
            numbers[row.Int(0)] = row.Text(1);
        }
    }
    return numbers;
}

}  // namespace minqing::storage
