#include "http/server.hpp"

#include <atomic>
#include <chrono>
#include <future>
#include <memory>
#include <stdexcept>
#include <string>
#include <thread>

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "common/unavailable_error.hpp"
#include "http/beast_names.hpp"
#include "http/json.hpp"
#include "http/middleware.hpp"

namespace minqing::http {
namespace {

using ClientRequest = bhttp::request<bhttp::string_body>;
using ClientResponse = bhttp::response<bhttp::string_body>;

// Only a guard against a broken server hanging the test run; nothing asserts on time.
constexpr auto kClientTimeout = std::chrono::seconds(20);
constexpr std::size_t kBodyLimit = 1024;

// A small synchronous HTTP client. It drives Beast's async operations to completion so that
// every read and write has a timeout.
class Client {
  public:
    explicit Client(std::uint16_t port) : stream_(io_) {
        stream_.connect(tcp::endpoint(net::ip::make_address("127.0.0.1"), port));
    }

    /// Sends `request`; with `frame`, sets Content-Length from the body first.
    void Send(ClientRequest request, bool frame = true) {
        if (frame) {
            request.prepare_payload();
        }
        boost::system::error_code result;
        stream_.expires_after(kClientTimeout);
        bhttp::async_write(stream_, request,
                           [&result](boost::system::error_code ec, std::size_t) { result = ec; });
        Run();
        if (result) {
            throw boost::system::system_error(result, "client write");
        }
    }

    /// Sends `bytes` exactly as given: requests Beast would not write, or several at once.
    void SendRaw(std::string_view bytes) {
        boost::system::error_code result;
        stream_.expires_after(kClientTimeout);
        net::async_write(stream_, net::buffer(bytes.data(), bytes.size()),
                         [&result](boost::system::error_code ec, std::size_t) { result = ec; });
        Run();
        if (result) {
            throw boost::system::system_error(result, "client write");
        }
    }

    ClientResponse Receive(bool head = false) {
        bhttp::response_parser<bhttp::string_body> parser;
        parser.skip(head);
        parser.body_limit(boost::none);
        boost::system::error_code result;
        stream_.expires_after(kClientTimeout);
        bhttp::async_read(stream_, buffer_, parser,
                          [&result](boost::system::error_code ec, std::size_t) { result = ec; });
        Run();
        if (result) {
            throw boost::system::system_error(result, "client read");
        }
        return parser.release();
    }

    ClientResponse Exchange(bhttp::verb method, std::string target, std::string body = {}) {
        ClientRequest request(method, target, 11);
        request.set(bhttp::field::host, "127.0.0.1");
        request.body() = std::move(body);
        Send(std::move(request));
        return Receive(method == bhttp::verb::head);
    }

    /// True when the server has closed the connection (the next read ends the stream).
    bool ServerClosed() {
        std::array<char, 64> scratch{};
        boost::system::error_code result;
        stream_.expires_after(kClientTimeout);
        stream_.async_read_some(net::buffer(scratch), [&result](boost::system::error_code ec,
                                                                std::size_t) { result = ec; });
        Run();
        return result == net::error::eof || result == net::error::connection_reset;
    }

  private:
    void Run() {
        io_.restart();
        io_.run();
    }

    net::io_context io_;
    beast::tcp_stream stream_;
    beast::flat_buffer buffer_;
};

bool CanConnect(std::uint16_t port) {
    net::io_context io;
    tcp::socket socket(io);
    boost::system::error_code ec;
    socket.connect(tcp::endpoint(net::ip::make_address("127.0.0.1"), port), ec);
    return !ec;
}

std::string RequestIdOf(const ClientResponse& response) {
    return std::string(response["X-Request-Id"]);
}

nlohmann::json ErrorOf(const ClientResponse& response) {
    return nlohmann::json::parse(response.body()).at("error");
}

class ServerTest : public testing::Test {
  protected:
    void SetUp() override {
        router_.Add(
            "GET", "/echo/{id}",
            [](Request& request) {
                nlohmann::json header_names = nlohmann::json::array();
                for (const auto& [name, value] : request.headers) {
                    header_names.push_back(name);
                }
                return Json(200, {{"id", request.PathParam("id")},
                                  {"path", request.path},
                                  {"q", request.QueryParam("q")},
                                  {"headers", header_names},
                                  {"requestId", request.request_id},
                                  {"remote", request.remote_address}});
            },
            Execution::kInline);
        router_.Add("POST", "/body", [](Request& request) {
            return Json(200, {{"length", request.body.size()}});
        });
        router_.Add("GET", "/plain", [](Request&) {
            Response response;
            response.body = R"({"plain":true})";
            return response;
        });
        router_.Add("GET", "/throw", [](Request&) -> Response {
            throw std::runtime_error("secret detail from the database driver");
        });
        router_.Add("GET", "/unavailable",
                    [](Request&) -> Response { throw UnavailableError("database down"); });
        router_.Add(
            "GET", "/fast",
            [](Request&) {
                return Json(200, {{"fast", true}});
            },
            Execution::kInline);
        router_.Add("GET", "/slow", [this](Request&) {
            slow_started_.set_value();
            // Stands in for a slow database call; the test decides when it ends, so the
            // ordering it asserts does not depend on timing.
            slow_release_future_.wait_for(kClientTimeout);
            slow_finished_ = true;
            return Json(200, {{"slow", true}});
        });

        ServerOptions options;
        options.port = 0;
        options.io_threads = 1;  // one network thread: a blocked one would block everything
        options.worker_threads = 2;
        options.body_limit_bytes = kBodyLimit;
        server_ = std::make_unique<Server>(
            options, router_,
            std::vector<Middleware>{RequestIdMiddleware(), AccessLogMiddleware(),
                                    ErrorBoundaryMiddleware()});
        server_->Start();
    }

    void TearDown() override {
        ReleaseSlow();
        server_->Stop();
    }

    void ReleaseSlow() {
        if (!released_) {
            released_ = true;
            slow_release_.set_value();
        }
    }

    void WaitForSlowStart() {
        ASSERT_EQ(slow_started_future_.wait_for(kClientTimeout), std::future_status::ready);
    }

    std::uint16_t port() const { return server_->port(); }

    Router router_;
    std::unique_ptr<Server> server_;
    std::promise<void> slow_started_;
    std::future<void> slow_started_future_ = slow_started_.get_future();
    std::promise<void> slow_release_;
    std::shared_future<void> slow_release_future_ = slow_release_.get_future().share();
    bool released_ = false;
    std::atomic<bool> slow_finished_{false};
};

TEST_F(ServerTest, BindsAFreePort) {
    EXPECT_NE(port(), 0);
}

TEST_F(ServerTest, ServesTwoRequestsOnOneConnection) {
    Client client(port());
    const ClientResponse first = client.Exchange(bhttp::verb::get, "/echo/1");
    const ClientResponse second = client.Exchange(bhttp::verb::get, "/echo/2");
    EXPECT_EQ(first.result_int(), 200);
    EXPECT_TRUE(first.keep_alive());
    EXPECT_EQ(second.result_int(), 200);
    EXPECT_EQ(nlohmann::json::parse(second.body())["id"], "2");
}

TEST_F(ServerTest, DecodesPathQueryAndHeaders) {
    Client client(port());
    ClientRequest request(bhttp::verb::get, "/echo/%E8%B7%AF%20%E7%81%AF?q=a+b%26c&q2", 11);
    request.set("X-Custom-Header", "V");
    client.Send(request);
    const nlohmann::json body = nlohmann::json::parse(client.Receive().body());
    EXPECT_EQ(body["id"], "路 灯");
    EXPECT_EQ(body["path"], "/echo/路 灯");
    EXPECT_EQ(body["q"], "a b&c");
    EXPECT_NE(std::find(body["headers"].begin(), body["headers"].end(), "x-custom-header"),
              body["headers"].end());
    EXPECT_EQ(body["remote"], "127.0.0.1");
}

TEST_F(ServerTest, SetsServerLengthAndDefaultContentType) {
    Client client(port());
    const ClientResponse response = client.Exchange(bhttp::verb::get, "/plain");
    EXPECT_EQ(response[bhttp::field::server], "minqing");
    EXPECT_EQ(response[bhttp::field::content_type], "application/json");
    EXPECT_EQ(response[bhttp::field::content_length], std::to_string(response.body().size()));
}

TEST_F(ServerTest, EchoesValidRequestIdAndMakesOneOtherwise) {
    Client client(port());
    ClientRequest request(bhttp::verb::get, "/echo/1", 11);
    request.set("X-Request-Id", "client-id.7");
    client.Send(request);
    EXPECT_EQ(RequestIdOf(client.Receive()), "client-id.7");
    const ClientResponse generated = client.Exchange(bhttp::verb::get, "/echo/1");
    EXPECT_EQ(RequestIdOf(generated).size(), 16U);
    EXPECT_EQ(nlohmann::json::parse(generated.body())["requestId"], RequestIdOf(generated));
}

TEST_F(ServerTest, AcceptsBodyWithinLimit) {
    Client client(port());
    const ClientResponse response =
        client.Exchange(bhttp::verb::post, "/body", std::string(kBodyLimit, 'x'));
    EXPECT_EQ(response.result_int(), 200);
    EXPECT_EQ(nlohmann::json::parse(response.body())["length"], kBodyLimit);
}

TEST_F(ServerTest, RejectsBodyOverLimitWith413AndCloses) {
    Client client(port());
    const ClientResponse response =
        client.Exchange(bhttp::verb::post, "/body", std::string(4 * kBodyLimit, 'x'));
    EXPECT_EQ(response.result_int(), 413);
    EXPECT_FALSE(response.keep_alive());
    const nlohmann::json error = ErrorOf(response);
    EXPECT_EQ(error["status"], 413);
    EXPECT_EQ(error["reason"], "request.body_too_large");
    EXPECT_EQ(error["requestId"], RequestIdOf(response));
    EXPECT_FALSE(error["requestId"].get<std::string>().empty());
    EXPECT_TRUE(client.ServerClosed());
}

TEST_F(ServerTest, RejectsChunkedBodyOverLimit) {
    Client client(port());
    ClientRequest request(bhttp::verb::post, "/body", 11);
    request.body() = std::string(4 * kBodyLimit, 'x');
    request.chunked(true);
    client.Send(request, /*frame=*/false);
    EXPECT_EQ(client.Receive().result_int(), 413);
}

TEST_F(ServerTest, AcceptsChunkedBodyWithinLimit) {
    Client client(port());
    client.SendRaw(
        "POST /body HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
        "3\r\nabc\r\n2\r\nde\r\n0\r\n\r\n");
    const ClientResponse response = client.Receive();
    EXPECT_EQ(response.result_int(), 200);
    EXPECT_EQ(nlohmann::json::parse(response.body())["length"], 5);
    EXPECT_TRUE(response.keep_alive());
}

// RFC 9112 §6.3 and §5.2: a request whose length a proxy in front could read differently is
// refused and the connection closed, so that what follows it is never taken for a request.
TEST_F(ServerTest, RefusesAmbiguousFramingAndIgnoresWhatFollows) {
    const std::string pipelined = "GET /echo/2 HTTP/1.1\r\nHost: x\r\n\r\n";
    const struct {
        const char* what;
        std::string request;
        int status;
    } cases[] = {
        {"a coding and a length",
         "POST /body HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip\r\nContent-Length: 5\r\n"
         "\r\nhello",
         400},
        {"a length and a coding",
         "POST /body HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nTransfer-Encoding: gzip\r\n"
         "\r\nhello",
         400},
        {"chunked and a length",
         "POST /body HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nContent-Length: 5"
         "\r\n\r\n0\r\n\r\n",
         400},
        {"a final coding other than chunked",
         "POST /body HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip\r\n\r\n", 400},
        {"chunked before another coding",
         "POST /body HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked, gzip\r\n\r\n", 400},
        {"chunked twice",
         "POST /body HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked, chunked\r\n\r\n"
         "0\r\n\r\n",
         400},
        {"chunked with a parameter",
         "POST /body HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked;x=1\r\n\r\n"
         "0\r\n\r\n",
         400},
        {"Transfer-Encoding in HTTP/1.0",
         "POST /body HTTP/1.0\r\nHost: x\r\nConnection: keep-alive\r\n"
         "Transfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
         400},
        {"a folded header line", "GET /echo/1 HTTP/1.1\r\nHost: x\r\nX-Note: one\r\n two\r\n\r\n",
         400},
        {"a line folded with a tab",
         "GET /echo/1 HTTP/1.1\r\nHost: x\r\nX-Note: one\r\n\ttwo\r\n\r\n", 400},
        {"a coding the server does not implement",
         "POST /body HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip, chunked\r\n\r\n"
         "0\r\n\r\n",
         501},
    };
    for (const auto& [what, request, status] : cases) {
        Client client(port());
        client.SendRaw(request + pipelined);
        const ClientResponse response = client.Receive();
        EXPECT_EQ(response.result_int(), status) << what;
        EXPECT_FALSE(response.keep_alive()) << what;
        const auto body = nlohmann::json::parse(response.body(), nullptr, false);
        EXPECT_EQ(body.contains("error") ? body["error"]["status"] : nullptr, status) << what;
        EXPECT_TRUE(client.ServerClosed()) << what << ": the pipelined request was answered";
    }
}

TEST_F(ServerTest, UnknownRouteIs404WithRequestId) {
    Client client(port());
    const ClientResponse response = client.Exchange(bhttp::verb::get, "/nowhere");
    EXPECT_EQ(response.result_int(), 404);
    EXPECT_EQ(response[bhttp::field::content_type], "application/json");
    const nlohmann::json error = ErrorOf(response);
    EXPECT_EQ(error["reason"], "route.not_found");
    EXPECT_EQ(error["fields"], nlohmann::json::array());
    EXPECT_EQ(error["requestId"], RequestIdOf(response));
    EXPECT_EQ(RequestIdOf(response).size(), 16U);
}

TEST_F(ServerTest, WrongMethodIs405WithAllow) {
    Client client(port());
    const ClientResponse response = client.Exchange(bhttp::verb::delete_, "/echo/1");
    EXPECT_EQ(response.result_int(), 405);
    EXPECT_EQ(response[bhttp::field::allow], "GET, HEAD");
    EXPECT_EQ(ErrorOf(response)["reason"], "route.method_not_allowed");
    EXPECT_EQ(ErrorOf(response)["status"], 405);
}

TEST_F(ServerTest, BadTargetIs400AndConnectionStaysUsable) {
    Client client(port());
    const ClientResponse bad = client.Exchange(bhttp::verb::get, "/echo/%zz");
    EXPECT_EQ(bad.result_int(), 400);
    EXPECT_EQ(ErrorOf(bad)["reason"], "request.bad_target");
    const ClientResponse dots = client.Exchange(bhttp::verb::get, "/echo/../secret");
    EXPECT_EQ(dots.result_int(), 400);
    EXPECT_EQ(client.Exchange(bhttp::verb::get, "/echo/1").result_int(), 200);
}

TEST_F(ServerTest, HeadSendsLengthWithoutBody) {
    Client client(port());
    const ClientResponse response = client.Exchange(bhttp::verb::head, "/echo/1");
    EXPECT_EQ(response.result_int(), 200);
    EXPECT_TRUE(response.body().empty());
    EXPECT_NE(response[bhttp::field::content_length], "0");
    // The connection is still in step: the next answer is read correctly.
    EXPECT_EQ(client.Exchange(bhttp::verb::get, "/echo/1").result_int(), 200);
}

TEST_F(ServerTest, Http10WithoutKeepAliveIsClosedAfterResponse) {
    Client client(port());
    ClientRequest request(bhttp::verb::get, "/echo/1", 10);
    client.Send(request);
    const ClientResponse response = client.Receive();
    EXPECT_EQ(response.result_int(), 200);
    EXPECT_EQ(response.version(), 10U);
    EXPECT_TRUE(client.ServerClosed());
}

TEST_F(ServerTest, ThrowingHandlerGives500WithoutDetail) {
    Client client(port());
    const ClientResponse response = client.Exchange(bhttp::verb::get, "/throw");
    EXPECT_EQ(response.result_int(), 500);
    EXPECT_EQ(response.body().find("secret"), std::string::npos);
    EXPECT_EQ(ErrorOf(response)["reason"], "internal.error");
    EXPECT_EQ(ErrorOf(response)["requestId"], RequestIdOf(response));
}

TEST_F(ServerTest, UnavailableDependencyGives503) {
    Client client(port());
    const ClientResponse response = client.Exchange(bhttp::verb::get, "/unavailable");
    EXPECT_EQ(response.result_int(), 503);
    EXPECT_EQ(ErrorOf(response)["reason"], "service.unavailable");
}

TEST_F(ServerTest, InlineRouteAnswersWhileWorkerHandlerIsBusy) {
    Client slow_client(port());
    ClientRequest slow(bhttp::verb::get, "/slow", 11);
    slow_client.Send(slow);
    WaitForSlowStart();

    Client fast_client(port());
    const ClientResponse fast = fast_client.Exchange(bhttp::verb::get, "/fast");
    EXPECT_EQ(fast.result_int(), 200);
    EXPECT_FALSE(slow_finished_);

    ReleaseSlow();
    EXPECT_EQ(slow_client.Receive().result_int(), 200);
    EXPECT_TRUE(slow_finished_);
}

TEST_F(ServerTest, StopLetsInFlightRequestFinish) {
    Client client(port());
    ClientRequest slow(bhttp::verb::get, "/slow", 11);
    client.Send(slow);
    WaitForSlowStart();

    // A jthread joins on destruction, so a failed assertion below cannot abort the run.
    std::jthread stopper([this] { server_->Stop(); });
    // The listener closes at once; the request in flight is still running.
    const auto give_up = std::chrono::steady_clock::now() + kClientTimeout;
    while (CanConnect(port()) && std::chrono::steady_clock::now() < give_up) {
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    EXPECT_FALSE(CanConnect(port()));
    EXPECT_FALSE(slow_finished_);

    ReleaseSlow();
    const ClientResponse response = client.Receive();
    EXPECT_EQ(response.result_int(), 200);
    EXPECT_EQ(nlohmann::json::parse(response.body())["slow"], true);
    EXPECT_FALSE(response.keep_alive());
    EXPECT_TRUE(client.ServerClosed());
    stopper.join();
    server_->Wait();  // returns at once: Stop has completed
}

TEST_F(ServerTest, StopClosesIdleKeepAliveConnections) {
    Client client(port());
    EXPECT_EQ(client.Exchange(bhttp::verb::get, "/echo/1").result_int(), 200);
    server_->Stop();
    EXPECT_TRUE(client.ServerClosed());
}

TEST_F(ServerTest, StopIsIdempotent) {
    server_->Stop();
    server_->Stop();
    server_->Wait();
}

TEST(ServerStartTest, ThrowsWhenPortIsTaken) {
    Router router;
    ServerOptions options;
    options.port = 0;
    Server first(options, router, {});
    first.Start();
    options.port = first.port();
    Server second(options, router, {});
    EXPECT_THROW(second.Start(), std::runtime_error);
}

TEST(ServerStartTest, FallbackAnswersUnknownPaths) {
    Router router;
    router.Add("GET", "/api/cases", [](Request&) { return Json(200, {}); });
    router.SetFallback([](Request& request) { return Json(200, {{"spa", request.path}}); });
    ServerOptions options;
    options.port = 0;
    Server server(options, router, {RequestIdMiddleware()});
    server.Start();
    Client client(server.port());
    const ClientResponse response = client.Exchange(bhttp::verb::get, "/workbench/today");
    EXPECT_EQ(response.result_int(), 200);
    EXPECT_EQ(nlohmann::json::parse(response.body())["spa"], "/workbench/today");
    EXPECT_EQ(RequestIdOf(response).size(), 16U);
}

}  // namespace
}  // namespace minqing::http
