// The assessment's wire shapes: the scheme as the city office writes it (decoded field by
// field, every problem reported) and the JSON of periods, results, profiles, trends, appeals
// and the log (docs/api.md, "Assessment"). Pure; thread-safe.
#pragma once

#include <nlohmann/json.hpp>

#include "common/result.hpp"
#include "domain/assessment_repository.hpp"
#include "service/assessment_service.hpp"

namespace minqing::api {

/// A scheme from a body such as {weights:[{measure,weight}], gridWorkerWeights,
/// pointsPerRedCard, pointsPerBulletin, pointsPerReopen, pointsPerPraise, rankedGroups,
/// minCases, appealDays, note}; `weights` is required, the others default to DefaultScheme's.
/// Errors: 422 with every problem (types, unknown keys, unknown measures and groups, and
/// ValidateScheme's).
Result<domain::AssessmentScheme> SchemeFromJson(const nlohmann::json& body);

nlohmann::json StoredSchemeJson(const domain::StoredAssessmentScheme& stored);
nlohmann::json PeriodRecordJson(const domain::AssessmentPeriodRecord& record);
nlohmann::json ResultsJson(const service::AssessmentResults& results);
nlohmann::json ProfileJson(const service::UnitProfile& profile);
nlohmann::json TrendJson(const std::vector<service::TrendPoint>& points);
nlohmann::json AppealJson(const domain::AssessmentAppeal& appeal);
nlohmann::json LogEntryJson(const domain::AssessmentLogEntry& entry);

}  // namespace minqing::api
