// A case as a caller sees it: the case, the org nodes it refers to, the actions the caller
// may take now, whether they may reveal the reporter, and its attachments.
#pragma once

#include <vector>

#include "domain/attachment_repository.hpp"
#include "domain/case_access.hpp"
#include "domain/case_repository.hpp"
#include "domain/store.hpp"
#include "service/case_names.hpp"

namespace minqing::service {

struct CaseView {
    domain::Case c;
    domain::CaseParties parties;
    std::vector<domain::CaseAction> actions;
    bool may_reveal_reporter = false;
    /// Set only by the logged reveal: the reporter unmasked.
    bool reporter_revealed = false;
    std::vector<domain::Attachment> attachments;
    /// The names the case refers to (its category, its creator); empty in the view of a case
    /// just recorded.
    CaseNames names;
};

/// Builds the view of `c` for `caller` inside a unit of work, with its names.
CaseView ViewOf(const domain::OrgTree& tree, domain::Repositories& repositories,
                const domain::Principal& caller, domain::Case c, Instant now);

/// The same from parties already loaded (an action has them): reads only the attachments and
/// the names.
CaseView ViewOfLoaded(domain::Repositories& repositories, const domain::Principal& caller,
                      domain::Case c, domain::CaseParties parties, Instant now);

/// The view of a case just recorded, from parties already loaded: it has no attachments and
/// no assisting units yet, so it needs no database.
CaseView ViewOfRecorded(const domain::Principal& caller, domain::Case c,
                        domain::CaseParties parties, Instant now);

}  // namespace minqing::service
