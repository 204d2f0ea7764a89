#include "domain/org_unit.hpp"

#include <algorithm>

#include <gtest/gtest.h>

namespace minqing::domain {
namespace {

OrgUnit Node(OrgKind kind, OrgLevel level, std::string path) {
    OrgUnit unit;
    unit.kind = kind;
    unit.level = level;
    unit.path = std::move(path);
    return unit;
}

TEST(OrgUnitTest, NamesRoundTrip) {
    for (const auto level : {OrgLevel::kCity, OrgLevel::kDistrict, OrgLevel::kStreet,
                             OrgLevel::kCommunity, OrgLevel::kGrid}) {
        EXPECT_EQ(ParseOrgLevel(OrgLevelName(level)), level);
    }
    for (const auto kind : {OrgKind::kDivision, OrgKind::kUnit, OrgKind::kSection}) {
        EXPECT_EQ(ParseOrgKind(OrgKindName(kind)), kind);
    }
    EXPECT_FALSE(ParseOrgLevel("province"));
    EXPECT_FALSE(ParseOrgKind(""));
}

TEST(OrgUnitTest, WithinIsByPathPrefixAndIncludesItself) {
    const auto district = Node(OrgKind::kDivision, OrgLevel::kDistrict, "/1/5/");
    EXPECT_TRUE(IsWithin(district, district));
    EXPECT_TRUE(IsWithin(district, Node(OrgKind::kDivision, OrgLevel::kStreet, "/1/5/9/")));
    // "/1/50/" shares the characters "/1/5" but is a sibling, not a child.
    EXPECT_FALSE(IsWithin(district, Node(OrgKind::kDivision, OrgLevel::kDistrict, "/1/50/")));
    EXPECT_FALSE(IsWithin(district, Node(OrgKind::kDivision, OrgLevel::kCity, "/1/")));
    EXPECT_FALSE(IsWithinPath("", "/1/"));
}

TEST(OrgUnitTest, DivisionsActThroughTheirOffice) {
    const auto named = [](OrgKind kind, OrgLevel level, std::string name) {
        auto unit = Node(kind, level, "/1/");
        unit.name = std::move(name);
        return OfficeName(unit);
    };
    EXPECT_EQ(named(OrgKind::kDivision, OrgLevel::kCity, "吉林市"), "市绿色通道办公室");
    EXPECT_EQ(named(OrgKind::kDivision, OrgLevel::kDistrict, "船营区"), "船营区绿色通道办公室");
    EXPECT_EQ(named(OrgKind::kDivision, OrgLevel::kStreet, "德胜街道"), "德胜街道绿色通道办公室");
    EXPECT_EQ(named(OrgKind::kDivision, OrgLevel::kCommunity, "永前社区"), "永前社区");
    EXPECT_EQ(named(OrgKind::kUnit, OrgLevel::kCity, "吉林市民政局"), "吉林市民政局");
    EXPECT_EQ(named(OrgKind::kSection, OrgLevel::kCity, "秘书科"), "秘书科");
}

struct PlacementCase {
    const char* name;
    OrgKind kind;
    OrgLevel level;
    std::optional<OrgUnit> parent;
    bool allowed;
};

class PlacementTest : public testing::TestWithParam<PlacementCase> {};

TEST_P(PlacementTest, FollowsTheNetwork) {
    const auto& c = GetParam();
    const auto refused = CheckPlacement(c.kind, c.level, c.parent ? &*c.parent : nullptr);
    EXPECT_EQ(!refused.has_value(), c.allowed) << c.name;
    if (refused) {
        EXPECT_EQ(*refused, "org.bad_parent");
    }
}

const auto kCity = Node(OrgKind::kDivision, OrgLevel::kCity, "/1/");
const auto kDistrict = Node(OrgKind::kDivision, OrgLevel::kDistrict, "/1/2/");
const auto kStreet = Node(OrgKind::kDivision, OrgLevel::kStreet, "/1/2/3/");
const auto kCommunity = Node(OrgKind::kDivision, OrgLevel::kCommunity, "/1/2/3/4/");
const auto kCityUnit = Node(OrgKind::kUnit, OrgLevel::kCity, "/1/9/");

INSTANTIATE_TEST_SUITE_P(
    Network, PlacementTest,
    testing::Values(
        PlacementCase{"city at the root", OrgKind::kDivision, OrgLevel::kCity, std::nullopt, true},
        PlacementCase{"district at the root", OrgKind::kDivision, OrgLevel::kDistrict, std::nullopt,
                      false},
        PlacementCase{"district under city", OrgKind::kDivision, OrgLevel::kDistrict, kCity, true},
        PlacementCase{"street under city", OrgKind::kDivision, OrgLevel::kStreet, kCity, false},
        PlacementCase{"street under district", OrgKind::kDivision, OrgLevel::kStreet, kDistrict,
                      true},
        PlacementCase{"community under street", OrgKind::kDivision, OrgLevel::kCommunity, kStreet,
                      true},
        PlacementCase{"grid under community", OrgKind::kDivision, OrgLevel::kGrid, kCommunity,
                      true},
        PlacementCase{"grid under street", OrgKind::kDivision, OrgLevel::kGrid, kStreet, false},
        PlacementCase{"unit under city", OrgKind::kUnit, OrgLevel::kCity, kCity, true},
        PlacementCase{"unit under district", OrgKind::kUnit, OrgLevel::kDistrict, kDistrict, true},
        PlacementCase{"unit under street", OrgKind::kUnit, OrgLevel::kStreet, kStreet, false},
        PlacementCase{"unit without parent", OrgKind::kUnit, OrgLevel::kCity, std::nullopt, false},
        PlacementCase{"section under unit", OrgKind::kSection, OrgLevel::kCity, kCityUnit, true},
        PlacementCase{"section under division", OrgKind::kSection, OrgLevel::kCity, kCity, false},
        PlacementCase{"division under unit", OrgKind::kDivision, OrgLevel::kDistrict, kCityUnit,
                      false}),
    [](const testing::TestParamInfo<PlacementCase>& param) {
        std::string name = param.param.name;
        std::replace(name.begin(), name.end(), ' ', '_');
        return name;
    });

TEST(OrgUnitTest, LevelBelowWalksDownToGrid) {
    EXPECT_EQ(LevelBelow(OrgLevel::kCity), OrgLevel::kDistrict);
    EXPECT_EQ(LevelBelow(OrgLevel::kCommunity), OrgLevel::kGrid);
    EXPECT_FALSE(LevelBelow(OrgLevel::kGrid));
}

}  // namespace
}  // namespace minqing::domain
