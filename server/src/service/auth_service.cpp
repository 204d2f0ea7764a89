#include "service/auth_service.hpp"

#include <algorithm>
#include <cctype>
#include <mutex>

namespace minqing::service {
namespace {

using domain::Principal;
using domain::Repositories;

constexpr std::size_t kMaxUsernameBytes = 64;
constexpr std::size_t kMaxPasswordBytes = 256;
constexpr std::size_t kMaxTokenNameBytes = 100;

std::string NormaliseUsername(std::string_view username) {
    std::string normalised(username);
    std::ranges::transform(normalised, normalised.begin(),
                           [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return normalised;
}

Error InvalidCredentials() {
    return MakeError(ErrorCode::kUnauthenticated, "auth.invalid_credentials",
                     "The username or password is wrong.");
}

Error OutsideScope() {
    return Forbidden("user.grant_outside_scope",
                     "The user holds roles outside the scope you administer.");
}

// The display names people read beside each token, instead of user ids.
std::vector<NamedApiToken> Named(Repositories& repositories, std::vector<domain::ApiToken> tokens) {
    const auto name_of = [&repositories](domain::UserId id) {
        const auto user = repositories.Users().FindById(id);
        return user ? user->display_name : std::string();
    };
    std::vector<NamedApiToken> named;
    for (auto& token : tokens) {
        const auto user = name_of(token.user_id);
        const auto issuer = name_of(token.created_by);
        named.push_back({std::move(token), user, issuer});
    }
    return named;
}

int SecondsUntil(Instant until, Instant now) {
    const auto seconds = std::chrono::ceil<std::chrono::seconds>(until - now).count();
    return static_cast<int>(std::max<std::int64_t>(seconds, 1));
}

// The shape of the login form's fields, before anything is looked up.
std::optional<Error> CheckLoginForm(std::string_view username, std::string_view password) {
    std::vector<FieldError> fields;
    if (username.empty() || username.size() > kMaxUsernameBytes) {
        fields.push_back({"username", username.empty() ? "required" : "too_long",
                          "A username of at most 64 characters is required."});
    }
    if (password.empty() || password.size() > kMaxPasswordBytes) {
        fields.push_back({"password", password.empty() ? "required" : "too_long",
                          "A password of at most 256 characters is required."});
    }
    if (fields.empty()) {
        return std::nullopt;
    }
    return Validation(std::move(fields));
}

}  // namespace

Principal PrincipalOf(const domain::User& user) {
    return Principal{user.id, user.username, user.display_name, user.roles, false};
}

AuthService::AuthService(domain::Store& store, const Clock& clock, AuthOptions options)
    : store_(store), clock_(clock), options_(options), throttle_(options.throttle) {}

const std::string& AuthService::DecoyHash() {
    std::call_once(decoy_once_,
                   [this] { decoy_hash_ = HashPassword(RandomToken(), options_.password_cost); });
    return decoy_hash_;
}

void AuthService::Audit(Repositories& repositories, std::string_view kind,
                        std::string_view username, std::optional<domain::UserId> user_id,
                        std::string_view address, std::string_view detail, Instant now) {
    repositories.Auth().AppendEvent({0, now, std::string(kind), std::string(username), user_id,
                                     std::string(address), std::string(detail)});
}

Error AuthService::Throttled(std::string_view username, std::string_view address, int retry_after,
                             std::string_view reason, Instant now) {
    store_.Write([&](Repositories& repositories) {
        Audit(repositories, "login_throttled", username, std::nullopt, address, reason, now);
        return true;
    });
    Error error = MakeError(ErrorCode::kRateLimited, std::string(reason),
                            reason == "auth.account_locked"
                                ? "The account is locked after repeated failed logins."
                                : "Too many failed logins; wait before trying again.");
    error.retry_after_seconds = retry_after;
    return error;
}

Result<LoginResult> AuthService::Login(std::string_view raw_username, std::string_view password,
                                       std::string_view address) {
    const Instant now = clock_.Now();
    if (auto invalid = CheckLoginForm(raw_username, password)) {
        return Fail(std::move(*invalid));
    }
    const std::string username = NormaliseUsername(raw_username);
    if (const int wait = throttle_.RetryAfterSeconds(username, address, now); wait > 0) {
        return Fail(Throttled(username, address, wait, "auth.too_many_attempts", now));
    }

    auto user = domain::Query(store_, [&](Repositories& repositories) {
        return repositories.Users().FindByUsername(username);
    });
    if (user && user->locked_until && *user->locked_until > now) {
        return Fail(Throttled(username, address, SecondsUntil(*user->locked_until, now),
                              "auth.account_locked", now));
    }
    // Verify even for unknown or disabled users so that timing does not reveal which exist.
    const bool password_ok = VerifyPassword(user ? user->password_hash : DecoyHash(), password);
    if (!user || !user->active || !password_ok) {
        return Fail(RecordFailedLogin(user, username, address, now));
    }
    throttle_.RecordSuccess(username);
    return OpenSession(*user, username, address, now);
}

Error AuthService::RecordFailedLogin(const std::optional<domain::User>& user,
                                     const std::string& username, std::string_view address,
                                     Instant now) {
    throttle_.RecordFailure(username, address, now);
    bool locked = false;
    store_.Write([&](Repositories& repositories) {
        if (user) {
            // Re-read inside the transaction so concurrent failures all count.
            auto current = repositories.Users().FindById(user->id);
            if (current) {
                current->failed_logins += 1;
                if (current->failed_logins >= options_.failures_before_lock) {
                    current->locked_until = now + options_.lock_duration;
                    current->failed_logins = 0;
                    locked = true;
                }
                repositories.Users().Update(*current);
            }
        }
        Audit(repositories, locked ? "account_locked" : "login_failed", username,
              user ? std::optional(user->id) : std::nullopt, address,
              !user ? "unknown user" : (!user->active ? "account disabled" : "wrong password"),
              now);
        return true;
    });
    if (!locked) {
        return InvalidCredentials();
    }
    Error error = MakeError(ErrorCode::kRateLimited, "auth.account_locked",
                            "The account is locked after repeated failed logins.");
    error.retry_after_seconds =
        static_cast<int>(std::chrono::seconds(options_.lock_duration).count());
    return error;
}

LoginResult AuthService::OpenSession(const domain::User& user, const std::string& username,
                                     std::string_view address, Instant now) {
    LoginResult result;
    result.session_token = RandomToken();
    result.csrf_token = RandomToken();
    result.expires_at = now + options_.session_ttl;
    result.max_age_seconds = std::chrono::seconds(options_.session_ttl).count();
    result.principal = PrincipalOf(user);
    const std::string digest = Sha256Hex(result.session_token);
    store_.Write([&](Repositories& repositories) {
        auto current = repositories.Users().FindById(user.id);
        if (current && (current->failed_logins != 0 || current->locked_until)) {
            current->failed_logins = 0;
            current->locked_until.reset();
            repositories.Users().Update(*current);
        }
        repositories.Auth().InsertSession(
            {digest, user.id, result.csrf_token, now, result.expires_at, false});
        Audit(repositories, "login_succeeded", username, user.id, address, "", now);
        return true;
    });
    Remember(
        CacheKey(Kind::kSession, digest),
        {{result.principal, result.csrf_token}, result.expires_at, now, user.credential_version});
    return result;
}

void AuthService::Logout(std::string_view session_token, std::string_view address) {
    const std::string digest = Sha256Hex(session_token);
    Forget(CacheKey(Kind::kSession, digest));
    const Instant now = clock_.Now();
    store_.Write([&](Repositories& repositories) {
        const auto session = repositories.Auth().FindSession(digest);
        if (!session) {
            return true;
        }
        repositories.Auth().RevokeSession(digest);
        // Other processes may hold this session in their caches: the moved version sends
        // them back to the database, where it is now revoked.
        repositories.Users().BumpCredentialVersion(session->user_id);
        const auto user = repositories.Users().FindById(session->user_id);
        Audit(repositories, "logout", user ? user->username : "", session->user_id, address, "",
              now);
        return true;
    });
}

std::string AuthService::CacheKey(Kind kind, std::string_view digest) {
    return (kind == Kind::kSession ? "session:" : "token:") + std::string(digest);
}

std::optional<Authenticated> AuthService::FromCache(const std::string& key, Instant now) {
    std::optional<CacheEntry> entry;
    {
        const std::shared_lock lock(cache_mutex_);
        const auto found = cache_.find(key);
        if (found == cache_.end() || found->second.expires_at <= now ||
            found->second.checked_at + options_.cache_ttl <= now) {
            return std::nullopt;
        }
        entry = found->second;
    }
    // One indexed read instead of the session, the user and the roles: a password reset,
    // a disabled account or a changed role in any process shows here at once.
    const auto current = domain::Query(store_, [&](Repositories& repositories) {
        return repositories.Users().CredentialVersion(entry->who.principal.user_id);
    });
    if (current != entry->credential_version) {
        Forget(key);
        return std::nullopt;
    }
    return std::move(entry->who);
}

void AuthService::Remember(const std::string& key, CacheEntry entry) {
    const std::unique_lock lock(cache_mutex_);
    cache_[key] = std::move(entry);
}

void AuthService::Forget(const std::string& key) {
    const std::unique_lock lock(cache_mutex_);
    cache_.erase(key);
}

void AuthService::ForgetUser(domain::UserId user_id) {
    const std::unique_lock lock(cache_mutex_);
    std::erase_if(cache_, [user_id](const auto& item) {
        return item.second.who.principal.user_id == user_id;
    });
}

Result<Authenticated> AuthService::AuthenticateSession(std::string_view session_token) {
    const Instant now = clock_.Now();
    const std::string digest = Sha256Hex(session_token);
    const std::string key = CacheKey(Kind::kSession, digest);
    if (auto cached = FromCache(key, now)) {
        return std::move(*cached);
    }
    std::optional<CacheEntry> entry;
    store_.Read([&](Repositories& repositories) {
        const auto session = repositories.Auth().FindSession(digest);
        if (!session || session->revoked || session->expires_at <= now) {
            return;
        }
        const auto user = repositories.Users().FindById(session->user_id);
        if (!user || !user->active) {
            return;
        }
        entry = CacheEntry{{PrincipalOf(*user), session->csrf_token},
                           session->expires_at,
                           now,
                           user->credential_version};
    });
    if (!entry) {
        Forget(key);
        return Fail(MakeError(ErrorCode::kUnauthenticated, "auth.session_invalid",
                              "The session has expired or was ended; log in again."));
    }
    Remember(key, *entry);
    return entry->who;
}

Result<Authenticated> AuthService::AuthenticateBearer(std::string_view token) {
    const Instant now = clock_.Now();
    const std::string digest = Sha256Hex(token);
    const std::string key = CacheKey(Kind::kToken, digest);
    if (auto cached = FromCache(key, now)) {
        return std::move(*cached);
    }
    std::optional<CacheEntry> entry;
    store_.Read([&](Repositories& repositories) {
        const auto stored = repositories.Auth().FindApiToken(digest);
        if (!stored || stored->revoked_at) {
            return;
        }
        const auto user = repositories.Users().FindById(stored->user_id);
        if (!user || !user->active) {
            return;
        }
        Principal principal = PrincipalOf(*user);
        principal.via_api_token = true;
        entry =
            CacheEntry{{std::move(principal), ""}, Instant::max(), now, user->credential_version};
    });
    if (!entry) {
        Forget(key);
        return Fail(MakeError(ErrorCode::kUnauthenticated, "auth.token_invalid",
                              "The API token is unknown or was revoked."));
    }
    Remember(key, *entry);
    return entry->who;
}

Result<CreatedApiToken> AuthService::InsertToken(const Principal& actor, std::string name,
                                                 const domain::User& user,
                                                 std::string_view address) {
    if (name.empty() || name.size() > kMaxTokenNameBytes) {
        return Fail(Validation({{"name", name.empty() ? "required" : "too_long",
                                 "A name of at most 100 characters is required."}}));
    }
    const Instant now = clock_.Now();
    CreatedApiToken created;
    created.secret = RandomToken();
    store_.Write([&](Repositories& repositories) {
        created.named.token = repositories.Auth().InsertApiToken(
            {0, name, Sha256Hex(created.secret), user.id, actor.user_id, now, std::nullopt});
        created.named.user_name = user.display_name;
        created.named.created_by_name = actor.display_name;
        Audit(repositories, "token_created", actor.username, actor.user_id, address,
              "token " + std::to_string(created.named.token.id) + " for " + user.username, now);
        return true;
    });
    return created;
}

Result<CreatedApiToken> AuthService::CreateApiToken(const Principal& actor, std::string name,
                                                    domain::UserId user_id,
                                                    std::string_view address) {
    if (!actor.HasPermission(domain::permission::kTokenWrite)) {
        return Fail(Forbidden("auth.forbidden", "Only administrators create API tokens."));
    }
    auto user = domain::Query(store_, [&](Repositories& repositories) -> Result<domain::User> {
        auto found = repositories.Users().FindById(user_id);
        if (!found) {
            return Fail(NotFound("user.not_found", "No such user."));
        }
        if (!domain::ManagesUser(actor, *found)) {
            return Fail(OutsideScope());
        }
        const bool works_cases = std::ranges::any_of(
            found->roles, [](const auto& held) { return held.role != domain::Role::kAdmin; });
        if (found->id != actor.user_id && works_cases) {
            return Fail(Forbidden("token.needs_consent",
                                  "This person works cases: they issue their own token after "
                                  "logging in; an administrator may not act as them."));
        }
        return std::move(*found);
    });
    if (!user) {
        return Fail(std::move(user.error()));
    }
    return InsertToken(actor, std::move(name), *user, address);
}

Result<CreatedApiToken> AuthService::CreateOwnApiToken(const Principal& actor, std::string name,
                                                       std::string_view address) {
    if (actor.via_api_token) {
        return Fail(Forbidden("token.session_required",
                              "Log in to issue a token; a token cannot issue tokens."));
    }
    domain::User self;
    self.id = actor.user_id;
    self.username = actor.username;
    return InsertToken(actor, std::move(name), self, address);
}

std::vector<NamedApiToken> AuthService::ListOwnApiTokens(const Principal& actor) {
    return domain::Query(store_, [&actor](Repositories& repositories) {
        auto tokens = repositories.Auth().ListApiTokens();
        std::erase_if(
            tokens, [&](const domain::ApiToken& token) { return token.user_id != actor.user_id; });
        return Named(repositories, std::move(tokens));
    });
}

Result<std::vector<NamedApiToken>> AuthService::ListApiTokens(const Principal& actor) {
    if (!actor.HasPermission(domain::permission::kTokenWrite)) {
        return Fail(Forbidden("auth.forbidden", "Only administrators see API tokens."));
    }
    return domain::Query(store_, [&actor](Repositories& repositories) {
        auto tokens = repositories.Auth().ListApiTokens();
        std::erase_if(tokens, [&](const domain::ApiToken& token) {
            const auto user = repositories.Users().FindById(token.user_id);
            return !user || !domain::ManagesUser(actor, *user);
        });
        return Named(repositories, std::move(tokens));
    });
}

Status AuthService::RevokeApiToken(const Principal& actor, std::int64_t id,
                                   std::string_view address) {
    const Instant now = clock_.Now();
    std::string digest;
    auto status = domain::Transact(store_, [&](Repositories& repositories) -> Status {
        const auto token = repositories.Auth().FindApiTokenById(id);
        if (!token || token->revoked_at) {
            return Fail(NotFound("token.not_found", "No such active API token."));
        }
        const bool own = token->user_id == actor.user_id;
        if (!own && !actor.HasPermission(domain::permission::kTokenWrite)) {
            return Fail(NotFound("token.not_found", "No such active API token."));
        }
        const auto user = repositories.Users().FindById(token->user_id);
        if (!own && (!user || !domain::ManagesUser(actor, *user))) {
            return Fail(OutsideScope());
        }
        repositories.Auth().RevokeApiToken(id, now);
        repositories.Users().BumpCredentialVersion(token->user_id);
        digest = token->token_digest;
        Audit(repositories, "token_revoked", actor.username, actor.user_id, address,
              "token " + std::to_string(id), now);
        return Ok();
    });
    if (status) {
        Forget(CacheKey(Kind::kToken, digest));
    }
    return status;
}

Result<std::vector<domain::AuthEvent>> AuthService::ListAuditEvents(const Principal& actor,
                                                                    int limit,
                                                                    std::string_view username) {
    // The audit covers every account, so only a city-wide admin reads it.
    if (!actor.HasPermission(domain::permission::kAuditRead) || !domain::AdministersRoot(actor)) {
        return Fail(Forbidden("auth.forbidden", "Only city administrators read the audit trail."));
    }
    return domain::Query(store_, [&](Repositories& repositories) {
        return repositories.Auth().ListEvents(std::clamp(limit, 1, 500),
                                              NormaliseUsername(username));
    });
}

}  // namespace minqing::service
