// API tokens for machine clients: POST /api/v1/tokens (the secret is shown once),
// GET /api/v1/tokens, DELETE /api/v1/tokens/{id} (revokes; the record is kept); and every
// user's own: GET, POST /api/v1/auth/tokens and DELETE /api/v1/auth/tokens/{id}.
#include <nlohmann/json.hpp>

#include "api/json_fields.hpp"
#include "api/routes.hpp"

namespace minqing::api {
namespace {

nlohmann::json TokenJson(const service::NamedApiToken& named) {
    const auto& token = named.token;
    return {{"id", token.id},
            {"name", token.name},
            {"userId", token.user_id},
            {"userName", named.user_name},
            {"createdBy", token.created_by},
            {"createdByName", named.created_by_name},
            {"createdAt", FormatIso8601Cst(token.created_at)},
            {"revokedAt", token.revoked_at ? nlohmann::json(FormatIso8601Cst(*token.revoked_at))
                                           : nlohmann::json(nullptr)}};
}

nlohmann::json TokenListJson(const std::vector<service::NamedApiToken>& tokens) {
    nlohmann::json items = nlohmann::json::array();
    for (const auto& token : tokens) {
        items.push_back(TokenJson(token));
    }
    return nlohmann::json{{"items", items}};
}

nlohmann::json CreatedTokenJson(const service::CreatedApiToken& created) {
    nlohmann::json answer = TokenJson(created.named);
    answer["token"] = created.secret;
    return answer;
}

http::Response Revoke(const TokenServices& context, http::Request& request,
                      const domain::Principal& caller) {
    const auto id = ParseId(request.PathParam("id"));
    if (!id) {
        return ErrorFor(request, BadId("token.not_found", "No such API token."));
    }
    const auto revoked = context.auth.RevokeApiToken(caller, *id, request.remote_address);
    return revoked ? http::NoContent() : ErrorFor(request, revoked.error());
}

}  // namespace

Routes TokenRoutes(const TokenServices& context) {
    return {
        {"POST", "/api/v1/tokens", Needs(domain::permission::kTokenWrite),
         [context](http::Request& request, const domain::Principal& caller) {
             auto body = BodyObject(request);
             if (!body) {
                 return ErrorFor(request, body.error());
             }
             JsonFields fields(*body);
             const auto name = fields.String("name", true);
             const auto user_id = fields.Integer("userId", true);
             fields.RejectUnknown({"name", "userId"});
             if (!fields.ok()) {
                 return ErrorFor(request, fields.error());
             }
             return Respond(
                 request,
                 context.auth.CreateApiToken(caller, *name, *user_id, request.remote_address),
                 CreatedTokenJson, 201);
         }},
        {"GET", "/api/v1/tokens", Needs(domain::permission::kTokenWrite),
         [context](http::Request& request, const domain::Principal& caller) {
             return Respond(request, context.auth.ListApiTokens(caller), TokenListJson);
         }},
        {"DELETE", "/api/v1/tokens/{id}", Needs(domain::permission::kTokenWrite),
         [context](http::Request& request, const domain::Principal& caller) {
             return Revoke(context, request, caller);
         }},
        // A person's own tokens: they see every token that acts as them, whoever issued it, and
        // issuing one for themselves is their consent to it.
        {"GET", "/api/v1/auth/tokens", kSignedIn,
         [context](http::Request&, const domain::Principal& caller) {
             return http::Json(200, TokenListJson(context.auth.ListOwnApiTokens(caller)));
         }},
        {"POST", "/api/v1/auth/tokens", kSignedIn,
         [context](http::Request& request, const domain::Principal& caller) {
             auto body = BodyObject(request);
             if (!body) {
                 return ErrorFor(request, body.error());
             }
             JsonFields fields(*body);
             const auto name = fields.String("name", true);
             fields.RejectUnknown({"name"});
             if (!fields.ok()) {
                 return ErrorFor(request, fields.error());
             }
             return Respond(request,
                            context.auth.CreateOwnApiToken(caller, *name, request.remote_address),
                            CreatedTokenJson, 201);
         }},
        {"DELETE", "/api/v1/auth/tokens/{id}", kSignedIn,
         [context](http::Request& request, const domain::Principal& caller) {
             return Revoke(context, request, caller);
         }},
    };
}

}  // namespace minqing::api
