// An org unit's boundary on the wire: a GeoJSON Polygon or MultiPolygon object,
// {"type": …, "coordinates": …} with [lng, lat] positions.
#pragma once

#include <cstddef>
#include <optional>

#include <nlohmann/json.hpp>

#include "domain/boundary.hpp"

namespace minqing::api {

/// The most a boundary may take as JSON text: a grid's outline needs a few kilobytes.
inline constexpr std::size_t kMaxBoundaryBytes = 256 * 1024;

nlohmann::json BoundaryJson(const domain::Boundary& boundary);

/// The boundary `json` describes; nullopt when it is no Polygon or MultiPolygon whose
/// positions are arrays of two numbers or more (an altitude is not kept) and which
/// domain::IsValidBoundary accepts, or when it is larger than kMaxBoundaryBytes.
std::optional<domain::Boundary> BoundaryFromJson(const nlohmann::json& json);

}  // namespace minqing::api
