#include "http/session.hpp"

#include <algorithm>
#include <string_view>
#include <utility>

#include <boost/asio/dispatch.hpp>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/websocket/rfc6455.hpp>
#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "http/beast_names.hpp"
#include "http/error_response.hpp"
#include "http/middleware.hpp"
#include "http/request_framing.hpp"
#include "http/status.hpp"
#include "http/text.hpp"

namespace minqing::http {
namespace {

constexpr std::size_t kHeaderLimit = kRequestHeaderLimit;
constexpr std::size_t kReadChunk = 4096;
// After an answer that leaves part of a request unread (413, malformed input) the socket is
// drained for a while before closing: closing with unread data sends a TCP reset, which can
// destroy the answer before the client reads it.
constexpr auto kLingerTimeout = std::chrono::seconds(2);
constexpr std::size_t kLingerLimit = 1024 * 1024;
constexpr unsigned kHttp10 = 10;
// A handler cannot take part in 1xx exchanges (100 Continue is the server's), so its
// statuses start at 200.
constexpr int kLowestStatus = status::kOk;
constexpr int kHighestStatus = status::kLast;
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

}  // namespace

Session::Session(tcp::socket socket, SessionHost& host)
    : host_(host), remote_address_(PeerAddress(socket)), stream_(std::move(socket)) {}

Session::~Session() {
    host_.Unregister(this);
}

void Session::Start() {
    net::dispatch(stream_.get_executor(),
                  beast::bind_front_handler(&Session::WaitForRequest, shared_from_this()));
}

void Session::BeginShutdown() {
    net::post(stream_.get_executor(), [self = shared_from_this()] {
        if (self->state_ == State::kIdle) {
            self->Close();
        }
    });
}

void Session::ForceClose() {
    net::post(stream_.get_executor(), [self = shared_from_this()] { self->Close(); });
}

void Session::WaitForRequest() {
    if (host_.stopping()) {
        Close();
        return;
    }
    parser_.emplace();
    parser_->header_limit(kHeaderLimit);
    // The largest limit until the target is known; OnHeader narrows it.
    body_limit_ = std::max(host_.options().body_limit_bytes, host_.options().upload_limit_bytes);
    parser_->body_limit(body_limit_);
    if (buffer_.size() > 0) {
        ReadHeader();  // a pipelined request has arrived already
        return;
    }
    state_ = State::kIdle;
    // A new connection gets the header timeout to start talking; a kept-alive one the
    // idle timeout.
    stream_.expires_after(first_request_ ? host_.options().header_timeout
                                         : host_.options().idle_timeout);
    stream_.async_read_some(buffer_.prepare(kReadChunk),
                            beast::bind_front_handler(&Session::OnFirstBytes, shared_from_this()));
}

void Session::OnFirstBytes(boost::system::error_code ec, std::size_t bytes) {
    buffer_.commit(bytes);
    if (ec) {
        Close();
        return;
    }
    ReadHeader();
}

void Session::ReadHeader() {
    state_ = State::kReading;
    started_ = std::chrono::steady_clock::now();
    stream_.expires_after(host_.options().header_timeout);
    ReadHeaderSection();
}

// Beast joins folded lines silently, so the raw header section is looked at before the
// parser consumes it: the whole section is read first (or as much as the limit allows,
// which the parser then refuses).
void Session::ReadHeaderSection() {
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

void Session::OnHeader(boost::system::error_code ec, std::size_t /*bytes*/) {
    if (ec) {
        OnReadError(ec);
        return;
    }
    first_request_ = false;
    const BeastRequest& message = parser_->get();
    if (header_folded_) {
        AnswerAndClose(status::kBadRequest,
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
    const auto& options = host_.options();
    const std::string_view target(message.target().data(), message.target().size());
    const bool upload = options.is_upload && options.is_upload(target.substr(0, target.find('?')));
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
        stream_.expires_after(host_.options().write_timeout);
        net::async_write(
            stream_, net::buffer(kContinue.data(), kContinue.size()),
            [self = shared_from_this()](boost::system::error_code write_ec, std::size_t /*bytes*/) {
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

void Session::ReadBody() {
    if (parser_->is_done()) {
        Dispatch();
        return;
    }
    stream_.expires_after(host_.options().read_timeout);
    bhttp::async_read(stream_, buffer_, *parser_,
                      beast::bind_front_handler(&Session::OnBody, shared_from_this()));
}

void Session::OnBody(boost::system::error_code ec, std::size_t /*bytes*/) {
    if (ec) {
        OnReadError(ec);
        return;
    }
    Dispatch();
}

void Session::OnReadError(const boost::system::error_code& ec) {
    if (ec == bhttp::error::body_limit) {
        AnswerAndClose(status::kTooLarge,
                       MakeError(ErrorCode::kTooLarge, "request.body_too_large",
                                 fmt::format("The request body exceeds {} bytes.", body_limit_)));
    } else if (ec == bhttp::error::header_limit) {
        AnswerAndClose(
            status::kHeaderTooLarge,
            MakeError(ErrorCode::kBadRequest, "request.header_too_large",
                      fmt::format("The request header exceeds {} bytes.", kHeaderLimit)));
    } else if (IsConnectionEnd(ec)) {
        Close();
    } else {
        AnswerAndClose(status::kBadRequest, MakeError(ErrorCode::kBadRequest, "request.malformed",
                                                      "The request is not valid HTTP/1.1."));
    }
}

// Answers without running middleware: the request is incomplete or broken, so neither
// routes nor the caller's middleware (authentication…) can make sense of it.
void Session::AnswerAndClose(int status, const Error& error) {
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

void Session::Dispatch() {
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

    const SessionHost::Target target = host_.Route(request);
    if (target.execution == Execution::kInline) {
        Write(host_.Respond(request, *target.handler));
        return;
    }
    // While the handler runs the connection has no pending operation; without counting
    // the job as work, io_context::run() could return (during shutdown, once the acceptor
    // is closed) and the response would never be written.
    net::post(host_.workers(),
              [self = shared_from_this(), request = std::move(request), handler = target.handler,
               work = net::make_work_guard(stream_.get_executor())]() mutable {
                  Response response = self->host_.Respond(request, *handler);
                  net::post(work.get_executor(),
                            [self = std::move(self), response = std::move(response)]() mutable {
                                self->Write(std::move(response));
                            });
              });
}

void Session::Write(Response response) {
    if (response.websocket) {
        if (beast::websocket::is_upgrade(parser_->get()) && !host_.stopping()) {
            upgraded_ = true;
            state_ = State::kClosing;
            host_.StartWebSocket(std::move(stream_), parser_->release(),
                                 std::move(response.websocket));
            return;
        }
        // The status (101) is outside the handler range, so the checks below send a 500.
        spdlog::error("http handler answered a plain request with a WebSocket upgrade");
        response.websocket.reset();
    }
    state_ = State::kBusy;
    const bool keep_alive = keep_alive_ && !host_.stopping();
    BeastResponse& out = response_.emplace();
    out.version(version_);
    const bool valid_status = response.status >= kLowestStatus && response.status <= kHighestStatus;
    if (!valid_status) {
        spdlog::error("http handler returned status {}; sending 500", response.status);
    }
    const int code = valid_status ? response.status : status::kInternalError;
    out.result(static_cast<unsigned>(code));
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
    const bool may_have_body = code != status::kNoContent && code != status::kNotModified;
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
    stream_.expires_after(host_.options().write_timeout);
    bhttp::async_write(
        stream_, out, beast::bind_front_handler(&Session::OnWrite, shared_from_this(), keep_alive));
}

void Session::OnWrite(bool keep_alive, boost::system::error_code ec, std::size_t /*bytes*/) {
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
void Session::LingerClose() {
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

void Session::DrainSome() {
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

void Session::Close() {
    state_ = State::kClosing;
    if (upgraded_) {
        return;  // the stream belongs to the WebSocket now
    }
    boost::system::error_code ignored;
    stream_.socket().shutdown(tcp::socket::shutdown_both, ignored);
    stream_.close();
}

}  // namespace minqing::http
