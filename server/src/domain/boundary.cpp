#include "domain/boundary.hpp"

#include <algorithm>

namespace minqing::domain {
namespace {

bool IsValidPolygon(const Polygon& polygon) {
    return !polygon.empty() && std::ranges::all_of(polygon, [](const Ring& ring) {
        return ring.size() >= kMinRingPositions;
    });
}

// Whether a ray from `point` towards greater longitudes crosses `ring` an odd number of times.
bool CrossesOddly(const Ring& ring, GeoPosition point) {
    bool odd = false;
    for (std::size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++) {
        const GeoPosition& a = ring[i];
        const GeoPosition& b = ring[j];
        if ((a.lat > point.lat) != (b.lat > point.lat) &&
            point.lng < (b.lng - a.lng) * (point.lat - a.lat) / (b.lat - a.lat) + a.lng) {
            odd = !odd;
        }
    }
    return odd;
}

}  // namespace

bool IsValidBoundary(const Boundary& boundary) {
    const std::size_t count = boundary.polygons.size();
    const bool counted = boundary.kind == Boundary::Kind::kPolygon ? count == 1 : count >= 1;
    return counted && std::ranges::all_of(boundary.polygons, IsValidPolygon);
}

bool Contains(const Boundary& boundary, GeoPosition point) {
    return std::ranges::any_of(boundary.polygons, [&point](const Polygon& polygon) {
        bool inside = false;
        for (const Ring& ring : polygon) {
            if (!ring.empty() && CrossesOddly(ring, point)) {
                inside = !inside;
            }
        }
        return inside;
    });
}

}  // namespace minqing::domain
