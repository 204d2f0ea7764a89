// An area on the map, such as a grid's (网格范围): one or more polygons of [lng, lat]
// positions, the way a GeoJSON Polygon or MultiPolygon describes it (encoding it is the
// business of api/ and storage/). Plain data and pure functions; thread-safe.
#pragma once

#include <cstddef>
#include <vector>

namespace minqing::domain {

/// A point in degrees, as the map and a phone's GPS give it.
struct GeoPosition {
    double lng = 0;
    double lat = 0;

    bool operator==(const GeoPosition&) const = default;
};

/// A closed line, its last position the same as its first (a GeoJSON linear ring).
using Ring = std::vector<GeoPosition>;

/// The outer ring first, then any holes.
using Polygon = std::vector<Ring>;

struct Boundary {
    /// GeoJSON tells one polygon from a list of them even when the list holds one; the
    /// boundary keeps the kind it was given, so that it is served back the same.
    enum class Kind { kPolygon, kMultiPolygon };

    Kind kind = Kind::kPolygon;
    std::vector<Polygon> polygons;

    bool operator==(const Boundary&) const = default;
};

/// The fewest positions of a ring: a triangle and its closing position.
inline constexpr std::size_t kMinRingPositions = 4;

/// Whether `boundary` encloses an area: one polygon for kPolygon, at least one for
/// kMultiPolygon, each with at least one ring of kMinRingPositions positions or more.
bool IsValidBoundary(const Boundary& boundary);

/// Whether `point` lies inside one of the polygons (inside its outer ring and outside its
/// holes, by the even-odd rule); a point on an edge may fall either way.
bool Contains(const Boundary& boundary, GeoPosition point);

}  // namespace minqing::domain
