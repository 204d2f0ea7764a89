// Whether a browser says a request came from another site, read from the headers browsers
// add themselves (Sec-Fetch-Site, Origin). Pure; thread-safe.
#pragma once

#include "http/request.hpp"

namespace minqing::http {

/// True when the browser marks the request as cross-site or cross-origin: Sec-Fetch-Site is
/// present and neither "same-origin" nor "none", or Origin is present and its host and port
/// differ from the Host header ("null" counts as foreign). False when neither header is sent
/// (non-browser clients), so this only ever narrows what a browser may do.
bool IsCrossOrigin(const Request& request);

}  // namespace minqing::http
