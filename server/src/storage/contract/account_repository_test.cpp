// Contract: UserRepository and AuthRepository on every backend.
#include "domain/auth_repository.hpp"
#include "domain/user_repository.hpp"
#include "storage/contract/store_fixture.hpp"

namespace minqing::storage::contract {
namespace {

using domain::OrgKind;
using domain::OrgLevel;
using domain::Repositories;
using domain::Role;
using domain::User;

template <typename Backend>
class AccountContract : public StoreContract<Backend> {
  protected:
    AccountContract() {
        city_ = this->AddUnit("220200", "吉林市");
        district_ = this->AddUnit("220204", "船营区", city_.id, OrgLevel::kDistrict);
        other_ = this->AddUnit("220202", "昌邑区", city_.id, OrgLevel::kDistrict);
    }

    Result<User> AddUser(std::string username, std::string display_name) {
        User user;
        user.username = std::move(username);
        user.display_name = std::move(display_name);
        user.password_hash = "$argon2id$placeholder";
        user.created_at = kNow;
        return domain::Transact(this->store(), [&](Repositories& repositories) {
            return repositories.Users().Insert(user);
        });
    }

    std::optional<User> Find(std::string_view username) {
        return domain::Query(this->store(), [&](Repositories& repositories) {
            return repositories.Users().FindByUsername(username);
        });
    }

    domain::OrgUnit city_, district_, other_;
};

TYPED_TEST_SUITE(AccountContract, Backends, BackendNames);

TYPED_TEST(AccountContract, UsersRoundTripWithRoles) {
    const auto user = this->AddUser("district-office", "船营区绿色通道办公室");
    ASSERT_TRUE(user);
    const auto granted = domain::Transact(this->store(), [&](Repositories& repositories) {
        return repositories.Users().AddRole(user->id, Role::kDistrictOffice, this->district_.id,
                                            std::nullopt, kNow);
    });
    ASSERT_TRUE(granted);
    EXPECT_EQ(granted->org_unit_name, "船营区");
    EXPECT_EQ(granted->org_unit_path, this->district_.path);
    const auto found = this->Find("district-office");
    ASSERT_TRUE(found);
    EXPECT_EQ(found->display_name, "船营区绿色通道办公室");
    ASSERT_EQ(found->roles.size(), 1u);
    EXPECT_EQ(found->roles[0].role, Role::kDistrictOffice);
    EXPECT_EQ(found->roles[0].org_unit_level, OrgLevel::kDistrict);
    EXPECT_EQ(found->created_at, kNow);
}

TYPED_TEST(AccountContract, DuplicatesAreConflicts) {
    const auto user = this->AddUser("cadre", "干部");
    ASSERT_TRUE(user);
    const auto again = this->AddUser("cadre", "另一个");
    ASSERT_FALSE(again);
    EXPECT_EQ(again.error().reason, "user.username_taken");
    const auto grant = [&] {
        return domain::Transact(this->store(), [&](Repositories& repositories) {
            return repositories.Users().AddRole(user->id, Role::kCadre, this->city_.id,
                                                std::nullopt, kNow);
        });
    };
    ASSERT_TRUE(grant());
    const auto twice = grant();
    ASSERT_FALSE(twice);
    EXPECT_EQ(twice.error().reason, "user.role_exists");
}

TYPED_TEST(AccountContract, LoginStateSurvivesAReopen) {
    auto user = this->AddUser("admin", "管理员");
    ASSERT_TRUE(user);
    user->failed_logins = 3;
    user->locked_until = kNow + std::chrono::minutes(30);
    user->active = false;
    this->store().Write([&](Repositories& repositories) {
        repositories.Users().Update(*user);
        return true;
    });
    this->Reopen();
    const auto found = this->Find("admin");
    ASSERT_TRUE(found);
    EXPECT_EQ(found->failed_logins, 3);
    EXPECT_EQ(found->locked_until, kNow + std::chrono::minutes(30));
    EXPECT_FALSE(found->active);
}

TYPED_TEST(AccountContract, ListsUsersWithinASubtreeAndByKeyword) {
    const auto inside = this->AddUser("chuanying", "船营区用户");
    const auto outside = this->AddUser("changyi", "昌邑区用户");
    ASSERT_TRUE(inside && outside);
    this->store().Write([&](Repositories& repositories) {
        EXPECT_TRUE(repositories.Users().AddRole(inside->id, Role::kDistrictOffice,
                                                 this->district_.id, std::nullopt, kNow));
        EXPECT_TRUE(repositories.Users().AddRole(outside->id, Role::kDistrictOffice,
                                                 this->other_.id, std::nullopt, kNow));
        return true;
    });
    domain::UserQuery query;
    query.within_paths = std::vector<std::string>{this->district_.path};
    auto users = domain::Query(this->store(), [&](Repositories& repositories) {
        return repositories.Users().List(query);
    });
    ASSERT_EQ(users.size(), 1u);
    EXPECT_EQ(users[0].username, "chuanying");
    query.within_paths.reset();
    query.keyword = "昌邑";
    users = domain::Query(this->store(), [&](Repositories& repositories) {
        return repositories.Users().List(query);
    });
    ASSERT_EQ(users.size(), 1u);
    EXPECT_EQ(users[0].username, "changyi");
}

TYPED_TEST(AccountContract, RemovesOnlyTheNamedAssignmentOfThatUser) {
    const auto a = this->AddUser("usera", "甲");
    const auto b = this->AddUser("userb", "乙");
    ASSERT_TRUE(a && b);
    std::int64_t assignment = 0;
    this->store().Write([&](Repositories& repositories) {
        assignment = repositories.Users()
                         .AddRole(a->id, Role::kInspector, this->city_.id, std::nullopt, kNow)
                         ->id;
        return true;
    });
    bool removed_by_other = true;
    bool removed = false;
    this->store().Write([&](Repositories& repositories) {
        removed_by_other = repositories.Users().RemoveRole(b->id, assignment);
        removed = repositories.Users().RemoveRole(a->id, assignment);
        return true;
    });
    EXPECT_FALSE(removed_by_other);
    EXPECT_TRUE(removed);
    EXPECT_TRUE(this->Find("usera")->roles.empty());
}

TYPED_TEST(AccountContract, SessionsAndTokensAreFoundByDigestAndRevoked) {
    const auto user = this->AddUser("unit-handler", "承办人");
    ASSERT_TRUE(user);
    domain::ApiToken token;
    this->store().Write([&](Repositories& repositories) {
        repositories.Auth().InsertSession(
            {"digest-1", user->id, "csrf-1", kNow, kNow + std::chrono::hours(12), false});
        token = repositories.Auth().InsertApiToken(
            {0, "热线对接", "token-digest", user->id, user->id, kNow, std::nullopt});
        return true;
    });
    auto session = domain::Query(this->store(), [](Repositories& repositories) {
        return repositories.Auth().FindSession("digest-1");
    });
    ASSERT_TRUE(session);
    EXPECT_EQ(session->csrf_token, "csrf-1");
    EXPECT_FALSE(session->revoked);
    bool first_revoke = false;
    bool second_revoke = true;
    this->store().Write([&](Repositories& repositories) {
        repositories.Auth().RevokeSession("digest-1");
        first_revoke = repositories.Auth().RevokeApiToken(token.id, kNow);
        second_revoke = repositories.Auth().RevokeApiToken(token.id, kNow);
        return true;
    });
    EXPECT_TRUE(first_revoke);
    EXPECT_FALSE(second_revoke);
    session = domain::Query(this->store(), [](Repositories& repositories) {
        return repositories.Auth().FindSession("digest-1");
    });
    EXPECT_TRUE(session->revoked);
    const auto stored = domain::Query(this->store(), [](Repositories& repositories) {
        return repositories.Auth().FindApiToken("token-digest");
    });
    ASSERT_TRUE(stored);
    EXPECT_EQ(stored->name, "热线对接");
    EXPECT_EQ(stored->revoked_at, kNow);
}

TYPED_TEST(AccountContract, AuditEventsComeNewestFirst) {
    this->store().Write([&](Repositories& repositories) {
        for (int i = 0; i < 5; ++i) {
            repositories.Auth().AppendEvent({0, kNow + std::chrono::seconds(i), "login_failed",
                                             i % 2 == 0 ? "admin" : "cadre", std::nullopt,
                                             "127.0.0.1", "wrong password"});
        }
        return true;
    });
    const auto events = domain::Query(this->store(), [](Repositories& repositories) {
        return repositories.Auth().ListEvents(2, "admin");
    });
    ASSERT_EQ(events.size(), 2u);
    EXPECT_EQ(events[0].at, kNow + std::chrono::seconds(4));
    EXPECT_EQ(events[1].at, kNow + std::chrono::seconds(2));
    EXPECT_EQ(events[0].username, "admin");
}

}  // namespace
}  // namespace minqing::storage::contract
