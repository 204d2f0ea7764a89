#include "http/same_origin.hpp"

#include <gtest/gtest.h>

namespace minqing::http {
namespace {

Request WithHeaders(std::vector<std::pair<std::string, std::string>> headers) {
    Request request;
    request.headers = std::move(headers);
    return request;
}

TEST(IsCrossOriginTest, ClientsWithoutBrowserHeadersAreNotJudged) {
    EXPECT_FALSE(IsCrossOrigin(WithHeaders({{"host", "127.0.0.1:8080"}})));
}

TEST(IsCrossOriginTest, SameOriginBrowserRequestsPass) {
    EXPECT_FALSE(IsCrossOrigin(WithHeaders({{"host", "minqing.example.gov.cn"},
                                            {"origin", "https://Minqing.example.gov.cn"},
                                            {"sec-fetch-site", "same-origin"}})));
    EXPECT_FALSE(
        IsCrossOrigin(WithHeaders({{"host", "127.0.0.1:8080"}, {"sec-fetch-site", "none"}})));
}

TEST(IsCrossOriginTest, AForeignSiteIsRecognisedByEitherHeader) {
    EXPECT_TRUE(
        IsCrossOrigin(WithHeaders({{"host", "127.0.0.1:8080"}, {"sec-fetch-site", "cross-site"}})));
    EXPECT_TRUE(
        IsCrossOrigin(WithHeaders({{"host", "127.0.0.1:8080"}, {"sec-fetch-site", "same-site"}})));
    EXPECT_TRUE(IsCrossOrigin(
        WithHeaders({{"host", "127.0.0.1:8080"}, {"origin", "http://evil.example"}})));
    EXPECT_TRUE(IsCrossOrigin(
        WithHeaders({{"host", "127.0.0.1:8080"}, {"origin", "http://127.0.0.1:9090"}})));
    EXPECT_TRUE(IsCrossOrigin(WithHeaders({{"host", "127.0.0.1:8080"}, {"origin", "null"}})));
}

}  // namespace
}  // namespace minqing::http
