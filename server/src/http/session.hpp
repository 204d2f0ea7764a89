// One HTTP/1.1 connection, as in the Beast examples: read a request with limits and timeouts,
// route it, run middleware and handler on the right pool, write the answer, keep alive or
// close. Internal to the server (server.cpp creates one per accepted socket). All members are
// used on the connection's strand only, except that a worker thread runs middleware and
// handler on a Request it owns.
#pragma once

#include <chrono>
#include <cstddef>
#include <memory>
#include <optional>
#include <string>

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/message.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/string_body.hpp>

#include "common/error.hpp"
#include "http/router.hpp"
#include "http/server.hpp"
#include "http/websocket.hpp"

namespace minqing::http {

class Session;

using BeastRequest = boost::beast::http::request<boost::beast::http::string_body>;

/// What a connection needs from the server that accepted it. The server outlives its
/// sessions' use of it: its io_context (and with it every pending handler owning a Session)
/// is destroyed before anything a session touches.
class SessionHost {
  public:
    struct Target {
        const Handler* handler;
        Execution execution;
    };

    virtual const ServerOptions& options() const = 0;
    virtual bool stopping() const = 0;
    virtual boost::asio::thread_pool& workers() = 0;
    /// The handler for a request: its route, 405, the fallback or 404, in that order.
    virtual Target Route(Request& request) const = 0;
    /// Runs the middleware chain around `handler`; never throws.
    virtual Response Respond(Request& request, const Handler& handler) const = 0;
    /// The session is gone (called from its destructor).
    virtual void Unregister(const Session* session) = 0;
    /// Takes over an upgraded connection as a WebSocket (on the connection's strand).
    virtual void StartWebSocket(boost::beast::tcp_stream stream, BeastRequest request,
                                std::shared_ptr<WebSocketHandlers> handlers) = 0;

  protected:
    virtual ~SessionHost() = default;
};

class Session : public std::enable_shared_from_this<Session> {
  public:
    Session(boost::asio::ip::tcp::socket socket, SessionHost& host);
    ~Session();
    Session(const Session&) = delete;
    Session& operator=(const Session&) = delete;

    void Start();
    /// Closes the connection if it waits between requests; otherwise the current request
    /// completes and the connection closes after its response.
    void BeginShutdown();
    void ForceClose();

  private:
    enum class State { kIdle, kReading, kBusy, kClosing };
    using BeastResponse = boost::beast::http::response<boost::beast::http::string_body>;
    static constexpr unsigned kHttp11 = 11;

    void WaitForRequest();
    void OnFirstBytes(boost::system::error_code ec, std::size_t bytes);
    void ReadHeader();
    void ReadHeaderSection();
    void OnHeader(boost::system::error_code ec, std::size_t /*bytes*/);
    void ReadBody();
    void OnBody(boost::system::error_code ec, std::size_t /*bytes*/);
    void OnReadError(const boost::system::error_code& ec);
    void AnswerAndClose(int status, const Error& error);
    void Dispatch();
    void Write(Response response);
    void OnWrite(bool keep_alive, boost::system::error_code ec, std::size_t /*bytes*/);
    void LingerClose();
    void DrainSome();
    void Close();

    SessionHost& host_;
    std::string remote_address_;
    boost::beast::tcp_stream stream_;
    boost::beast::flat_buffer buffer_;
    std::optional<boost::beast::http::request_parser<boost::beast::http::string_body>> parser_;
    std::optional<BeastResponse> response_;
    std::size_t body_limit_ = 0;  // for the request being read
    State state_ = State::kIdle;
    bool first_request_ = true;
    unsigned version_ = kHttp11;
    bool keep_alive_ = false;
    bool head_ = false;
    bool request_unread_ = false;  // the answer was given before the request was fully read
    bool header_folded_ = false;   // the header section being parsed has an obs-fold
    bool upgraded_ = false;        // the stream was handed to a WebSocketSession
    std::size_t lingered_bytes_ = 0;
    std::chrono::steady_clock::time_point started_ = std::chrono::steady_clock::now();
};

}  // namespace minqing::http
