#include "storage/geojson_boundary.hpp"

#include <algorithm>
#include <vector>

#include <nlohmann/json.hpp>

namespace minqing::storage {
namespace {

using domain::Boundary;

// One polygon's coordinates as GeoJSON nests them: rings of positions of numbers.
using PolygonNumbers = std::vector<std::vector<std::vector<double>>>;

PolygonNumbers NumbersOf(const domain::Polygon& polygon) {
    PolygonNumbers rings;
    for (const domain::Ring& ring : polygon) {
        auto& positions = rings.emplace_back();
        for (const domain::GeoPosition& position : ring) {
            positions.push_back({position.lng, position.lat});
        }
    }
    return rings;
}

std::optional<domain::Polygon> PolygonOf(const PolygonNumbers& rings) {
    domain::Polygon polygon;
    for (const auto& numbers : rings) {
        auto& ring = polygon.emplace_back();
        for (const auto& position : numbers) {
            if (position.size() < 2) {
                return std::nullopt;
            }
            ring.push_back({position[0], position[1]});
        }
    }
    return polygon;
}

}  // namespace

std::string GeoJsonOf(const Boundary& boundary) {
    nlohmann::json coordinates = nlohmann::json::array();
    for (const domain::Polygon& polygon : boundary.polygons) {
        coordinates.push_back(NumbersOf(polygon));
    }
    const bool single = boundary.kind == Boundary::Kind::kPolygon;
    return nlohmann::json{
        {"type", single ? "Polygon" : "MultiPolygon"},
        {"coordinates", single && !coordinates.empty() ? coordinates[0] : coordinates}}
        .dump();
}

std::optional<Boundary> BoundaryOfGeoJson(std::string_view text) {
    const auto json = nlohmann::json::parse(text, nullptr, false);
    if (!json.is_object()) {
        return std::nullopt;
    }
    Boundary boundary;
    try {
        const std::string type = json.at("type").get<std::string>();
        std::vector<PolygonNumbers> polygons;
        if (type == "Polygon") {
            polygons.push_back(json.at("coordinates").get<PolygonNumbers>());
        } else if (type == "MultiPolygon") {
            boundary.kind = Boundary::Kind::kMultiPolygon;
            polygons = json.at("coordinates").get<std::vector<PolygonNumbers>>();
        } else {
            return std::nullopt;
        }
        for (const auto& numbers : polygons) {
            auto polygon = PolygonOf(numbers);
            if (!polygon) {
                return std::nullopt;
            }
            boundary.polygons.push_back(std::move(*polygon));
        }
    } catch (const nlohmann::json::exception&) {
        return std::nullopt;  // a member missing or of another type
    }
    if (!domain::IsValidBoundary(boundary)) {
        return std::nullopt;
    }
    return boundary;
}

}  // namespace minqing::storage
