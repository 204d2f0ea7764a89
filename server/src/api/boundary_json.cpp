#include "api/boundary_json.hpp"

#include <vector>

namespace minqing::api {
namespace {

using domain::Boundary;

nlohmann::json PolygonJson(const domain::Polygon& polygon) {
    nlohmann::json rings = nlohmann::json::array();
    for (const domain::Ring& ring : polygon) {
        nlohmann::json positions = nlohmann::json::array();
        for (const domain::GeoPosition& position : ring) {
            positions.push_back(nlohmann::json::array({position.lng, position.lat}));
        }
        rings.push_back(std::move(positions));
    }
    return rings;
}

std::optional<domain::GeoPosition> PositionFromJson(const nlohmann::json& json) {
    if (!json.is_array() || json.size() < 2 || !json[0].is_number() || !json[1].is_number()) {
        return std::nullopt;
    }
    return domain::GeoPosition{json[0].get<double>(), json[1].get<double>()};
}

// Every item of the array `json` read by `read`; nullopt when it is no array or an item is
// unreadable.
template <typename Item>
std::optional<std::vector<Item>> ListFromJson(const nlohmann::json& json,
                                              std::optional<Item> (*read)(const nlohmann::json&)) {
    if (!json.is_array()) {
        return std::nullopt;
    }
    std::vector<Item> items;
    items.reserve(json.size());
    for (const auto& element : json) {
        auto item = read(element);
        if (!item) {
            return std::nullopt;
        }
        items.push_back(std::move(*item));
    }
    return items;
}

std::optional<domain::Ring> RingFromJson(const nlohmann::json& json) {
    return ListFromJson(json, &PositionFromJson);
}

std::optional<domain::Polygon> PolygonFromJson(const nlohmann::json& json) {
    return ListFromJson(json, &RingFromJson);
}

}  // namespace

nlohmann::json BoundaryJson(const Boundary& boundary) {
    if (boundary.kind == Boundary::Kind::kPolygon) {
        return {{"type", "Polygon"},
                {"coordinates", boundary.polygons.empty() ? nlohmann::json::array()
                                                          : PolygonJson(boundary.polygons[0])}};
    }
    nlohmann::json polygons = nlohmann::json::array();
    for (const domain::Polygon& polygon : boundary.polygons) {
        polygons.push_back(PolygonJson(polygon));
    }
    return {{"type", "MultiPolygon"}, {"coordinates", std::move(polygons)}};
}

std::optional<Boundary> BoundaryFromJson(const nlohmann::json& json) {
    if (!json.is_object() || !json.contains("type") || !json.contains("coordinates") ||
        json.dump().size() > kMaxBoundaryBytes) {
        return std::nullopt;
    }
    const auto& coordinates = json["coordinates"];
    Boundary boundary;
    if (json["type"] == "Polygon") {
        auto polygon = PolygonFromJson(coordinates);
        if (!polygon) {
            return std::nullopt;
        }
        boundary.polygons.push_back(std::move(*polygon));
    } else if (json["type"] == "MultiPolygon") {
        auto polygons = ListFromJson(coordinates, &PolygonFromJson);
        if (!polygons) {
            return std::nullopt;
        }
        boundary.kind = Boundary::Kind::kMultiPolygon;
        boundary.polygons = std::move(*polygons);
    } else {
        return std::nullopt;
    }
    return domain::IsValidBoundary(boundary) ? std::optional(std::move(boundary)) : std::nullopt;
}

}  // namespace minqing::api
