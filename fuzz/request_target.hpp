// The server's decoding of a request target into path and query (DecodeTarget in
// server/src/http/server.cpp, which is file-local there), for the fuzz targets that start from
// raw bytes. Keep the two in step.
#pragma once

#include <string>
#include <string_view>

#include <boost/url/parse.hpp>

#include "http/request.hpp"

namespace minqing::fuzz {

/// Fills request.path and request.query from an origin-form target; false where the server
/// answers 400 "request.bad_target".
inline bool DecodeTarget(std::string_view target, http::Request& request) {
    const auto url = boost::urls::parse_origin_form(target);
    if (!url) {
        return false;
    }
    for (const std::string segment : url->segments()) {
        if (segment == "." || segment == ".." || segment.find('\0') != std::string::npos) {
            return false;
        }
    }
    request.path = url->path();
    for (const auto& param : url->params()) {
        request.query[param.key] = param.value;
    }
    return true;
}

}  // namespace minqing::fuzz
