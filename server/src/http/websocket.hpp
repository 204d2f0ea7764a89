// Server-push WebSockets: a handler accepts an upgrade by answering UpgradeToWebSocket(…);
// the server then completes the handshake on the same connection and hands the application a
// WebSocketConnection it may send text frames to from any thread. Transport only.
#pragma once

#include <functional>
#include <memory>
#include <string>

#include "http/request.hpp"
#include "http/response.hpp"

namespace minqing::http {

/// One open WebSocket. Thread-safe: Send and Close queue work on the connection's strand and
/// return at once.
class WebSocketConnection {
  public:
    virtual ~WebSocketConnection() = default;
    WebSocketConnection() = default;
    WebSocketConnection(const WebSocketConnection&) = delete;
    WebSocketConnection& operator=(const WebSocketConnection&) = delete;

    /// Queues a text frame. Frames queued after the connection ended are dropped; a client
    /// that falls too far behind is disconnected rather than buffered without bound.
    virtual void Send(std::string text) = 0;
    /// Starts a normal close.
    virtual void Close() = 0;
};

/// What the application does with an accepted WebSocket. The client's own messages are read
/// (so control frames are answered) and ignored.
struct WebSocketHandlers {
    /// Called once, on a network thread, after the handshake; must not block.
    std::function<void(const std::shared_ptr<WebSocketConnection>&)> on_open;
    /// Called once when the connection ends (after on_open, if the handshake succeeded).
    std::function<void()> on_close;
};

/// Whether the request asks for a WebSocket upgrade (GET with Upgrade: websocket).
bool IsWebSocketUpgrade(const Request& request);

/// The answer that accepts the upgrade. Answering a request that is not an upgrade with it
/// is a handler bug and yields a 500.
Response UpgradeToWebSocket(WebSocketHandlers handlers);

}  // namespace minqing::http
