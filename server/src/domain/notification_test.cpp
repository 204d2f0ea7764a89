#include "domain/notification.hpp"

#include <gtest/gtest.h>

namespace minqing::domain {
namespace {

using std::chrono::milliseconds;
using std::chrono::minutes;
using std::chrono::seconds;

TEST(Notification, ChannelAndStatusNamesRoundTrip) {
    for (const auto channel :
         {NotificationChannel::kInbox, NotificationChannel::kSms, NotificationChannel::kWebhook}) {
        EXPECT_EQ(ParseNotificationChannel(NotificationChannelName(channel)), channel);
    }
    for (const auto status :
         {NotificationStatus::kPending, NotificationStatus::kSent, NotificationStatus::kFailed}) {
        EXPECT_EQ(ParseNotificationStatus(NotificationStatusName(status)), status);
    }
    EXPECT_EQ(ParseNotificationChannel("email"), std::nullopt);
}

TEST(Notification, RendersKnownPlaceholders) {
    EXPECT_EQ(
        RenderTemplate("案件{number}「{title}」", {{"number", "2026-0000001"}, {"title", "暖气"}}),
        "案件2026-0000001「暖气」");
}

TEST(Notification, RendersAKnownPlaceholderWithoutValueAsEmpty) {
    EXPECT_EQ(RenderTemplate("至{deadline}。", {}), "至。");
}

TEST(Notification, KeepsUnknownAndUnclosedBracesVisible) {
    EXPECT_EQ(RenderTemplate("{nope} {number", {{"number", "1"}}), "{nope} {number");
}

struct PlaceholderCase {
    std::string_view text;
    std::optional<std::string> unknown;
};

class FindUnknownPlaceholderTest : public ::testing::TestWithParam<PlaceholderCase> {};

TEST_P(FindUnknownPlaceholderTest, Finds) {
    EXPECT_EQ(FindUnknownPlaceholder(GetParam().text), GetParam().unknown);
}

INSTANTIATE_TEST_SUITE_P(
    Table, FindUnknownPlaceholderTest,
    ::testing::Values(PlaceholderCase{"无占位符", std::nullopt},
                      PlaceholderCase{"{number}{title}{deadline}{action}{query_url}", std::nullopt},
                      PlaceholderCase{"{number}{phone}", std::string("phone")},
                      PlaceholderCase{"{}", std::string("{")},
                      PlaceholderCase{"案件{number", std::string("{")}));

TEST(Notification, BacksOffExponentiallyUpToTheCap) {
    const RetrySchedule schedule{seconds(30), minutes(60), 12};
    const Instant now = FromEpochMs(1'000'000);
    EXPECT_EQ(NextAttemptAt(schedule, 1, now) - now, seconds(30));
    EXPECT_EQ(NextAttemptAt(schedule, 2, now) - now, seconds(60));
    EXPECT_EQ(NextAttemptAt(schedule, 5, now) - now, seconds(480));
    EXPECT_EQ(NextAttemptAt(schedule, 8, now) - now, minutes(60));
    EXPECT_EQ(NextAttemptAt(schedule, 1000, now) - now, minutes(60));
}

TEST(Notification, BackoffOfAFirstAttemptIsTheBase) {
    const RetrySchedule schedule{milliseconds(10), milliseconds(100), 3};
    const Instant now = FromEpochMs(0);
    EXPECT_EQ(NextAttemptAt(schedule, 0, now) - now, milliseconds(10));
}

TEST(Notification, ChecksATemplateTextAnAdministratorWrote) {
    EXPECT_EQ(CheckTemplateText(""), "required");
    EXPECT_EQ(CheckTemplateText("案件{number}已办结"), std::nullopt);
    EXPECT_EQ(CheckTemplateText("案件{numero}已办结"), "unknown_placeholder");
    EXPECT_EQ(CheckTemplateText("案件{}已办结"), "unknown_placeholder");
    EXPECT_EQ(CheckTemplateText("\xff\xfe"), "invalid_utf8");
    std::string longest;
    for (std::size_t i = 0; i < kMaxTemplateCharacters; ++i) {
        longest += "办";
    }
    EXPECT_EQ(CheckTemplateText(longest), std::nullopt) << "code points, not bytes";
    EXPECT_EQ(CheckTemplateText(longest + "!"), "length");
}

}  // namespace
}  // namespace minqing::domain
