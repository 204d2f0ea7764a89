// minqing-outbox-bench: the outbox dispatcher delivering N webhook messages to a local HTTP
// receiver that fails one request in ten. Prints the wall time from the first pass to the last
// message settled, and how many messages were lost or accepted twice (both must be 0). The
// retries' backoff runs on a FakeClock that is moved on whenever nothing is due, so the figure
// is the cost of claiming, delivering and recording, not of waiting.
//
//   minqing-outbox-bench [--messages 1000] [--db sqlite:/tmp/x.db | postgresql://…]
#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <map>
#include <mutex>
#include <string>
#include <thread>

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <unistd.h>

#include "jobs/outbox_dispatcher.hpp"
#include "service/notification_hub.hpp"
#include "service/notification_service.hpp"
#include "storage/database.hpp"
#include "storage/sql_store.hpp"

namespace {

namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
namespace net = boost::asio;
using tcp = net::ip::tcp;
using namespace minqing;

constexpr int kFailEvery = 10;

// Answers every tenth request 503, all others 200, and counts the 200s per message id.
class Receiver {
  public:
    Receiver() : acceptor_(io_context_, {net::ip::make_address("127.0.0.1"), 0}) {
        thread_ = std::thread([this] { Serve(); });
    }
    ~Receiver() {
        stopping_ = true;
        boost::system::error_code ignored;
        tcp::socket poke(io_context_);
        poke.connect(acceptor_.local_endpoint(), ignored);
        thread_.join();
    }
    std::string Url() const {
        return "http://127.0.0.1:" + std::to_string(acceptor_.local_endpoint().port()) + "/hook";
    }
    std::map<std::string, int> Accepted() const {
        const std::lock_guard lock(mutex_);
        return accepted_;
    }
    std::size_t Requests() const { return requests_.load(); }

  private:
    void Serve() {
        while (!stopping_) {
            tcp::socket socket(io_context_);
            boost::system::error_code ec;
            acceptor_.accept(socket, ec);
            if (ec || stopping_) {
                continue;
            }
            beast::flat_buffer buffer;
            bhttp::request<bhttp::string_body> request;
            bhttp::read(socket, buffer, request, ec);
            if (ec) {
                continue;
            }
            const std::size_t index = requests_++;
            const bool fail = index % kFailEvery == kFailEvery - 1;
            if (!fail) {
                const std::lock_guard lock(mutex_);
                ++accepted_[std::string(request["X-Minqing-Message-Id"])];
            }
            bhttp::response<bhttp::string_body> response{
                fail ? bhttp::status::service_unavailable : bhttp::status::ok, request.version()};
            response.keep_alive(false);
            response.prepare_payload();
            bhttp::write(socket, response, ec);
        }
    }

    net::io_context io_context_;
    tcp::acceptor acceptor_;
    std::atomic<bool> stopping_{false};
    std::atomic<std::size_t> requests_{0};
    mutable std::mutex mutex_;
    std::map<std::string, int> accepted_;
    std::thread thread_;
};

}  // namespace

int main(int argc, char** argv) {
    int messages = 1000;
    std::string url;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string flag = argv[i];
        if (flag == "--messages") {
            messages = std::stoi(argv[i + 1]);
        } else if (flag == "--db") {
            url = argv[i + 1];
        }
    }
    const auto directory = std::filesystem::temp_directory_path() /
                           ("minqing-outbox-bench-" + std::to_string(::getpid()));
    if (url.empty()) {
        std::filesystem::create_directories(directory);
        url = "sqlite:" + (directory / "bench.db").string();
    }
    int lost = 0;
    int duplicated = 0;
    {
        storage::DatabaseOptions options;
        options.url = url;
        storage::SqlStore store(storage::OpenDatabase(options));
        FakeClock clock(FromEpochMs(1'764'300'000'000));
        domain::Transact(store, [&](domain::Repositories& repositories) -> Result<int> {
            for (int i = 0; i < messages; ++i) {
                domain::Notification message;
                message.channel = domain::NotificationChannel::kWebhook;
                message.target = "hotline";
                message.template_key = "case_handover";
                message.params.values = {{"number", "2026-" + std::to_string(i)}};
                message.dedupe_key =
                    "bench:" + std::to_string(ToEpochMs(clock.Now())) + ":" + std::to_string(i);
                message.created_at = clock.Now();
                message.next_attempt_at = clock.Now();
                repositories.Notifications().Enqueue(message);
            }
            return 0;
        });

        Receiver receiver;
        service::NotificationHub hub;
        service::NotificationService renderer(store, clock, {});
        jobs::DispatcherOptions dispatcher_options;
        dispatcher_options.batch_size = 64;
        dispatcher_options.webhooks["hotline"] = {receiver.Url(), "bench-secret"};
        jobs::OutboxDispatcher dispatcher(store, clock, renderer, hub, dispatcher_options);

        const auto pending = [&] {
            return domain::Query(store, [](domain::Repositories& repositories) {
                return repositories.Notifications().CountWithStatus(
                    domain::NotificationStatus::kPending);
            });
        };
        const auto started = std::chrono::steady_clock::now();
        while (true) {
            if (dispatcher.Drain() == 0) {
                if (pending() == 0) {
                    break;
                }
                clock.Advance(std::chrono::seconds(30));
            }
        }
        const double seconds =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();

        const auto accepted = receiver.Accepted();
        lost = messages - static_cast<int>(accepted.size());
        for (const auto& [id, times] : accepted) {
            duplicated += times > 1 ? 1 : 0;
        }
        std::printf(
            "outbox: %d webhook messages, %zu requests (every %dth refused), %.2f s, "
            "%.0f messages/s; lost %d, duplicated %d (%s)\n",
            messages, receiver.Requests(), kFailEvery, seconds, messages / seconds, lost,
            duplicated, url.starts_with("sqlite:") ? "SQLite" : "PostgreSQL");
    }
    std::filesystem::remove_all(directory);
    return lost == 0 && duplicated == 0 ? 0 : 1;
}
