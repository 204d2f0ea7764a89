#include "http/middleware.hpp"

#include <stdexcept>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

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

TEST(AccessLogMiddlewareTest, ReturnsResponseAndRethrows) {
    Request request;
    EXPECT_EQ(AccessLogMiddleware()(request, Ok).status, 200);
    EXPECT_THROW((void)AccessLogMiddleware()(
                     request, [](Request&) -> Response { throw std::runtime_error("x"); }),
                 std::runtime_error);
}

}  // namespace
}  // namespace minqing::http
