// The HTTP/1.1 server on Boost.Beast: accepts connections, reads requests with limits and
// timeouts, runs middleware + handler on the right pool, writes responses with keep-alive.
// Start/Stop/Wait may be called from any thread.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "http/router.hpp"

namespace minqing::http {

struct ServerOptions {
    std::string host = "127.0.0.1";
    std::uint16_t port = 8080;  // 0 picks a free port; see Server::port()
    int io_threads = 2;         // network threads: parse, route, write; never block
    int worker_threads = 32;    // run handlers that may block on the database
    std::size_t body_limit_bytes = 1024 * 1024;  // larger bodies get 413
    /// Uploads (paths for which `is_upload` answers true) may be this large instead.
    std::size_t upload_limit_bytes = 10 * 1024 * 1024;
    std::function<bool(std::string_view path)> is_upload;
    std::chrono::milliseconds header_timeout{10'000};  // to receive the whole header
    std::chrono::milliseconds read_timeout{30'000};    // to receive the whole body
    std::chrono::milliseconds idle_timeout{60'000};    // keep-alive between requests
    std::chrono::milliseconds write_timeout{30'000};   // to send a whole response
    std::chrono::milliseconds shutdown_grace{10'000};  // to finish in-flight requests
};

class Server {
  public:
    /// `middleware` runs outermost first, around every matched route, the fallback and the
    /// 404/405 answers, on the thread where the handler runs: a worker for Execution::kWorker
    /// (and for 404/405), the network thread for kInline, so middleware that may block must
    /// only be combined with kWorker routes. Suggested order: RequestIdMiddleware,
    /// AccessLogMiddleware, ErrorBoundaryMiddleware, then the caller's own. `router` must
    /// outlive the server and stay unchanged while it runs.
    Server(ServerOptions options, const Router& router, std::vector<Middleware> middleware);
    ~Server();
    Server(const Server&) = delete;
    Server& operator=(const Server&) = delete;

    /// Binds and starts the threads; returns once the socket listens. Throws
    /// std::runtime_error naming the address when it cannot bind, std::invalid_argument for
    /// thread counts below 1, std::logic_error when called a second time.
    void Start();
    /// The bound port (useful with port 0).
    std::uint16_t port() const;
    /// Graceful stop: stop accepting, let in-flight requests finish (up to shutdown_grace),
    /// close idle connections, join the threads. Idempotent. Blocks, so it must not be called
    /// from a handler or middleware (it would wait for itself).
    void Stop();
    /// Blocks until Stop() has completed.
    void Wait();

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace minqing::http
