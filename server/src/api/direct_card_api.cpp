// Direct cards (直通卡): administrators list, issue, revoke and reassign the communities'
// cards within their scope.
#include "api/case_json.hpp"
#include "api/request_bodies.hpp"
#include "api/routes.hpp"

namespace minqing::api {
namespace {

using domain::permission::kDirectCardWrite;

nlohmann::json CardJson(const service::DirectCardView& view) {
    const auto& card = view.card;
    return {{"id", card.id},
            {"number", card.number},
            {"community", UnitRefJson(view.community)},
            {"holder",
             {{"id", view.holder.id},
              {"username", view.holder.username},
              {"displayName", view.holder.display_name}}},
            {"active", card.active},
            {"issuedAt", FormatIso8601Cst(card.issued_at)},
            {"revokedAt", card.revoked_at ? nlohmann::json(FormatIso8601Cst(*card.revoked_at))
                                          : nlohmann::json(nullptr)}};
}

http::Response ListCards(service::DirectCardService& direct_cards, http::Request& request,
                         const domain::Principal& caller) {
    service::DirectCardFilter filter;
    std::vector<FieldError> problems;
    filter.community_id = QueryNumber(request, "community", "An org unit id.", problems);
    if (const std::string active = request.QueryParam("active"); !active.empty()) {
        if (active == "true" || active == "false") {
            filter.active = active == "true";
        } else {
            problems.push_back({"active", "invalid", "true or false."});
        }
    }
    if (!problems.empty()) {
        return ErrorFor(request, Validation(std::move(problems)));
    }
    return Respond(request, direct_cards.List(caller, filter), ItemsOf(CardJson));
}

http::Response IssueCard(service::DirectCardService& direct_cards, http::Request& request,
                         const domain::Principal& caller) {
    const auto card = ReadBody(request, &DirectCardFields);
    return card
               ? Respond(request, direct_cards.Issue(caller, *card->community_id, *card->holder_id),
                         CardJson, 201)
               : ErrorFor(request, card.error());
}

http::Response ReassignCard(service::DirectCardService& direct_cards, http::Request& request,
                            const domain::Principal& caller, std::int64_t id) {
    const auto card = ReadBody(request, &ReassignCardFields);
    return card ? Respond(request, direct_cards.Reassign(caller, id, *card->holder_id), CardJson,
                          201)
                : ErrorFor(request, card.error());
}

http::Response RevokeCard(service::DirectCardService& direct_cards, http::Request& request,
                          const domain::Principal& caller, std::int64_t id) {
    return Respond(request, direct_cards.Revoke(caller, id), CardJson);
}

}  // namespace

Routes DirectCardRoutes(service::DirectCardService& direct_cards) {
    return {
        {"GET", "/api/v1/direct-cards", Needs(kDirectCardWrite), With(direct_cards, &ListCards)},
        {"POST", "/api/v1/direct-cards", Needs(kDirectCardWrite), With(direct_cards, &IssueCard)},
        {"POST", "/api/v1/direct-cards/{id}/revoke", Needs(kDirectCardWrite),
         With(direct_cards, &RevokeCard), kCardId},
        {"POST", "/api/v1/direct-cards/{id}/reassign", Needs(kDirectCardWrite),
         With(direct_cards, &ReassignCard), kCardId},
    };
}

}  // namespace minqing::api
