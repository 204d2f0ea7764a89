#include "http/router.hpp"

#include <algorithm>
#include <cstddef>
#include <stdexcept>
#include <utility>

namespace minqing::http {
namespace {

// Ordered from most to least specific: when several patterns match, the smallest kind wins.
enum class SegmentKind { kLiteral, kParam, kRest };

constexpr std::string_view kHead = "HEAD";
constexpr std::string_view kGet = "GET";

SegmentKind KindOf(std::string_view segment) {
    if (segment.size() >= 2 && segment.front() == '{' && segment.back() == '}') {
        return segment[1] == '*' ? SegmentKind::kRest : SegmentKind::kParam;
    }
    return SegmentKind::kLiteral;
}

std::string ParamName(std::string_view segment) {
    const std::size_t skip = KindOf(segment) == SegmentKind::kRest ? 2 : 1;
    return std::string(segment.substr(skip, segment.size() - skip - 1));
}

// "/" and "" have no segments; "/a/" has "a" and "" so a trailing slash is significant.
std::vector<std::string_view> SplitPath(std::string_view path) {
    std::vector<std::string_view> segments;
    if (!path.empty() && path.front() == '/') {
        path.remove_prefix(1);
    }
    if (path.empty()) {
        return segments;
    }
    while (true) {
        const std::size_t slash = path.find('/');
        segments.push_back(path.substr(0, slash));
        if (slash == std::string_view::npos) {
            break;
        }
        path.remove_prefix(slash + 1);
    }
    return segments;
}

std::vector<std::string> ParsePattern(std::string_view pattern) {
    if (pattern.empty() || pattern.front() != '/') {
        throw std::invalid_argument("route pattern must start with '/': " + std::string(pattern));
    }
    std::vector<std::string> segments;
    for (const std::string_view segment : SplitPath(pattern)) {
        const bool has_brace = segment.find_first_of("{}") != std::string_view::npos;
        const SegmentKind kind = KindOf(segment);
        if (has_brace) {
            const std::string name = kind == SegmentKind::kLiteral ? "" : ParamName(segment);
            if (name.empty() || name.find_first_of("{}*") != std::string::npos) {
                throw std::invalid_argument("malformed parameter in route pattern: " +
                                            std::string(pattern));
            }
        }
        if (!segments.empty() && KindOf(segments.back()) == SegmentKind::kRest) {
            throw std::invalid_argument("{*…} must be the last segment of a route pattern: " +
                                        std::string(pattern));
        }
        segments.emplace_back(segment);
    }
    return segments;
}

bool SameShape(const std::vector<std::string>& a, const std::vector<std::string>& b) {
    return std::equal(a.begin(), a.end(), b.begin(), b.end(),
                      [](const std::string& x, const std::string& y) {
                          const SegmentKind kind = KindOf(x);
                          return kind == KindOf(y) && (kind != SegmentKind::kLiteral || x == y);
                      });
}

bool Matches(const std::vector<std::string>& pattern,
             const std::vector<std::string_view>& segments) {
    for (std::size_t i = 0; i < pattern.size(); ++i) {
        switch (KindOf(pattern[i])) {
            case SegmentKind::kRest:
                return true;
            case SegmentKind::kParam:
                // An empty segment ("/cases//events") is no identifier.
                if (i >= segments.size() || segments[i].empty()) {
                    return false;
                }
                break;
            case SegmentKind::kLiteral:
                if (i >= segments.size() || segments[i] != pattern[i]) {
                    return false;
                }
                break;
        }
    }
    return pattern.size() == segments.size();
}

std::map<std::string, std::string> Bind(const std::vector<std::string>& pattern,
                                        const std::vector<std::string_view>& segments) {
    std::map<std::string, std::string> params;
    for (std::size_t i = 0; i < pattern.size(); ++i) {
        const SegmentKind kind = KindOf(pattern[i]);
        if (kind == SegmentKind::kParam) {
            params[ParamName(pattern[i])] = std::string(segments[i]);
        } else if (kind == SegmentKind::kRest) {
            std::string rest;
            for (std::size_t j = i; j < segments.size(); ++j) {
                if (j > i) {
                    rest += '/';
                }
                rest += segments[j];
            }
            params[ParamName(pattern[i])] = std::move(rest);
        }
    }
    return params;
}

bool MoreSpecific(const std::vector<std::string>& a, const std::vector<std::string>& b) {
    return std::lexicographical_compare(
        a.begin(), a.end(), b.begin(), b.end(),
        [](const std::string& x, const std::string& y) { return KindOf(x) < KindOf(y); });
}

}  // namespace

void Router::Add(std::string method, std::string pattern, Handler handler, Execution execution,
                 BodyKind body) {
    std::vector<std::string> segments = ParsePattern(pattern);
    for (const Route& route : routes_) {
        if (route.method == method && SameShape(route.segments, segments)) {
            throw std::invalid_argument("duplicate route: " + method + " " + pattern);
        }
    }
    routes_.push_back(
        Route{std::move(method), std::move(segments), std::move(handler), execution, body});
}

bool Router::TakesUpload(std::string_view path) const {
    const std::vector<std::string_view> segments = SplitPath(path);
    return std::ranges::any_of(routes_, [&segments](const Route& route) {
        return route.body == BodyKind::kUpload && Matches(route.segments, segments);
    });
}

std::vector<std::string> Router::Describe() const {
    std::vector<std::string> routes;
    for (const Route& route : routes_) {
        std::string line = route.method + " ";
        for (const std::string& segment : route.segments) {
            line += "/" + segment;
        }
        routes.push_back(std::move(line));
    }
    return routes;
}

std::optional<RouteMatch> Router::Find(Request& request, bool& method_mismatch) const {
    method_mismatch = false;
    const std::vector<std::string_view> segments = SplitPath(request.path);
    const Route* exact = nullptr;
    const Route* get_for_head = nullptr;
    bool path_matched = false;
    for (const Route& route : routes_) {
        if (!Matches(route.segments, segments)) {
            continue;
        }
        path_matched = true;
        if (route.method == request.method) {
            if (exact == nullptr || MoreSpecific(route.segments, exact->segments)) {
                exact = &route;
            }
        } else if (request.method == kHead && route.method == kGet) {
            if (get_for_head == nullptr || MoreSpecific(route.segments, get_for_head->segments)) {
                get_for_head = &route;
            }
        }
    }
    const Route* chosen = exact != nullptr ? exact : get_for_head;
    if (chosen == nullptr) {
        method_mismatch = path_matched;
        return std::nullopt;
    }
    request.path_params = Bind(chosen->segments, segments);
    return RouteMatch{&chosen->handler, chosen->execution};
}

std::vector<std::string> Router::AllowedMethods(const Request& request) const {
    const std::vector<std::string_view> segments = SplitPath(request.path);
    std::vector<std::string> methods;
    for (const Route& route : routes_) {
        if (Matches(route.segments, segments)) {
            methods.push_back(route.method);
            if (route.method == kGet) {
                methods.emplace_back(kHead);
            }
        }
    }
    std::sort(methods.begin(), methods.end());
    methods.erase(std::unique(methods.begin(), methods.end()), methods.end());
    return methods;
}

void Router::SetFallback(Handler handler, Execution execution) {
    fallback_ = Route{"", {}, std::move(handler), execution};
}

std::optional<RouteMatch> Router::Fallback() const {
    if (!fallback_) {
        return std::nullopt;
    }
    return RouteMatch{&fallback_->handler, fallback_->execution};
}

}  // namespace minqing::http
