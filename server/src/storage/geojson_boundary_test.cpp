#include "storage/geojson_boundary.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace minqing::storage {
namespace {

using domain::Boundary;

constexpr std::string_view kGrid =
    R"({"type":"Polygon","coordinates":[[[126.452135,43.925051],[126.456254,43.925113],)"
    R"([126.455542,43.929597],[126.450605,43.929662],[126.452135,43.925051]]]})";

TEST(GeoJsonBoundaryTest, AStoredPolygonReadsBackAndIsWrittenTheSame) {
    const auto boundary = BoundaryOfGeoJson(kGrid);

    ASSERT_TRUE(boundary);
    EXPECT_EQ(boundary->kind, Boundary::Kind::kPolygon);
    ASSERT_EQ(boundary->polygons.size(), 1u);
    ASSERT_EQ(boundary->polygons[0].size(), 1u);
    ASSERT_EQ(boundary->polygons[0][0].size(), 5u);
    EXPECT_EQ(boundary->polygons[0][0][2], (domain::GeoPosition{126.455542, 43.929597}));
    EXPECT_EQ(nlohmann::json::parse(GeoJsonOf(*boundary)), nlohmann::json::parse(kGrid));
}

TEST(GeoJsonBoundaryTest, AMultiPolygonOfOneStaysAMultiPolygon) {
    const std::string text =
        R"({"type":"MultiPolygon","coordinates":[[[[1,2],[3,2],[3,4],[1,2]],[[1.5,2.5],[2,2.5],[2,3],[1.5,2.5]]]]})";

    const auto boundary = BoundaryOfGeoJson(text);

    ASSERT_TRUE(boundary);
    EXPECT_EQ(boundary->kind, Boundary::Kind::kMultiPolygon);
    ASSERT_EQ(boundary->polygons.size(), 1u);
    EXPECT_EQ(boundary->polygons[0].size(), 2u);
    EXPECT_EQ(nlohmann::json::parse(GeoJsonOf(*boundary)), nlohmann::json::parse(text));
    EXPECT_EQ(BoundaryOfGeoJson(GeoJsonOf(*boundary)), boundary);
}

TEST(GeoJsonBoundaryTest, AnAltitudeIsDropped) {
    const auto boundary = BoundaryOfGeoJson(
        R"({"type":"Polygon","coordinates":[[[1,2,300],[3,2,300],[3,4,300],[1,2,300]]]})");

    ASSERT_TRUE(boundary);
    EXPECT_EQ(boundary->polygons[0][0][0], (domain::GeoPosition{1, 2}));
}

TEST(GeoJsonBoundaryTest, WhatIsNoPolygonReadsAsNone) {
    for (const std::string_view text : {
             R"(not json)",
             R"([1, 2])",
             R"({"type":"Point","coordinates":[1,2]})",
             R"({"coordinates":[[[1,2],[3,2],[3,4],[1,2]]]})",
             R"({"type":"Polygon"})",
             R"({"type":"Polygon","coordinates":[[[1,2],[3,2],[1,2]]]})",
             R"({"type":"Polygon","coordinates":[[[1,2],[3,2],[3,4],[1]]]})",
             R"({"type":"Polygon","coordinates":[[[1,2],[3,2],[3,4],["1","2"]]]})",
             R"({"type":"Polygon","coordinates":[]})",
             R"({"type":"MultiPolygon","coordinates":[]})",
         }) {
        EXPECT_FALSE(BoundaryOfGeoJson(text)) << text;
    }
}

}  // namespace
}  // namespace minqing::storage
