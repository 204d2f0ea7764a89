#include "storage/sql/sql_auth_repository.hpp"

#include <string>

namespace minqing::storage {
namespace {

using domain::ApiToken;

constexpr std::string_view kTokenSelect =
    "SELECT id, name, token_digest, user_id, created_by, created_at, revoked_at FROM api_tokens ";

ApiToken TokenFromRow(const SqlRow& row) {
    ApiToken token;
    token.id = row.Int(0);
    token.name = row.Text(1);
    token.token_digest = row.Text(2);
    token.user_id = row.Int(3);
    token.created_by = row.Int(4);
    token.created_at = FromEpochMs(row.Int(5));
    if (const auto revoked = row.OptionalInt(6)) {
        token.revoked_at = FromEpochMs(*revoked);
    }
    return token;
}

std::optional<ApiToken> OptionalToken(const std::optional<SqlRow>& row) {
    return row ? std::optional(TokenFromRow(*row)) : std::nullopt;
}

}  // namespace

void SqlAuthRepository::InsertSession(const domain::SessionRecord& session) {
    session_.Execute(
        "INSERT INTO sessions (token_digest, user_id, csrf_token, created_at, expires_at, "
        "revoked) VALUES (?, ?, ?, ?, ?, ?)",
        {session.token_digest, session.user_id, session.csrf_token, ToEpochMs(session.created_at),
         ToEpochMs(session.expires_at), std::int64_t{session.revoked ? 1 : 0}});
}

std::optional<domain::SessionRecord> SqlAuthRepository::FindSession(std::string_view token_digest) {
    const auto row = session_.QueryOne(
        "SELECT token_digest, user_id, csrf_token, created_at, expires_at, revoked "
        "FROM sessions WHERE token_digest = ?",
        {std::string(token_digest)});
    if (!row) {
        return std::nullopt;
    }
    return domain::SessionRecord{
        row->Text(0), row->Int(1), row->Text(2), FromEpochMs(row->Int(3)), FromEpochMs(row->Int(4)),
        row->Bool(5)};
}

void SqlAuthRepository::RevokeSession(std::string_view token_digest) {
    session_.Execute("UPDATE sessions SET revoked = 1 WHERE token_digest = ?",
                     {std::string(token_digest)});
}

int SqlAuthRepository::RevokeSessionsOf(domain::UserId user) {
    return static_cast<int>(session_.Execute(
        "UPDATE sessions SET revoked = 1 WHERE user_id = ? AND revoked = 0", {user}));
}

ApiToken SqlAuthRepository::InsertApiToken(ApiToken token) {
    token.id = session_
                   .QueryOne(
                       "INSERT INTO api_tokens (name, token_digest, user_id, created_by, "
                       "created_at) VALUES (?, ?, ?, ?, ?) RETURNING id",
                       {token.name, token.token_digest, token.user_id, token.created_by,
                        ToEpochMs(token.created_at)})
                   ->Int(0);
    return token;
}

std::optional<ApiToken> SqlAuthRepository::FindApiToken(std::string_view token_digest) {
    return OptionalToken(session_.QueryOne(std::string(kTokenSelect) + "WHERE token_digest = ?",
                                           {std::string(token_digest)}));
}

std::optional<ApiToken> SqlAuthRepository::FindApiTokenById(std::int64_t id) {
    return OptionalToken(session_.QueryOne(std::string(kTokenSelect) + "WHERE id = ?", {id}));
}

std::vector<ApiToken> SqlAuthRepository::ListApiTokens() {
    std::vector<ApiToken> tokens;
    for (const SqlRow& row : session_.Query(std::string(kTokenSelect) + "ORDER BY id DESC")) {
        tokens.push_back(TokenFromRow(row));
    }
    return tokens;
}

bool SqlAuthRepository::RevokeApiToken(std::int64_t id, Instant at) {
    return session_.Execute(
               "UPDATE api_tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL",
               {ToEpochMs(at), id}) > 0;
}

void SqlAuthRepository::AppendEvent(const domain::AuthEvent& event) {
    session_.Execute(
        "INSERT INTO auth_events (at, kind, username, user_id, address, detail) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        {ToEpochMs(event.at), event.kind, event.username, Nullable(event.user_id), event.address,
         event.detail});
}

std::vector<domain::AuthEvent> SqlAuthRepository::ListEvents(int limit, std::string_view username) {
    std::string sql = "SELECT id, at, kind, username, user_id, address, detail FROM auth_events";
    std::vector<SqlValue> params;
    if (!username.empty()) {
        sql += " WHERE username = ?";
        params.emplace_back(std::string(username));
    }
    sql += " ORDER BY id DESC LIMIT ?";
    params.emplace_back(std::int64_t{limit});
    std::vector<domain::AuthEvent> events;
    for (const SqlRow& row : session_.Query(sql, params)) {
        events.push_back({row.Int(0), FromEpochMs(row.Int(1)), row.Text(2), row.Text(3),
                          row.OptionalInt(4), row.Text(5), row.Text(6)});
    }
    return events;
}

}  // namespace minqing::storage
