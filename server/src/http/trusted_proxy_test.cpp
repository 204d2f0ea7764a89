#include "http/trusted_proxy.hpp"

#include <gtest/gtest.h>

namespace minqing::http {
namespace {

void Through(const Middleware& middleware, Request& request) {
    middleware(request, [](Request&) { return Response{}; });
}

TEST(TrustedProxyMiddlewareTest, BelievesOnlyTheConfiguredProxy) {
    const Middleware middleware = TrustedProxyMiddleware(ParseAddressList("10.0.0.2, 10.0.0.3"));
    Request via_proxy;
    via_proxy.remote_address = "10.0.0.2";
    via_proxy.headers = {{"x-forwarded-for", "203.0.113.7, 10.0.0.3"},
                         {"x-forwarded-proto", "https"}};
    Through(middleware, via_proxy);
    EXPECT_TRUE(via_proxy.secure);
    EXPECT_EQ(via_proxy.remote_address, "203.0.113.7");

    Request direct;
    direct.remote_address = "198.51.100.9";
    direct.headers = {{"x-forwarded-for", "127.0.0.1"}, {"x-forwarded-proto", "https"}};
    Through(middleware, direct);
    EXPECT_FALSE(direct.secure);
    EXPECT_EQ(direct.remote_address, "198.51.100.9");
}

}  // namespace
}  // namespace minqing::http
