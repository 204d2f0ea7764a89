// Port: where staff accounts and role assignments are kept. Used inside a unit of work.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.hpp"
#include "domain/port.hpp"
#include "domain/user.hpp"

namespace minqing::domain {

struct UserQuery {
    /// When set, only users holding a role on a node inside one of these subtrees, and users
    /// holding no role whose home path lies inside one of them (or, with
    /// `include_homeless`, who have no home path: accounts from before it was recorded).
    std::optional<std::vector<std::string>> within_paths;
    bool include_homeless = false;
    /// Substring of the username or display name.
    std::string keyword;
    int limit = 50;
    int offset = 0;
};

class UserRepository : public Port {
  public:
    /// The user with their role assignments, or nullopt.
    virtual std::optional<User> FindById(UserId id) = 0;
    virtual std::optional<User> FindByUsername(std::string_view username) = 0;
    /// Users ordered by username, with their roles.
    virtual std::vector<User> List(const UserQuery& query) = 0;
    /// Stores a new user with its creator and home path (roles are added separately).
    /// Conflict "user.username_taken".
    virtual Result<User> Insert(User user) = 0;
    /// Saves display name, phone, password hash, active flag and the login-failure state.
    virtual void Update(const User& user) = 0;
    /// Conflict "user.role_exists" when the user already holds that role on that node.
    virtual Result<RoleAssignment> AddRole(UserId user, Role role, OrgUnitId unit,
                                           std::optional<UserId> granted_by, Instant at) = 0;
    /// Removes one assignment of this user; false when there was none with that id.
    virtual bool RemoveRole(UserId user, std::int64_t assignment_id) = 0;

    /// Moves the user's credential version on, so that every process drops what it cached of
    /// the user's sessions and tokens at their next use.
    virtual void BumpCredentialVersion(UserId user) = 0;
    /// The credential version of an active user; nullopt when the user is gone or disabled.
    virtual std::optional<std::int64_t> CredentialVersion(UserId user) = 0;
};

}  // namespace minqing::domain
