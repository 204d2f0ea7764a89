// What a bulletin's draft is written from: the period's figures as the statistics service
// counts them for the office (the same numbers GET /api/v1/stats/cases gives it), the matters
// many reported, and the typical cases the office picked. Thread-safe; blocks on the Store.
#pragma once

#include <optional>
#include <vector>

#include "common/result.hpp"
#include "domain/bulletin.hpp"
#include "domain/bulletin_draft.hpp"
#include "domain/principal.hpp"
#include "domain/store.hpp"
#include "service/assessment_service.hpp"
#include "service/stats_service.hpp"

namespace minqing::service {

/// A case merged into a matter this many times or more in the period makes it collective
/// (群体性) for the bulletin. TODO(#14): the hotspot detection refines this.
inline constexpr std::int64_t kCollectiveMergedReports = 3;

/// The facts of `bulletin`'s period as `caller` sees them; `issuer` is its office's division.
/// Errors: those of StatsService::CaseCounts; 422 "typicalCaseIds[i]" not_found for a case
/// the caller cannot see.
Result<domain::BulletinFacts> GatherBulletinFacts(StatsService& stats,
                                                  AssessmentService& assessments,
                                                  domain::Store& store,
                                                  const domain::Principal& caller,
                                                  const domain::Bulletin& bulletin,
                                                  const domain::OrgUnit& issuer);

/// The typical cases by id, as the bulletin tells them. Errors: 422 "typicalCaseIds[i]"
/// not_found for an id the caller cannot see.
Result<std::vector<domain::BulletinCase>> TypicalCases(domain::Repositories& repositories,
                                                       const domain::Principal& caller,
                                                       const std::vector<domain::CaseId>& ids);

/// The ends of the period's ranking once the city office has published it (preliminary or
/// closed), as `caller` reads it: for a city bulletin the top and bottom three of the city's
/// member units and of the districts, for a district's its own member units. nullopt for an
/// unpublished period, a week or a special issue (no assessment period), or a caller who
/// reads no assessment.
std::optional<domain::AssessmentHighlights> PublishedAssessment(AssessmentService& assessments,
                                                                const domain::Principal& caller,
                                                                const domain::Bulletin& bulletin,
                                                                const domain::OrgUnit& issuer);

}  // namespace minqing::service
