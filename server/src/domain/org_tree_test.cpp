#include "domain/org_tree.hpp"

#include <gtest/gtest.h>

namespace minqing::domain {
namespace {

OrgUnit Node(OrgUnitId id, std::optional<OrgUnitId> parent, OrgKind kind, OrgLevel level,
             std::string path, bool active = true) {
    OrgUnit unit;
    unit.id = id;
    unit.code = "C" + std::to_string(id);
    unit.parent_id = parent;
    unit.kind = kind;
    unit.level = level;
    unit.path = std::move(path);
    unit.active = active;
    return unit;
}

// City 1 > district 2 (with member unit 6) > street 3 > community 4 > grid 5.
OrgTree SmallCity() {
    return OrgTree({Node(5, 4, OrgKind::kDivision, OrgLevel::kGrid, "/1/2/3/4/5/"),
                    Node(3, 2, OrgKind::kDivision, OrgLevel::kStreet, "/1/2/3/"),
                    Node(1, std::nullopt, OrgKind::kDivision, OrgLevel::kCity, "/1/"),
                    Node(6, 2, OrgKind::kUnit, OrgLevel::kDistrict, "/1/2/6/", false),
                    Node(4, 3, OrgKind::kDivision, OrgLevel::kCommunity, "/1/2/3/4/"),
                    Node(2, 1, OrgKind::kDivision, OrgLevel::kDistrict, "/1/2/")},
                   7);
}

TEST(OrgTreeTest, FindsUnitsByIdActiveOrNot) {
    const OrgTree tree = SmallCity();
    EXPECT_EQ(tree.version(), 7u);
    EXPECT_EQ(tree.size(), 6u);
    ASSERT_NE(tree.Find(4), nullptr);
    EXPECT_EQ(tree.Find(4)->path, "/1/2/3/4/");
    EXPECT_EQ(tree.Find(99), nullptr);
    ASSERT_NE(tree.Find(6), nullptr);
    EXPECT_EQ(tree.FindActive(6), nullptr);
    EXPECT_FALSE(tree.Get(std::nullopt));
    EXPECT_EQ(tree.Get(3)->id, 3);
}

TEST(OrgTreeTest, WalksUpToTheDivisionOfALevel) {
    const OrgTree tree = SmallCity();
    const OrgUnit& grid = *tree.Find(5);
    EXPECT_EQ(tree.Parent(grid)->id, 4);
    EXPECT_EQ(tree.DivisionAbove(grid, OrgLevel::kDistrict)->id, 2);
    EXPECT_EQ(tree.DivisionAbove(grid, OrgLevel::kCity)->id, 1);
    // The node itself counts when it is the division asked for.
    EXPECT_EQ(tree.DivisionAbove(grid, OrgLevel::kGrid)->id, 5);
    // A member unit has the level of its division but is not one: the walk goes on up.
    EXPECT_EQ(tree.DivisionAbove(*tree.Find(6), OrgLevel::kDistrict)->id, 2);
    // Nothing below the node is found.
    EXPECT_EQ(tree.DivisionAbove(*tree.Find(2), OrgLevel::kStreet), nullptr);
    EXPECT_EQ(tree.Parent(*tree.Find(1)), nullptr);
}

TEST(OrgTreeTest, TheCityIsTheActiveCityDivision) {
    EXPECT_EQ(SmallCity().City()->id, 1);
    OrgTree closed({Node(1, std::nullopt, OrgKind::kDivision, OrgLevel::kCity, "/1/", false)}, 1);
    EXPECT_EQ(closed.City(), nullptr);
    EXPECT_EQ(OrgTree().City(), nullptr);
}

TEST(OrgTreeTest, AParentCycleInDamagedRowsEndsTheWalk) {
    const OrgTree tree({Node(1, 2, OrgKind::kUnit, OrgLevel::kCity, "/2/1/"),
                        Node(2, 1, OrgKind::kUnit, OrgLevel::kCity, "/1/2/")},
                       1);
    EXPECT_EQ(tree.DivisionAbove(*tree.Find(1), OrgLevel::kCity), nullptr);
}

}  // namespace
}  // namespace minqing::domain
