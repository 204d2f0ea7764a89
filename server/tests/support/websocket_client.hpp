// A WebSocket client on Boost.Beast for API tests: connects to /api/v1/ws on 127.0.0.1 with
// the given headers (the session cookie) and reads the server's text messages. Not
// thread-safe: one instance per thread.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "support/http_client.hpp"

namespace minqing::tests {

class WebSocketClient {
  public:
    /// Connects and completes the handshake. Throws boost::system::system_error when the
    /// server refuses (the message names the HTTP status) or cannot be reached.
    WebSocketClient(std::uint16_t port, std::string_view target, const Headers& headers);
    ~WebSocketClient();
    WebSocketClient(const WebSocketClient&) = delete;
    WebSocketClient& operator=(const WebSocketClient&) = delete;

    /// The next text message parsed as JSON; nullopt when none arrives within the guard time
    /// (a guard against hangs, not an assertion on speed) or the connection closed.
    std::optional<nlohmann::json> Receive();

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace minqing::tests
