// Fuzzes the server's request path without a socket. The bytes are what a client sends on
// one connection, possibly several pipelined requests; each is read as Session reads it in
// server/src/http/server.cpp: the raw header section scanned (ScanHeaderSection), Beast's
// request parser with the server's limits, the framing checks (CheckRequestFraming), the body
// limit narrowed for the target, the body read; then the target is decoded, routed by a Router
// holding the API's route patterns with the web app as fallback, and answered through the
// server's middleware. Reading stops where the server would close the connection. The router
// and the site are built once and never change; nothing else outlives an input.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include <boost/asio/buffer.hpp>
#include <boost/beast/http/error.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/string_body.hpp>
#include <nlohmann/json.hpp>
#include <spdlog/spdlog.h>

#include "api/auth_guard.hpp"
#include "api/respond.hpp"
#include "http/error_response.hpp"
#include "http/json.hpp"
#include "http/middleware.hpp"
#include "http/request.hpp"
#include "http/request_framing.hpp"
#include "http/router.hpp"
#include "http/server.hpp"
#include "http/static_files.hpp"
#include "http/text.hpp"

namespace {

namespace bhttp = boost::beast::http;
using minqing::http::Handler;
using minqing::http::Middleware;
using minqing::http::Request;
using minqing::http::Response;

constexpr int kMaxRequestsPerConnection = 16;
constexpr int kLowestStatus = 200;
constexpr int kHighestStatus = 599;

// The API's routes (method and pattern) as the api/*_api.cpp files register them.
constexpr std::pair<std::string_view, std::string_view> kRoutes[] = {
    {"DELETE", "/api/v1/calendar/days/{date}"},
    {"DELETE", "/api/v1/dispatch-catalogue/{categoryCode}/{level}"},
    {"DELETE", "/api/v1/saved-views/{id}"},
    {"DELETE", "/api/v1/time-limit-rules/{id}"},
    {"DELETE", "/api/v1/tokens/{id}"},
    {"DELETE", "/api/v1/users/{id}/roles/{assignmentId}"},
    {"GET", "/api/v1/auth/events"},
    {"GET", "/api/v1/auth/me"},
    {"GET", "/api/v1/calendar"},
    {"GET", "/api/v1/cases"},
    {"GET", "/api/v1/cases/{id}"},
    {"GET", "/api/v1/cases/{id}/attachments/{attachmentId}"},
    {"GET", "/api/v1/cases/{id}/events"},
    {"GET", "/api/v1/cases/{id}/routing-suggestion"},
    {"GET", "/api/v1/cases/{id}/supervisions"},
    {"GET", "/api/v1/cases/{id}/verify"},
    {"GET", "/api/v1/categories"},
    {"GET", "/api/v1/direct-cards"},
    {"GET", "/api/v1/dispatch-catalogue"},
    {"GET", "/api/v1/message-templates"},
    {"GET", "/api/v1/notifications"},
    {"GET", "/api/v1/notifications/failed"},
    {"GET", "/api/v1/org/directory"},
    {"GET", "/api/v1/org/tree"},
    {"GET", "/api/v1/org/units"},
    {"GET", "/api/v1/org/units/{id}"},
    {"GET", "/api/v1/public/submissions/{number}"},
    {"GET", "/api/v1/saved-views"},
    {"GET", "/api/v1/supervisions"},
    {"GET", "/api/v1/time-limit-rules"},
    {"GET", "/api/v1/tokens"},
    {"GET", "/api/v1/users"},
    {"GET", "/api/v1/users/{id}"},
    {"GET", "/api/v1/web-settings"},
    {"GET", "/api/v1/workbench"},
    {"GET", "/api/v1/ws"},
    {"GET", "/healthz"},
    {"GET", "/readyz"},
    {"PATCH", "/api/v1/categories/{code}"},
    {"PATCH", "/api/v1/org/units/{id}"},
    {"PATCH", "/api/v1/users/{id}"},
    {"POST", "/api/v1/auth/login"},
    {"POST", "/api/v1/auth/logout"},
    {"POST", "/api/v1/calendar/import"},
    {"POST", "/api/v1/cases"},
    {"POST", "/api/v1/cases/{id}/actions/{action}"},
    {"POST", "/api/v1/cases/{id}/attachments"},
    {"POST", "/api/v1/cases/{id}/reveal-reporter"},
    {"POST", "/api/v1/cases/{id}/supervisions"},
    {"POST", "/api/v1/cases/{id}/supervisions/{sid}/reply"},
    {"POST", "/api/v1/categories"},
    {"POST", "/api/v1/direct-cards"},
    {"POST", "/api/v1/direct-cards/{id}/reassign"},
    {"POST", "/api/v1/direct-cards/{id}/revoke"},
    {"POST", "/api/v1/notifications/read-all"},
    {"POST", "/api/v1/notifications/{id}/read"},
    {"POST", "/api/v1/org/units"},
    {"POST", "/api/v1/org/units/{id}/deactivate"},
    {"POST", "/api/v1/public/submissions"},
    {"POST", "/api/v1/saved-views"},
    {"POST", "/api/v1/test/clock"},
    {"POST", "/api/v1/test/sweep"},
    {"POST", "/api/v1/time-limit-rules"},
    {"POST", "/api/v1/tokens"},
    {"POST", "/api/v1/users"},
    {"POST", "/api/v1/users/{id}/roles"},
    {"PUT", "/api/v1/calendar/days/{date}"},
    {"PUT", "/api/v1/dispatch-catalogue/{categoryCode}/{level}"},
    {"PUT", "/api/v1/message-templates/{key}/{channel}"},
    {"PUT", "/api/v1/time-limit-rules/{id}"},
};

// Stands in for every API handler: reads what handlers read before they reach a service
// (path parameters and ids, query, the session cookie, headers, a JSON body).
Response Describe(Request& request) {
    nlohmann::json echo = {{"path", request.path},
                           {"params", request.path_params},
                           {"query", request.query},
                           {"session", request.Cookie(minqing::api::kSessionCookie)},
                           {"key", request.Header("idempotency-key")}};
    if (const auto id = minqing::api::ParseId(request.PathParam("id"))) {
        echo["id"] = *id;
    }
    if (!request.body.empty()) {
        const auto body = minqing::api::BodyObject(request);
        echo["body"] = body ? nlohmann::json(body->size()) : nlohmann::json(body.error().reason);
    }
    return minqing::http::Json(200, echo);
}

// What ServerCore holds: the routes, the fallback, the middleware chain, the options.
struct Site {
    Site() : files(MINQING_FUZZ_SITE) {
        for (const auto& [method, pattern] : kRoutes) {
            router.Add(std::string(method), std::string(pattern), Describe);
        }
        router.SetFallback([this](Request& request) { return files.Serve(request); });
        options.is_upload = [](std::string_view path) { return path.ends_with("/attachments"); };
        middleware = {minqing::http::RequestIdMiddleware(), minqing::http::AccessLogMiddleware(),
                      minqing::http::ErrorBoundaryMiddleware()};
    }

    Response RunChain(std::size_t index, Request& request, const Handler& handler) const {
        if (index == middleware.size()) {
            return handler(request);
        }
        const Handler next = [this, index, &handler](Request& inner) {
            return RunChain(index + 1, inner, handler);
        };
        return middleware[index](request, next);
    }

    // ServerCore::Route and Respond: the route, 405, or the fallback.
    Response Answer(Request& request) const {
        bool method_mismatch = false;
        if (const auto match = router.Find(request, method_mismatch)) {
            return RunChain(0, request, *match->handler);
        }
        if (method_mismatch) {
            return RunChain(0, request, [this](Request& inner) {
                std::string allow;
                for (const std::string& method : router.AllowedMethods(inner)) {
                    allow += allow.empty() ? method : ", " + method;
                }
                Response response = minqing::http::ErrorResponse(
                    405,
                    minqing::MakeError(minqing::ErrorCode::kBadRequest, "route.method_not_allowed",
                                       "The method is not allowed."),
                    inner.request_id);
                response.SetHeader("Allow", std::move(allow));
                return response;
            });
        }
        return RunChain(0, request, *router.Fallback()->handler);
    }

    minqing::http::StaticFiles files;
    minqing::http::Router router;
    minqing::http::ServerOptions options;
    std::vector<Middleware> middleware;
};

const Site& TheSite() {
    static const Site site;
    return site;
}

// A response the server could not send as it is fails the run.
void CheckResponse(const Response& response) {
    if (response.status < kLowestStatus || response.status > kHighestStatus ||
        !minqing::http::IsValidRequestId(response.Header("X-Request-Id"))) {
        std::abort();
    }
}

// Session::Dispatch after the whole message is read.
void Dispatch(bhttp::request<bhttp::string_body>& message) {
    Request request;
    request.method = std::string(message.method_string());
    request.target = std::string(message.target());
    for (const auto& field : message) {
        request.headers.emplace_back(minqing::http::ToLowerAscii(field.name_string()),
                                     std::string(field.value()));
    }
    request.body = std::move(message.body());
    request.remote_address = "203.0.113.7";
    if (!minqing::http::DecodeRequestTarget(request.target, request)) {
        return;  // 400 "request.bad_target"; the connection stays open
    }
    CheckResponse(TheSite().Answer(request));
}

// Reads and answers the request at the start of `rest`, consuming its bytes. False where the
// server closes the connection: an error answer, the client's end, or no keep-alive.
bool ServeOne(std::string_view& rest) {
    bhttp::request_parser<bhttp::string_body> parser;
    parser.header_limit(minqing::http::kRequestHeaderLimit);
    parser.body_limit(
        std::max(TheSite().options.body_limit_bytes, TheSite().options.upload_limit_bytes));
    const auto scan =
        minqing::http::ScanHeaderSection(rest.substr(0, minqing::http::kRequestHeaderLimit));
    if (scan == minqing::http::HeaderScan::kIncomplete &&
        rest.size() < minqing::http::kRequestHeaderLimit) {
        return false;  // the client left before the header was complete
    }
    boost::system::error_code ec;
    rest.remove_prefix(parser.put(boost::asio::buffer(rest.data(), rest.size()), ec));
    if (ec || !parser.is_header_done()) {
        return false;  // 400 or 431, or the client left
    }
    if (scan == minqing::http::HeaderScan::kFolded ||
        minqing::http::CheckRequestFraming(parser.get(), parser.chunked())) {
        return false;
    }
    const std::string_view target = parser.get().target();
    const bool upload = TheSite().options.is_upload(target.substr(0, target.find('?')));
    const std::size_t body_limit =
        upload ? TheSite().options.upload_limit_bytes : TheSite().options.body_limit_bytes;
    if (const auto length = parser.content_length(); length && *length > body_limit) {
        return false;  // 413
    }
    parser.body_limit(body_limit);
    // Beast's read of the body parses eagerly.
    parser.eager(true);
    while (!parser.is_done()) {
        if (rest.empty()) {
            return false;  // the client left in the middle of the body
        }
        const std::size_t used = parser.put(boost::asio::buffer(rest.data(), rest.size()), ec);
        rest.remove_prefix(used);
        if (ec && ec != bhttp::error::need_more) {
            return false;  // 400 or 413
        }
        if (used == 0) {
            return false;  // the parser waits for bytes the client never sent
        }
    }
    const bool keep_alive = parser.get().keep_alive();
    Dispatch(parser.get());
    return keep_alive;
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int* /*argc*/, char*** /*argv*/) {
    spdlog::set_level(spdlog::level::off);
    TheSite();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view rest(reinterpret_cast<const char*>(data), size);
    for (int served = 0; served < kMaxRequestsPerConnection && !rest.empty(); ++served) {
        if (!ServeOne(rest)) {
            break;
        }
    }
    return 0;
}
