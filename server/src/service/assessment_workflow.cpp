// AssessmentService's writes: the city office publishes, closes and reopens periods and decides
// appeals; units file appeals. Each in one unit of work with its log entry.
#include <algorithm>
#include <chrono>

#include "service/assessment_service.hpp"

namespace minqing::service {
namespace {

using domain::AppealState;
using domain::AssessmentPeriod;
using domain::AssessmentPeriodRecord;
using domain::AssessmentPeriodState;

constexpr std::size_t kMaxReasonBytes = 2000;
constexpr std::size_t kMaxAttachments = 10;

Error NotDeciding() {
    return Forbidden("auth.forbidden", "Only the city office decides assessments.");
}

Error Closed() {
    return Conflict("assessment.period_closed", "The period is closed; reopen it first.");
}

std::optional<FieldError> ReasonProblem(const std::string& reason) {
    if (reason.find_first_not_of(" \t\r\n") == std::string::npos) {
        return FieldError{"reason", "required", "Say why."};
    }
    if (reason.size() > kMaxReasonBytes) {
        return FieldError{"reason", "too_long", "At most 2,000 bytes."};
    }
    return std::nullopt;
}

AssessmentPeriodRecord RecordOf(domain::Repositories& r, const AssessmentPeriod& period) {
    if (auto record = r.Assessments().FindPeriod(period.label)) {
        return *record;
    }
    AssessmentPeriodRecord record;
    record.label = period.label;
    record.kind = period.kind;
    return record;
}

domain::AssessmentScheme CurrentRules(domain::Repositories& r) {
    const auto scheme = r.Assessments().CurrentScheme();
    return scheme ? scheme->scheme : domain::DefaultScheme();
}

bool Ended(const AssessmentPeriod& period, Instant now) {
    return now >= domain::StartOfDayNumber(period.to);
}

// The form's fields that can be checked without the store.
std::vector<FieldError> FormProblems(const AppealForm& form) {
    std::vector<FieldError> problems;
    if (!domain::ParseAssessmentPeriod(form.period)) {
        problems.push_back({"period", "invalid", "A month, quarter or year: 2026-11."});
    }
    if (!ParseUnitKey(form.unit)) {
        problems.push_back({"unit", "invalid", "org-<id> or user-<id>."});
    }
    if (!domain::ParseAssessmentMeasure(form.measure)) {
        problems.push_back({"measure", "invalid", "A measure's name, e.g. on_time_answer."});
    }
    if (form.case_id <= 0) {
        problems.push_back({"caseId", "required", "The case appealed."});
    }
    if (auto problem = ReasonProblem(form.reason)) {
        problems.push_back(*problem);
    }
    if (form.attachment_ids.size() > kMaxAttachments) {
        problems.push_back({"attachmentIds", "too_many", "At most 10."});
    }
    return problems;
}

// The attachments must belong to the case appealed.
std::vector<FieldError> AttachmentProblems(domain::Repositories& r, const AppealForm& form) {
    std::vector<FieldError> problems;
    for (std::size_t i = 0; i < form.attachment_ids.size(); ++i) {
        const auto found = r.Attachments().Find(form.attachment_ids[i]);
        if (!found || found->case_id != form.case_id) {
            problems.push_back({"attachmentIds[" + std::to_string(i) + "]", "not_found",
                                "No such attachment of the case."});
        }
    }
    return problems;
}

// Whether `id` is among the cases `measure` counted for `unit`.
bool CountsFor(const std::vector<domain::UnitAssessment>& units, const domain::AssessedUnit& unit,
               domain::AssessmentMeasure measure, domain::CaseId id) {
    const auto row = std::ranges::find(units, unit, &domain::UnitAssessment::unit);
    if (row == units.end()) {
        return false;
    }
    const auto result = row->measures.find(measure);
    return result != row->measures.end() &&
           std::ranges::find(result->second.counted, id) != result->second.counted.end();
}

}  // namespace

Result<AssessmentPeriodRecord> AssessmentService::Publish(const domain::Principal& caller,
                                                          std::string_view label) {
    return Transition(caller, label, AssessmentPeriodState::kPreliminary, "");
}

Result<AssessmentPeriodRecord> AssessmentService::Close(const domain::Principal& caller,
                                                        std::string_view label) {
    return Transition(caller, label, AssessmentPeriodState::kClosed, "");
}

Result<AssessmentPeriodRecord> AssessmentService::Reopen(const domain::Principal& caller,
                                                         std::string_view label,
                                                         const std::string& reason) {
    return Transition(caller, label, AssessmentPeriodState::kOpen, reason);
}

// kPreliminary: publish; kClosed: close; kOpen: reopen a closed period.
Result<AssessmentPeriodRecord> AssessmentService::Transition(const domain::Principal& caller,
                                                             std::string_view label,
                                                             AssessmentPeriodState to,
                                                             const std::string& reason) {
    const Context context = Begin(caller);
    if (!context.audience.decides) {
        return Fail(NotDeciding());
    }
    const auto period = domain::ParseAssessmentPeriod(label);
    std::vector<FieldError> problems;
    if (!period) {
        problems.push_back({"period", "invalid", "A month, quarter or year: 2026-11."});
    }
    if (to == AssessmentPeriodState::kOpen) {
        if (auto problem = ReasonProblem(reason)) {
            problems.push_back(*problem);
        }
    }
    if (!problems.empty()) {
        return Fail(Validation(std::move(problems)));
    }
    const Instant now = clock_.Now();
    return domain::Transact(store_, [&](domain::Repositories& r) -> Result<AssessmentPeriodRecord> {
        AssessmentPeriodRecord record = RecordOf(r, *period);
        domain::AssessmentLogEntry entry{0, record.label, "", caller.user_id, now, reason, ""};
        if (to == AssessmentPeriodState::kOpen) {
            if (record.state != AssessmentPeriodState::kClosed) {
                return Fail(Conflict("assessment.period_not_closed", "The period is not closed."));
            }
            r.Assessments().DeleteSnapshot(record.label);
            entry.details = "scheme version " + std::to_string(record.scheme_version.value_or(0));
            record.state = record.published_at ? AssessmentPeriodState::kPreliminary
                                               : AssessmentPeriodState::kOpen;
            record.scheme_version.reset();
            record.closed_at.reset();
            record.closed_by.reset();
            entry.action = "reopened";
            r.Assessments().SavePeriod(record);
            r.Assessments().AppendLog(entry);
            return record;
        }
        if (record.state == AssessmentPeriodState::kClosed) {
            return Fail(Closed());
        }
        if (!Ended(*period, now)) {
            return Fail(Conflict("assessment.period_not_ended", "The period has not ended yet."));
        }
        if (to == AssessmentPeriodState::kPreliminary) {
            if (record.state == AssessmentPeriodState::kPreliminary) {
                return Fail(Conflict("assessment.already_published",
                                     "The preliminary results are out already."));
            }
            const int days = CurrentRules(r).appeal_days;
            record.state = to;
            record.published_at = now;
            record.appeal_until = now + std::chrono::hours(24) * days;
            entry.action = "published";
            entry.details = "appeals for " + std::to_string(days) + " days";
            r.Assessments().SavePeriod(record);
            r.Assessments().AppendLog(entry);
            return record;
        }
        const auto results = Compute(r, context, *period);
        record.state = to;
        record.scheme_version = results.scheme_version;
        record.closed_at = now;
        record.closed_by = caller.user_id;
        r.Assessments().SavePeriod(record);
        r.Assessments().SaveSnapshot(record.label, results.units);
        entry.action = "closed";
        entry.details = "scheme version " + std::to_string(results.scheme_version) + ", " +
                        std::to_string(results.units.size()) + " units";
        r.Assessments().AppendLog(entry);
        return record;
    });
}

Result<std::vector<domain::AssessmentLogEntry>> AssessmentService::Log(
    const domain::Principal& caller, std::string_view label) {
    if (!Begin(caller).audience.reads_city) {
        return Fail(Forbidden("auth.forbidden", "The log is the city's."));
    }
    const auto period = domain::ParseAssessmentPeriod(label);
    if (!period) {
        return Fail(Validation({{"period", "invalid", "A month, quarter or year: 2026-11."}}));
    }
    return domain::Query(
        store_, [&](domain::Repositories& r) { return r.Assessments().Log(period->label); });
}

Result<domain::AssessmentAppeal> AssessmentService::FileAppeal(const domain::Principal& caller,
                                                               const AppealForm& form) {
    if (auto allowed = CanAppeal(caller); !allowed) {
        return Fail(allowed.error());
    }
    const Context context = Begin(caller);
    if (auto problems = FormProblems(form); !problems.empty()) {
        return Fail(Validation(std::move(problems)));
    }
    const auto period = *domain::ParseAssessmentPeriod(form.period);
    const auto unit = *ParseUnitKey(form.unit);
    const auto measure = *domain::ParseAssessmentMeasure(form.measure);
    if (!context.audience.MayAppealFor(unit)) {
        return Fail(Forbidden("assessment.not_your_unit", "You appeal for your own unit only."));
    }
    const Instant now = clock_.Now();
    return domain::Transact(
        store_, [&](domain::Repositories& r) -> Result<domain::AssessmentAppeal> {
            const AssessmentPeriodRecord record = RecordOf(r, period);
            if (record.state != AssessmentPeriodState::kPreliminary || !record.appeal_until ||
                now > *record.appeal_until) {
                return Fail(
                    Conflict("assessment.appeal_window_closed",
                             "Appeals are taken only while the preliminary results are open "
                             "for them."));
            }
            if (!CountsFor(Compute(r, context, period).units, unit, measure, form.case_id)) {
                return Fail(
                    Validation({{"caseId", "not_counted",
                                 "The case does not count for the unit in this measure."}}));
            }
            if (auto problems = AttachmentProblems(r, form); !problems.empty()) {
                return Fail(Validation(std::move(problems)));
            }
            for (const auto& other : r.Assessments().Appeals({period.label, std::nullopt, unit})) {
                if (other.case_id == form.case_id && other.measure == measure &&
                    other.state != AppealState::kRejected) {
                    return Fail(Conflict("assessment.appeal_exists",
                                         "This case is appealed in this measure already."));
                }
            }
            domain::AssessmentAppeal appeal;
            appeal.period = period.label;
            appeal.unit = unit;
            appeal.measure = measure;
            appeal.case_id = form.case_id;
            appeal.reason = form.reason;
            appeal.attachment_ids = form.attachment_ids;
            appeal.filed_by = caller.user_id;
            appeal.filed_at = now;
            appeal = r.Assessments().InsertAppeal(appeal);
            appeal.unit_name = UnitName(r, context, unit);
            r.Assessments().AppendLog(
                {0, period.label, "appeal_filed", caller.user_id, now, form.reason,
                 "appeal " + std::to_string(appeal.id) + ": " + appeal.case_number + " " +
                     form.measure + " " + form.unit});
            return appeal;
        });
}

Result<std::vector<domain::AssessmentAppeal>> AssessmentService::Appeals(
    const domain::Principal& caller, const domain::AppealQuery& query) {
    const Context context = Begin(caller);
    if (!context.audience.ReadsAnything()) {
        return Fail(Forbidden("auth.forbidden", "Your roles read no assessment."));
    }
    return domain::Query(store_, [&](domain::Repositories& r) {
        auto appeals = r.Assessments().Appeals(query);
        std::erase_if(appeals, [&](const domain::AssessmentAppeal& appeal) {
            return !Reads(r, context, appeal.unit);
        });
        for (auto& appeal : appeals) {
            appeal.unit_name = UnitName(r, context, appeal.unit);
        }
        return appeals;
    });
}

Result<domain::AssessmentAppeal> AssessmentService::Decide(const domain::Principal& caller,
                                                           std::int64_t id, bool accept,
                                                           const std::string& reason) {
    const Context context = Begin(caller);
    if (!context.audience.decides) {
        return Fail(NotDeciding());
    }
    if (auto problem = ReasonProblem(reason)) {
        return Fail(Validation({*problem}));
    }
    const Instant now = clock_.Now();
    return domain::Transact(
        store_, [&](domain::Repositories& r) -> Result<domain::AssessmentAppeal> {
            const auto appeal = r.Assessments().FindAppeal(id);
            if (!appeal) {
                return Fail(NotFound("assessment.appeal_not_found", "No such appeal."));
            }
            const auto record = r.Assessments().FindPeriod(appeal->period);
            if (record && record->state == AssessmentPeriodState::kClosed) {
                return Fail(Closed());
            }
            const AppealState state = accept ? AppealState::kAccepted : AppealState::kRejected;
            if (!r.Assessments().DecideAppeal(id, state, caller.user_id, now, reason)) {
                return Fail(
                    Conflict("assessment.appeal_decided", "The appeal is decided already."));
            }
            r.Assessments().AppendLog(
                {0, appeal->period, accept ? "appeal_accepted" : "appeal_rejected", caller.user_id,
                 now, reason, "appeal " + std::to_string(id)});
            auto decided = *r.Assessments().FindAppeal(id);
            decided.unit_name = UnitName(r, context, decided.unit);
            return decided;
        });
}

}  // namespace minqing::service
