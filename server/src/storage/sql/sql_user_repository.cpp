#include "storage/sql/sql_user_repository.hpp"

#include <string>

#include "storage/sql/sql_org_repository.hpp"

namespace minqing::storage {
namespace {

using domain::RoleAssignment;
using domain::User;

constexpr std::string_view kUserColumns =
    "id, username, display_name, phone, password_hash, active, failed_logins, locked_until, "
    "created_at, created_by, home_path, credential_version";

constexpr std::string_view kRoleSelect =
    "SELECT r.id, r.role, r.org_unit_id, o.code, o.name, o.path, o.kind, o.level, r.user_id "
    "FROM role_assignments r JOIN org_units o ON o.id = r.org_unit_id ";

User UserFromRow(const SqlRow& row) {
    User user;
    user.id = row.Int(0);
    user.username = row.Text(1);
    user.display_name = row.Text(2);
    user.phone = row.Text(3);
    user.password_hash = row.Text(4);
    user.active = row.Bool(5);
    user.failed_logins = static_cast<int>(row.Int(6));
    if (const auto locked = row.OptionalInt(7)) {
        user.locked_until = FromEpochMs(*locked);
    }
    user.created_at = FromEpochMs(row.Int(8));
    user.created_by = row.OptionalInt(9);
    user.home_path = row.OptionalText(10);
    user.credential_version = row.Int(11);
    return user;
}

RoleAssignment RoleFromRow(const SqlRow& row) {
    RoleAssignment assignment;
    assignment.id = row.Int(0);
    assignment.role = domain::ParseRole(row.Text(1)).value_or(domain::Role::kCadre);
    assignment.org_unit_id = row.Int(2);
    assignment.org_unit_code = row.Text(3);
    assignment.org_unit_name = row.Text(4);
    assignment.org_unit_path = row.Text(5);
    assignment.org_unit_kind =
        domain::ParseOrgKind(row.Text(6)).value_or(domain::OrgKind::kDivision);
    assignment.org_unit_level =
        domain::ParseOrgLevel(row.Text(7)).value_or(domain::OrgLevel::kCity);
    return assignment;
}

}  // namespace

std::vector<RoleAssignment> SqlUserRepository::RolesOf(domain::UserId user) {
    std::vector<RoleAssignment> roles;
    for (const SqlRow& row :
         session_.Query(std::string(kRoleSelect) + "WHERE r.user_id = ? ORDER BY r.id", {user})) {
        roles.push_back(RoleFromRow(row));
    }
    return roles;
}

std::optional<User> SqlUserRepository::FindWhere(std::string_view condition, SqlValue value) {
    const auto row = session_.QueryOne(
        "SELECT " + std::string(kUserColumns) + " FROM users WHERE " + std::string(condition),
        {std::move(value)});
    if (!row) {
        return std::nullopt;
    }
    User user = UserFromRow(*row);
    user.roles = RolesOf(user.id);
    return user;
}

std::optional<User> SqlUserRepository::FindById(domain::UserId id) {
    return FindWhere("id = ?", id);
}

std::optional<User> SqlUserRepository::FindByUsername(std::string_view username) {
    return FindWhere("username = ?", std::string(username));
}

std::vector<User> SqlUserRepository::List(const domain::UserQuery& query) {
    std::string sql = "SELECT " + std::string(kUserColumns) + " FROM users u WHERE 1 = 1";
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
    std::vector<User> users;
    for (const SqlRow& row : session_.Query(sql, params)) {
        users.push_back(UserFromRow(row));
        users.back().roles = RolesOf(users.back().id);
    }
    return users;
}

Result<User> SqlUserRepository::Insert(User user) {
    try {
        const auto row = session_.QueryOne(
            "INSERT INTO users (username, display_name, phone, password_hash, active, "
            "failed_logins, locked_until, created_at, updated_at, created_by, home_path) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
            {user.username, user.display_name, user.phone, user.password_hash,
             std::int64_t{user.active ? 1 : 0}, std::int64_t{user.failed_logins},
             Nullable(user.locked_until.transform(ToEpochMs)), ToEpochMs(user.created_at),
             ToEpochMs(user.created_at), Nullable(user.created_by), Nullable(user.home_path)});
        user.id = row->Int(0);
    } catch (const UniqueViolation&) {
        return Fail(Conflict("user.username_taken", "This username is already in use."));
    }
    return user;
}

void SqlUserRepository::Update(const User& user) {
    session_.Execute(
        "UPDATE users SET display_name = ?, phone = ?, password_hash = ?, active = ?, "
        "failed_logins = ?, locked_until = ? WHERE id = ?",
        {user.display_name, user.phone, user.password_hash, std::int64_t{user.active ? 1 : 0},
         std::int64_t{user.failed_logins}, Nullable(user.locked_until.transform(ToEpochMs)),
         user.id});
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
    return RoleFromRow(*session_.QueryOne(std::string(kRoleSelect) + "WHERE r.id = ?", {id}));
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
