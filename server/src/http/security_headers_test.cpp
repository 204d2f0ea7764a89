#include "http/security_headers.hpp"

#include <gtest/gtest.h>

namespace minqing::http {
namespace {

Response Through(const Middleware& middleware, Request& request) {
    return middleware(request, [](Request&) { return Response{}; });
}

TEST(ContentSecurityPolicyTest, AllowsNoInlineScriptAndNoFraming) {
    const std::string policy = ContentSecurityPolicy("");
    EXPECT_NE(policy.find("default-src 'self'"), std::string::npos);
    EXPECT_NE(policy.find("script-src 'self';"), std::string::npos);
    EXPECT_NE(policy.find("frame-ancestors 'none'"), std::string::npos);
    EXPECT_NE(policy.find("img-src 'self' data: blob:;"), std::string::npos);
    EXPECT_EQ(policy.find("unsafe-eval"), std::string::npos);
}

TEST(ContentSecurityPolicyTest, AddsTheTileHostToImagesOnly) {
    EXPECT_NE(ContentSecurityPolicy("https://tiles.example.gov.cn/{z}/{x}/{y}.png")
                  .find("img-src 'self' data: blob: https://tiles.example.gov.cn;"),
              std::string::npos);
    EXPECT_NE(ContentSecurityPolicy("https://{s}.tile.example.org/{z}/{x}/{y}.png")
                  .find("blob: https://*.tile.example.org;"),
              std::string::npos);
}

TEST(ContentSecurityPolicyTest, AMalformedTileSettingCannotAddDirectives) {
    EXPECT_EQ(ContentSecurityPolicy("https://x.org; script-src *"), ContentSecurityPolicy(""));
    EXPECT_EQ(ContentSecurityPolicy("javascript:alert(1)"), ContentSecurityPolicy(""));
}

TEST(SecurityHeadersMiddlewareTest, MarksApiAnswersUncacheableAndEveryAnswerUnsniffable) {
    const Middleware middleware = SecurityHeadersMiddleware("default-src 'self'");
    Request api;
    api.path = "/api/v1/cases";
    const Response answer = Through(middleware, api);
    EXPECT_EQ(answer.Header("cache-control"), "no-store");
    EXPECT_EQ(answer.Header("x-content-type-options"), "nosniff");
    EXPECT_EQ(answer.Header("referrer-policy"), "same-origin");
    EXPECT_EQ(answer.Header("content-security-policy"), "default-src 'self'");

    Request page;
    page.path = "/assets/index-1a2b.js";
    EXPECT_EQ(Through(middleware, page).Header("cache-control"), "");
}

}  // namespace
}  // namespace minqing::http
