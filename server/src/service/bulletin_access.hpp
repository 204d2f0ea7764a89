// Who may see and act on a bulletin: the issuing office (city_office or district_office on its
// division) drafts; its office head issues or returns; once issued, its recipients and the
// city's leaders read it too. Used inside a unit of work; thread-safe.
#pragma once

#include <optional>

#include "common/result.hpp"
#include "domain/bulletin.hpp"
#include "domain/principal.hpp"
#include "domain/store.hpp"
#include "service/bulletin_service.hpp"

namespace minqing::service {

/// The roles of an issuing office: its staff who draft and its head.
bool IsBulletinOfficeRole(domain::Role role);
/// The assignment the caller drafts bulletins under (city_office or district_office), if any.
std::optional<domain::RoleAssignment> WritingOffice(const domain::Principal& caller);
/// A leader on the city's division: reads every issued bulletin.
bool IsCityLeader(const domain::Principal& caller);
/// The caller drafts for, or heads, the bulletin's issuing office.
bool IsOfficeOf(const domain::Principal& caller, const domain::Bulletin& bulletin);

/// The bulletin if the caller may read it. Errors: 404 "bulletin.not_found" otherwise.
Result<domain::Bulletin> Readable(domain::Repositories& repositories,
                                  const domain::Principal& caller, domain::BulletinId id);
/// The bulletin if the caller may act on it: the issuing office's writers, or with
/// `head_only` its office head. Errors: 404 when they may not read it; 403
/// "bulletin.forbidden" when they may read but not act.
Result<domain::Bulletin> Actionable(domain::Repositories& repositories,
                                    const domain::Principal& caller, domain::BulletinId id,
                                    bool head_only);
/// The view of a bulletin the caller may read.
BulletinView ViewOf(domain::Repositories& repositories, const domain::Principal& caller,
                    domain::Bulletin bulletin);

}  // namespace minqing::service
