// Contract: CatalogRepository on every backend — categories and dispatch rules saved over
// themselves, direct cards with one active card per community.
#include "domain/catalog_repository.hpp"

#include "storage/contract/store_fixture.hpp"

namespace minqing::storage::contract {
namespace {

using domain::Category;
using domain::DirectCard;
using domain::DispatchRule;
using domain::OrgLevel;
using domain::Repositories;

template <typename Backend>
class CatalogContract : public RepositoryContract<Backend, &Repositories::Catalog> {
  protected:
    Result<DirectCard> Issue(std::string number, domain::OrgUnitId community,
                             domain::UserId holder) {
        DirectCard card;
        card.number = std::move(number);
        card.community_id = community;
        card.holder_id = holder;
        card.issued_at = kNow;
        return domain::Transact(this->store(), [&](Repositories& repositories) {
            return repositories.Catalog().InsertCard(card);
        });
    }
};

TYPED_TEST_SUITE(CatalogContract, Backends, BackendNames);

TYPED_TEST(CatalogContract, ACategoryRoundTripsAndIsReplacedBySavingItAgain) {
    this->Commit([](Repositories& repositories) {
        repositories.Catalog().SaveCategory({"01", "城乡建设", std::nullopt, {}, true});
        repositories.Catalog().SaveCategory({"0101", "道路", "01", {"路灯", "井盖"}, true});
    });
    auto road = this->Read([](auto& catalog) { return catalog.FindCategory("0101"); });
    ASSERT_TRUE(road);
    EXPECT_EQ(road->name, "道路");
    EXPECT_EQ(road->parent_code, "01");
    EXPECT_EQ(road->keywords, (std::vector<std::string>{"路灯", "井盖"}));
    EXPECT_TRUE(road->active);

    this->Commit([](Repositories& repositories) {
        repositories.Catalog().SaveCategory({"0101", "道路桥梁", "01", {"桥"}, false});
    });
    const auto categories = this->Read([](auto& catalog) { return catalog.Categories(); });
    ASSERT_EQ(categories.size(), 2u);
    EXPECT_EQ(categories[0].code, "01");  // ordered by code
    EXPECT_FALSE(categories[0].parent_code);
    EXPECT_EQ(categories[1].name, "道路桥梁");
    EXPECT_EQ(categories[1].keywords, std::vector<std::string>{"桥"});
    EXPECT_FALSE(categories[1].active);
    EXPECT_FALSE(this->Read([](auto& catalog) { return catalog.FindCategory("02"); }));
}

TYPED_TEST(CatalogContract, DispatchRulesAreKeyedByCategoryAndLevel) {
    this->Commit([](Repositories& repositories) {
        auto& catalog = repositories.Catalog();
        catalog.SaveCategory({"01", "城乡建设", std::nullopt, {}, true});
        catalog.SaveCategory({"02", "环境保护", std::nullopt, {}, true});
        catalog.SaveDispatchRule({"02", OrgLevel::kCity, "CSJ", {}});
        catalog.SaveDispatchRule({"01", OrgLevel::kDistrict, "ZJJ", {"CGJ", "SWJ"}});
        catalog.SaveDispatchRule({"01", OrgLevel::kCity, "ZJW", {}});
        catalog.SaveDispatchRule({"01", OrgLevel::kDistrict, "ZJJ2", {"CGJ"}});
    });
    const auto rules = this->Read([](auto& catalog) { return catalog.DispatchRules(); });
    ASSERT_EQ(rules.size(), 3u);
    EXPECT_EQ(rules[0].category_code, "01");
    EXPECT_EQ(rules[0].level, OrgLevel::kCity);
    EXPECT_EQ(rules[1].level, OrgLevel::kDistrict);
    EXPECT_EQ(rules[1].lead_unit, "ZJJ2");
    EXPECT_EQ(rules[1].assisting_units, std::vector<std::string>{"CGJ"});
    EXPECT_EQ(rules[2].category_code, "02");

    const auto found = this->Read(
        [](auto& catalog) { return catalog.FindDispatchRule("01", OrgLevel::kDistrict); });
    ASSERT_TRUE(found);
    EXPECT_EQ(found->lead_unit, "ZJJ2");
    bool deleted = false;
    bool deleted_again = true;
    this->Commit([&](Repositories& repositories) {
        deleted = repositories.Catalog().DeleteDispatchRule("01", OrgLevel::kDistrict);
        deleted_again = repositories.Catalog().DeleteDispatchRule("01", OrgLevel::kDistrict);
    });
    EXPECT_TRUE(deleted);
    EXPECT_FALSE(deleted_again);
    EXPECT_FALSE(this->Read(
        [](auto& catalog) { return catalog.FindDispatchRule("01", OrgLevel::kDistrict); }));
}

TYPED_TEST(CatalogContract, ACommunityHoldsOneActiveCardAtATime) {
    const auto city = this->AddUnit("220200", "吉林市");
    const auto community = this->AddUnit("220204001001", "北山社区", city.id);
    const auto holder = this->AddAccount("cadre");
    const auto first = this->Issue("JL-0001", community.id, holder.id);
    ASSERT_TRUE(first) << first.error().message;
    EXPECT_GT(first->id, 0);
    const auto second = this->Issue("JL-0002", community.id, holder.id);
    ASSERT_FALSE(second);
    EXPECT_EQ(second.error().reason, "direct_card.community_has_card");

    const auto active =
        this->Read([&](auto& catalog) { return catalog.ActiveCard(holder.id, community.id); });
    ASSERT_TRUE(active);
    EXPECT_EQ(active->number, "JL-0001");
    EXPECT_EQ(active->issued_at, kNow);
    EXPECT_FALSE(active->revoked_at);

    bool revoked = false;
    bool revoked_again = true;
    this->Commit([&](Repositories& repositories) {
        revoked = repositories.Catalog().RevokeCard(first->id, kNow + std::chrono::hours(1));
        revoked_again = repositories.Catalog().RevokeCard(first->id, kNow);
    });
    EXPECT_TRUE(revoked);
    EXPECT_FALSE(revoked_again);
    const auto old = this->Read([&](auto& catalog) { return catalog.FindCard(first->id); });
    ASSERT_TRUE(old);
    EXPECT_FALSE(old->active);
    EXPECT_EQ(old->revoked_at, kNow + std::chrono::hours(1));
    EXPECT_FALSE(this->Read([&](auto& catalog) { return catalog.ActiveCardOf(community.id); }));

    // The community may be given a new card now.
    ASSERT_TRUE(this->Issue("JL-0003", community.id, holder.id));
    const auto cards = this->Read([&](auto& catalog) { return catalog.CardsOf(holder.id); });
    ASSERT_EQ(cards.size(), 2u);
    EXPECT_EQ(cards[0].number, "JL-0003");  // newest first
    EXPECT_EQ(this->Read([&](auto& catalog) { return catalog.CountCardsOf(community.id); }), 2u);
}

TYPED_TEST(CatalogContract, CardsAreFilteredByCommunityStateAndSubtree) {
    const auto city = this->AddUnit("220200", "吉林市");
    const auto east = this->AddUnit("220202", "昌邑区", city.id, OrgLevel::kDistrict);
    const auto west = this->AddUnit("220204", "船营区", city.id, OrgLevel::kDistrict);
    const auto east_community = this->AddUnit("220202001001", "东社区", east.id);
    const auto west_community = this->AddUnit("220204001001", "西社区", west.id);
    const auto holder = this->AddAccount("cadre");
    const auto east_card = this->Issue("E-1", east_community.id, holder.id);
    ASSERT_TRUE(east_card);
    ASSERT_TRUE(this->Issue("W-1", west_community.id, holder.id));
    this->Commit([&](Repositories& repositories) {
        repositories.Catalog().RevokeCard(east_card->id, kNow);
    });
    ASSERT_TRUE(this->Issue("E-2", east_community.id, holder.id));

    const auto all = this->Read([](auto& catalog) { return catalog.Cards({}); });
    ASSERT_EQ(all.size(), 3u);
    EXPECT_EQ(all[0].number, "E-2");  // by community code, then newest first
    EXPECT_EQ(all[1].number, "E-1");
    EXPECT_EQ(all[2].number, "W-1");

    domain::DirectCardQuery query;
    query.active = true;
    query.within_paths = std::vector<std::string>{east.path};
    const auto east_active = this->Read([&](auto& catalog) { return catalog.Cards(query); });
    ASSERT_EQ(east_active.size(), 1u);
    EXPECT_EQ(east_active[0].number, "E-2");

    domain::DirectCardQuery by_community;
    by_community.community_id = west_community.id;
    by_community.active = false;
    EXPECT_TRUE(this->Read([&](auto& catalog) { return catalog.Cards(by_community); }).empty());
    query.within_paths = std::vector<std::string>{};
    EXPECT_TRUE(this->Read([&](auto& catalog) { return catalog.Cards(query); }).empty());
}

}  // namespace
}  // namespace minqing::storage::contract
