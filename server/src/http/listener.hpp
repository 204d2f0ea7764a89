// Accepts connections on one address, as in the Beast examples: binds, then hands every
// accepted socket to its callback until closed. Internal to the server. The accept loop runs
// on the listener's own strand of the server's io_context.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <string>

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>

namespace minqing::http {

class Listener {
  public:
    using OnSocket = std::function<void(boost::asio::ip::tcp::socket)>;

    Listener(boost::asio::io_context& io_context, OnSocket on_socket);
    Listener(const Listener&) = delete;
    Listener& operator=(const Listener&) = delete;

    /// Resolves `host`, binds and listens; returns the bound port (useful with port 0).
    /// Throws std::runtime_error naming the address when it cannot.
    std::uint16_t Listen(const std::string& host, std::uint16_t port);
    /// Starts the accept loop; call after Listen.
    void Accept();
    /// Stops accepting: a socket accepted from now on is closed at once. Any thread.
    void Close();

  private:
    boost::asio::ip::tcp::endpoint Resolve(const std::string& host, std::uint16_t port);
    void OnAccept(boost::system::error_code ec, boost::asio::ip::tcp::socket socket);

    boost::asio::io_context& io_context_;
    boost::asio::ip::tcp::acceptor acceptor_;
    boost::asio::steady_timer retry_;
    OnSocket on_socket_;
    std::atomic<bool> closed_{false};
};

}  // namespace minqing::http
