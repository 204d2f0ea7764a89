// The headers every answer carries so that a browser treats it safely: a strict
// Content-Security-Policy (the second wall behind escaping user text), no MIME sniffing, no
// referrer to other sites, and no caching of API answers. Thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "http/router.hpp"

namespace minqing::http {

/// The web app's policy: scripts, styles, fonts and connections only from this origin (no
/// inline script); images also from data: and blob: (previews) and from the origin of
/// `map_tile_url` when one is configured; no plugins, no framing, forms only to this origin.
/// Inline style attributes stay allowed: Element Plus and Leaflet position their popups with
/// them, and styles cannot run code.
std::string ContentSecurityPolicy(std::string_view map_tile_url);

/// Sets Content-Security-Policy, X-Content-Type-Options: nosniff, X-Frame-Options: DENY and
/// Referrer-Policy: same-origin on every answer, and Cache-Control: no-store on answers under
/// /api/ and the health checks (they hold personal data and change with every write).
Middleware SecurityHeadersMiddleware(std::string content_security_policy);

}  // namespace minqing::http
