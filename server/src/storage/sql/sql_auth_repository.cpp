#include <string>

#include "storage/sql/column_table.hpp"
#include "storage/sql/sql_repositories.hpp"

namespace minqing::storage {
namespace {

using domain::ApiToken;

const ColumnTable<domain::SessionRecord> kSessions(
    "sessions", {Field<&domain::SessionRecord::token_digest>("token_digest", kWrittenOnce),
                 Field<&domain::SessionRecord::user_id>("user_id", kWrittenOnce),
                 Field<&domain::SessionRecord::csrf_token>("csrf_token", kWrittenOnce),
                 Field<&domain::SessionRecord::created_at>("created_at", kWrittenOnce),
                 Field<&domain::SessionRecord::expires_at>("expires_at", kWrittenOnce),
                 Field<&domain::SessionRecord::revoked>("revoked", kWrittenOnce)});

const ColumnTable<ApiToken> kTokens("api_tokens",
                                    {Field<&ApiToken::id>("id", kGeneratedKey),
                                     Field<&ApiToken::name>("name", kWrittenOnce),
                                     Field<&ApiToken::token_digest>("token_digest", kWrittenOnce),
                                     Field<&ApiToken::user_id>("user_id", kWrittenOnce),
                                     Field<&ApiToken::created_by>("created_by", kWrittenOnce),
                                     Field<&ApiToken::created_at>("created_at", kWrittenOnce),
                                     Field<&ApiToken::revoked_at>("revoked_at", kSelected)});

const ColumnTable<domain::AuthEvent> kEvents(
    "auth_events", {Field<&domain::AuthEvent::id>("id", kGeneratedKey),
                    Field<&domain::AuthEvent::at>("at", kWrittenOnce),
                    Field<&domain::AuthEvent::kind>("kind", kWrittenOnce),
                    Field<&domain::AuthEvent::username>("username", kWrittenOnce),
                    Field<&domain::AuthEvent::user_id>("user_id", kWrittenOnce),
                    Field<&domain::AuthEvent::address>("address", kWrittenOnce),
                    Field<&domain::AuthEvent::detail>("detail", kWrittenOnce)});

}  // namespace

void SqlAuthRepository::InsertSession(const domain::SessionRecord& session) {
    session_.Execute(kSessions.InsertSql(), kSessions.InsertValues(session));
}

std::optional<domain::SessionRecord> SqlAuthRepository::FindSession(std::string_view token_digest) {
    return kSessions.ReadOne(session_.QueryOne(kSessions.SelectFrom() + "WHERE token_digest = ?",
                                               {std::string(token_digest)}));
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
    token.id =
        session_.QueryOne(kTokens.InsertSql() + " RETURNING id", kTokens.InsertValues(token))
            ->Int(0);
    return token;
}

std::optional<ApiToken> SqlAuthRepository::FindApiToken(std::string_view token_digest) {
    return kTokens.ReadOne(session_.QueryOne(kTokens.SelectFrom() + "WHERE token_digest = ?",
                                             {std::string(token_digest)}));
}

std::optional<ApiToken> SqlAuthRepository::FindApiTokenById(std::int64_t id) {
    return kTokens.ReadOne(session_.QueryOne(kTokens.SelectFrom() + "WHERE id = ?", {id}));
}

std::vector<ApiToken> SqlAuthRepository::ListApiTokens() {
    return kTokens.ReadAll(session_.Query(kTokens.SelectFrom() + "ORDER BY id DESC"));
}

bool SqlAuthRepository::RevokeApiToken(std::int64_t id, Instant at) {
    return session_.Execute(
               "UPDATE api_tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL",
               {ToEpochMs(at), id}) > 0;
}

void SqlAuthRepository::AppendEvent(const domain::AuthEvent& event) {
    session_.Execute(kEvents.InsertSql(), kEvents.InsertValues(event));
}

std::vector<domain::AuthEvent> SqlAuthRepository::ListEvents(int limit, std::string_view username) {
    std::string sql = kEvents.SelectFrom();
    std::vector<SqlValue> params;
    if (!username.empty()) {
        sql += "WHERE username = ? ";
        params.emplace_back(std::string(username));
    }
    sql += "ORDER BY id DESC LIMIT ?";
    params.emplace_back(std::int64_t{limit});
    return kEvents.ReadAll(session_.Query(sql, params));
}

}  // namespace minqing::storage
