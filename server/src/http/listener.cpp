#include "http/listener.hpp"

#include <stdexcept>
#include <string_view>
#include <utility>

#include <boost/asio/post.hpp>
#include <boost/asio/strand.hpp>
#include <boost/beast/core/bind_handler.hpp>
#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "http/beast_names.hpp"

namespace minqing::http {
namespace {

// Accept fails in a tight loop when the process is out of file descriptors; wait a little.
constexpr auto kAcceptRetryDelay = std::chrono::milliseconds(100);

}  // namespace

Listener::Listener(net::io_context& io_context, OnSocket on_socket)
    : io_context_(io_context),
      acceptor_(net::make_strand(io_context)),
      retry_(acceptor_.get_executor()),
      on_socket_(std::move(on_socket)) {}

tcp::endpoint Listener::Resolve(const std::string& host, std::uint16_t port) {
    boost::system::error_code ec;
    const net::ip::address address = net::ip::make_address(host, ec);
    if (!ec) {
        return {address, port};
    }
    tcp::resolver resolver(io_context_);
    const auto results = resolver.resolve(host, std::to_string(port), tcp::resolver::passive, ec);
    if (ec || results.empty()) {
        throw std::runtime_error(fmt::format("cannot resolve {}:{}: {}", host, port, ec.message()));
    }
    return results.begin()->endpoint();
}

std::uint16_t Listener::Listen(const std::string& host, std::uint16_t port) {
    const tcp::endpoint endpoint = Resolve(host, port);
    boost::system::error_code ec;
    const auto check = [&](std::string_view step) {
        if (ec) {
            boost::system::error_code ignored;
            acceptor_.close(ignored);
            throw std::runtime_error(
                fmt::format("cannot listen on {}:{} ({}): {}", host, port, step, ec.message()));
        }
    };
    acceptor_.open(endpoint.protocol(), ec);
    check("open");
    acceptor_.set_option(net::socket_base::reuse_address(true), ec);
    check("reuse_address");
    acceptor_.bind(endpoint, ec);
    check("bind");
    acceptor_.listen(net::socket_base::max_listen_connections, ec);
    check("listen");
    const std::uint16_t bound = acceptor_.local_endpoint(ec).port();
    check("local_endpoint");
    return bound;
}

void Listener::Accept() {
    acceptor_.async_accept(net::make_strand(io_context_),
                           boost::beast::bind_front_handler(&Listener::OnAccept, this));
}

void Listener::Close() {
    closed_ = true;
    net::post(acceptor_.get_executor(), [this] {
        boost::system::error_code ignored;
        acceptor_.close(ignored);
        retry_.cancel();
    });
}

void Listener::OnAccept(boost::system::error_code ec, tcp::socket socket) {
    if (ec == net::error::operation_aborted || !acceptor_.is_open()) {
        return;
    }
    if (closed_) {
        boost::system::error_code ignored;
        socket.close(ignored);
        return;
    }
    if (ec) {
        spdlog::warn("http accept failed: {}", ec.message());
        retry_.expires_after(kAcceptRetryDelay);
        retry_.async_wait([this](boost::system::error_code wait_ec) {
            if (!wait_ec && !closed_) {
                Accept();
            }
        });
        return;
    }
    on_socket_(std::move(socket));
    Accept();
}

}  // namespace minqing::http
