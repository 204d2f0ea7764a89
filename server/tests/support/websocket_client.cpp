#include "support/websocket_client.hpp"

#include <chrono>

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/websocket.hpp>

namespace minqing::tests {
namespace {

namespace beast = boost::beast;
namespace websocket = boost::beast::websocket;
namespace net = boost::asio;
using tcp = net::ip::tcp;

// Only a guard against a message that never comes; the dispatcher pushes within its interval.
constexpr auto kGuard = std::chrono::seconds(30);

}  // namespace

struct WebSocketClient::Impl {
    net::io_context io_context;
    websocket::stream<beast::tcp_stream> ws{io_context};
    beast::flat_buffer buffer;
};

WebSocketClient::WebSocketClient(std::uint16_t port, std::string_view target,
                                 const Headers& headers)
    : impl_(std::make_unique<Impl>()) {
    auto& lowest = beast::get_lowest_layer(impl_->ws);
    lowest.expires_after(kGuard);
    lowest.connect(tcp::endpoint(net::ip::make_address("127.0.0.1"), port));
    impl_->ws.set_option(
        websocket::stream_base::decorator([headers](websocket::request_type& request) {
            for (const auto& [name, value] : headers) {
                request.set(name, value);
            }
        }));
    impl_->ws.handshake("127.0.0.1:" + std::to_string(port), std::string(target));
    lowest.expires_never();
}

WebSocketClient::~WebSocketClient() {
    boost::system::error_code ignored;
    beast::get_lowest_layer(impl_->ws).socket().close(ignored);
}

std::optional<nlohmann::json> WebSocketClient::Receive() {
    impl_->buffer.clear();
    std::optional<boost::system::error_code> result;
    impl_->ws.async_read(impl_->buffer,
                         [&result](boost::system::error_code ec, std::size_t) { result = ec; });
    impl_->io_context.restart();
    impl_->io_context.run_for(kGuard);
    if (!result) {
        // Timed out: give up on this socket (the pending read is cancelled with it).
        boost::system::error_code ignored;
        beast::get_lowest_layer(impl_->ws).socket().close(ignored);
        impl_->io_context.restart();
        impl_->io_context.run();
        return std::nullopt;
    }
    if (*result) {
        return std::nullopt;
    }
    return nlohmann::json::parse(beast::buffers_to_string(impl_->buffer.data()), nullptr, false);
}

}  // namespace minqing::tests
