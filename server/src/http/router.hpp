// Maps method + path pattern ("/api/v1/org/units/{id}") to a handler. Routes are added
// at start-up, before the server runs; lookups are then read-only and thread-safe.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "http/request.hpp"
#include "http/response.hpp"

namespace minqing::http {

using Handler = std::function<Response(Request&)>;

/// Where a handler runs. Network threads must never block, so anything that may touch the
/// database or do slow work runs on the worker pool; only trivial handlers run inline.
enum class Execution { kWorker, kInline };

/// Wraps a handler: may answer itself or call `next`. Runs where the handler runs.
using Middleware = std::function<Response(Request&, const Handler& next)>;

/// What a route's body may be: a request (http.bodyLimitKib) or an upload
/// (http.uploadLimitKib). The server asks before it reads the body.
enum class BodyKind { kRequest, kUpload };

struct RouteMatch {
    const Handler* handler = nullptr;
    Execution execution = Execution::kWorker;
};

class Router {
  public:
    /// Adds a route. Pattern segments in braces bind path parameters; a final "{*rest}"
    /// binds the remainder of the path (zero or more segments, joined by '/'). Throws
    /// std::invalid_argument on a duplicate route (same method and same pattern shape, whatever
    /// the parameter names) or a malformed pattern (not starting with '/', empty or unclosed
    /// braces, "{*…}" not last).
    void Add(std::string method, std::string pattern, Handler handler,
             Execution execution = Execution::kWorker, BodyKind body = BodyKind::kRequest);

    /// True when a route whose pattern matches `path` (any method) takes uploads.
    bool TakesUpload(std::string_view path) const;

    /// Finds the route for a request and fills `request.path_params`. Returns nullopt
    /// when nothing matches; `method_mismatch` tells whether the path matched another method
    /// (405) rather than nothing at all (404). Matching uses the segments of the decoded
    /// `request.path`; where several patterns match, a literal segment beats a parameter,
    /// which beats "{*rest}". HEAD requests use a GET route when no HEAD route matches.
    std::optional<RouteMatch> Find(Request& request, bool& method_mismatch) const;

    /// The methods of the routes whose pattern matches the request path, sorted (for the
    /// Allow header of a 405); empty when no pattern matches.
    std::vector<std::string> AllowedMethods(const Request& request) const;

    /// Every route as "METHOD /pattern", in the order added (for the permission tests that
    /// must cover each one).
    std::vector<std::string> Describe() const;

    /// Used when no route matches (for example the web app's SPA fallback); a 404 if unset.
    void SetFallback(Handler handler, Execution execution = Execution::kWorker);
    std::optional<RouteMatch> Fallback() const;

  private:
    struct Route {
        std::string method;
        std::vector<std::string> segments;
        Handler handler;
        Execution execution;
        BodyKind body = BodyKind::kRequest;
    };
    std::vector<Route> routes_;
    std::optional<Route> fallback_;
};

}  // namespace minqing::http
