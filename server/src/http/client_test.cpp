#include "http/client.hpp"

#include <gtest/gtest.h>

namespace minqing::http {
namespace {

TEST(ParseHttpUrlTest, SplitsHostPortAndTarget) {
    const auto url = ParseHttpUrl("http://sms.example:8081/send?to=1");
    ASSERT_TRUE(url);
    EXPECT_EQ(url->host, "sms.example");
    EXPECT_EQ(url->port, "8081");
    EXPECT_EQ(url->target, "/send?to=1");
}

TEST(ParseHttpUrlTest, DefaultsToPort80AndTheRoot) {
    const auto url = ParseHttpUrl("http://hotline.local");
    ASSERT_TRUE(url);
    EXPECT_EQ(url->port, "80");
    EXPECT_EQ(url->target, "/");
    EXPECT_EQ(ParseHttpUrl("http://hotline.local?x=1")->target, "/?x=1");
}

TEST(ParseHttpUrlTest, RefusesOtherSchemesCredentialsAndBadPorts) {
    EXPECT_FALSE(ParseHttpUrl("https://hotline.local/"));
    EXPECT_FALSE(ParseHttpUrl("http://user:secret@hotline.local/"));
    EXPECT_FALSE(ParseHttpUrl("http://hotline.local:80a/"));
    EXPECT_FALSE(ParseHttpUrl("http://:8080/"));
    EXPECT_FALSE(ParseHttpUrl("http://"));
}

TEST(ClientTest, AnUnreachableReceiverIsNotAnAnswer) {
    const Client client(std::chrono::milliseconds(500));
    const PostOutcome outcome = client.Post("http://127.0.0.1:1/", {}, "{}");
    EXPECT_FALSE(outcome.answered);
    EXPECT_FALSE(outcome.detail.empty());
}

}  // namespace
}  // namespace minqing::http
