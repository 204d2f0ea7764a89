// API tokens for machine clients: POST /api/v1/tokens (the secret is shown once),
// GET /api/v1/tokens, DELETE /api/v1/tokens/{id} (revokes; the record is kept); and every
// user's own: GET, POST /api/v1/auth/tokens and DELETE /api/v1/auth/tokens/{id}.
#include <nlohmann/json.hpp>

#include "api/request_bodies.hpp"
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
    return ItemsJson(tokens, TokenJson);
}

nlohmann::json CreatedTokenJson(const service::CreatedApiToken& created) {
    nlohmann::json answer = TokenJson(created.named);
    answer["token"] = created.secret;
    return answer;
}

http::Response CreateToken(service::AuthService& auth, http::Request& request,
                           const domain::Principal& caller) {
    const auto token = ReadBody(request, &TokenFields);
    return token ? Respond(request,
                           auth.CreateApiToken(caller, token->name, *token->user_id,
                                               request.remote_address),
                           CreatedTokenJson, 201)
                 : ErrorFor(request, token.error());
}

http::Response ListTokens(service::AuthService& auth, http::Request& request,
                          const domain::Principal& caller) {
    return Respond(request, auth.ListApiTokens(caller), TokenListJson);
}

http::Response ListOwnTokens(service::AuthService& auth, http::Request& /*request*/,
                             const domain::Principal& caller) {
    return http::Json(200, TokenListJson(auth.ListOwnApiTokens(caller)));
}

http::Response CreateOwnToken(service::AuthService& auth, http::Request& request,
                              const domain::Principal& caller) {
    const auto token = ReadBody(request, &OwnTokenFields);
    return token ? Respond(request,
                           auth.CreateOwnApiToken(caller, token->name, request.remote_address),
                           CreatedTokenJson, 201)
                 : ErrorFor(request, token.error());
}

http::Response Revoke(service::AuthService& auth, http::Request& request,
                      const domain::Principal& caller, std::int64_t id) {
    return NoContentOr(request, auth.RevokeApiToken(caller, id, request.remote_address));
}

}  // namespace

Routes TokenRoutes(service::AuthService& auth) {
    using domain::permission::kTokenWrite;
    return {
        {"POST", "/api/v1/tokens", Needs(kTokenWrite), With(auth, &CreateToken)},
        {"GET", "/api/v1/tokens", Needs(kTokenWrite), With(auth, &ListTokens)},
        {"DELETE", "/api/v1/tokens/{id}", Needs(kTokenWrite), With(auth, &Revoke), kTokenId},
        // A person's own tokens: they see every token that acts as them, whoever issued it, and
        // issuing one for themselves is their consent to it.
        {"GET", "/api/v1/auth/tokens", kSignedIn, With(auth, &ListOwnTokens)},
        {"POST", "/api/v1/auth/tokens", kSignedIn, With(auth, &CreateOwnToken)},
        {"DELETE", "/api/v1/auth/tokens/{id}", kSignedIn, With(auth, &Revoke), kTokenId},
    };
}

}  // namespace minqing::api
