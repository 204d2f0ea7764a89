// Port: login sessions, API tokens (both kept only as SHA-256 digests of their secrets) and
// the audit trail of authentication. Used inside a unit of work.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/clock.hpp"
#include "domain/port.hpp"
#include "domain/user.hpp"

namespace minqing::domain {

struct SessionRecord {
    std::string token_digest;
    UserId user_id = 0;
    std::string csrf_token;
    Instant created_at{};
    Instant expires_at{};
    bool revoked = false;
};

struct ApiToken {
    std::int64_t id = 0;
    std::string name;
    std::string token_digest;
    UserId user_id = 0;
    UserId created_by = 0;
    Instant created_at{};
    std::optional<Instant> revoked_at;
};

/// One line of the authentication audit: login_succeeded, login_failed, login_throttled,
/// account_locked, logout, token_created, token_revoked.
struct AuthEvent {
    std::int64_t id = 0;
    Instant at{};
    std::string kind;
    std::string username;
    std::optional<UserId> user_id;
    std::string address;
    std::string detail;
};

class AuthRepository : public Port {
  public:
    virtual void InsertSession(const SessionRecord& session) = 0;
    virtual std::optional<SessionRecord> FindSession(std::string_view token_digest) = 0;
    virtual void RevokeSession(std::string_view token_digest) = 0;
    /// Ends every session of the user (a password change or reset); returns how many.
    virtual int RevokeSessionsOf(UserId user) = 0;

    /// Stores the token and returns it with its id.
    virtual ApiToken InsertApiToken(ApiToken token) = 0;
    virtual std::optional<ApiToken> FindApiToken(std::string_view token_digest) = 0;
    virtual std::optional<ApiToken> FindApiTokenById(std::int64_t id) = 0;
    /// Every token, newest first.
    virtual std::vector<ApiToken> ListApiTokens() = 0;
    /// Marks the token revoked; false when it does not exist or was already revoked.
    virtual bool RevokeApiToken(std::int64_t id, Instant at) = 0;

    virtual void AppendEvent(const AuthEvent& event) = 0;
    /// The newest events first, at most `limit`, optionally only those of one username.
    virtual std::vector<AuthEvent> ListEvents(int limit, std::string_view username) = 0;
};

}  // namespace minqing::domain
