// A small blocking HTTP/1.1 client for outbound deliveries (SMS gateway, webhooks) on
// Boost.Beast: one POST per connection, with one time limit for connect, send and receive.
// Plain http:// only. Each call uses its own io_context, so one client serves any thread.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace minqing::http {

struct HttpUrl {
    std::string host;
    std::string port = "80";
    std::string target = "/";  // path and query
};

/// "http://host[:port][/path][?query]" split up; nullopt for anything else (https included).
std::optional<HttpUrl> ParseHttpUrl(std::string_view url);

/// What became of one POST.
struct PostOutcome {
    /// An HTTP answer came back (whatever its status).
    bool answered = false;
    int status = 0;
    /// The first bytes of the answer's body, or why there was no answer.
    std::string detail;
};

class Client {
  public:
    explicit Client(std::chrono::milliseconds timeout) : timeout_(timeout) {}

    /// POSTs `body` as application/json with the extra `headers`. Never throws for network
    /// trouble: an unreachable host, a timeout or a broken answer come back as answered=false.
    PostOutcome Post(std::string_view url,
                     const std::vector<std::pair<std::string, std::string>>& headers,
                     const std::string& body) const;

  private:
    std::chrono::milliseconds timeout_;
};

}  // namespace minqing::http
