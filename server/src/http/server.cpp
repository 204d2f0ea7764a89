#include "http/server.hpp"

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <thread>
#include <unordered_map>
#include <utility>

#include <boost/asio/io_context.hpp>
#include <boost/asio/thread_pool.hpp>
#include <spdlog/spdlog.h>

#include "http/beast_names.hpp"
#include "http/error_response.hpp"
#include "http/listener.hpp"
#include "http/middleware.hpp"
#include "http/session.hpp"
#include "http/status.hpp"
#include "http/websocket_session.hpp"

namespace minqing::http {
namespace {

// Everything the server owns: the listener, the sessions it accepted, the worker pool and the
// lifecycle. Server::Impl is this.
class ServerCore : public SessionHost {
  public:
    ServerCore(ServerOptions options, const Router& router, std::vector<Middleware> middleware);
    ~ServerCore() override;
    ServerCore(const ServerCore&) = delete;
    ServerCore& operator=(const ServerCore&) = delete;

    void Start();
    void Stop();
    void Wait();
    std::uint16_t port() const { return port_.load(); }

    const ServerOptions& options() const override { return options_; }
    bool stopping() const override { return stopping_.load(); }
    net::thread_pool& workers() override { return *workers_; }
    Target Route(Request& request) const override;
    Response Respond(Request& request, const Handler& handler) const override;
    void Unregister(const Session* session) override;
    void StartWebSocket(beast::tcp_stream stream, BeastRequest request,
                        std::shared_ptr<WebSocketHandlers> handlers) override;

  private:
    Response RunChain(std::size_t index, Request& request, const Handler& handler) const;
    void OnSocket(tcp::socket socket);
    void Register(const std::shared_ptr<Session>& session);
    void RunIoContext();
    std::vector<std::shared_ptr<Session>> LiveSessions();

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

    // Declared after everything a Session touches in its destructor: the io_context, and with
    // it every pending handler owning a Session, goes first.
    net::io_context io_context_;
    Listener listener_;
    // Destroyed before the io_context: queued work owns Sessions whose sockets belong to it.
    std::unique_ptr<net::thread_pool> workers_;
    std::vector<std::thread> threads_;
};

ServerCore::ServerCore(ServerOptions options, const Router& router,
                       std::vector<Middleware> middleware)
    : options_(std::move(options)),
      router_(router),
      middleware_(std::move(middleware)),
      io_context_(options_.io_threads > 0 ? options_.io_threads : 1),
      listener_(io_context_, [this](tcp::socket socket) { OnSocket(std::move(socket)); }) {
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
            status::kMethodNotAllowed,
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

SessionHost::Target ServerCore::Route(Request& request) const {
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
        response.status = status::kInternalError;
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

void ServerCore::Start() {
    const std::lock_guard lock(lifecycle_mutex_);
    if (started_) {
        throw std::logic_error("http::Server::Start called twice");
    }
    if (options_.io_threads < 1 || options_.worker_threads < 1) {
        throw std::invalid_argument("http::Server needs at least one io and one worker thread");
    }
    port_ = listener_.Listen(options_.host, options_.port);
    workers_ =
        std::make_unique<net::thread_pool>(static_cast<std::size_t>(options_.worker_threads));
    started_ = true;
    listener_.Accept();
    threads_.reserve(static_cast<std::size_t>(options_.io_threads));
    for (int i = 0; i < options_.io_threads; ++i) {
        threads_.emplace_back([this] { RunIoContext(); });
    }
    spdlog::info("http listening on {}:{} ({} network, {} worker threads)", options_.host,
                 port_.load(), options_.io_threads, options_.worker_threads);
}

void ServerCore::OnSocket(tcp::socket socket) {
    auto session = std::make_shared<Session>(std::move(socket), *this);
    Register(session);
    session->Start();
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
        listener_.Close();
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
