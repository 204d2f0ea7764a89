// An area as it is stored (org_units.boundary) and as the seed files give it: GeoJSON text,
// {"type": "Polygon" | "MultiPolygon", "coordinates": [...]} with [lng, lat] positions.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "domain/boundary.hpp"

namespace minqing::storage {

std::string GeoJsonOf(const domain::Boundary& boundary);

/// The boundary `text` describes; nullopt when it is no GeoJSON Polygon or MultiPolygon of
/// [lng, lat] positions that domain::IsValidBoundary accepts. A position's third number (an
/// altitude) is not kept.
std::optional<domain::Boundary> BoundaryOfGeoJson(std::string_view text);

}  // namespace minqing::storage
