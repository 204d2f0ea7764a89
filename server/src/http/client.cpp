#include "http/client.hpp"

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include "http/beast_names.hpp"

namespace minqing::http {
namespace {

constexpr std::size_t kAnswerLimit = 64 * 1024;
constexpr std::size_t kDetailLimit = 200;
constexpr unsigned kHttp11 = 11;
constexpr std::string_view kScheme = "http://";
constexpr std::string_view kUserAgent = "minqing-outbox";

// Runs the io_context until the one pending operation completes. Timeouts in Beast apply to
// asynchronous operations only, so each step is started asynchronously and waited for here.
void RunToCompletion(net::io_context& io_context) {
    io_context.restart();
    io_context.run();
}

}  // namespace

std::optional<HttpUrl> ParseHttpUrl(std::string_view url) {
    if (!url.starts_with(kScheme)) {
        return std::nullopt;
    }
    url.remove_prefix(kScheme.size());
    HttpUrl parsed;
    const auto path_start = url.find_first_of("/?");
    std::string_view authority = url.substr(0, path_start);
    if (path_start != std::string_view::npos) {
        parsed.target = std::string(url.substr(path_start));
        if (parsed.target.front() == '?') {
            parsed.target.insert(0, "/");
        }
    }
    if (authority.empty() || authority.find('@') != std::string_view::npos) {
        return std::nullopt;
    }
    if (const auto colon = authority.rfind(':');
        colon != std::string_view::npos && authority.front() != '[') {
        parsed.port = std::string(authority.substr(colon + 1));
        authority = authority.substr(0, colon);
        if (parsed.port.empty() ||
            parsed.port.find_first_not_of("0123456789") != std::string::npos) {
            return std::nullopt;
        }
    }
    parsed.host = std::string(authority);
    return parsed.host.empty() ? std::nullopt : std::optional(std::move(parsed));
}

PostOutcome Client::Post(std::string_view url,
                         const std::vector<std::pair<std::string, std::string>>& headers,
                         const std::string& body) const {
    const auto parsed = ParseHttpUrl(url);
    if (!parsed) {
        return {false, 0, "not an http:// URL"};
    }
    net::io_context io_context;
    tcp::resolver resolver(io_context);
    beast::tcp_stream stream(io_context);
    boost::system::error_code ec;
    const auto failed = [&](std::string_view step) {
        return PostOutcome{false, 0, std::string(step) + ": " + ec.message()};
    };

    tcp::resolver::results_type endpoints;
    resolver.async_resolve(parsed->host, parsed->port,
                           [&](boost::system::error_code done, tcp::resolver::results_type found) {
                               ec = done;
                               endpoints = std::move(found);
                           });
    RunToCompletion(io_context);
    if (ec) {
        return failed("resolve");
    }
    stream.expires_after(timeout_);
    stream.async_connect(endpoints,
                         [&](boost::system::error_code done, const tcp::endpoint&) { ec = done; });
    RunToCompletion(io_context);
    if (ec) {
        return failed("connect");
    }

    bhttp::request<bhttp::string_body> request{bhttp::verb::post, parsed->target, kHttp11};
    request.set(bhttp::field::host, parsed->host);
    request.set(bhttp::field::user_agent, kUserAgent);
    request.set(bhttp::field::content_type, "application/json");
    for (const auto& [name, value] : headers) {
        request.set(name, value);
    }
    request.keep_alive(false);
    request.body() = body;
    request.prepare_payload();
    stream.expires_after(timeout_);
    bhttp::async_write(stream, request,
                       [&](boost::system::error_code done, std::size_t) { ec = done; });
    RunToCompletion(io_context);
    if (ec) {
        return failed("send");
    }

    beast::flat_buffer buffer;
    bhttp::response_parser<bhttp::string_body> parser;
    parser.body_limit(kAnswerLimit);
    stream.expires_after(timeout_);
    bhttp::async_read(stream, buffer, parser,
                      [&](boost::system::error_code done, std::size_t) { ec = done; });
    RunToCompletion(io_context);
    if (ec) {
        return failed("receive");
    }
    boost::system::error_code ignored;
    stream.socket().shutdown(tcp::socket::shutdown_both, ignored);
    const auto& answer = parser.get();
    return {true, static_cast<int>(answer.result_int()),
            answer.body().substr(0, std::min(answer.body().size(), kDetailLimit))};
}

}  // namespace minqing::http
