#include "service/direct_card_service.hpp"

#include <algorithm>
#include <map>

namespace minqing::service {
namespace {

using domain::DirectCard;
using domain::OrgUnit;
using domain::Principal;
using domain::Repositories;

Error NotPermitted() {
    return Forbidden("auth.forbidden", "Only administrators manage direct cards.");
}

Error OutsideScope() {
    return Forbidden("org.outside_scope", "The community lies outside the scope you administer.");
}

Error CardNotFound() {
    return NotFound("direct_card.not_found", "No such direct card.");
}

bool IsCommunity(const OrgUnit& unit) {
    return unit.kind == domain::OrgKind::kDivision && unit.level == domain::OrgLevel::kCommunity;
}

// The user, when they hold the director role on `community`: the card is the director's.
std::optional<domain::User> DirectorOf(Repositories& repositories, domain::UserId holder_id,
                                       domain::OrgUnitId community) {
    auto user = repositories.Users().FindById(holder_id);
    const bool director =
        user && user->active &&
        std::ranges::any_of(user->roles, [community](const domain::RoleAssignment& held) {
            return held.role == domain::Role::kDirector && held.org_unit_id == community;
        });
    return director ? user : std::nullopt;
}

Error NotDirector() {
    return Validation(
        {{"holderId", "not_director", "The user must hold the director role on this community."}});
}

// The card's community, when the actor administers it.
Result<OrgUnit> CommunityOf(Repositories& repositories, const Principal& actor,
                            const DirectCard& card) {
    auto community = repositories.Orgs().FindById(card.community_id);
    if (!community) {
        return Fail(CardNotFound());
    }
    if (!domain::Administers(actor, *community)) {
        return Fail(OutsideScope());
    }
    return *community;
}

DirectCardView ViewOf(Repositories& repositories, DirectCard card, OrgUnit community) {
    auto holder = repositories.Users().FindById(card.holder_id);
    return {std::move(card), std::move(community), holder.value_or(domain::User{})};
}

Result<DirectCard> NewCard(Repositories& repositories, const OrgUnit& community,
                           domain::UserId holder, Instant now) {
    const std::size_t issued = repositories.Catalog().CountCardsOf(community.id);
    return repositories.Catalog().InsertCard({0, domain::DirectCardNumber(community.code, issued),
                                              community.id, holder, true, now, std::nullopt});
}

}  // namespace

Result<std::vector<DirectCardView>> DirectCardService::List(const Principal& actor,
                                                            const DirectCardFilter& filter) {
    if (!actor.HasPermission(domain::permission::kDirectCardWrite)) {
        return Fail(NotPermitted());
    }
    return domain::Query(store_, [&](Repositories& repositories) {
        domain::DirectCardQuery query;
        query.community_id = filter.community_id;
        query.active = filter.active;
        query.within_paths = domain::AdminScopes(actor);
        std::vector<DirectCardView> views;
        // Several cards of one community share its row; look each community up once.
        std::map<domain::OrgUnitId, OrgUnit> communities;
        for (auto& card : repositories.Catalog().Cards(query)) {
            auto found = communities.find(card.community_id);
            if (found == communities.end()) {
                auto community = repositories.Orgs().FindById(card.community_id);
                found = communities.emplace(card.community_id, community.value_or(OrgUnit{})).first;
            }
            views.push_back(ViewOf(repositories, std::move(card), found->second));
        }
        return Result<std::vector<DirectCardView>>(std::move(views));
    });
}

Result<DirectCardView> DirectCardService::Issue(const Principal& actor,
                                                domain::OrgUnitId community_id,
                                                domain::UserId holder_id) {
    if (!actor.HasPermission(domain::permission::kDirectCardWrite)) {
        return Fail(NotPermitted());
    }
    const Instant now = clock_.Now();
    return domain::Transact(store_, [&](Repositories& repositories) -> Result<DirectCardView> {
        const auto community = repositories.Orgs().FindById(community_id);
        if (!community || !IsCommunity(*community)) {
            return Fail(Validation({{"communityId", "not_community",
                                     "A community (社区), the level cards are issued at."}}));
        }
        if (!domain::Administers(actor, *community)) {
            return Fail(OutsideScope());
        }
        if (!DirectorOf(repositories, holder_id, community->id)) {
            return Fail(NotDirector());
        }
        if (const auto held = repositories.Catalog().ActiveCardOf(community->id)) {
            return Fail(Conflict(
                "direct_card.community_has_card",
                "The community holds card " + held->number + "; reassign or revoke it first."));
        }
        auto card = NewCard(repositories, *community, holder_id, now);
        if (!card) {
            return Fail(std::move(card.error()));
        }
        return ViewOf(repositories, std::move(*card), *community);
    });
}

Result<DirectCardView> DirectCardService::Revoke(const Principal& actor, std::int64_t id) {
    if (!actor.HasPermission(domain::permission::kDirectCardWrite)) {
        return Fail(NotPermitted());
    }
    const Instant now = clock_.Now();
    return domain::Transact(store_, [&](Repositories& repositories) -> Result<DirectCardView> {
        auto card = repositories.Catalog().FindCard(id);
        if (!card) {
            return Fail(CardNotFound());
        }
        auto community = CommunityOf(repositories, actor, *card);
        if (!community) {
            return Fail(std::move(community.error()));
        }
        if (!repositories.Catalog().RevokeCard(id, now)) {
            return Fail(Conflict("direct_card.revoked", "The card is revoked already."));
        }
        card->active = false;
        card->revoked_at = now;
        return ViewOf(repositories, std::move(*card), std::move(*community));
    });
}

Result<DirectCardView> DirectCardService::Reassign(const Principal& actor, std::int64_t id,
                                                   domain::UserId holder_id) {
    if (!actor.HasPermission(domain::permission::kDirectCardWrite)) {
        return Fail(NotPermitted());
    }
    const Instant now = clock_.Now();
    return domain::Transact(store_, [&](Repositories& repositories) -> Result<DirectCardView> {
        const auto card = repositories.Catalog().FindCard(id);
        if (!card) {
            return Fail(CardNotFound());
        }
        auto community = CommunityOf(repositories, actor, *card);
        if (!community) {
            return Fail(std::move(community.error()));
        }
        if (!card->active) {
            return Fail(Conflict("direct_card.revoked",
                                 "The card is revoked; issue the community a new one."));
        }
        if (!DirectorOf(repositories, holder_id, community->id)) {
            return Fail(NotDirector());
        }
        // Revoked before the new card is inserted: one active card per community is a unique
        // index, and both changes commit together or not at all.
        repositories.Catalog().RevokeCard(id, now);
        auto reissued = NewCard(repositories, *community, holder_id, now);
        if (!reissued) {
            return Fail(std::move(reissued.error()));
        }
        return ViewOf(repositories, std::move(*reissued), std::move(*community));
    });
}

}  // namespace minqing::service
