// Contract: OrgRepository on every backend.
#include "domain/org_repository.hpp"

#include "storage/contract/store_fixture.hpp"

namespace minqing::storage::contract {
namespace {

using domain::OrgKind;
using domain::OrgLevel;
using domain::OrgUnit;
using domain::Repositories;

template <typename Backend>
class OrgRepositoryContract : public StoreContract<Backend> {
  protected:
    OrgUnit Add(std::string code, std::string name, OrgKind kind, OrgLevel level,
                std::optional<domain::OrgUnitId> parent) {
        OrgUnit unit;
        unit.code = std::move(code);
        unit.name = std::move(name);
        unit.kind = kind;
        unit.level = level;
        unit.parent_id = parent;
        unit.created_at = FromEpochMs(1'764'000'000'000);
        unit.updated_at = unit.created_at;
        auto stored = domain::Transact(this->store(), [&](Repositories& repositories) {
            return repositories.Orgs().Insert(unit);
        });
        EXPECT_TRUE(stored) << stored.error().message;
        return *stored;
    }

    // 吉林市 → 船营区 → 德胜街道 → 永前社区, plus 昌邑区 and the city's 住建局.
    void BuildCity() {
        city_ = Add("220200", "吉林市", OrgKind::kDivision, OrgLevel::kCity, std::nullopt);
        district_ = Add("220204", "船营区", OrgKind::kDivision, OrgLevel::kDistrict, city_.id);
        other_district_ =
            Add("220202", "昌邑区", OrgKind::kDivision, OrgLevel::kDistrict, city_.id);
        street_ =
            Add("220204001000", "德胜街道", OrgKind::kDivision, OrgLevel::kStreet, district_.id);
        community_ =
            Add("220204001001", "永前社区", OrgKind::kDivision, OrgLevel::kCommunity, street_.id);
        unit_ =
            Add("U220200-03", "吉林市住房和城乡建设局", OrgKind::kUnit, OrgLevel::kCity, city_.id);
    }

    std::vector<OrgUnit> List(const domain::OrgQuery& query) {
        return domain::Query(this->store(), [&](Repositories& repositories) {
            return repositories.Orgs().List(query);
        });
    }

    OrgUnit city_, district_, other_district_, street_, community_, unit_;
};

TYPED_TEST_SUITE(OrgRepositoryContract, Backends, BackendNames);

TYPED_TEST(OrgRepositoryContract, InsertAssignsIdsAndMaterialisedPaths) {
    this->BuildCity();
    EXPECT_EQ(this->city_.path, "/" + std::to_string(this->city_.id) + "/");
    EXPECT_EQ(this->community_.path,
              this->street_.path + std::to_string(this->community_.id) + "/");
    const auto found = domain::Query(this->store(), [&](Repositories& repositories) {
        return repositories.Orgs().FindByCode("220204001001");
    });
    ASSERT_TRUE(found);
    EXPECT_EQ(found->name, "永前社区");
    EXPECT_EQ(found->path, this->community_.path);
    EXPECT_EQ(found->parent_id, this->street_.id);
}

TYPED_TEST(OrgRepositoryContract, DuplicateCodeIsAConflictAndStoresNothing) {
    this->BuildCity();
    OrgUnit copy;
    copy.code = "220204";
    copy.name = "重复";
    copy.level = OrgLevel::kDistrict;
    copy.parent_id = this->city_.id;
    auto result = domain::Transact(this->store(), [&](Repositories& repositories) {
        return repositories.Orgs().Insert(copy);
    });
    ASSERT_FALSE(result);
    EXPECT_EQ(result.error().reason, "org.code_taken");
    const auto count = domain::Query(
        this->store(), [](Repositories& repositories) { return repositories.Orgs().Count(); });
    EXPECT_EQ(count, 6);
}

TYPED_TEST(OrgRepositoryContract, SubtreeQueriesDoNotLeakIntoSiblings) {
    this->BuildCity();
    domain::OrgQuery query;
    query.within_path = this->district_.path;
    std::vector<std::string> names;
    for (const auto& unit : this->List(query)) {
        names.push_back(unit.name);
    }
    EXPECT_EQ(names, (std::vector<std::string>{"船营区", "德胜街道", "永前社区"}));
}

TYPED_TEST(OrgRepositoryContract, FiltersByLevelKindAndParent) {
    this->BuildCity();
    domain::OrgQuery districts;
    districts.level = OrgLevel::kDistrict;
    districts.parent_id = this->city_.id;
    districts.kind = OrgKind::kDivision;
    EXPECT_EQ(this->List(districts).size(), 2u);
    domain::OrgQuery units;
    units.kind = OrgKind::kUnit;
    const auto found = this->List(units);
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].level, OrgLevel::kCity);
}

TYPED_TEST(OrgRepositoryContract, UpdateKeepsContactsHandlersAndBoundary) {
    this->BuildCity();
    OrgUnit changed = this->unit_;
    changed.hotline = "0432-62000001";
    changed.leader_in_charge = "分管副局长";
    changed.responsible_section = "物业管理科";
    changed.handlers = {{"王丽", "13904320001", "U220200-03-S2"}, {"李强", "", ""}};
    changed.boundary =
        domain::Boundary{domain::Boundary::Kind::kMultiPolygon,
                         {{{{126.5, 43.8}, {126.6, 43.8}, {126.6, 43.9}, {126.5, 43.8}}},
                          {{{126.7, 43.8}, {126.8, 43.8}, {126.8, 43.9}, {126.7, 43.8}},
                           {{126.72, 43.82}, {126.73, 43.82}, {126.73, 43.83}, {126.72, 43.82}}}}};
    changed.updated_at = FromEpochMs(1'764'000'100'000);
    this->store().Write([&](Repositories& repositories) {
        repositories.Orgs().Update(changed);
        return true;
    });
    this->Reopen();
    const auto stored = domain::Query(this->store(), [&](Repositories& repositories) {
        return repositories.Orgs().FindById(changed.id);
    });
    ASSERT_TRUE(stored);
    EXPECT_EQ(stored->hotline, "0432-62000001");
    EXPECT_EQ(stored->leader_in_charge, "分管副局长");
    ASSERT_EQ(stored->handlers.size(), 2u);
    EXPECT_EQ(stored->handlers[0].name, "王丽");
    EXPECT_EQ(stored->handlers[0].section_code, "U220200-03-S2");
    EXPECT_EQ(stored->boundary, changed.boundary);
    EXPECT_EQ(stored->updated_at, changed.updated_at);
}

TYPED_TEST(OrgRepositoryContract, InactiveUnitsAreHiddenUnlessAsked) {
    this->BuildCity();
    OrgUnit closed = this->community_;
    closed.active = false;
    this->store().Write([&](Repositories& repositories) {
        repositories.Orgs().Update(closed);
        return true;
    });
    domain::OrgQuery query;
    query.level = OrgLevel::kCommunity;
    EXPECT_TRUE(this->List(query).empty());
    query.include_inactive = true;
    EXPECT_EQ(this->List(query).size(), 1u);
    const auto children = domain::Query(this->store(), [&](Repositories& repositories) {
        return repositories.Orgs().CountActiveChildren(this->street_.id);
    });
    EXPECT_EQ(children, 0);
}

TYPED_TEST(OrgRepositoryContract, InsertUnderAMissingParentIsNotFound) {
    OrgUnit orphan;
    orphan.code = "X1";
    orphan.name = "无上级";
    orphan.parent_id = 999'999;
    auto result = domain::Transact(this->store(), [&](Repositories& repositories) {
        return repositories.Orgs().Insert(orphan);
    });
    ASSERT_FALSE(result);
    EXPECT_EQ(result.error().reason, "org.parent_not_found");
}

}  // namespace
}  // namespace minqing::storage::contract
