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
#include "service/stats_service.hpp"

namespace minqing::service {

/// A case merged into a matter this many times or more in the period makes it collective
/// (群体性) for the bulletin. TODO(#14): the hotspot detection refines this.
inline constexpr std::int64_t kCollectiveMergedReports = 3;

/// The facts of `bulletin`'s period as `caller` sees them; `issuer` is its office's division.
/// Errors: those of StatsService::CaseCounts; 422 "typicalCaseIds[i]" not_found for a case
/// the caller cannot see.
Result<domain::BulletinFacts> GatherBulletinFacts(StatsService& stats, domain::Store& store,
                                                  const domain::Principal& caller,
                                                  const domain::Bulletin& bulletin,
                                                  const domain::OrgUnit& issuer);

/// The typical cases by id, as the bulletin tells them. Errors: 422 "typicalCaseIds[i]"
/// not_found for an id the caller cannot see.
Result<std::vector<domain::BulletinCase>> TypicalCases(domain::Repositories& repositories,
                                                       const domain::Principal& caller,
                                                       const std::vector<domain::CaseId>& ids);

/// The published assessment's ends for the period. The assessment is being built (#13): until
/// its results can be read here this returns nullopt, and the section says they are not out.
std::optional<domain::AssessmentHighlights> PublishedAssessment(domain::Repositories& repositories,
                                                                const domain::Bulletin& bulletin);

}  // namespace minqing::service
