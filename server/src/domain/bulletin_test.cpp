#include "domain/bulletin.hpp"

#include <gtest/gtest.h>

#include "domain/case_stats.hpp"

namespace minqing::domain {
namespace {

std::pair<std::string, std::string> Days(BulletinKind kind, std::string_view label) {
    const auto range = ParseBulletinPeriod(kind, label);
    if (!range) {
        return {"invalid", range.error().fields.at(0).field};
    }
    return {FormatDayNumber(range->first), FormatDayNumber(range->second)};
}

std::pair<std::string, std::string> Range(std::string from, std::string to) {
    return {std::move(from), std::move(to)};
}

TEST(BulletinTest, PeriodsAreMonthsQuartersAndIsoWeeks) {
    EXPECT_EQ(Days(BulletinKind::kMonthly, "2026-11"), Range("2026-11-01", "2026-12-01"));
    EXPECT_EQ(Days(BulletinKind::kQuarterly, "2026-Q4"), Range("2026-10-01", "2027-01-01"));
    // ISO week 1 of 2026 starts on Monday 29 December 2025; week 47 on 16 November.
    EXPECT_EQ(Days(BulletinKind::kWeekly, "2026-W01"), Range("2025-12-29", "2026-01-05"));
    EXPECT_EQ(Days(BulletinKind::kWeekly, "2026-W47"), Range("2026-11-16", "2026-11-23"));
    EXPECT_EQ(Days(BulletinKind::kWeekly, "2026-W53").first, "2026-12-28");  // 2026 has 53
    EXPECT_EQ(Days(BulletinKind::kWeekly, "2027-W53"), Range("invalid", "period"));
}

TEST(BulletinTest, APeriodOfAnotherKindIsRefused) {
    for (const auto& [kind, label] : std::vector<std::pair<BulletinKind, std::string_view>>{
             {BulletinKind::kMonthly, "2026-Q4"},
             {BulletinKind::kMonthly, "2026-13"},
             {BulletinKind::kQuarterly, "2026-11"},
             {BulletinKind::kWeekly, "2026-11"},
             {BulletinKind::kWeekly, "2026-W00"},
             {BulletinKind::kMonthly, ""}}) {
        EXPECT_EQ(Days(kind, label).first, "invalid") << label;
    }
}

TEST(BulletinTest, ThePeriodAndTheIssueReadAsTheTextNamesThem) {
    Bulletin b;
    b.kind = BulletinKind::kMonthly;
    std::tie(b.period_from, b.period_to) = *ParseBulletinPeriod(b.kind, "2026-11");
    EXPECT_EQ(PeriodText(b), "2026年11月");
    b.kind = BulletinKind::kQuarterly;
    std::tie(b.period_from, b.period_to) = *ParseBulletinPeriod(b.kind, "2026-Q4");
    EXPECT_EQ(PeriodText(b), "2026年第四季度");
    b.kind = BulletinKind::kWeekly;
    std::tie(b.period_from, b.period_to) = *ParseBulletinPeriod(b.kind, "2026-W01");
    EXPECT_EQ(PeriodText(b), "2025年12月29日至2026年1月4日");
    EXPECT_EQ(IssueLabel(b), "（草稿）");
    b.year = 2026;
    b.number = 3;
    EXPECT_EQ(IssueLabel(b), "2026年第3期");
    b.series = BulletinSeries::kSpecial;
    EXPECT_EQ(IssueLabel(b), "2026年专报第3期");
}

TEST(BulletinTest, OnlyDraftsAndReturnedOnesChange) {
    Bulletin b;
    for (const auto& [state, reason] : std::vector<std::pair<BulletinState, std::string>>{
             {BulletinState::kDraft, ""},
             {BulletinState::kReturned, ""},
             {BulletinState::kSubmitted, "bulletin.under_review"},
             {BulletinState::kIssued, "bulletin.issued"}}) {
        b.state = state;
        const auto editable = CheckEditable(b);
        EXPECT_EQ(editable ? "" : editable.error().reason, reason);
    }
}

}  // namespace
}  // namespace minqing::domain
