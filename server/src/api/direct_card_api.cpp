// Direct cards (直通卡): administrators list, issue, revoke and reassign the communities'
// cards within their scope.
#include "api/case_json.hpp"
#include "api/json_fields.hpp"
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

Error BadCardId() {
    return BadId("direct_card.not_found", "No such direct card.");
}

http::Response ListCards(const DirectCardServices& context, http::Request& request,
                         const domain::Principal& caller) {
    service::DirectCardFilter filter;
    std::vector<FieldError> problems;
    if (const std::string community = request.QueryParam("community"); !community.empty()) {
        filter.community_id = ParseId(community);
        if (!filter.community_id) {
            problems.push_back({"community", "invalid", "An org unit id."});
        }
    }
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
    return Respond(request, context.direct_cards.List(caller, filter),
                   [](const std::vector<service::DirectCardView>& views) {
                       nlohmann::json items = nlohmann::json::array();
                       for (const auto& view : views) {
                           items.push_back(CardJson(view));
                       }
                       return nlohmann::json{{"items", items}};
                   });
}

http::Response IssueCard(const DirectCardServices& context, http::Request& request,
                         const domain::Principal& caller) {
    auto body = BodyObject(request);
    if (!body) {
        return ErrorFor(request, body.error());
    }
    JsonFields fields(*body);
    const auto community = fields.Integer("communityId", true);
    const auto holder = fields.Integer("holderId", true);
    fields.RejectUnknown({"communityId", "holderId"});
    if (!fields.ok()) {
        return ErrorFor(request, fields.error());
    }
    return Respond(request, context.direct_cards.Issue(caller, *community, *holder), CardJson, 201);
}

http::Response ReassignCard(const DirectCardServices& context, http::Request& request,
                            const domain::Principal& caller, std::int64_t id) {
    auto body = BodyObject(request);
    if (!body) {
        return ErrorFor(request, body.error());
    }
    JsonFields fields(*body);
    const auto holder = fields.Integer("holderId", true);
    fields.RejectUnknown({"holderId"});
    if (!fields.ok()) {
        return ErrorFor(request, fields.error());
    }
    return Respond(request, context.direct_cards.Reassign(caller, id, *holder), CardJson, 201);
}

}  // namespace

Routes DirectCardRoutes(const DirectCardServices& context) {
    return {
        {"GET", "/api/v1/direct-cards", Needs(kDirectCardWrite),
         [context](http::Request& request, const domain::Principal& caller) {
             return ListCards(context, request, caller);
         }},
        {"POST", "/api/v1/direct-cards", Needs(kDirectCardWrite),
         [context](http::Request& request, const domain::Principal& caller) {
             return IssueCard(context, request, caller);
         }},
        {"POST", "/api/v1/direct-cards/{id}/revoke", Needs(kDirectCardWrite),
         [context](http::Request& request, const domain::Principal& caller) {
             const auto id = ParseId(request.PathParam("id"));
             return id ? Respond(request, context.direct_cards.Revoke(caller, *id), CardJson)
                       : ErrorFor(request, BadCardId());
         }},
        {"POST", "/api/v1/direct-cards/{id}/reassign", Needs(kDirectCardWrite),
         [context](http::Request& request, const domain::Principal& caller) {
             const auto id = ParseId(request.PathParam("id"));
             return id ? ReassignCard(context, request, caller, *id)
                       : ErrorFor(request, BadCardId());
         }},
    };
}

}  // namespace minqing::api
