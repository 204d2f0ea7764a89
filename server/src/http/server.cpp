#include "http/server.hpp"

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <string_view>
#include <thread>
#include <unordered_map>
#include <utility>

#include <boost/asio/dispatch.hpp>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/websocket/rfc6455.hpp>
#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "common/error.hpp"
#include "http/error_response.hpp"
#include "http/middleware.hpp"
#include "http/request_framing.hpp"
#include "http/text.hpp"
#include "http/websocket_session.hpp"

namespace minqing::http {
namespace {

namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
namespace net = boost::asio;
using tcp = net::ip::tcp;
using BeastRequest = bhttp::request<bhttp::string_body>;
using BeastResponse = bhttp::response<bhttp::string_body>;

constexpr std::size_t kHeaderLimit = kRequestHeaderLimit;
constexpr std::size_t kReadChunk = 4096;
// After an answer that leaves part of a request unread (413, malformed input) the socket is
// drained for a while before closing: closing with unread data sends a TCP reset, which can
// destroy the answer before the client reads it.
constexpr auto kLingerTimeout = std::chrono::seconds(2);
constexpr std::size_t kLingerLimit = 1024 * 1024;
// Accept fails in a tight loop when the process is out of file descriptors; wait a little.
constexpr auto kAcceptRetryDelay = std::chrono::milliseconds(100);
constexpr unsigned kHttp10 = 10;
constexpr unsigned kHttp11 = 11;
// A handler cannot take part in 1xx exchanges (100 Continue is the server's), so its
// statuses start at 200.
constexpr int kLowestStatus = 200;
constexpr int kHighestStatus = 599;
constexpr int kNoContent = 204;
constexpr int kNotModified = 304;
constexpr int kBadRequest = 400;
constexpr int kMethodNotAllowed = 405;
constexpr int kTooLarge = 413;
constexpr int kHeaderTooLarge = 431;
constexpr int kInternalError = 500;
constexpr std::string_view kServerName = "minqing";
constexpr std::string_view kContinue = "HTTP/1.1 100 Continue\r\n\r\n";

bool IsTokenChar(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
           std::string_view("!#$%&'*+-.^_`|~").find(c) != std::string_view::npos;
}

// A header from a handler must not be able to split the response (CR/LF injection).
bool IsSafeHeader(std::string_view name, std::string_view value) {
    return !name.empty() && std::all_of(name.begin(), name.end(), IsTokenChar) &&
           value.find_first_of(std::string_view("\r\n\0", 3)) == std::string_view::npos;
}

// Framing belongs to the server: a handler's value would contradict the body it sends.
bool IsFramingHeader(std::string_view name) {
    return EqualsIgnoreCase(name, "content-length") ||
           EqualsIgnoreCase(name, "transfer-encoding") || EqualsIgnoreCase(name, "connection");
}

std::string PeerAddress(const tcp::socket& socket) {
    boost::system::error_code ec;
    const tcp::endpoint peer = socket.remote_endpoint(ec);
    if (ec) {
        return {};
    }
    const net::ip::address address = peer.address();
    // A dual-stack listener sees IPv4 clients as ::ffff:a.b.c.d; log them as IPv4.
    if (address.is_v6() && address.to_v6().is_v4_mapped()) {
        return net::ip::make_address_v4(net::ip::v4_mapped, address.to_v6()).to_string();
    }
    return address.to_string();
}

void CopyStartLineAndHeaders(const BeastRequest& message, Request& request) {
    request.method = std::string(message.method_string());
    request.target = std::string(message.target());
    for (const auto& field : message) {
        request.headers.emplace_back(ToLowerAscii(field.name_string()), std::string(field.value()));
    }
}

bool IsConnectionEnd(const boost::system::error_code& ec) {
    return ec == bhttp::error::end_of_stream || ec == bhttp::error::partial_message ||
           ec == beast::error::timeout || ec == net::error::operation_aborted ||
           ec.category() != bhttp::make_error_code(bhttp::error::bad_method).category();
}

class Session;

// Everything the server owns. Server::Impl is this; Session keeps a reference, which stays
// valid because the io_context (and with it every pending handler owning a Session) is
// destroyed before the members sessions use.
class ServerCore {
  public:
    ServerCore(ServerOptions options, const Router& router, std::vector<Middleware> middleware);
    ~ServerCore();
    ServerCore(const ServerCore&) = delete;
    ServerCore& operator=(const ServerCore&) = delete;

    void Start();
    void Stop();
    void Wait();
    std::uint16_t port() const { return port_.load(); }

    const ServerOptions& options() const { return options_; }
    bool stopping() const { return stopping_.load(); }
    net::thread_pool& workers() { return *workers_; }

    struct Target {
        const Handler* handler;
        Execution execution;
    };
    /// The handler for a request: its route, 405, the fallback or 404, in that order.
    Target Route(Request& request) const;
    /// Runs the middleware chain around `handler`; never throws.
    Response Respond(Request& request, const Handler& handler) const;

    void Register(const std::shared_ptr<Session>& session);
    void Unregister(const Session* session);
    /// Takes over an upgraded connection as a WebSocket (on the connection's strand).
    void StartWebSocket(beast::tcp_stream stream, BeastRequest request,
                        std::shared_ptr<WebSocketHandlers> handlers);

  private:
    Response RunChain(std::size_t index, Request& request, const Handler& handler) const;
    void Accept();
    void OnAccept(boost::system::error_code ec, tcp::socket socket);
    void RunIoContext();
    std::vector<std::shared_ptr<Session>> LiveSessions();
    tcp::endpoint ResolveEndpoint();
    void Listen(const tcp::endpoint& endpoint);

    ServerOptions options_;
    const Router& router_;
    std::vector<Middleware> middleware_;
    Handler not_found_;
    Handler method_not_allowed_;
    // Outside the caller's chain, so a throwing middleware still yields a 500.
    Middleware last_resort_ = ErrorBoundaryMiddleware();

    std::mutex sessions_mutex_;
    std::condition_variable sessions_changed_;
    std::unordered_map<const Session*, std::weak_ptr<Session>> sessions_;
    std::mutex websockets_mutex_;
    std::unordered_map<const WebSocketSession*, std::weak_ptr<WebSocketSession>> websockets_;
    std::atomic<bool> stopping_{false};
    std::atomic<std::uint16_t> port_{0};

    std::mutex lifecycle_mutex_;  // serialises Start and Stop
    bool started_ = false;
    std::mutex stopped_mutex_;
    std::condition_variable stopped_changed_;
    bool stopped_ = false;

    // Declared after everything a Session touches in its destructor: see the class comment.
    net::io_context io_context_;
    tcp::acceptor acceptor_;
    net::steady_timer accept_retry_;
    // Destroyed before the io_context: queued work owns Sessions whose sockets belong to it.
    std::unique_ptr<net::thread_pool> workers_;
    std::vector<std::thread> threads_;
};

// One connection. All members are used on the connection's strand only, except that a
// worker thread runs middleware and handler on a Request it owns.
class Session : public std::enable_shared_from_this<Session> {
  public:
    Session(tcp::socket socket, ServerCore& core)
        : core_(core), remote_address_(PeerAddress(socket)), stream_(std::move(socket)) {}
    ~Session() { core_.Unregister(this); }
    Session(const Session&) = delete;
    Session& operator=(const Session&) = delete;

    void Start() {
        net::dispatch(stream_.get_executor(),
                      beast::bind_front_handler(&Session::WaitForRequest, shared_from_this()));
    }

    /// Closes the connection if it waits between requests; otherwise the current request
    /// completes and the connection closes after its response.
    void BeginShutdown() {
        net::post(stream_.get_executor(), [self = shared_from_this()] {
            if (self->state_ == State::kIdle) {
                self->Close();
            }
        });
    }

    void ForceClose() {
        net::post(stream_.get_executor(), [self = shared_from_this()] { self->Close(); });
    }

  private:
    std::size_t body_limit_ = 0;  // for the request being read
    enum class State { kIdle, kReading, kBusy, kClosing };

    void WaitForRequest() {
        if (core_.stopping()) {
            Close();
            return;
        }
        parser_.emplace();
        parser_->header_limit(kHeaderLimit);
        // The largest limit until the target is known; OnHeader narrows it.
        body_limit_ =
            std::max(core_.options().body_limit_bytes, core_.options().upload_limit_bytes);
        parser_->body_limit(body_limit_);
        if (buffer_.size() > 0) {
            ReadHeader();  // a pipelined request has arrived already
            return;
        }
        state_ = State::kIdle;
        // A new connection gets the header timeout to start talking; a kept-alive one the
        // idle timeout.
        stream_.expires_after(first_request_ ? core_.options().header_timeout
                                             : core_.options().idle_timeout);
        stream_.async_read_some(
            buffer_.prepare(kReadChunk),
            beast::bind_front_handler(&Session::OnFirstBytes, shared_from_this()));
    }

    void OnFirstBytes(boost::system::error_code ec, std::size_t bytes) {
        buffer_.commit(bytes);
        if (ec) {
            Close();
            return;
        }
        ReadHeader();
    }

    void ReadHeader() {
        state_ = State::kReading;
        started_ = std::chrono::steady_clock::now();
        stream_.expires_after(core_.options().header_timeout);
        ReadHeaderSection();
    }

    // Beast joins folded lines silently, so the raw header section is looked at before the
    // parser consumes it: the whole section is read first (or as much as the limit allows,
    // which the parser then refuses).
    void ReadHeaderSection() {
        const std::string_view received(static_cast<const char*>(buffer_.data().data()),
                                        buffer_.size());
        const HeaderScan scan = ScanHeaderSection(received.substr(0, kHeaderLimit));
        if (scan == HeaderScan::kIncomplete && received.size() < kHeaderLimit) {
            stream_.async_read_some(
                buffer_.prepare(kReadChunk),
                [self = shared_from_this()](boost::system::error_code ec, std::size_t bytes) {
                    self->buffer_.commit(bytes);
                    if (ec) {
                        self->Close();
                        return;
                    }
                    self->ReadHeaderSection();
                });
            return;
        }
        header_folded_ = scan == HeaderScan::kFolded;
        bhttp::async_read_header(stream_, buffer_, *parser_,
                                 beast::bind_front_handler(&Session::OnHeader, shared_from_this()));
    }

    void OnHeader(boost::system::error_code ec, std::size_t /*bytes*/) {
        if (ec) {
            OnReadError(ec);
            return;
        }
        first_request_ = false;
        const BeastRequest& message = parser_->get();
        if (header_folded_) {
            AnswerAndClose(kBadRequest,
                           MakeError(ErrorCode::kBadRequest, "request.malformed",
                                     "Header fields may not be folded onto a second line."));
            return;
        }
        if (const auto problem = CheckRequestFraming(message, parser_->chunked())) {
            AnswerAndClose(problem->status,
                           MakeError(ErrorCode::kBadRequest, std::string(problem->reason),
                                     std::string(problem->message)));
            return;
        }
        const auto& options = core_.options();
        const std::string_view target(message.target().data(), message.target().size());
        const bool upload =
            options.is_upload && options.is_upload(target.substr(0, target.find('?')));
        body_limit_ = upload ? options.upload_limit_bytes : options.body_limit_bytes;
        // A declared length is refused before any of the body is read; a chunked body is
        // cut off by the parser at the same limit.
        if (const auto length = parser_->content_length(); length && *length > body_limit_) {
            OnReadError(bhttp::error::body_limit);
            return;
        }
        parser_->body_limit(body_limit_);
        if (!parser_->is_done() && message.version() == kHttp11 &&
            EqualsIgnoreCase(message[bhttp::field::expect], "100-continue")) {
            stream_.expires_after(core_.options().write_timeout);
            net::async_write(stream_, net::buffer(kContinue.data(), kContinue.size()),
                             [self = shared_from_this()](boost::system::error_code write_ec,
                                                         std::size_t /*bytes*/) {
                                 if (write_ec) {
                                     self->Close();
                                     return;
                                 }
                                 self->ReadBody();
                             });
            return;
        }
        ReadBody();
    }

    void ReadBody() {
        if (parser_->is_done()) {
            Dispatch();
            return;
        }
        stream_.expires_after(core_.options().read_timeout);
        bhttp::async_read(stream_, buffer_, *parser_,
                          beast::bind_front_handler(&Session::OnBody, shared_from_this()));
    }

    void OnBody(boost::system::error_code ec, std::size_t /*bytes*/) {
        if (ec) {
            OnReadError(ec);
            return;
        }
        Dispatch();
    }

    void OnReadError(const boost::system::error_code& ec) {
        if (ec == bhttp::error::body_limit) {
            AnswerAndClose(kTooLarge, MakeError(ErrorCode::kTooLarge, "request.body_too_large",
                                                fmt::format("The request body exceeds {} bytes.",
                                                            body_limit_)));
        } else if (ec == bhttp::error::header_limit) {
            AnswerAndClose(
                kHeaderTooLarge,
                MakeError(ErrorCode::kBadRequest, "request.header_too_large",
                          fmt::format("The request header exceeds {} bytes.", kHeaderLimit)));
        } else if (IsConnectionEnd(ec)) {
            Close();
        } else {
            AnswerAndClose(kBadRequest, MakeError(ErrorCode::kBadRequest, "request.malformed",
                                                  "The request is not valid HTTP/1.1."));
        }
    }

    // Answers without running middleware: the request is incomplete or broken, so neither
    // routes nor the caller's middleware (authentication…) can make sense of it.
    void AnswerAndClose(int status, const Error& error) {
        const BeastRequest& message = parser_->get();
        Request request;
        CopyStartLineAndHeaders(message, request);
        request.remote_address = remote_address_;
        const std::string_view incoming = request.Header("x-request-id");
        request.request_id = IsValidRequestId(incoming) ? std::string(incoming) : NewRequestId();
        Response response = ErrorResponse(status, error, request.request_id);
        response.SetHeader("X-Request-Id", request.request_id);
        LogAccess(request, status, std::chrono::steady_clock::now() - started_);
        version_ = message.version() == kHttp10 ? kHttp10 : kHttp11;
        keep_alive_ = false;
        head_ = false;
        request_unread_ = true;
        Write(std::move(response));
    }

    void Dispatch() {
        state_ = State::kBusy;
        BeastRequest& message = parser_->get();
        version_ = message.version() == kHttp10 ? kHttp10 : kHttp11;
        keep_alive_ = message.keep_alive();
        head_ = message.method() == bhttp::verb::head;

        Request request;
        CopyStartLineAndHeaders(message, request);
        request.body = std::move(message.body());
        request.remote_address = remote_address_;
        request.secure = false;
        if (!DecodeRequestTarget(request.target, request)) {
            // The whole message was read, so the connection can stay open.
            request.request_id = NewRequestId();
            Response response =
                ErrorResponse(MakeError(ErrorCode::kBadRequest, "request.bad_target",
                                        "The request target is not a valid path and query."),
                              request.request_id);
            response.SetHeader("X-Request-Id", request.request_id);
            LogAccess(request, response.status, std::chrono::steady_clock::now() - started_);
            Write(std::move(response));
            return;
        }

        const ServerCore::Target target = core_.Route(request);
        if (target.execution == Execution::kInline) {
            Write(core_.Respond(request, *target.handler));
            return;
        }
        // While the handler runs the connection has no pending operation; without counting
        // the job as work, io_context::run() could return (during shutdown, once the acceptor
        // is closed) and the response would never be written.
        net::post(core_.workers(), [self = shared_from_this(), request = std::move(request),
                                    handler = target.handler,
                                    work = net::make_work_guard(stream_.get_executor())]() mutable {
            Response response = self->core_.Respond(request, *handler);
            net::post(work.get_executor(),
                      [self = std::move(self), response = std::move(response)]() mutable {
                          self->Write(std::move(response));
                      });
        });
    }

    void Write(Response response) {
        if (response.websocket) {
            if (beast::websocket::is_upgrade(parser_->get()) && !core_.stopping()) {
                upgraded_ = true;
                state_ = State::kClosing;
                core_.StartWebSocket(std::move(stream_), parser_->release(),
                                     std::move(response.websocket));
                return;
            }
            // The status (101) is outside the handler range, so the checks below send a 500.
            spdlog::error("http handler answered a plain request with a WebSocket upgrade");
            response.websocket.reset();
        }
        state_ = State::kBusy;
        const bool keep_alive = keep_alive_ && !core_.stopping();
        BeastResponse& out = response_.emplace();
        out.version(version_);
        const bool valid_status =
            response.status >= kLowestStatus && response.status <= kHighestStatus;
        if (!valid_status) {
            spdlog::error("http handler returned status {}; sending 500", response.status);
        }
        const int status = valid_status ? response.status : kInternalError;
        out.result(static_cast<unsigned>(status));
        for (auto& [name, value] : response.headers) {
            if (!IsSafeHeader(name, value)) {
                // Not logging the header itself: it is what cannot be printed safely.
                spdlog::error("http handler set a header with CR, LF or NUL; dropped it");
                continue;
            }
            if (!IsFramingHeader(name)) {
                out.insert(name, value);
            }
        }
        out.set(bhttp::field::server, kServerName);
        const bool may_have_body = status != kNoContent && status != kNotModified;
        if (may_have_body) {
            if (!response.body.empty() && out.find(bhttp::field::content_type) == out.end()) {
                out.set(bhttp::field::content_type, "application/json");
            }
            // A HEAD answer announces the length of the body it does not send.
            out.content_length(response.body.size());
            if (!head_) {
                out.body() = std::move(response.body);
            }
        }
        out.keep_alive(keep_alive);
        stream_.expires_after(core_.options().write_timeout);
        bhttp::async_write(
            stream_, out,
            beast::bind_front_handler(&Session::OnWrite, shared_from_this(), keep_alive));
    }

    void OnWrite(bool keep_alive, boost::system::error_code ec, std::size_t /*bytes*/) {
        response_.reset();
        if (ec) {
            Close();
            return;
        }
        if (!keep_alive) {
            // Unread input (a rejected body, pipelined bytes) makes the kernel answer close()
            // with a reset that can destroy the response; only then is lingering worth its
            // cost of holding the connection (and a shutdown) a little longer.
            if (request_unread_ || buffer_.size() > 0) {
                LingerClose();
            } else {
                Close();
            }
            return;
        }
        WaitForRequest();
    }

    // Half-closes, then reads and discards until the client closes too (or a bounded time
    // or amount has passed).
    void LingerClose() {
        state_ = State::kClosing;
        boost::system::error_code ec;
        stream_.socket().shutdown(tcp::socket::shutdown_send, ec);
        if (ec) {
            Close();
            return;
        }
        lingered_bytes_ = 0;
        stream_.expires_after(kLingerTimeout);
        DrainSome();
    }

    void DrainSome() {
        buffer_.clear();
        stream_.async_read_some(
            buffer_.prepare(kReadChunk),
            [self = shared_from_this()](boost::system::error_code ec, std::size_t bytes) {
                self->lingered_bytes_ += bytes;
                if (ec || self->lingered_bytes_ > kLingerLimit) {
                    self->Close();
                    return;
                }
                self->DrainSome();
            });
    }

    void Close() {
        state_ = State::kClosing;
        if (upgraded_) {
            return;  // the stream belongs to the WebSocket now
        }
        boost::system::error_code ignored;
        stream_.socket().shutdown(tcp::socket::shutdown_both, ignored);
        stream_.close();
    }

    ServerCore& core_;
    std::string remote_address_;
    beast::tcp_stream stream_;
    beast::flat_buffer buffer_;
    std::optional<bhttp::request_parser<bhttp::string_body>> parser_;
    std::optional<BeastResponse> response_;
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

ServerCore::ServerCore(ServerOptions options, const Router& router,
                       std::vector<Middleware> middleware)
    : options_(std::move(options)),
      router_(router),
      middleware_(std::move(middleware)),
      io_context_(options_.io_threads > 0 ? options_.io_threads : 1),
      acceptor_(net::make_strand(io_context_)),
      accept_retry_(acceptor_.get_executor()) {
    not_found_ = [](Request& request) {
        return ErrorResponse(NotFound("route.not_found", "No resource at " + request.path + "."),
                             request.request_id);
    };
    method_not_allowed_ = [this](Request& request) {
        std::string allow;
        for (const std::string& method : router_.AllowedMethods(request)) {
            allow += allow.empty() ? method : ", " + method;
        }
        Response response = ErrorResponse(
            kMethodNotAllowed,
            MakeError(ErrorCode::kBadRequest, "route.method_not_allowed",
                      "The method " + request.method + " is not allowed for " + request.path + "."),
            request.request_id);
        response.SetHeader("Allow", std::move(allow));
        return response;
    };
}

ServerCore::~ServerCore() {
    Stop();
}

ServerCore::Target ServerCore::Route(Request& request) const {
    bool method_mismatch = false;
    if (const std::optional<RouteMatch> match = router_.Find(request, method_mismatch)) {
        return {match->handler, match->execution};
    }
    // The synthetic answers run on the worker pool: the caller's middleware around them may
    // block (a session lookup), and network threads must not.
    if (method_mismatch) {
        return {&method_not_allowed_, Execution::kWorker};
    }
    if (const std::optional<RouteMatch> fallback = router_.Fallback()) {
        return {fallback->handler, fallback->execution};
    }
    return {&not_found_, Execution::kWorker};
}

Response ServerCore::Respond(Request& request, const Handler& handler) const {
    try {
        return last_resort_(
            request, [this, &handler](Request& inner) { return RunChain(0, inner, handler); });
    } catch (...) {
        // Only an allocation failure inside the boundary itself gets here.
        Response response;
        response.status = kInternalError;
        return response;
    }
}

Response ServerCore::RunChain(std::size_t index, Request& request, const Handler& handler) const {
    if (index == middleware_.size()) {
        return handler(request);
    }
    const Handler next = [this, index, &handler](Request& inner) {
        return RunChain(index + 1, inner, handler);
    };
    return middleware_[index](request, next);
}

void ServerCore::Register(const std::shared_ptr<Session>& session) {
    const std::lock_guard lock(sessions_mutex_);
    sessions_.emplace(session.get(), session);
}

void ServerCore::Unregister(const Session* session) {
    {
        const std::lock_guard lock(sessions_mutex_);
        sessions_.erase(session);
    }
    sessions_changed_.notify_all();
}

void ServerCore::StartWebSocket(beast::tcp_stream stream, BeastRequest request,
                                std::shared_ptr<WebSocketHandlers> handlers) {
    auto session = std::make_shared<WebSocketSession>(
        std::move(stream), std::move(handlers), [this](const WebSocketSession* ended) {
            const std::lock_guard lock(websockets_mutex_);
            websockets_.erase(ended);
        });
    {
        const std::lock_guard lock(websockets_mutex_);
        websockets_.emplace(session.get(), session);
    }
    session->Start(std::move(request));
}

std::vector<std::shared_ptr<Session>> ServerCore::LiveSessions() {
    std::vector<std::shared_ptr<Session>> live;
    const std::lock_guard lock(sessions_mutex_);
    for (const auto& [key, weak] : sessions_) {
        if (std::shared_ptr<Session> session = weak.lock()) {
            live.push_back(std::move(session));
        }
    }
    return live;
}

tcp::endpoint ServerCore::ResolveEndpoint() {
    boost::system::error_code ec;
    const net::ip::address address = net::ip::make_address(options_.host, ec);
    if (!ec) {
        return {address, options_.port};
    }
    tcp::resolver resolver(io_context_);
    const auto results =
        resolver.resolve(options_.host, std::to_string(options_.port), tcp::resolver::passive, ec);
    if (ec || results.empty()) {
        throw std::runtime_error(
            fmt::format("cannot resolve {}:{}: {}", options_.host, options_.port, ec.message()));
    }
    return results.begin()->endpoint();
}

void ServerCore::Listen(const tcp::endpoint& endpoint) {
    boost::system::error_code ec;
    const auto check = [&](std::string_view step) {
        if (ec) {
            boost::system::error_code ignored;
            acceptor_.close(ignored);
            throw std::runtime_error(fmt::format("cannot listen on {}:{} ({}): {}", options_.host,
                                                 options_.port, step, ec.message()));
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
    port_ = acceptor_.local_endpoint(ec).port();
    check("local_endpoint");
}

void ServerCore::Start() {
    const std::lock_guard lock(lifecycle_mutex_);
    if (started_) {
        throw std::logic_error("http::Server::Start called twice");
    }
    if (options_.io_threads < 1 || options_.worker_threads < 1) {
        throw std::invalid_argument("http::Server needs at least one io and one worker thread");
    }
    Listen(ResolveEndpoint());
    workers_ =
        std::make_unique<net::thread_pool>(static_cast<std::size_t>(options_.worker_threads));
    started_ = true;
    Accept();
    threads_.reserve(static_cast<std::size_t>(options_.io_threads));
    for (int i = 0; i < options_.io_threads; ++i) {
        threads_.emplace_back([this] { RunIoContext(); });
    }
    spdlog::info("http listening on {}:{} ({} network, {} worker threads)", options_.host,
                 port_.load(), options_.io_threads, options_.worker_threads);
}

void ServerCore::RunIoContext() {
    while (true) {
        try {
            io_context_.run();
            return;
        } catch (const std::exception& error) {
            // Completion handlers do not throw by design; if one does, keep the thread serving.
            spdlog::error("http network thread caught: {}", error.what());
        }
    }
}

void ServerCore::Accept() {
    acceptor_.async_accept(net::make_strand(io_context_),
                           beast::bind_front_handler(&ServerCore::OnAccept, this));
}

void ServerCore::OnAccept(boost::system::error_code ec, tcp::socket socket) {
    if (ec == net::error::operation_aborted || !acceptor_.is_open()) {
        return;
    }
    if (stopping()) {
        boost::system::error_code ignored;
        socket.close(ignored);
        return;
    }
    if (ec) {
        spdlog::warn("http accept failed: {}", ec.message());
        accept_retry_.expires_after(kAcceptRetryDelay);
        accept_retry_.async_wait([this](boost::system::error_code wait_ec) {
            if (!wait_ec && !stopping()) {
                Accept();
            }
        });
        return;
    }
    auto session = std::make_shared<Session>(std::move(socket), *this);
    Register(session);
    session->Start();
    Accept();
}

void ServerCore::Stop() {
    const std::lock_guard lock(lifecycle_mutex_);
    {
        const std::lock_guard stopped_lock(stopped_mutex_);
        if (stopped_) {
            return;
        }
    }
    if (started_) {
        stopping_ = true;
        net::post(acceptor_.get_executor(), [this] {
            boost::system::error_code ignored;
            acceptor_.close(ignored);
            accept_retry_.cancel();
        });
        for (const std::shared_ptr<Session>& session : LiveSessions()) {
            session->BeginShutdown();
        }
        // WebSockets stay open for as long as their clients like: end them now.
        std::vector<std::shared_ptr<WebSocketSession>> websockets;
        {
            const std::lock_guard websockets_lock(websockets_mutex_);
            for (const auto& [key, weak] : websockets_) {
                if (auto websocket = weak.lock()) {
                    websockets.push_back(std::move(websocket));
                }
            }
        }
        // Outside the lock: the last reference may go here, and a session's destructor takes it.
        for (const auto& websocket : websockets) {
            websocket->ForceClose();
        }
        websockets.clear();
        bool drained = false;
        {
            std::unique_lock sessions_lock(sessions_mutex_);
            drained = sessions_changed_.wait_for(sessions_lock, options_.shutdown_grace,
                                                 [this] { return sessions_.empty(); });
        }
        if (!drained) {
            const std::vector<std::shared_ptr<Session>> busy = LiveSessions();
            spdlog::warn("http: {} connections still busy after the shutdown grace; closing them",
                         busy.size());
            for (const std::shared_ptr<Session>& session : busy) {
                session->ForceClose();
            }
        }
        io_context_.stop();
        for (std::thread& thread : threads_) {
            thread.join();
        }
        // A handler still running past the grace is waited for: threads cannot be killed.
        workers_->stop();
        workers_->join();
        spdlog::info("http server stopped");
    }
    {
        const std::lock_guard stopped_lock(stopped_mutex_);
        stopped_ = true;
    }
    stopped_changed_.notify_all();
}

void ServerCore::Wait() {
    std::unique_lock lock(stopped_mutex_);
    stopped_changed_.wait(lock, [this] { return stopped_; });
}

}  // namespace

struct Server::Impl : ServerCore {
    using ServerCore::ServerCore;
};

Server::Server(ServerOptions options, const Router& router, std::vector<Middleware> middleware)
    : impl_(std::make_unique<Impl>(std::move(options), router, std::move(middleware))) {}

Server::~Server() = default;

void Server::Start() {
    impl_->Start();
}

std::uint16_t Server::port() const {
    return impl_->port();
}

void Server::Stop() {
    impl_->Stop();
}

void Server::Wait() {
    impl_->Wait();
}

}  // namespace minqing::http
