#include "support/http_client.hpp"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <ostream>
#include <stdexcept>

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

namespace minqing::tests {
namespace {

namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
namespace net = boost::asio;
using tcp = net::ip::tcp;
using BeastRequest = bhttp::request<bhttp::string_body>;
using BeastResponse = bhttp::response<bhttp::string_body>;

// Only a guard against a broken server hanging the test run; nothing asserts on time.
constexpr auto kTimeout = std::chrono::seconds(60);
// The whole org tree is a few MiB; answers beyond this are a bug worth a failure.
constexpr std::uint64_t kResponseBodyLimit = 64ull * 1024 * 1024;
constexpr unsigned kHttp11 = 11;
constexpr std::string_view kSessionCookie = "minqing_session";

std::string Lower(std::string_view text) {
    std::string lower(text);
    std::ranges::transform(lower, lower.begin(),
                           [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return lower;
}

bool HasHeader(const Headers& headers, std::string_view name) {
    const std::string wanted = Lower(name);
    return std::ranges::any_of(
        headers, [&wanted](const auto& header) { return Lower(header.first) == wanted; });
}

// Errors after which a request on a reused keep-alive connection is worth one more try: the
// server closed the idle connection before it saw the request.
bool IsStaleConnection(const boost::system::error_code& ec) {
    return ec == bhttp::error::end_of_stream || ec == net::error::connection_reset ||
           ec == net::error::broken_pipe || ec == net::error::eof;
}

}  // namespace

std::string_view HttpResponse::Header(std::string_view name) const {
    const std::string wanted = Lower(name);
    for (const auto& [key, value] : headers) {
        if (key == wanted) {
            return value;
        }
    }
    return {};
}

std::vector<std::string> HttpResponse::AllHeaders(std::string_view name) const {
    const std::string wanted = Lower(name);
    std::vector<std::string> values;
    for (const auto& [key, value] : headers) {
        if (key == wanted) {
            values.push_back(value);
        }
    }
    return values;
}

void PrintTo(const HttpResponse& response, std::ostream* out) {
    *out << "HTTP " << response.status << " " << response.body;
}

struct HttpClient::Impl {
    explicit Impl(std::uint16_t port_in) : port(port_in), stream(io) {}

    // Drives one asynchronous operation to completion, so that it obeys the stream's timeout.
    template <typename Start>
    boost::system::error_code Run(Start&& start) {
        boost::system::error_code result;
        stream.expires_after(kTimeout);
        start([&result](boost::system::error_code ec, auto&&...) { result = ec; });
        io.restart();
        io.run();
        return result;
    }

    boost::system::error_code Connect() {
        const tcp::endpoint endpoint(net::ip::make_address("127.0.0.1"), port);
        const auto ec =
            Run([&](auto handler) { stream.async_connect(endpoint, std::move(handler)); });
        connected = !ec;
        return ec;
    }

    void Close() {
        boost::system::error_code ignored;
        stream.socket().shutdown(tcp::socket::shutdown_both, ignored);
        stream.close();
        buffer.clear();
        connected = false;
    }

    // Writes the request and reads the answer. A failed write still tries to read: the server
    // may have answered early (413) and stopped reading.
    boost::system::error_code Exchange(BeastRequest& request, BeastResponse& response) {
        const auto write_error =
            Run([&](auto handler) { bhttp::async_write(stream, request, std::move(handler)); });
        bhttp::response_parser<bhttp::string_body> parser;
        parser.body_limit(kResponseBodyLimit);
        const auto read_error = Run(
            [&](auto handler) { bhttp::async_read(stream, buffer, parser, std::move(handler)); });
        if (read_error) {
            Close();
            return write_error ? write_error : read_error;
        }
        response = parser.release();
        if (!response.keep_alive()) {
            Close();
        }
        return {};
    }

    net::io_context io;
    std::uint16_t port;
    beast::tcp_stream stream;
    beast::flat_buffer buffer;
    bool connected = false;
};

HttpClient::HttpClient(std::uint16_t port) : impl_(std::make_unique<Impl>(port)) {}

std::uint16_t HttpClient::port() const {
    return impl_->port;
}
HttpClient::~HttpClient() {
    if (impl_ && impl_->connected) {
        impl_->Close();
    }
}
HttpClient::HttpClient(HttpClient&&) noexcept = default;
HttpClient& HttpClient::operator=(HttpClient&&) noexcept = default;

HttpResponse HttpClient::Get(std::string_view target, const Headers& headers) {
    return Send("GET", target, std::nullopt, headers);
}

HttpResponse HttpClient::Post(std::string_view target, const nlohmann::json& body,
                              const Headers& headers) {
    return Send("POST", target, body.dump(), headers);
}

HttpResponse HttpClient::Patch(std::string_view target, const nlohmann::json& body,
                               const Headers& headers) {
    return Send("PATCH", target, body.dump(), headers);
}

HttpResponse HttpClient::Put(std::string_view target, const nlohmann::json& body,
                             const Headers& headers) {
    return Send("PUT", target, body.dump(), headers);
}

HttpResponse HttpClient::Delete(std::string_view target, const Headers& headers) {
    return Send("DELETE", target, std::nullopt, headers);
}

HttpResponse HttpClient::Send(std::string_view method, std::string_view target,
                              const std::optional<std::string>& body, const Headers& headers) {
    BeastRequest request;
    request.version(kHttp11);
    request.method_string(method);
    request.target(target);
    request.set(bhttp::field::host, "127.0.0.1:" + std::to_string(impl_->port));
    request.set(bhttp::field::user_agent, "minqing-apitest");
    request.keep_alive(true);
    for (const auto& [name, value] : headers) {
        request.insert(name, value);
    }
    if (body) {
        if (!HasHeader(headers, "content-type")) {
            request.set(bhttp::field::content_type, "application/json");
        }
        request.body() = *body;
    }
    request.prepare_payload();

    const bool reused = impl_->connected;
    if (!impl_->connected) {
        if (const auto ec = impl_->Connect()) {
            throw boost::system::system_error(
                ec, "connect to 127.0.0.1:" + std::to_string(impl_->port));
        }
    }
    BeastResponse response;
    auto ec = impl_->Exchange(request, response);
    if (ec && reused && IsStaleConnection(ec)) {
        if (const auto connect_error = impl_->Connect()) {
            throw boost::system::system_error(connect_error, "reconnect");
        }
        ec = impl_->Exchange(request, response);
    }
    if (ec) {
        throw boost::system::system_error(
            ec, std::string(method) + " " + std::string(target) + " got no answer");
    }

    HttpResponse answer;
    answer.status = static_cast<int>(response.result_int());
    for (const auto& field : response) {
        answer.headers.emplace_back(Lower(field.name_string()), std::string(field.value()));
    }
    answer.body = std::move(response.body());
    if (!answer.body.empty()) {
        answer.json = nlohmann::json::parse(answer.body, nullptr, false);
        if (answer.json.is_discarded()) {
            answer.json = nullptr;
        }
    }
    return answer;
}

Headers Bearer(std::string_view secret) {
    return {{"Authorization", "Bearer " + std::string(secret)}};
}

std::string UrlEncode(std::string_view text) {
    static constexpr std::string_view kHex = "0123456789ABCDEF";
    std::string encoded;
    for (const char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        const bool plain = (byte >= 'A' && byte <= 'Z') || (byte >= 'a' && byte <= 'z') ||
                           (byte >= '0' && byte <= '9') || byte == '-' || byte == '.' ||
                           byte == '_' || byte == '~';
        if (plain) {
            encoded += c;
        } else {
            encoded += '%';
            encoded += kHex[byte >> 4U];
            encoded += kHex[byte & 0x0FU];
        }
    }
    return encoded;
}

std::optional<std::string> SetCookieValue(const HttpResponse& response, std::string_view name) {
    const std::string prefix = std::string(name) + "=";
    for (const std::string& cookie : response.AllHeaders("set-cookie")) {
        if (cookie.starts_with(prefix)) {
            const auto end = cookie.find(';');
            return cookie.substr(
                prefix.size(), end == std::string::npos ? std::string::npos : end - prefix.size());
        }
    }
    return std::nullopt;
}

Session::Session(HttpClient client, nlohmann::json login, std::string session_token)
    : client_(std::move(client)),
      login_(std::move(login)),
      session_token_(std::move(session_token)),
      csrf_token_(login_.value("csrfToken", "")) {}

Session Session::LogIn(std::uint16_t port, std::string_view username, std::string_view password) {
    HttpClient client(port);
    HttpResponse answer =
        client.Post("/api/v1/auth/login", {{"username", username}, {"password", password}});
    if (answer.status != 200) {
        throw std::runtime_error("login as " + std::string(username) + " failed: HTTP " +
                                 std::to_string(answer.status) + " " + answer.body);
    }
    auto token = SetCookieValue(answer, kSessionCookie);
    if (!token || token->empty()) {
        throw std::runtime_error("login as " + std::string(username) +
                                 " set no minqing_session cookie");
    }
    return Session(std::move(client), std::move(answer.json), std::move(*token));
}

std::int64_t Session::user_id() const {
    return login_.at("user").at("id").get<std::int64_t>();
}

std::string Session::CookieHeader() const {
    return std::string(kSessionCookie) + "=" + session_token_;
}

Headers Session::WithCookie(const Headers& headers, bool write) const {
    Headers all = headers;
    all.emplace_back("Cookie", CookieHeader());
    if (write && !HasHeader(headers, "x-csrf-token")) {
        all.emplace_back("X-CSRF-Token", csrf_token_);
    }
    return all;
}

HttpResponse Session::Get(std::string_view target, const Headers& headers) {
    return client_.Get(target, WithCookie(headers, false));
}

HttpResponse Session::Post(std::string_view target, const nlohmann::json& body,
                           const Headers& headers) {
    return client_.Post(target, body, WithCookie(headers, true));
}

HttpResponse Session::Patch(std::string_view target, const nlohmann::json& body,
                            const Headers& headers) {
    return client_.Patch(target, body, WithCookie(headers, true));
}

HttpResponse Session::Put(std::string_view target, const nlohmann::json& body,
                          const Headers& headers) {
    return client_.Put(target, body, WithCookie(headers, true));
}

HttpResponse Session::Delete(std::string_view target, const Headers& headers) {
    return client_.Delete(target, WithCookie(headers, true));
}

}  // namespace minqing::tests
