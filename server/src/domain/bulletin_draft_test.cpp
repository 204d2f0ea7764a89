#include "domain/bulletin_draft.hpp"

#include <algorithm>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace minqing::domain {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

BulletinFacts Facts() {
    BulletinFacts facts;
    facts.area = "全市";
    facts.period = "2026年11月";
    facts.total = {"total", "受理总量", 1286, 1200, 900};
    facts.channels = {{"grid", "网格采集", 700, 650, 400}, {"mailbox", "网上信箱", 586, 550, 500}};
    facts.categories = {{"03", "城市管理", 800, 700, 600}};
    facts.districts = {{"5", "船营区", 500, 480, 300}};
    facts.concerns = {{"0301", "供热", 300, 200, 250}};
    facts.overdue = 12;
    facts.overdue_units = {{"9", "市住建局", 8, 0, 0}, {"10", "市城管局", 4, 0, 0}};
    facts.red_cards = 3;
    return facts;
}

const BulletinSection& Section(const std::vector<BulletinSection>& sections, std::string_view key) {
    return *std::ranges::find(sections, key, &BulletinSection::key);
}

double Figure(const BulletinSection& section, std::string_view key) {
    return std::ranges::find(section.figures, key, &BulletinFigure::key)->value;
}

TEST(BulletinDraftTest, TheOverviewStatesTheTotalAndItsChanges) {
    const auto sections = DraftSections(Facts());
    const auto& overview = Section(sections, kOverviewSection);
    EXPECT_EQ(overview.text,
              "2026年11月，全市社情民意绿色通道共受理群众诉求1286件，比上期（1200件）增加7.2%，"
              "比去年同期（900件）增加42.9%。");
    EXPECT_EQ(Figure(overview, "total.current"), 1286);
    EXPECT_EQ(Figure(overview, "total.previous"), 1200);
    EXPECT_EQ(Figure(overview, "total.yearBefore"), 900);
    EXPECT_DOUBLE_EQ(Figure(overview, "total.changePrevious"), 7.2);
}

TEST(BulletinDraftTest, EveryBreakdownHasItsFiguresAndABarChart) {
    const auto sections = DraftSections(Facts());
    std::vector<std::string> keys;
    for (const auto& section : sections) {
        keys.push_back(section.key);
    }
    EXPECT_THAT(keys, ElementsAre("overview", "channels", "categories", "districts", "concerns",
                                  "collective", "overdue", "assessment", "typical"));
    const auto& channels = Section(sections, kChannelsSection);
    EXPECT_EQ(Figure(channels, "channels.grid"), 700);
    ASSERT_EQ(channels.charts.size(), 1u);
    EXPECT_THAT(channels.charts[0].labels, ElementsAre("网格采集", "网上信箱"));
    EXPECT_THAT(channels.charts[0].comparison, ElementsAre(650, 550));
    EXPECT_THAT(channels.text, HasSubstr("网格采集700件，占54.4%，比上期增加7.7%"));
    EXPECT_THAT(Section(sections, kOverdueSection).text, HasSubstr("市住建局8件"));
    EXPECT_THAT(Section(sections, kAssessmentSection).text, HasSubstr("尚未发布"));
}

TEST(BulletinDraftTest, ADistrictsOwnBulletinHasNoDistrictSection) {
    BulletinFacts facts = Facts();
    facts.districts.clear();
    const auto sections = DraftSections(facts);
    EXPECT_EQ(std::ranges::count(sections, kDistrictsSection, &BulletinSection::key), 0);
}

TEST(BulletinDraftTest, RegeneratingKeepsEditedTextAndListsChangedFigures) {
    auto sections = DraftSections(Facts());
    auto& overview = *std::ranges::find(sections, kOverviewSection, &BulletinSection::key);
    overview.text = "本月诉求总体平稳。";
    overview.edited = true;
    BulletinFacts later = Facts();
    later.total.current = 1290;
    later.channels[0].current = 704;
    const auto regeneration = Regenerate(sections, DraftSections(later));
    const auto& kept = Section(regeneration.sections, kOverviewSection);
    EXPECT_EQ(kept.text, "本月诉求总体平稳。");
    EXPECT_TRUE(kept.edited);
    EXPECT_EQ(Figure(kept, "total.current"), 1290);
    EXPECT_THAT(Section(regeneration.sections, kChannelsSection).text, HasSubstr("704件"));
    std::vector<std::string> changed;
    for (const auto& change : regeneration.changes) {
        changed.push_back(change.key);
    }
    EXPECT_THAT(changed, ElementsAre("total.current", "total.changePrevious",
                                     "total.changeYearBefore", "channels.grid"));
    EXPECT_EQ(regeneration.changes[0].old_value, 1286);
    EXPECT_EQ(regeneration.changes[0].new_value, 1290);
}

TEST(BulletinDraftTest, ChangesReadAsIncreaseDecreaseOrLevel) {
    EXPECT_EQ(ChangeText(110, 100), "增加10.0%");
    EXPECT_EQ(ChangeText(97, 100), "减少3.0%");
    EXPECT_EQ(ChangeText(100, 100), "持平");
    EXPECT_EQ(ChangeText(5, 0), "");
}

TEST(BulletinDraftTest, PickedTypicalCasesAreIntroducedUnlessTheTextWasEdited) {
    auto sections = DraftSections(Facts());
    SetTypicalCases(sections, {{1, "2026-0000001", "楼道堆物", "已清理。"}});
    const auto& typical = Section(sections, kTypicalSection);
    EXPECT_EQ(typical.cases.size(), 1u);
    EXPECT_EQ(typical.text, "现将本期办理的典型案例摘报如下。");
}

TEST(BulletinDraftTest, APublishedAssessmentNamesTheEndsOfTheRanking) {
    BulletinFacts facts = Facts();
    facts.assessment = AssessmentHighlights{{"市住建局", "市城管局"}, {"市水务局"}, {"船营区"}, {}};
    const auto sections = DraftSections(facts);
    EXPECT_EQ(Section(sections, kAssessmentSection).text,
              "2026年11月考核中，市直成员单位排名靠前的是市住建局、市城管局，排名靠后的是市水务局；"
              "各县（市）区排名靠前的是船营区，排名靠后的是无。");
    facts.assessment = AssessmentHighlights{{"区住建局"}, {"区城管局"}, {}, {}};
    const auto district = DraftSections(facts);
    EXPECT_EQ(Section(district, kAssessmentSection).text,
              "2026年11月考核中，成员单位排名靠前的是区住建局，排名靠后的是区城管局。");
}

}  // namespace
}  // namespace minqing::domain
