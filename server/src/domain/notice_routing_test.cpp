#include "domain/notice_routing.hpp"

#include <set>
#include <string>

#include <gtest/gtest.h>

namespace minqing::domain {
namespace {

TEST(NoticeRoutingTest, ModesAndKindsRoundTripAndAreUnique) {
    for (const NoticeMode mode : {NoticeMode::kImmediate, NoticeMode::kDigest}) {
        EXPECT_EQ(ParseNoticeMode(NoticeModeName(mode)), mode);
    }
    EXPECT_FALSE(ParseNoticeMode("weekly"));
    std::set<std::string> names;
    for (const NoticeKind& kind : NoticeKinds()) {
        EXPECT_TRUE(names.insert(std::string(kind.name)).second) << kind.name;
        EXPECT_EQ(FindNoticeKind(kind.name), &kind);
        EXPECT_FALSE(kind.label.empty());
    }
    EXPECT_EQ(FindNoticeKind("nonsense"), nullptr);
}

// One row per situation: kind, the recipient's choice, addressed as office/leader, urgent,
// and where the notice goes.
struct Row {
    std::string_view kind;
    std::optional<NoticeMode> chosen;
    bool office_or_leader;
    bool urgent;
    NoticeMode expected;
};

TEST(NoticeRoutingTest, TheSweepsNoticesToOfficesWaitForTheDigestUnlessUrgentOrChosen) {
    constexpr auto kNow = NoticeMode::kImmediate;
    constexpr auto kDigest = NoticeMode::kDigest;
    const Row rows[] = {
        {"reminder", std::nullopt, true, false, kDigest},      // 催办 to the city office
        {"bulletin", std::nullopt, true, false, kDigest},      // 通报 to the leader
        {"reminder", std::nullopt, false, false, kNow},        // the holder unit must act at once
        {"yellow_card", std::nullopt, true, false, kNow},      // a warning must not wait
        {"case_dispatched", std::nullopt, true, false, kNow},  // not the sweep's
        {"unknown_kind", std::nullopt, true, false, kNow},
        {"red_card", std::nullopt, true, true, kNow},         // a first red card
        {"written", kDigest, true, true, kNow},               // 特急 beats the choice
        {"written", kNow, true, false, kNow},                 // chose immediate
        {"case_dispatched", kDigest, false, false, kDigest},  // chose digest
    };
    for (const Row& row : rows) {
        EXPECT_EQ(RouteNotice({row.kind, row.chosen, row.office_or_leader, row.urgent}),
                  row.expected)
            << row.kind << " office_or_leader=" << row.office_or_leader << " urgent=" << row.urgent;
    }
}

}  // namespace
}  // namespace minqing::domain
