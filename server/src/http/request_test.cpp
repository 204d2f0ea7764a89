#include "http/request.hpp"

#include <gtest/gtest.h>

#include "http/response.hpp"

namespace minqing::http {
namespace {

TEST(RequestTest, HeaderLookupIgnoresCase) {
    Request request;
    request.headers = {{"x-request-id", "abc"}, {"accept", "a"}, {"accept", "b"}};
    EXPECT_EQ(request.Header("X-Request-Id"), "abc");
    EXPECT_EQ(request.Header("Accept"), "a");
    EXPECT_EQ(request.Header("missing"), "");
}

TEST(RequestTest, FindsCookieAmongSeveral) {
    Request request;
    request.headers = {{"cookie", "theme=dark; session=s3cr3t;lang=\"zh-CN\""}};
    EXPECT_EQ(request.Cookie("session"), "s3cr3t");
    EXPECT_EQ(request.Cookie("lang"), "zh-CN");
    EXPECT_EQ(request.Cookie("theme"), "dark");
    EXPECT_EQ(request.Cookie("sess"), "");
}

TEST(RequestTest, QueryParamIsEmptyWhenAbsent) {
    Request request;
    request.query = {{"level", "street"}};
    EXPECT_EQ(request.QueryParam("level"), "street");
    EXPECT_EQ(request.QueryParam("page"), "");
}

TEST(ResponseTest, SetHeaderReplacesAnyCase) {
    Response response;
    response.AddHeader("content-type", "text/plain");
    response.SetHeader("Content-Type", "text/html");
    ASSERT_EQ(response.headers.size(), 1U);
    EXPECT_EQ(response.Header("CONTENT-TYPE"), "text/html");
}

TEST(ResponseTest, AddHeaderKeepsEarlierOnes) {
    Response response;
    response.AddHeader("Set-Cookie", "a=1");
    response.AddHeader("Set-Cookie", "b=2");
    EXPECT_EQ(response.headers.size(), 2U);
    EXPECT_EQ(response.Header("set-cookie"), "a=1");
}

TEST(ResponseTest, NoContentHasNoBody) {
    const Response response = NoContent();
    EXPECT_EQ(response.status, 204);
    EXPECT_TRUE(response.body.empty());
}

}  // namespace
}  // namespace minqing::http
