// Contract: SavedViewRepository on every backend — a user's views, unique by name per user.
#include "domain/saved_view_repository.hpp"

#include "storage/contract/store_fixture.hpp"

namespace minqing::storage::contract {
namespace {

using domain::Repositories;
using domain::SavedView;

template <typename Backend>
class SavedViewContract : public StoreContract<Backend> {
  protected:
    Result<SavedView> Save(domain::UserId user, std::string name, Instant at,
                           domain::SavedViewQuery query = {}) {
        SavedView view;
        view.user_id = user;
        view.name = std::move(name);
        view.query = std::move(query);
        view.created_at = at;
        return domain::Transact(this->store(), [&](Repositories& repositories) {
            return repositories.SavedViews().Insert(view);
        });
    }

    std::vector<SavedView> ViewsOf(domain::UserId user) {
        return domain::Query(this->store(), [&](Repositories& repositories) {
            return repositories.SavedViews().ViewsOf(user);
        });
    }
};

TYPED_TEST_SUITE(SavedViewContract, Backends, BackendNames);

TYPED_TEST(SavedViewContract, AViewRoundTripsWithItsFilters) {
    const auto user = this->AddAccount("office");
    const domain::SavedViewQuery query{{"state", "dispatched"}, {"keyword", "路灯 井盖"}};
    const auto saved = this->Save(user.id, "待签收", kNow, query);
    ASSERT_TRUE(saved) << saved.error().message;
    EXPECT_GT(saved->id, 0);
    const auto views = this->ViewsOf(user.id);
    ASSERT_EQ(views.size(), 1u);
    EXPECT_EQ(views[0].id, saved->id);
    EXPECT_EQ(views[0].user_id, user.id);
    EXPECT_EQ(views[0].name, "待签收");
    EXPECT_EQ(views[0].query, query);
    EXPECT_EQ(views[0].created_at, kNow);
}

TYPED_TEST(SavedViewContract, ViewsAreListedOldestFirstAndPerUser) {
    const auto user = this->AddAccount("office");
    const auto other = this->AddAccount("other");
    ASSERT_TRUE(this->Save(user.id, "later", kNow + std::chrono::minutes(1)));
    ASSERT_TRUE(this->Save(user.id, "earlier", kNow));
    ASSERT_TRUE(this->Save(other.id, "earlier", kNow));  // names are per user
    const auto views = this->ViewsOf(user.id);
    ASSERT_EQ(views.size(), 2u);
    EXPECT_EQ(views[0].name, "earlier");
    EXPECT_EQ(views[1].name, "later");
    EXPECT_EQ(this->ViewsOf(other.id).size(), 1u);
}

TYPED_TEST(SavedViewContract, ANameIsTakenOncePerUser) {
    const auto user = this->AddAccount("office");
    const auto other = this->AddAccount("other");
    ASSERT_TRUE(this->Save(user.id, "mine", kNow));
    const auto again = this->Save(user.id, "mine", kNow);
    ASSERT_FALSE(again);
    EXPECT_EQ(again.error().reason, "saved_view.name_taken");
    const auto taken = domain::Query(this->store(), [&](Repositories& repositories) {
        return std::pair(repositories.SavedViews().NameTaken(user.id, "mine"),
                         repositories.SavedViews().NameTaken(other.id, "mine"));
    });
    EXPECT_TRUE(taken.first);
    EXPECT_FALSE(taken.second);
}

TYPED_TEST(SavedViewContract, OnlyTheOwnerDeletesAView) {
    const auto user = this->AddAccount("office");
    const auto other = this->AddAccount("other");
    const auto view = this->Save(user.id, "mine", kNow);
    ASSERT_TRUE(view);
    bool by_other = true;
    bool by_owner = false;
    this->Commit([&](Repositories& repositories) {
        by_other = repositories.SavedViews().Delete(other.id, view->id);
        by_owner = repositories.SavedViews().Delete(user.id, view->id);
    });
    EXPECT_FALSE(by_other);
    EXPECT_TRUE(by_owner);
    EXPECT_TRUE(this->ViewsOf(user.id).empty());
}

}  // namespace
}  // namespace minqing::storage::contract
