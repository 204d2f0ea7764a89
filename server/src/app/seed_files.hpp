// Reads the seed files of data/seed/ from disk into the tables the seeder takes.
#pragma once

#include <optional>
#include <string>

#include "common/result.hpp"
#include "domain/assessment_scheme.hpp"
#include "service/seeder.hpp"

namespace minqing::app {

/// Reads <dir>/org/{divisions,grids,units,sections,handlers}.csv and <dir>/categories.csv, and
/// the grids' GeoJSON boundaries. Errors: 422 "seed.invalid" naming the file that is missing or
/// malformed, or the row of a boundary that is no Polygon or MultiPolygon.
Result<service::SeedTables> ReadSeedTables(const std::string& dir);

/// Reads <dir>/message-templates.csv. Errors: 422 "seed.invalid" when it is missing or
/// malformed.
Result<CsvTable> ReadMessageTemplates(const std::string& dir);

/// Reads <dir>/assessment-scheme.json (the scheme of WORKFLOW.md, in the body the API's PUT
/// /api/v1/assessment/scheme takes). nullopt when the file is absent. Errors: 422
/// "seed.invalid" naming the file and its first problem.
Result<std::optional<domain::AssessmentScheme>> ReadAssessmentScheme(const std::string& dir);

/// Reads one seed CSV file, e.g. <dir>/time-limits.csv. Errors: 422 "seed.invalid".
Result<CsvTable> ReadSeedCsv(const std::string& path);

}  // namespace minqing::app
