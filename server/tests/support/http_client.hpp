// A small synchronous HTTP/1.1 client on Boost.Beast for API tests: one keep-alive connection
// to 127.0.0.1, JSON in and out; and Session, a client logged in as one user that carries the
// session cookie and the CSRF token. Not thread-safe: one instance per thread.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

namespace minqing::tests {

/// The password of every demo account (service/seeder.cpp).
inline constexpr std::string_view kDemoPassword = "minqing-demo";

/// Header name and value pairs; names in any case.
using Headers = std::vector<std::pair<std::string, std::string>>;

struct HttpResponse {
    int status = 0;
    /// Header names in lower case, values as received, in order.
    Headers headers;
    std::string body;
    /// The body parsed as JSON; null when the body is empty or not JSON.
    nlohmann::json json;

    /// The first header of that (case-insensitive) name, or "" when absent.
    std::string_view Header(std::string_view name) const;
    /// Every header of that name (Set-Cookie comes once per cookie).
    std::vector<std::string> AllHeaders(std::string_view name) const;
};

/// Prints status and body in GoogleTest failure messages.
void PrintTo(const HttpResponse& response, std::ostream* out);

class HttpClient {
  public:
    explicit HttpClient(std::uint16_t port);
    std::uint16_t port() const;
    ~HttpClient();
    HttpClient(const HttpClient&) = delete;
    HttpClient& operator=(const HttpClient&) = delete;
    HttpClient(HttpClient&&) noexcept;
    HttpClient& operator=(HttpClient&&) noexcept;

    HttpResponse Get(std::string_view target, const Headers& headers = {});
    /// Sends `body` serialised, with Content-Type application/json.
    HttpResponse Post(std::string_view target, const nlohmann::json& body,
                      const Headers& headers = {});
    HttpResponse Patch(std::string_view target, const nlohmann::json& body,
                       const Headers& headers = {});
    HttpResponse Put(std::string_view target, const nlohmann::json& body,
                     const Headers& headers = {});
    HttpResponse Delete(std::string_view target, const Headers& headers = {});
    /// Any method with the body sent exactly as given (malformed JSON, oversized bodies).
    /// Throws boost::system::system_error when the server cannot be reached or does not
    /// answer in time (a guard against hangs, not an assertion on speed).
    HttpResponse Send(std::string_view method, std::string_view target,
                      const std::optional<std::string>& body, const Headers& headers = {});

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

/// A client logged in through POST /api/v1/auth/login. Sends the minqing_session cookie on
/// every request and X-CSRF-Token on POST, PATCH and DELETE, as the web app does.
class Session {
  public:
    /// Logs in; throws std::runtime_error naming the status and body when the login fails.
    static Session LogIn(std::uint16_t port, std::string_view username,
                         std::string_view password = kDemoPassword);

    HttpResponse Get(std::string_view target, const Headers& headers = {});
    HttpResponse Post(std::string_view target, const nlohmann::json& body,
                      const Headers& headers = {});
    HttpResponse Patch(std::string_view target, const nlohmann::json& body,
                       const Headers& headers = {});
    HttpResponse Put(std::string_view target, const nlohmann::json& body,
                     const Headers& headers = {});
    HttpResponse Delete(std::string_view target, const Headers& headers = {});

    /// The answer of the login (user, roles, permissions, csrfToken…).
    const nlohmann::json& login() const { return login_; }
    std::int64_t user_id() const;
    const std::string& session_token() const { return session_token_; }
    const std::string& csrf_token() const { return csrf_token_; }
    /// "minqing_session=<token>", for requests made without the session's helpers.
    std::string CookieHeader() const;
    HttpClient& client() { return client_; }

  private:
    Session(HttpClient client, nlohmann::json login, std::string session_token);
    Headers WithCookie(const Headers& headers, bool write) const;

    HttpClient client_;
    nlohmann::json login_;
    std::string session_token_;
    std::string csrf_token_;
};

/// The Authorization header of a machine client holding the API token `secret`.
Headers Bearer(std::string_view secret);

/// `text` percent-encoded for a query string or path segment (every byte but A-Z a-z 0-9 - . _ ~),
/// so that Chinese keywords reach the server as UTF-8.
std::string UrlEncode(std::string_view text);

/// The value of cookie `name` set by a Set-Cookie header of `response`, or nullopt.
std::optional<std::string> SetCookieValue(const HttpResponse& response, std::string_view name);

}  // namespace minqing::tests
