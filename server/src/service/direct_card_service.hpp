// Direct cards (直通卡) for administrators: list the cards of the communities in their scope,
// issue a community's card to its committee director, revoke it, and reassign it to another
// director. The intake checks for an active card on every direct-card case, so a revoked card
// stops working at once. Thread-safe; blocks on the Store.
#pragma once

#include <optional>
#include <vector>

#include "common/clock.hpp"
#include "common/result.hpp"
#include "domain/catalog.hpp"
#include "domain/org_unit.hpp"
#include "domain/principal.hpp"
#include "domain/store.hpp"
#include "domain/user.hpp"

namespace minqing::service {

/// A card with its community and holder, as the administration page shows it.
struct DirectCardView {
    domain::DirectCard card;
    domain::OrgUnit community;
    domain::User holder;
};

struct DirectCardFilter {
    std::optional<domain::OrgUnitId> community_id;
    std::optional<bool> active;
};

class DirectCardService {
  public:
    DirectCardService(domain::Store& store, const Clock& clock) : store_(store), clock_(clock) {}

    /// The cards of the communities inside the caller's admin scopes, by community code.
    /// Errors: 403 "auth.forbidden" (not an administrator).
    Result<std::vector<DirectCardView>> List(const domain::Principal& actor,
                                             const DirectCardFilter& filter);
    /// Issues the community's card to `holder_id`. Errors: 403 "auth.forbidden",
    /// "org.outside_scope"; 422 "communityId" "not_community", "holderId" "not_director" (the
    /// user does not hold the director role on that community); 409
    /// "direct_card.community_has_card".
    Result<DirectCardView> Issue(const domain::Principal& actor, domain::OrgUnitId community_id,
                                 domain::UserId holder_id);
    /// Errors: 403 as above; 404 "direct_card.not_found"; 409 "direct_card.revoked".
    Result<DirectCardView> Revoke(const domain::Principal& actor, std::int64_t id);
    /// Revokes the card and issues the community a new one held by `holder_id`, in one
    /// transaction. Errors: as Revoke, and 422 "holderId" "not_director".
    Result<DirectCardView> Reassign(const domain::Principal& actor, std::int64_t id,
                                    domain::UserId holder_id);

  private:
    domain::Store& store_;
    const Clock& clock_;
};

}  // namespace minqing::service
