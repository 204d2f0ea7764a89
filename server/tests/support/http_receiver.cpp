#include "support/http_receiver.hpp"

#include <atomic>
#include <mutex>
#include <thread>

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

namespace minqing::tests {
namespace {

namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
namespace net = boost::asio;
using tcp = net::ip::tcp;

constexpr int kOk = 200;
constexpr int kLowestFailure = 300;

}  // namespace

std::string ReceivedRequest::Header(std::string_view name) const {
    for (const auto& [header, value] : headers) {
        if (header == name) {
            return value;
        }
    }
    return "";
}

struct HttpReceiver::Impl {
    net::io_context io_context;
    tcp::acceptor acceptor{io_context, {net::ip::make_address("127.0.0.1"), 0}};
    std::atomic<bool> stopping{false};
    mutable std::mutex mutex;
    Answer answer = [](std::size_t, const ReceivedRequest&) { return kOk; };
    std::vector<std::pair<ReceivedRequest, int>> received;
    std::thread thread;

    void Serve() {
        while (!stopping) {
            boost::system::error_code ec;
            tcp::socket socket(io_context);
            acceptor.accept(socket, ec);
            if (ec || stopping) {
                continue;
            }
            ServeConnection(std::move(socket));
        }
    }

    void ServeConnection(tcp::socket socket) {
        beast::flat_buffer buffer;
        while (!stopping) {
            bhttp::request<bhttp::string_body> request;
            boost::system::error_code ec;
            bhttp::read(socket, buffer, request, ec);
            if (ec) {
                return;
            }
            ReceivedRequest copy;
            copy.method = std::string(request.method_string());
            copy.target = std::string(request.target());
            for (const auto& field : request) {
                std::string name(field.name_string());
                for (char& c : name) {
                    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
                }
                copy.headers.emplace_back(std::move(name), std::string(field.value()));
            }
            copy.body = request.body();
            int status = kOk;
            {
                const std::lock_guard lock(mutex);
                status = answer(received.size(), copy);
                received.emplace_back(copy, status);
            }
            bhttp::response<bhttp::string_body> response{static_cast<bhttp::status>(status),
                                                         request.version()};
            response.set(bhttp::field::content_type, "text/plain");
            response.body() = status < kLowestFailure ? "ok" : "unavailable";
            response.keep_alive(request.keep_alive());
            response.prepare_payload();
            bhttp::write(socket, response, ec);
            if (ec || !request.keep_alive()) {
                socket.shutdown(tcp::socket::shutdown_both, ec);
                return;
            }
        }
    }
};

HttpReceiver::HttpReceiver() : impl_(std::make_unique<Impl>()) {
    impl_->thread = std::thread([this] { impl_->Serve(); });
}

HttpReceiver::~HttpReceiver() {
    impl_->stopping = true;
    // Unblocks accept() with a connection of our own.
    try {
        net::io_context io_context;
        tcp::socket poke(io_context);
        poke.connect({net::ip::make_address("127.0.0.1"), port()});
    } catch (const std::exception&) {
        // Nothing listens any more: the thread is on its way out anyway.
    }
    impl_->thread.join();
}

std::uint16_t HttpReceiver::port() const {
    return impl_->acceptor.local_endpoint().port();
}

std::string HttpReceiver::Url(std::string_view path) const {
    return "http://127.0.0.1:" + std::to_string(port()) + std::string(path);
}

void HttpReceiver::SetAnswer(Answer answer) {
    const std::lock_guard lock(impl_->mutex);
    impl_->answer = std::move(answer);
}

std::vector<ReceivedRequest> HttpReceiver::Requests() const {
    const std::lock_guard lock(impl_->mutex);
    std::vector<ReceivedRequest> requests;
    for (const auto& [request, status] : impl_->received) {
        requests.push_back(request);
    }
    return requests;
}

std::vector<ReceivedRequest> HttpReceiver::Accepted() const {
    const std::lock_guard lock(impl_->mutex);
    std::vector<ReceivedRequest> accepted;
    for (const auto& [request, status] : impl_->received) {
        if (status >= kOk && status < kLowestFailure) {
            accepted.push_back(request);
        }
    }
    return accepted;
}

}  // namespace minqing::tests
