#include <string>

#include "storage/sql/enum_text.hpp"
#include "storage/sql/sql_fragments.hpp"
#include "storage/sql/sql_repositories.hpp"

namespace minqing::storage {
namespace {

using domain::RoleAssignment;
using domain::User;

const ColumnTable<User> kUsers(
    "users", {Field<&User::id>("id", kGeneratedKey),
              Field<&User::username>("username", kWrittenOnce),
              Field<&User::display_name>("display_name"),
              Field<&User::phone>("phone"),
              Field<&User::password_hash>("password_hash"),
              Field<&User::active>("active"),
              Field<&User::failed_logins>("failed_logins"),
              Field<&User::locked_until>("locked_until"),
              Field<&User::created_at>("created_at", kWrittenOnce),
              // Set once, to the creation time: Update does not move it.
              {"updated_at", SqlType::kInteger, kInserted,
               [](const User& user) { return SqlValue(ToEpochMs(user.created_at)); }, nullptr},
              Field<&User::created_by>("created_by", kWrittenOnce),
              Field<&User::home_path>("home_path", kWrittenOnce),
              // Moved only by BumpCredentialVersion.
              Field<&User::credential_version>("credential_version", kSelected)});

// A read-only view: a role with the org node it is held on.
const ColumnTable<RoleAssignment> kRoles(
    "role_assignments r JOIN org_units o ON o.id = r.org_unit_id",
    {Field<&RoleAssignment::id>("r.id", kSelected),
     Field<&RoleAssignment::role>("r.role", kSelected),
     Field<&RoleAssignment::org_unit_id>("r.org_unit_id", kSelected),
     Field<&RoleAssignment::org_unit_code>("o.code", kSelected),
     Field<&RoleAssignment::org_unit_name>("o.name", kSelected),
     Field<&RoleAssignment::org_unit_path>("o.path", kSelected),
     Field<&RoleAssignment::org_unit_kind>("o.kind", kSelected),
     Field<&RoleAssignment::org_unit_level>("o.level", kSelected)});

}  // namespace

std::vector<RoleAssignment> SqlUserRepository::RolesOf(domain::UserId user) {
    return kRoles.ReadAll(
        session_.Query(kRoles.SelectFrom() + "WHERE r.user_id = ? ORDER BY r.id", {user}));
}

std::optional<User> SqlUserRepository::FindWhere(std::string_view condition, SqlValue value) {
    auto user = kUsers.ReadOne(session_.QueryOne(
        kUsers.SelectFrom() + "WHERE " + std::string(condition), {std::move(value)}));
    if (user) {
        user->roles = RolesOf(user->id);
    }
    return user;
}

std::optional<User> SqlUserRepository::FindById(domain::UserId id) {
    return FindWhere("id = ?", id);
}

std::optional<User> SqlUserRepository::FindByUsername(std::string_view username) {
    return FindWhere("username = ?", std::string(username));
}

std::vector<User> SqlUserRepository::List(const domain::UserQuery& query) {
    std::string sql = "SELECT " + kUsers.List() + " FROM users u WHERE 1 = 1";
    std::vector<SqlValue> params;
    if (query.within_paths) {
        sql +=
            " AND (EXISTS (SELECT 1 FROM role_assignments r JOIN org_units o ON "
            "o.id = r.org_unit_id WHERE r.user_id = u.id AND (" +
            WithinSubtrees("o.path", *query.within_paths, params) + "))";
        sql += " OR (NOT EXISTS (SELECT 1 FROM role_assignments r WHERE r.user_id = u.id) AND (" +
               WithinSubtrees("u.home_path", *query.within_paths, params);
        if (query.include_homeless) {
            sql += " OR u.home_path IS NULL";
        }
        sql += ")))";
    }
    if (!query.keyword.empty()) {
        sql += " AND (username LIKE ? OR display_name LIKE ?)";
        const std::string pattern = "%" + query.keyword + "%";
        params.emplace_back(pattern);
        params.emplace_back(pattern);
    }
    sql += " ORDER BY username LIMIT ? OFFSET ?";
    params.emplace_back(std::int64_t{query.limit});
    params.emplace_back(std::int64_t{query.offset});
    std::vector<User> users = kUsers.ReadAll(session_.Query(sql, params));
    for (User& user : users) {
        user.roles = RolesOf(user.id);
    }
    return users;
}

Result<User> SqlUserRepository::Insert(User user) {
    try {
        const auto row =
            session_.QueryOne(kUsers.InsertSql() + " RETURNING id", kUsers.InsertValues(user));
        user.id = row->Int(0);
    } catch (const UniqueViolation&) {
        return Fail(Conflict("user.username_taken", "This username is already in use."));
    }
    return user;
}

void SqlUserRepository::Update(const User& user) {
    session_.Execute(kUsers.UpdateSql(), kUsers.UpdateValues(user));
}

Result<RoleAssignment> SqlUserRepository::AddRole(domain::UserId user, domain::Role role,
                                                  domain::OrgUnitId unit,
                                                  std::optional<domain::UserId> granted_by,
                                                  Instant at) {
    std::int64_t id = 0;
    try {
        id = session_
                 .QueryOne(
                     "INSERT INTO role_assignments (user_id, role, org_unit_id, granted_by, "
                     "created_at) VALUES (?, ?, ?, ?, ?) RETURNING id",
                     {user, std::string(domain::RoleName(role)), unit, Nullable(granted_by),
                      ToEpochMs(at)})
                 ->Int(0);
    } catch (const UniqueViolation&) {
        return Fail(Conflict("user.role_exists", "The user already holds this role there."));
    }
    return kRoles.Read(*session_.QueryOne(kRoles.SelectFrom() + "WHERE r.id = ?", {id}));
}

bool SqlUserRepository::RemoveRole(domain::UserId user, std::int64_t assignment_id) {
    return session_.Execute("DELETE FROM role_assignments WHERE id = ? AND user_id = ?",
                            {assignment_id, user}) > 0;
}

void SqlUserRepository::BumpCredentialVersion(domain::UserId user) {
    session_.Execute("UPDATE users SET credential_version = credential_version + 1 WHERE id = ?",
                     {user});
}

std::optional<std::int64_t> SqlUserRepository::CredentialVersion(domain::UserId user) {
    const auto row = session_.QueryOne(
        "SELECT credential_version FROM users WHERE id = ? AND active = 1", {user});
    if (!row) {
        return std::nullopt;
    }
    return row->Int(0);
}

}  // namespace minqing::storage
