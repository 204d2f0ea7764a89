// Requests that reach the server through a reverse proxy of the installation (the TLS
// terminator): the proxy's X-Forwarded-For and X-Forwarded-Proto are believed only when the
// peer is one of the configured proxies. Thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "http/router.hpp"

namespace minqing::http {

/// "10.0.0.2, 10.0.0.3" → {"10.0.0.2", "10.0.0.3"}; empty items are dropped.
std::vector<std::string> ParseAddressList(std::string_view text);

/// When the peer is one of `proxies`: sets `request.secure` when the proxy says the client
/// came over https, and `request.remote_address` to the nearest address in X-Forwarded-For
/// that is not itself a proxy (so throttles and audits see the client, not the proxy).
/// Requests from any other peer are left as they are, whatever headers they carry.
Middleware TrustedProxyMiddleware(std::vector<std::string> proxies);

}  // namespace minqing::http
