#include "domain/boundary.hpp"

#include <gtest/gtest.h>

namespace minqing::domain {
namespace {

// A square of 0.01° with its south-west corner at (lng, lat).
Ring Square(double lng, double lat, double side = 0.01) {
    return {{lng, lat}, {lng + side, lat}, {lng + side, lat + side}, {lng, lat + side}, {lng, lat}};
}

Boundary OnePolygon(Polygon polygon) {
    return {Boundary::Kind::kPolygon, {std::move(polygon)}};
}

TEST(BoundaryTest, APolygonHasOneAndAMultiPolygonAtLeastOnePolygon) {
    EXPECT_TRUE(IsValidBoundary(OnePolygon({Square(126.45, 43.92)})));
    EXPECT_FALSE(IsValidBoundary({Boundary::Kind::kPolygon, {}}));
    EXPECT_FALSE(IsValidBoundary(
        {Boundary::Kind::kPolygon, {{Square(126.45, 43.92)}, {Square(126.5, 43.92)}}}));
    EXPECT_TRUE(IsValidBoundary(
        {Boundary::Kind::kMultiPolygon, {{Square(126.45, 43.92)}, {Square(126.5, 43.92)}}}));
    EXPECT_TRUE(IsValidBoundary({Boundary::Kind::kMultiPolygon, {{Square(126.45, 43.92)}}}));
    EXPECT_FALSE(IsValidBoundary({Boundary::Kind::kMultiPolygon, {}}));
}

TEST(BoundaryTest, EveryPolygonNeedsARingAndEveryRingFourPositions) {
    EXPECT_FALSE(IsValidBoundary(OnePolygon({})));
    Ring open = Square(126.45, 43.92);
    open.resize(kMinRingPositions - 1);
    EXPECT_FALSE(IsValidBoundary(OnePolygon({open})));
    EXPECT_FALSE(IsValidBoundary(OnePolygon({Square(126.45, 43.92), open})));
    EXPECT_FALSE(
        IsValidBoundary({Boundary::Kind::kMultiPolygon, {{Square(126.45, 43.92)}, {open}}}));
    open.push_back(open.front());
    EXPECT_TRUE(IsValidBoundary(OnePolygon({open})));
}

TEST(BoundaryTest, ContainsWhatLiesInsideAPolygonButNotInItsHole) {
    const Boundary with_hole = OnePolygon({Square(126.45, 43.92), Square(126.453, 43.923, 0.004)});

    EXPECT_TRUE(Contains(with_hole, {126.451, 43.921}));
    EXPECT_FALSE(Contains(with_hole, {126.455, 43.925}));  // in the hole
    EXPECT_FALSE(Contains(with_hole, {126.47, 43.921}));
    EXPECT_FALSE(Contains(with_hole, {126.451, 43.90}));
}

TEST(BoundaryTest, ContainsWhatLiesInAnyOfSeveralPolygons) {
    const Boundary two = {Boundary::Kind::kMultiPolygon,
                          {{Square(126.45, 43.92)}, {Square(126.50, 43.92)}}};

    EXPECT_TRUE(Contains(two, {126.455, 43.925}));
    EXPECT_TRUE(Contains(two, {126.505, 43.925}));
    EXPECT_FALSE(Contains(two, {126.48, 43.925}));
    EXPECT_FALSE(Contains({}, {126.455, 43.925}));
}

}  // namespace
}  // namespace minqing::domain
