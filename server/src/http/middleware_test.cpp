#include "http/middleware.hpp"

#include <memory>
#include <sstream>
#include <stdexcept>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <spdlog/sinks/ostream_sink.h>
#include <spdlog/spdlog.h>

#include "common/unavailable_error.hpp"

namespace minqing::http {
namespace {

Response Ok(Request&) {
    return JsonText(200, "{}");
}

TEST(RequestIdTest, AcceptsSafeIds) {
    EXPECT_TRUE(IsValidRequestId("a"));
    EXPECT_TRUE(IsValidRequestId("Trace-1.2_x"));
    EXPECT_TRUE(IsValidRequestId(std::string(64, 'x')));
}

TEST(RequestIdTest, RejectsUnsafeIds) {
    EXPECT_FALSE(IsValidRequestId(""));
    EXPECT_FALSE(IsValidRequestId(std::string(65, 'x')));
    EXPECT_FALSE(IsValidRequestId("a b"));
    EXPECT_FALSE(IsValidRequestId("a\nb"));
    EXPECT_FALSE(IsValidRequestId("编号"));
}

TEST(RequestIdTest, NewIdsAreSixteenHexDigitsAndDiffer) {
    const std::string first = NewRequestId();
    EXPECT_EQ(first.size(), 16U);
    EXPECT_EQ(first.find_first_not_of("0123456789abcdef"), std::string::npos);
    EXPECT_NE(first, NewRequestId());
}

TEST(RequestIdMiddlewareTest, KeepsValidIncomingId) {
    Request request;
    request.headers = {{"x-request-id", "from-proxy.1"}};
    const Response response = RequestIdMiddleware()(request, Ok);
    EXPECT_EQ(request.request_id, "from-proxy.1");
    EXPECT_EQ(response.Header("X-Request-Id"), "from-proxy.1");
}

TEST(RequestIdMiddlewareTest, ReplacesInvalidIncomingId) {
    Request request;
    request.headers = {{"x-request-id", "bad id\r\n"}};
    const Response response = RequestIdMiddleware()(request, Ok);
    EXPECT_TRUE(IsValidRequestId(request.request_id));
    EXPECT_EQ(request.request_id.size(), 16U);
    EXPECT_EQ(response.Header("X-Request-Id"), request.request_id);
}

TEST(RequestIdMiddlewareTest, IdIsSetBeforeNextRuns) {
    Request request;
    std::string seen;
    (void)RequestIdMiddleware()(request, [&seen](Request& inner) {
        seen = inner.request_id;
        return Ok(inner);
    });
    EXPECT_FALSE(seen.empty());
}

TEST(ErrorBoundaryMiddlewareTest, PassesResponsesThrough) {
    Request request;
    EXPECT_EQ(ErrorBoundaryMiddleware()(request, Ok).status, 200);
}

TEST(ErrorBoundaryMiddlewareTest, HidesExceptionDetailBehind500) {
    Request request;
    request.request_id = "rid";
    const Response response = ErrorBoundaryMiddleware()(
        request, [](Request&) -> Response { throw std::runtime_error("password=hunter2 in SQL"); });
    EXPECT_EQ(response.status, 500);
    EXPECT_EQ(response.body.find("hunter2"), std::string::npos);
    const nlohmann::json error = nlohmann::json::parse(response.body)["error"];
    EXPECT_EQ(error["reason"], "internal.error");
    EXPECT_EQ(error["requestId"], "rid");
}

TEST(ErrorBoundaryMiddlewareTest, CatchesNonStandardExceptions) {
    Request request;
    const Response response =
        ErrorBoundaryMiddleware()(request, [](Request&) -> Response { throw 42; });
    EXPECT_EQ(response.status, 500);
}

TEST(ErrorBoundaryMiddlewareTest, UnavailableBecomes503) {
    Request request;
    const Response response = ErrorBoundaryMiddleware()(request, [](Request&) -> Response {
        throw UnavailableError("database at db:5432 refused");
    });
    EXPECT_EQ(response.status, 503);
    EXPECT_EQ(response.body.find("db:5432"), std::string::npos);
    EXPECT_EQ(nlohmann::json::parse(response.body)["error"]["reason"], "service.unavailable");
}

// Routes the default logger into a string for the lifetime of the object.
class CapturedLog {
  public:
    CapturedLog() : previous_(spdlog::default_logger()) {
        auto sink = std::make_shared<spdlog::sinks::ostream_sink_mt>(stream_);
        spdlog::set_default_logger(std::make_shared<spdlog::logger>("captured", sink));
    }
    ~CapturedLog() { spdlog::set_default_logger(previous_); }
    CapturedLog(const CapturedLog&) = delete;
    CapturedLog& operator=(const CapturedLog&) = delete;

    std::string Text() const { return stream_.str(); }

  private:
    std::shared_ptr<spdlog::logger> previous_;
    std::ostringstream stream_;
};

TEST(AccessLogMiddlewareTest, LogsOneLineWithoutQueryValues) {
    Request request;
    request.method = "GET";
    request.target = "/api/v1/reset?token=s3cr3t&x=1";
    request.path = "/api/v1/reset";
    request.request_id = "rid-1";
    request.remote_address = "10.0.0.7";
    std::string text;
    {
        const CapturedLog log;
        (void)AccessLogMiddleware()(request, [](Request&) { return JsonText(201, "{}"); });
        text = log.Text();
    }
    EXPECT_EQ(text.find("s3cr3t"), std::string::npos);
    EXPECT_NE(text.find("GET /api/v1/reset 201"), std::string::npos) << text;
    EXPECT_NE(text.find("rid-1"), std::string::npos);
    EXPECT_NE(text.find("10.0.0.7"), std::string::npos);
}

TEST(AccessLogMiddlewareTest, ReturnsResponseAndRethrows) {
    Request request;
    EXPECT_EQ(AccessLogMiddleware()(request, Ok).status, 200);
    EXPECT_THROW((void)AccessLogMiddleware()(
                     request, [](Request&) -> Response { throw std::runtime_error("x"); }),
                 std::runtime_error);
}

}  // namespace
}  // namespace minqing::http
