// Use cases over staff accounts: list, create, edit, and grant or revoke roles, each within
// the acting administrator's scope. Thread-safe; blocks on the Store.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "common/clock.hpp"
#include "common/result.hpp"
#include "domain/principal.hpp"
#include "domain/store.hpp"
#include "domain/user_repository.hpp"
#include "service/crypto.hpp"

namespace minqing::service {

struct NewUser {
    std::string username;
    std::string display_name;
    std::string phone;
    std::string password;
};

struct UserChanges {
    std::optional<std::string> display_name;
    std::optional<std::string> phone;
    std::optional<std::string> password;
    std::optional<bool> active;
    /// Clears a login lockout.
    bool unlock = false;
};

class UserService {
  public:
    /// `on_user_changed` is told of every user whose roles or status changed, so caches of
    /// authenticated callers can forget them.
    UserService(domain::Store& store, const Clock& clock, PasswordCost password_cost,
                std::function<void(domain::UserId)> on_user_changed)
        : store_(store),
          clock_(clock),
          password_cost_(password_cost),
          on_user_changed_(std::move(on_user_changed)) {}

    /// Users holding a role inside the actor's admin scope (and, for a city-wide admin, users
    /// with no role yet). Errors: 403.
    Result<std::vector<domain::User>> List(const domain::Principal& actor, domain::UserQuery query);
    /// Errors: 403, 404 "user.not_found".
    Result<domain::User> Get(const domain::Principal& actor, domain::UserId id);
    /// Errors: 403; 409 "user.username_taken"; 422 fields.
    Result<domain::User> Create(const domain::Principal& actor, const NewUser& user);
    /// Errors: 403, 404, 422.
    Result<domain::User> Update(const domain::Principal& actor, domain::UserId id,
                                const UserChanges& changes);
    /// Errors: 403 "user.grant_outside_scope"; 404 "user.not_found", "org.unit_not_found";
    /// 409 "user.role_exists"; 422 "user.role_scope_mismatch", unknown role.
    Result<domain::RoleAssignment> Grant(const domain::Principal& actor, domain::UserId id,
                                         domain::Role role, domain::OrgUnitId unit_id);
    /// Errors: 403, 404 "user.role_not_found".
    Status Revoke(const domain::Principal& actor, domain::UserId id, std::int64_t assignment_id);

  private:
    /// The user if the actor may manage them: every role of theirs within the actor's scope.
    Result<domain::User> LoadManaged(domain::Repositories& repositories,
                                     const domain::Principal& actor, domain::UserId id);

    domain::Store& store_;
    const Clock& clock_;
    const PasswordCost password_cost_;
    std::function<void(domain::UserId)> on_user_changed_;
};

/// Field errors of a new user's or changed user's fields.
std::vector<FieldError> ValidateUsername(std::string_view username);
std::optional<FieldError> ValidatePassword(std::string_view password);

}  // namespace minqing::service
