#include "http/websocket_session.hpp"

#include <boost/asio/post.hpp>
#include <boost/beast/core/bind_handler.hpp>
#include <boost/beast/http/field.hpp>
#include <boost/beast/websocket.hpp>
#include <spdlog/spdlog.h>

namespace minqing::http {
namespace {

namespace beast = boost::beast;
namespace websocket = boost::beast::websocket;
namespace net = boost::asio;

// Frames a slow client has not taken yet; past this it is disconnected (it reloads the inbox
// when it reconnects) instead of making the server buffer without bound.
constexpr std::size_t kMaxQueuedFrames = 256;
// The client only answers pings and closes; its own messages are small.
constexpr std::size_t kMaxIncomingMessage = 4096;
constexpr std::string_view kServerName = "minqing";

}  // namespace

WebSocketSession::WebSocketSession(beast::tcp_stream stream,
                                   std::shared_ptr<WebSocketHandlers> handlers,
                                   std::function<void(const WebSocketSession*)> on_end)
    : ws_(std::move(stream)), handlers_(std::move(handlers)), on_end_(std::move(on_end)) {}

WebSocketSession::~WebSocketSession() {
    End();
    if (on_end_) {
        on_end_(this);
    }
}

void WebSocketSession::Start(UpgradeRequest request) {
    request_ = std::move(request);
    // The WebSocket's own timeouts (handshake, idle with keep-alive pings) replace the HTTP ones.
    beast::get_lowest_layer(ws_).expires_never();
    ws_.set_option(websocket::stream_base::timeout::suggested(beast::role_type::server));
    ws_.set_option(websocket::stream_base::decorator([](websocket::response_type& response) {
        response.set(beast::http::field::server, kServerName);
    }));
    ws_.read_message_max(kMaxIncomingMessage);
    ws_.async_accept(request_,
                     beast::bind_front_handler(&WebSocketSession::OnAccept, shared_from_this()));
}

void WebSocketSession::OnAccept(boost::system::error_code ec) {
    if (ec) {
        End();
        return;
    }
    opened_ = true;
    if (handlers_->on_open) {
        handlers_->on_open(shared_from_this());
    }
    ReadNext();
}

void WebSocketSession::ReadNext() {
    read_buffer_.clear();
    ws_.async_read(read_buffer_,
                   beast::bind_front_handler(&WebSocketSession::OnRead, shared_from_this()));
}

void WebSocketSession::OnRead(boost::system::error_code ec, std::size_t /*bytes*/) {
    if (ec) {
        End();
        return;
    }
    ReadNext();
}

void WebSocketSession::Send(std::string text) {
    net::post(ws_.get_executor(), [self = shared_from_this(), text = std::move(text)]() mutable {
        if (self->ended_ || self->closing_ || !self->opened_) {
            return;
        }
        if (self->outgoing_.size() >= kMaxQueuedFrames) {
            spdlog::warn("websocket client too slow; disconnecting it");
            self->ForceClose();
            return;
        }
        self->outgoing_.push_back(std::move(text));
        if (self->outgoing_.size() == 1) {
            self->WriteNext();
        }
    });
}

void WebSocketSession::WriteNext() {
    ws_.text(true);
    ws_.async_write(net::buffer(outgoing_.front()),
                    beast::bind_front_handler(&WebSocketSession::OnWrite, shared_from_this()));
}

void WebSocketSession::OnWrite(boost::system::error_code ec, std::size_t /*bytes*/) {
    if (ec) {
        outgoing_.clear();
        End();
        return;
    }
    outgoing_.pop_front();
    if (!outgoing_.empty() && !closing_) {
        WriteNext();
    }
}

void WebSocketSession::Close() {
    net::post(ws_.get_executor(), [self = shared_from_this()] {
        if (self->ended_ || self->closing_ || !self->opened_) {
            return;
        }
        self->closing_ = true;
        self->ws_.async_close(websocket::close_code::normal,
                              [self](boost::system::error_code) { self->End(); });
    });
}

void WebSocketSession::ForceClose() {
    net::post(ws_.get_executor(), [self = shared_from_this()] {
        boost::system::error_code ignored;
        beast::get_lowest_layer(self->ws_).socket().close(ignored);
        self->End();
    });
}

void WebSocketSession::End() {
    if (ended_) {
        return;
    }
    ended_ = true;
    if (opened_ && handlers_ && handlers_->on_close) {
        handlers_->on_close();
    }
}

}  // namespace minqing::http
