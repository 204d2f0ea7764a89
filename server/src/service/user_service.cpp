#include "service/user_service.hpp"

#include <algorithm>

#include "text/text_checks.hpp"

namespace minqing::service {
namespace {

using domain::Principal;
using domain::Repositories;
using domain::User;

constexpr std::size_t kMinUsername = 3;
constexpr std::size_t kMaxUsername = 32;
constexpr std::size_t kMinPassword = 8;
constexpr std::size_t kMaxPassword = 128;
constexpr std::size_t kMaxDisplayName = 50;
constexpr std::size_t kMaxPhone = 20;
constexpr int kMaxPageSize = 200;

Error NotPermitted() {
    return Forbidden("auth.forbidden", "Only administrators manage users.");
}

bool IsUsernameCharacter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.';
}

bool IsPhone(std::string_view phone) {
    return std::ranges::all_of(
        phone, [](char c) { return (c >= '0' && c <= '9') || c == '-' || c == '+' || c == ' '; });
}

void CheckProfile(std::vector<FieldError>& fields, const std::string* display_name,
                  const std::string* phone) {
    if (display_name) {
        if (auto reason = text::CheckText(*display_name, kMaxDisplayName, true, true)) {
            fields.push_back({"displayName", *reason, "1 to 50 characters on one line."});
        }
    }
    if (phone && (phone->size() > kMaxPhone || !IsPhone(*phone))) {
        fields.push_back({"phone", "invalid", "Digits, spaces, '+' and '-', at most 20."});
    }
}

}  // namespace

std::vector<FieldError> ValidateUsername(std::string_view username) {
    if (username.size() < kMinUsername || username.size() > kMaxUsername ||
        !std::ranges::all_of(username, IsUsernameCharacter)) {
        return {{"username", username.empty() ? "required" : "invalid",
                 "3 to 32 lower-case letters, digits, '.', '-' or '_'."}};
    }
    return {};
}

std::optional<FieldError> ValidatePassword(std::string_view password) {
    if (password.size() < kMinPassword || password.size() > kMaxPassword) {
        return FieldError{"password", password.empty() ? "required" : "length",
                          "8 to 128 characters."};
    }
    return std::nullopt;
}

Result<User> UserService::LoadManaged(Repositories& repositories, const Principal& actor,
                                      domain::UserId id) {
    if (!actor.HasPermission(domain::permission::kUserWrite)) {
        return Fail(NotPermitted());
    }
    auto user = repositories.Users().FindById(id);
    if (!user) {
        return Fail(NotFound("user.not_found", "No such user."));
    }
    if (!domain::ManagesUser(actor, *user)) {
        return Fail(Forbidden("user.outside_scope",
                              "The user holds roles outside the scope you administer."));
    }
    return std::move(*user);
}

Result<std::vector<User>> UserService::List(const Principal& actor, domain::UserQuery query) {
    if (!actor.HasPermission(domain::permission::kUserRead)) {
        return Fail(NotPermitted());
    }
    query.limit = std::clamp(query.limit, 1, kMaxPageSize);
    query.offset = std::max(query.offset, 0);
    if (query.within_paths) {
        for (const std::string& path : *query.within_paths) {
            if (!domain::AdministersPath(actor, path)) {
                return Fail(Forbidden("user.outside_scope",
                                      "That subtree lies outside the scope you administer."));
            }
        }
    } else {
        query.within_paths = domain::AdminScopes(actor);
        query.include_homeless = domain::AdministersRoot(actor);
    }
    return domain::Query(
        store_, [&](Repositories& repositories) { return repositories.Users().List(query); });
}

Result<User> UserService::Get(const Principal& actor, domain::UserId id) {
    if (!actor.HasPermission(domain::permission::kUserRead)) {
        return Fail(NotPermitted());
    }
    return domain::Query(store_, [&](Repositories& repositories) -> Result<User> {
        auto user = repositories.Users().FindById(id);
        if (!user) {
            return Fail(NotFound("user.not_found", "No such user."));
        }
        if (!domain::ManagesUser(actor, *user)) {
            return Fail(NotFound("user.not_found", "No such user."));
        }
        return std::move(*user);
    });
}

Result<User> UserService::Create(const Principal& actor, const NewUser& fields) {
    if (!actor.HasPermission(domain::permission::kUserWrite)) {
        return Fail(NotPermitted());
    }
    auto problems = ValidateUsername(fields.username);
    CheckProfile(problems, &fields.display_name, &fields.phone);
    if (auto bad = ValidatePassword(fields.password)) {
        problems.push_back(std::move(*bad));
    }
    if (!problems.empty()) {
        return Fail(Validation(std::move(problems)));
    }
    User user;
    user.username = fields.username;
    user.display_name = text::Trim(fields.display_name);
    user.phone = fields.phone;
    user.password_hash = HashPassword(fields.password, password_cost_);
    user.created_at = clock_.Now();
    user.created_by = actor.user_id;
    user.home_path = domain::HomePathFor(actor);
    return domain::Transact(
        store_, [&](Repositories& repositories) { return repositories.Users().Insert(user); });
}

Result<User> UserService::Update(const Principal& actor, domain::UserId id,
                                 const UserChanges& changes) {
    std::vector<FieldError> problems;
    CheckProfile(problems, changes.display_name ? &*changes.display_name : nullptr,
                 changes.phone ? &*changes.phone : nullptr);
    if (changes.password) {
        if (auto bad = ValidatePassword(*changes.password)) {
            problems.push_back(std::move(*bad));
        }
    }
    if (!problems.empty()) {
        return Fail(Validation(std::move(problems)));
    }
    // Hash outside the transaction: argon2id is slow by design and must not hold the writer.
    const std::optional<std::string> new_hash =
        changes.password ? std::optional(HashPassword(*changes.password, password_cost_))
                         : std::nullopt;
    auto updated = domain::Transact(store_, [&](Repositories& repositories) -> Result<User> {
        auto user = LoadManaged(repositories, actor, id);
        if (!user) {
            return user;
        }
        if (changes.display_name) {
            user->display_name = text::Trim(*changes.display_name);
        }
        if (changes.phone) {
            user->phone = *changes.phone;
        }
        if (new_hash) {
            user->password_hash = *new_hash;
        }
        if (changes.active) {
            user->active = *changes.active;
        }
        if (changes.unlock) {
            user->failed_logins = 0;
            user->locked_until.reset();
        }
        repositories.Users().Update(*user);
        // A new password ends every session: whoever knew the old one is out at once, in
        // every server process (they all check the credential version).
        if (new_hash) {
            repositories.Auth().RevokeSessionsOf(id);
        }
        if (new_hash || changes.active) {
            repositories.Users().BumpCredentialVersion(id);
        }
        return user;
    });
    if (updated) {
        on_user_changed_(id);
    }
    return updated;
}

Result<domain::RoleAssignment> UserService::Grant(const Principal& actor, domain::UserId id,
                                                  domain::Role role, domain::OrgUnitId unit_id) {
    const Instant now = clock_.Now();
    auto granted =
        domain::Transact(store_, [&](Repositories& repositories) -> Result<domain::RoleAssignment> {
            if (!actor.HasPermission(domain::permission::kUserWrite)) {
                return Fail(NotPermitted());
            }
            auto user = LoadManaged(repositories, actor, id);
            if (!user) {
                return Fail(std::move(user.error()));
            }
            const auto unit = repositories.Orgs().FindById(unit_id);
            if (!unit || !unit->active) {
                return Fail(NotFound("org.unit_not_found", "No such active org unit."));
            }
            if (auto allowed = domain::CheckCanGrant(actor, role, *unit); !allowed) {
                return Fail(std::move(allowed.error()));
            }
            auto added = repositories.Users().AddRole(id, role, unit_id, actor.user_id, now);
            if (added) {
                repositories.Users().BumpCredentialVersion(id);
            }
            return added;
        });
    if (granted) {
        on_user_changed_(id);
    }
    return granted;
}

Status UserService::Revoke(const Principal& actor, domain::UserId id, std::int64_t assignment_id) {
    auto revoked = domain::Transact(store_, [&](Repositories& repositories) -> Status {
        if (!actor.HasPermission(domain::permission::kUserWrite)) {
            return Fail(NotPermitted());
        }
        const auto user = repositories.Users().FindById(id);
        if (!user) {
            return Fail(NotFound("user.not_found", "No such user."));
        }
        const auto held = std::ranges::find_if(
            user->roles, [assignment_id](const auto& role) { return role.id == assignment_id; });
        if (held == user->roles.end()) {
            return Fail(NotFound("user.role_not_found", "The user has no such role assignment."));
        }
        if (!domain::AdministersPath(actor, held->org_unit_path)) {
            return Fail(Forbidden("user.grant_outside_scope",
                                  "The role lies outside the scope you administer."));
        }
        repositories.Users().RemoveRole(id, assignment_id);
        repositories.Users().BumpCredentialVersion(id);
        return Ok();
    });
    if (revoked) {
        on_user_changed_(id);
    }
    return revoked;
}

}  // namespace minqing::service
