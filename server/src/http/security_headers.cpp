#include "http/security_headers.hpp"

namespace minqing::http {
namespace {

// "https://tiles.example.gov.cn/{z}/{x}/{y}.png" → "https://tiles.example.gov.cn". Anything
// but an http(s) URL with a plain host gives "", so a malformed setting cannot widen the policy
// with extra sources or directives.
std::string OriginOf(std::string_view url) {
    std::string_view scheme;
    if (url.starts_with("https://")) {
        scheme = "https://";
    } else if (url.starts_with("http://")) {
        scheme = "http://";
    } else {
        return {};
    }
    std::string_view rest = url.substr(scheme.size());
    rest = rest.substr(0, rest.find_first_of("/?#"));
    const bool plain = !rest.empty() && rest.find_first_not_of(
                                            "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
                                            "0123456789.-:[]{}") == std::string_view::npos;
    if (!plain) {
        return {};
    }
    // Leaflet's subdomain placeholder "{s}.tiles…" becomes the wildcard CSP understands.
    std::string host(rest);
    if (host.starts_with("{s}.")) {
        host.replace(0, 3, "*");
    }
    if (host.find_first_of("{}") != std::string::npos) {
        return {};
    }
    return std::string(scheme) + host;
}

}  // namespace

std::string ContentSecurityPolicy(std::string_view map_tile_url) {
    std::string images = "'self' data: blob:";
    if (const std::string tiles = OriginOf(map_tile_url); !tiles.empty()) {
        images += " " + tiles;
    }
    return "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src " +
           images +
           "; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; "
           "form-action 'self'; frame-ancestors 'none'";
}

Middleware SecurityHeadersMiddleware(std::string content_security_policy) {
    return [policy = std::move(content_security_policy)](Request& request, const Handler& next) {
        Response response = next(request);
        response.SetHeader("Content-Security-Policy", policy);
        response.SetHeader("X-Content-Type-Options", "nosniff");
        response.SetHeader("X-Frame-Options", "DENY");
        response.SetHeader("Referrer-Policy", "same-origin");
        if (request.path.starts_with("/api/") || request.path == "/healthz" ||
            request.path == "/readyz") {
            response.SetHeader("Cache-Control", "no-store");
        }
        return response;
    };
}

}  // namespace minqing::http
