#include "http/same_origin.hpp"

#include <algorithm>
#include <cctype>
#include <string>

namespace minqing::http {
namespace {

std::string Lower(std::string_view text) {
    std::string lower(text);
    std::ranges::transform(lower, lower.begin(),
                           [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return lower;
}

// "https://Host:8080" → "host:8080"; the scheme's default port is left as the browser sent it,
// which is how Host carries it too.
std::string AuthorityOf(std::string_view origin) {
    const auto scheme_end = origin.find("://");
    if (scheme_end == std::string_view::npos) {
        return {};
    }
    std::string_view rest = origin.substr(scheme_end + 3);
    rest = rest.substr(0, rest.find('/'));
    return Lower(rest);
}

}  // namespace

bool IsCrossOrigin(const Request& request) {
    const std::string_view fetch_site = request.Header("sec-fetch-site");
    if (!fetch_site.empty() && fetch_site != "same-origin" && fetch_site != "none") {
        return true;
    }
    const std::string_view origin = request.Header("origin");
    if (origin.empty()) {
        return false;
    }
    const std::string authority = AuthorityOf(origin);
    return authority.empty() || authority != Lower(request.Header("host"));
}

}  // namespace minqing::http
