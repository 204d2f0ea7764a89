#include "http/request.hpp"

#include <cstddef>

#include <boost/url/parse.hpp>

#include "http/text.hpp"

namespace minqing::http {

std::string_view Request::Header(std::string_view name) const {
    for (const auto& [header_name, value] : headers) {
        if (EqualsIgnoreCase(header_name, name)) {
            return value;
        }
    }
    return {};
}

std::string Request::Cookie(std::string_view name) const {
    // RFC 6265 §5.4: "name=value" pairs separated by "; ". Browsers send one Cookie header,
    // but HTTP/2 proxies may split it, so every Cookie header is searched.
    for (const auto& [header_name, header_value] : headers) {
        if (header_name != "cookie") {
            continue;
        }
        std::string_view rest = header_value;
        while (!rest.empty()) {
            const std::size_t end = rest.find(';');
            std::string_view pair = TrimSpaces(rest.substr(0, end));
            rest = end == std::string_view::npos ? std::string_view{} : rest.substr(end + 1);
            const std::size_t equals = pair.find('=');
            if (equals == std::string_view::npos || TrimSpaces(pair.substr(0, equals)) != name) {
                continue;
            }
            std::string_view value = TrimSpaces(pair.substr(equals + 1));
            if (value.size() >= 2 && value.front() == '"' && value.back() == '"') {
                value = value.substr(1, value.size() - 2);
            }
            return std::string(value);
        }
    }
    return {};
}

std::string Request::PathParam(std::string_view name) const {
    const auto found = path_params.find(std::string(name));
    return found == path_params.end() ? std::string{} : found->second;
}

std::string Request::QueryParam(std::string_view name) const {
    const auto found = query.find(std::string(name));
    return found == query.end() ? std::string{} : found->second;
}

bool DecodeRequestTarget(std::string_view target, Request& request) {
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

}  // namespace minqing::http
