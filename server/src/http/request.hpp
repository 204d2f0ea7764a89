// One HTTP request as handlers see it: decoded path, query, headers, body and the
// values the router and middleware add. Free of Beast types so handlers compile fast.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace minqing::http {

struct Request {
    std::string method;                        // "GET", "POST", …
    std::string target;                        // as received, e.g. "/api/v1/org/units?level=street"
    std::string path;                          // percent-decoded path without the query
    std::map<std::string, std::string> query;  // decoded query parameters; the last one wins
    /// Header names are lower-case; values as received.
    std::vector<std::pair<std::string, std::string>> headers;
    std::string body;
    std::string remote_address;                      // peer IP address
    bool secure = false;                             // true when the request arrived over TLS
    std::string request_id;                          // set by the request-id middleware
    std::map<std::string, std::string> path_params;  // set by the router, e.g. {"id": "42"}

    /// The first header of that (case-insensitive) name, or "" when absent.
    std::string_view Header(std::string_view name) const;
    /// The value of a cookie from the Cookie header, or "" when absent.
    std::string Cookie(std::string_view name) const;
    /// A path parameter, or "" when the route has none of that name.
    std::string PathParam(std::string_view name) const;
    /// A query parameter, or "" when absent.
    std::string QueryParam(std::string_view name) const;
};

/// Fills `request.path` and `request.query` from an origin-form target ("/a/b?c=d"). False for
/// anything else, for invalid percent-encoding, and for a decoded path holding dot segments or
/// NUL bytes: browsers never send those, and refusing them here spares every handler that maps
/// a path to a file from checking.
bool DecodeRequestTarget(std::string_view target, Request& request);

}  // namespace minqing::http
