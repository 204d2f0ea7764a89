// The server side of one WebSocket (RFC 6455) after an HTTP upgrade: the handshake, a read
// loop that answers control frames, and a queue of outgoing text frames. Internal to the
// server (server.cpp); the application sees it as a WebSocketConnection. All work runs on the
// strand of the connection's stream; Send, Close and ForceClose may be called from any thread.
#pragma once

#include <deque>
#include <functional>
#include <memory>
#include <string>

#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/message.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/websocket/stream.hpp>

#include "http/websocket.hpp"

namespace minqing::http {

class WebSocketSession final : public WebSocketConnection,
                               public std::enable_shared_from_this<WebSocketSession> {
  public:
    using UpgradeRequest = boost::beast::http::request<boost::beast::http::string_body>;

    /// `on_end` runs in the destructor (the server forgets the session there).
    WebSocketSession(boost::beast::tcp_stream stream, std::shared_ptr<WebSocketHandlers> handlers,
                     std::function<void(const WebSocketSession*)> on_end);
    ~WebSocketSession() override;

    /// Answers the upgrade request and, once the handshake is done, calls on_open.
    void Start(UpgradeRequest request);
    void Send(std::string text) override;
    void Close() override;
    /// Closes the socket without a closing handshake (server shutdown).
    void ForceClose();

  private:
    void OnAccept(boost::system::error_code ec);
    void ReadNext();
    void OnRead(boost::system::error_code ec, std::size_t bytes);
    void WriteNext();
    void OnWrite(boost::system::error_code ec, std::size_t bytes);
    void End();

    boost::beast::websocket::stream<boost::beast::tcp_stream> ws_;
    std::shared_ptr<WebSocketHandlers> handlers_;
    std::function<void(const WebSocketSession*)> on_end_;
    UpgradeRequest request_;
    boost::beast::flat_buffer read_buffer_;
    std::deque<std::string> outgoing_;
    bool opened_ = false;
    bool ended_ = false;
    bool closing_ = false;
};

}  // namespace minqing::http
