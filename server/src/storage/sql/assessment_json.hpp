// How assessment data is stored as JSON text: a scheme version (with the API's camelCase
// keys, so a stored scheme reads like the body that made it) and one unit's frozen result of
// a closed period. Pure; thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "domain/assessment.hpp"

namespace minqing::storage {

std::string SchemeJson(const domain::AssessmentScheme& scheme);
/// The scheme stored as `text`, with `version`. A key missing or unknown (a newer version's)
/// keeps the default; a measure or group name it does not know is left out.
domain::AssessmentScheme SchemeFromJson(std::string_view text, int version);

std::string UnitAssessmentJson(const domain::UnitAssessment& unit);
domain::UnitAssessment UnitAssessmentFromJson(std::string_view text);

}  // namespace minqing::storage
