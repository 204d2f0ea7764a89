// Login, logout, sessions, API tokens and the authentication audit. Thread-safe: the caches
// are guarded, and every database call goes through the Store (so call it from workers).
#pragma once

#include <chrono>
#include <mutex>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "common/clock.hpp"
#include "common/result.hpp"
#include "domain/auth_repository.hpp"
#include "domain/principal.hpp"
#include "domain/store.hpp"
#include "service/crypto.hpp"
#include "service/login_throttle.hpp"

namespace minqing::service {

struct AuthOptions {
    std::chrono::minutes session_ttl{12 * 60};
    /// Consecutive failures after which the account is locked, and for how long.
    int failures_before_lock = 10;
    std::chrono::minutes lock_duration{30};
    ThrottleOptions throttle;
    PasswordCost password_cost;
    /// How long a cached session or token is trusted before it is checked against the
    /// database again (revocations by other server processes take effect within this).
    std::chrono::seconds cache_ttl{30};
};

/// A verified caller. `csrf_token` is set for session callers, empty for API tokens.
struct Authenticated {
    domain::Principal principal;
    std::string csrf_token;
};

struct LoginResult {
    std::string session_token;  // the cookie value; only its digest is stored
    std::string csrf_token;
    Instant expires_at{};
    std::int64_t max_age_seconds = 0;  // for the cookie
    domain::Principal principal;
};

/// A token as people read it: with the display names of the user it acts as and of its issuer.
struct NamedApiToken {
    domain::ApiToken token;
    std::string user_name;
    std::string created_by_name;
};

struct CreatedApiToken {
    NamedApiToken named;
    std::string secret;  // shown once, never stored
};

class AuthService {
  public:
    AuthService(domain::Store& store, const Clock& clock, AuthOptions options);

    /// Errors: 401 "auth.invalid_credentials" (unknown user, wrong password or disabled
    /// account alike, so usernames cannot be probed); 429 "auth.too_many_attempts" and
    /// "auth.account_locked" with retry_after_seconds. Every outcome is audited.
    Result<LoginResult> Login(std::string_view username, std::string_view password,
                              std::string_view address);
    /// Revokes the session (if it exists) and audits the logout.
    void Logout(std::string_view session_token, std::string_view address);

    /// 401 "auth.session_invalid" when the session is unknown, revoked, expired, or its
    /// user was disabled.
    Result<Authenticated> AuthenticateSession(std::string_view session_token);
    /// 401 "auth.token_invalid" when the token is unknown or revoked.
    Result<Authenticated> AuthenticateBearer(std::string_view token);

    /// Admin only ("system:token:write"); the token acts as `user_id` with that user's roles,
    /// which must lie within the admin's scope. A token for another person who works cases
    /// would let the admin read cases as them, so for someone else it is issued only while
    /// that account holds no role but admin (a machine account being set up); people issue
    /// their own with CreateOwnApiToken. Errors: 403 "auth.forbidden",
    /// "user.grant_outside_scope", "token.needs_consent"; 404 "user.not_found"; 422.
    Result<CreatedApiToken> CreateApiToken(const domain::Principal& actor, std::string name,
                                           domain::UserId user_id, std::string_view address);
    /// A token acting as the caller, who thereby consents to it; only from a login session.
    /// Errors: 403 "token.session_required"; 422.
    Result<CreatedApiToken> CreateOwnApiToken(const domain::Principal& actor, std::string name,
                                              std::string_view address);
    Result<std::vector<NamedApiToken>> ListApiTokens(const domain::Principal& actor);
    /// Every token that acts as the caller, whoever issued it, newest first.
    std::vector<NamedApiToken> ListOwnApiTokens(const domain::Principal& actor);
    /// An admin revokes tokens of users they manage; anyone revokes tokens that act as them.
    /// Errors: 403, 404 "token.not_found".
    Status RevokeApiToken(const domain::Principal& actor, std::int64_t id,
                          std::string_view address);

    Result<std::vector<domain::AuthEvent>> ListAuditEvents(const domain::Principal& actor,
                                                           int limit, std::string_view username);

    /// Drops cached sessions and tokens of a user whose roles or status changed here; other
    /// processes notice the credential version the change moved.
    void ForgetUser(domain::UserId user_id);

  private:
    struct CacheEntry {
        Authenticated who;
        Instant expires_at{};  // the session's own expiry; max for tokens
        Instant checked_at{};
        std::int64_t credential_version = 0;
    };
    /// Sessions and tokens are cached apart, so that neither is accepted as the other.
    enum class Kind { kSession, kToken };

    static std::string CacheKey(Kind kind, std::string_view digest);
    std::optional<Authenticated> FromCache(const std::string& key, Instant now);
    void Remember(const std::string& key, CacheEntry entry);
    void Forget(const std::string& key);
    Result<CreatedApiToken> InsertToken(const domain::Principal& actor, std::string name,
                                        const domain::User& user, std::string_view address);
    /// Counts a failed login against the name and the account (locking it after too many) and
    /// returns the error to answer with.
    Error RecordFailedLogin(const std::optional<domain::User>& user, const std::string& username,
                            std::string_view address, Instant now);
    LoginResult OpenSession(const domain::User& user, const std::string& username,
                            std::string_view address, Instant now);
    Error Throttled(std::string_view username, std::string_view address, int retry_after,
                    std::string_view reason, Instant now);
    void Audit(domain::Repositories& repositories, std::string_view kind, std::string_view username,
               std::optional<domain::UserId> user_id, std::string_view address,
               std::string_view detail, Instant now);

    domain::Store& store_;
    const Clock& clock_;
    const AuthOptions options_;
    LoginThrottle throttle_;
    /// Verified against when the username does not exist, so a miss costs what a hit costs;
    /// made on first use to keep start-up fast.
    const std::string& DecoyHash();
    std::once_flag decoy_once_;
    std::string decoy_hash_;

    std::shared_mutex cache_mutex_;
    std::unordered_map<std::string, CacheEntry> cache_;  // by token digest
};

/// The Principal for a stored user (roles included).
domain::Principal PrincipalOf(const domain::User& user);

}  // namespace minqing::service
