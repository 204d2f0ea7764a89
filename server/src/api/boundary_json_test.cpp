#include "api/boundary_json.hpp"

#include <gtest/gtest.h>

namespace minqing::api {
namespace {

using domain::Boundary;

TEST(BoundaryJsonTest, APolygonAndAMultiPolygonReadAndAreWrittenTheSame) {
    const auto polygon = nlohmann::json::parse(
        R"({"type":"Polygon","coordinates":[[[126.4522,43.9251],[126.453,43.9251],)"
        R"([126.453,43.9259],[126.4522,43.9251]]]})");
    const auto multi = nlohmann::json::parse(
        R"({"type":"MultiPolygon","coordinates":[[[[1,2],[3,2],[3,4],[1,2]]],)"
        R"([[[5,2],[7,2],[7,4],[5,2]],[[5.5,2.5],[6,2.5],[6,3],[5.5,2.5]]]]})");

    for (const auto& json : {polygon, multi}) {
        const auto boundary = BoundaryFromJson(json);
        ASSERT_TRUE(boundary) << json;
        EXPECT_EQ(BoundaryJson(*boundary), json);
    }
    EXPECT_EQ(BoundaryFromJson(multi)->kind, Boundary::Kind::kMultiPolygon);
    EXPECT_EQ(BoundaryFromJson(multi)->polygons.size(), 2u);
}

TEST(BoundaryJsonTest, WhatIsNoPolygonOfLngLatPositionsIsRefused) {
    for (const char* text : {
             R"({"type":"Point","coordinates":[1,2]})",
             R"({"coordinates":[[[1,2],[3,2],[3,4],[1,2]]]})",
             R"({"type":"Polygon"})",
             R"({"type":"Polygon","coordinates":[]})",
             R"({"type":"Polygon","coordinates":[[[1,2],[3,2],[1,2]]]})",
             R"({"type":"Polygon","coordinates":[[[1,2],[3,2],[3,4],[1]]]})",
             R"({"type":"Polygon","coordinates":[[[1,2],[3,2],[3,4],[true,false]]]})",
             R"({"type":"Polygon","coordinates":[[[1,2],[3,2],[3,4],["1","2"]]]})",
             R"({"type":"MultiPolygon","coordinates":[]})",
             R"({"type":"MultiPolygon","coordinates":[[]]})",
             R"({"type":"MultiPolygon","coordinates":[[[1,2],[3,2],[3,4],[1,2]]]})",
         }) {
        EXPECT_FALSE(BoundaryFromJson(nlohmann::json::parse(text))) << text;
    }
}

TEST(BoundaryJsonTest, ABoundaryLargerThanTheLimitIsRefused) {
    nlohmann::json ring = nlohmann::json::array();
    while (ring.dump().size() <= kMaxBoundaryBytes) {
        ring.push_back({126.123456789, 43.123456789});
    }
    ring.push_back(ring[0]);

    EXPECT_FALSE(
        BoundaryFromJson({{"type", "Polygon"}, {"coordinates", nlohmann::json::array({ring})}}));
    ring.erase(ring.begin() + 10, ring.end() - 1);
    EXPECT_TRUE(
        BoundaryFromJson({{"type", "Polygon"}, {"coordinates", nlohmann::json::array({ring})}}));
}

}  // namespace
}  // namespace minqing::api
