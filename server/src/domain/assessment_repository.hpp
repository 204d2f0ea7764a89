// Port: what unit assessment (考核) keeps: the versions of the scheme, each period's state,
// the frozen results of closed periods, the units' appeals and the append-only log of every
// step. Used inside a unit of work (store.hpp).
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/clock.hpp"
#include "domain/assessment.hpp"
#include "domain/port.hpp"
#include "domain/user.hpp"

namespace minqing::domain {

/// One version of the scheme as the city office saved it.
struct StoredAssessmentScheme {
    /// scheme.version is the key.
    AssessmentScheme scheme;
    std::optional<UserId> created_by;  // none for the seed
    Instant created_at{};
    std::string note;
};

/// open: results are computed live; preliminary: published, units may appeal until
/// appeal_until; closed: read only from the snapshot.
enum class AssessmentPeriodState { kOpen, kPreliminary, kClosed };
std::string_view AssessmentPeriodStateName(AssessmentPeriodState state);
std::optional<AssessmentPeriodState> ParseAssessmentPeriodState(std::string_view name);

/// What happened to one period. A period nobody has published or closed has no record: it is
/// open.
struct AssessmentPeriodRecord {
    std::string label;
    AssessmentPeriodKind kind = AssessmentPeriodKind::kMonth;
    AssessmentPeriodState state = AssessmentPeriodState::kOpen;
    /// The scheme the snapshot was computed with (closed periods).
    std::optional<int> scheme_version;
    std::optional<Instant> published_at;
    std::optional<Instant> appeal_until;
    std::optional<Instant> closed_at;
    std::optional<UserId> closed_by;
};

enum class AppealState { kFiled, kAccepted, kRejected };
std::string_view AppealStateName(AppealState state);
std::optional<AppealState> ParseAppealState(std::string_view name);

/// A unit's appeal (考核申诉) against one case counted in one measure.
struct AssessmentAppeal {
    std::int64_t id = 0;
    std::string period;
    AssessedUnit unit;
    AssessmentMeasure measure = AssessmentMeasure::kResponse;
    CaseId case_id = 0;
    std::string reason;
    std::vector<std::int64_t> attachment_ids;
    AppealState state = AppealState::kFiled;
    UserId filed_by = 0;
    Instant filed_at{};
    std::optional<UserId> decided_by;
    std::optional<Instant> decided_at;
    std::string decision_reason;
    /// Read with the appeal (the case's number), not written.
    std::string case_number;
    /// Filled in by the service for display (not stored).
    std::string unit_name;
};

struct AppealQuery {
    std::optional<std::string> period;
    std::optional<AppealState> state;
    std::optional<AssessedUnit> unit;
};

/// One entry of the audit trail: "published", "closed", "reopened", "appeal_filed",
/// "appeal_accepted", "appeal_rejected", "scheme_changed" (no period).
struct AssessmentLogEntry {
    std::int64_t id = 0;
    std::optional<std::string> period;
    std::string action;
    UserId actor_id = 0;
    Instant at{};
    std::string reason;
    /// Plain words on what changed ("appeal 12", "version 3").
    std::string details;
};

class AssessmentRepository : public Port {
  public:
    /// Every version, oldest first.
    virtual std::vector<StoredAssessmentScheme> Schemes() = 0;
    /// The newest version; nullopt before the seed.
    virtual std::optional<StoredAssessmentScheme> CurrentScheme() = 0;
    virtual std::optional<StoredAssessmentScheme> Scheme(int version) = 0;
    /// Stores a new version; false when that version exists (another writer saved first).
    virtual bool InsertScheme(const StoredAssessmentScheme& scheme) = 0;

    /// Every period with a record, by label.
    virtual std::vector<AssessmentPeriodRecord> Periods() = 0;
    virtual std::optional<AssessmentPeriodRecord> FindPeriod(std::string_view label) = 0;
    /// Inserts or replaces the period's record.
    virtual void SavePeriod(const AssessmentPeriodRecord& period) = 0;

    /// Replaces the frozen results of the period with `units`.
    virtual void SaveSnapshot(std::string_view label, const std::vector<UnitAssessment>& units) = 0;
    /// The frozen results in the order they were saved; empty when there are none.
    virtual std::vector<UnitAssessment> Snapshot(std::string_view label) = 0;
    virtual void DeleteSnapshot(std::string_view label) = 0;

    /// Stores a new appeal; returns it with its id.
    virtual AssessmentAppeal InsertAppeal(AssessmentAppeal appeal) = 0;
    virtual std::optional<AssessmentAppeal> FindAppeal(std::int64_t id) = 0;
    /// Matching appeals, oldest first.
    virtual std::vector<AssessmentAppeal> Appeals(const AppealQuery& query) = 0;
    /// Records the decision on a filed appeal; false when it is not (or no longer) filed.
    virtual bool DecideAppeal(std::int64_t id, AppealState state, UserId by, Instant at,
                              std::string_view reason) = 0;

    virtual void AppendLog(const AssessmentLogEntry& entry) = 0;
    /// The period's entries, oldest first.
    virtual std::vector<AssessmentLogEntry> Log(std::string_view period) = 0;

    /// The cases something of [from, to) may count for: created before `to`, and open, or
    /// last changed on or after `since` (a finished case's last change is its close; `since`
    /// lies before `from` by the longest a deadline may trail an answer).
    virtual std::vector<CaseId> CasesActiveIn(Instant since, Instant to) = 0;
    /// The numbers of those of `ids` that exist.
    virtual std::map<CaseId, std::string> CaseNumbers(const std::vector<CaseId>& ids) = 0;
};

}  // namespace minqing::domain
