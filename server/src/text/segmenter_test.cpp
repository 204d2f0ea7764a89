#include "text/segmenter.hpp"

#include <algorithm>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "text/normalize.hpp"

namespace minqing::text {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;
using ::testing::IsSupersetOf;
using ::testing::UnorderedElementsAre;

std::vector<std::string> SplitOnSpaces(const std::string& joined) {
    std::vector<std::string> parts;
    std::istringstream in(joined);
    for (std::string part; in >> part;) {
        parts.push_back(part);
    }
    return parts;
}

// What both databases do with the strings: a document matches when its index tokens contain
// every query term.
bool Finds(const std::string& document, const std::string& query) {
    const std::vector<std::string> terms = QueryTerms(query);
    const std::vector<std::string> tokens = SplitOnSpaces(IndexTokens(document));
    const std::set<std::string> index(tokens.begin(), tokens.end());
    return !terms.empty() && std::all_of(terms.begin(), terms.end(),
                                         [&](const std::string& t) { return index.contains(t); });
}

struct SearchCase {
    const char* document;
    const char* query;
    bool found;
};

TEST(SegmenterTest, FindsWhatResidentsSearchFor) {
    constexpr const char* kHeating = "我家暖气不热，室温只有十五度，供热公司电话打不通";
    constexpr const char* kBarbecue = "小区楼下烧烤店油烟很大，晚上噪音扰民";
    constexpr const char* kManhole = "船营区德胜街道永前社区3号楼前井盖缺失";
    constexpr const char* kSnow = "冬季清雪不及时，解放东路结冰路滑";
    const SearchCase cases[] = {
        {kHeating, "供热", true},
        {kHeating, "暖气", true},
        {kHeating, "暖气不热", true},
        {kHeating, "不热", true},
        {kHeating, "室温", true},
        {kHeating, "供热公司 电话", true},
        {kHeating, "暖", true},
        // 供暖 is its own bigram; the document says 暖气 and 供热 but never 供暖.
        {kHeating, "供暖", false},
        {kHeating, "停水", false},
        {kBarbecue, "噪音", true},
        {kBarbecue, "油烟", true},
        {kBarbecue, "扰民", true},
        {kBarbecue, "烧烤", true},
        {kBarbecue, "烧烤油烟", false},  // 烤油 does not occur: the words are apart
        {kManhole, "德胜街道", true},
        {kManhole, "永前社区", true},
        {kManhole, "井盖", true},
        {kManhole, "3号楼", true},
        {kManhole, "船营", true},
        {kManhole, "5号楼", false},
        {kManhole, "昌邑区", false},
        {kSnow, "清雪", true},
        {kSnow, "解放东路", true},
        {kSnow, "路滑", true},
        {kSnow, "解放西路", false},
        {kSnow, "供暖", false},
        {"ＡＢＣ小区１２号", "abc 12", true},
        {"ＡＢＣ小区１２号", "ABC小区", true},
        {"abc小区12号", "ＡＢＣ　１２", true},
        {"ＡＢＣ小区１２号", "13", false},
        {"WiFi信号差", "wifi", true},
        {"WiFi信号差", "WIFI 信号", true},
        {"WiFi信号差", "wi-fi", false},
    };
    for (const SearchCase& c : cases) {
        EXPECT_EQ(Finds(c.document, c.query), c.found)
            << c.document << " / " << c.query << "\n  index: " << IndexTokens(c.document);
    }
}

TEST(SegmenterTest, IndexesBigramsAndCharactersOfHanRuns) {
    EXPECT_THAT(SplitOnSpaces(IndexTokens("暖气不热")),
                UnorderedElementsAre("暖", "暖气", "气", "气不", "不", "不热", "热"));
}

TEST(SegmenterTest, IndexesLatinWordsAndNumbersWhole) {
    EXPECT_THAT(SplitOnSpaces(IndexTokens("3号楼 WiFi 2024年")),
                IsSupersetOf({"3", "号楼", "wifi", "2024", "年"}));
}

TEST(SegmenterTest, IndexTokensHoldOnlyLettersAndDigits) {
    const std::string tokens = IndexTokens("电话：0432-62345678，邮箱 a.b@jl.gov.cn！3.5℃？don't");
    EXPECT_EQ(tokens.find_first_of(":-,.@!?'\"()"), std::string::npos) << tokens;
    EXPECT_THAT(SplitOnSpaces(tokens), IsSupersetOf({"0432", "62345678", "a", "b", "jl", "gov",
                                                     "cn", "3", "5", "don", "t", "电话", "邮箱"}));
}

TEST(SegmenterTest, IndexTokensAreDistinctAndSingleSpaced) {
    const std::string tokens = IndexTokens("噪音噪音，噪音！");
    const std::vector<std::string> parts = SplitOnSpaces(tokens);
    EXPECT_EQ(std::set<std::string>(parts.begin(), parts.end()).size(), parts.size()) << tokens;
    EXPECT_EQ(tokens.find("  "), std::string::npos);
    EXPECT_NE(tokens.front(), ' ');
    EXPECT_NE(tokens.back(), ' ');
}

TEST(SegmenterTest, IndexTokensOfTextWithoutWordsAreEmpty) {
    EXPECT_EQ(IndexTokens(""), "");
    EXPECT_EQ(IndexTokens("，。！？…… ——  \n"), "");
}

TEST(SegmenterTest, InvalidUtf8SeparatesLikePunctuation) {
    const std::vector<std::string> tokens = SplitOnSpaces(IndexTokens("暖气\xFF不热"));
    EXPECT_THAT(tokens, IsSupersetOf({"暖气", "不热"}));
    EXPECT_THAT(tokens, ::testing::Not(::testing::Contains("气不")));
}

TEST(SegmenterTest, QueryTermsAreBigramsInTextOrder) {
    EXPECT_THAT(QueryTerms("暖气不热"), ElementsAre("暖气", "气不", "不热"));
    EXPECT_THAT(QueryTerms("解放东路 路滑"), ElementsAre("解放", "放东", "东路", "路滑"));
}

TEST(SegmenterTest, QueryTermsKeepLoneHanCharactersAndWords) {
    EXPECT_THAT(QueryTerms("水"), ElementsAre("水"));
    EXPECT_THAT(QueryTerms("3号楼"), ElementsAre("3", "号楼"));
    EXPECT_THAT(QueryTerms("WiFi 信号差!"), ElementsAre("wifi", "信号", "号差"));
    EXPECT_THAT(QueryTerms("ＡＢＣ　１２"), ElementsAre("abc", "12"));
}

TEST(SegmenterTest, QueryTermsAreDistinct) {
    EXPECT_THAT(QueryTerms("噪音 噪音 NOISE noise"), ElementsAre("噪音", "noise"));
}

TEST(SegmenterTest, QueriesWithoutWordsGiveNoTerms) {
    EXPECT_THAT(QueryTerms(""), IsEmpty());
    EXPECT_THAT(QueryTerms("   "), IsEmpty());
    EXPECT_THAT(QueryTerms("？！，。、；：“”"), IsEmpty());
    EXPECT_THAT(QueryTerms("\"' AND OR * ^ -"), ElementsAre("and", "or"));
}

TEST(SegmenterTest, QueryTermsStopAtTheLimit) {
    // 41 distinct characters, so 40 distinct bigrams.
    const std::vector<std::string> terms =
        QueryTerms("吉林市船营区德胜街道永前社区三号楼前井盖缺失冬季清雪不及时解放东路结冰路滑夜");
    ASSERT_EQ(terms.size(), kMaxQueryTerms);
    EXPECT_EQ(terms.front(), "吉林");
}

TEST(SegmenterTest, OverlongWordsAreLeftOutOnBothSides) {
    const std::string long_word(kMaxWordCharacters + 1, 'x');
    const std::string longest_word(kMaxWordCharacters, 'y');
    EXPECT_THAT(SplitOnSpaces(IndexTokens(long_word + " " + longest_word + " 井盖")),
                UnorderedElementsAre(longest_word, "井", "井盖", "盖"));
    EXPECT_THAT(QueryTerms(long_word), IsEmpty());
}

TEST(SegmenterTest, HandlesHundredThousandCharacters) {
    const std::string sentence = "冬季清雪不及时，解放东路结冰路滑。";  // 17 characters
    std::string document;
    while (document.size() < 100'000 * 3) {
        document += sentence;
    }
    const std::vector<std::string> tokens = SplitOnSpaces(IndexTokens(document));
    EXPECT_THAT(tokens, IsSupersetOf({"清雪", "解放", "路滑"}));
    EXPECT_LT(tokens.size(), 60u);
    EXPECT_EQ(QueryTerms(document).size(), 13u);  // every distinct bigram of the sentence

    const std::string one_run(100'000 * 3, 'a');
    EXPECT_EQ(IndexTokens(one_run), "");  // one 300k-letter word, over the word limit
}

TEST(SegmenterTest, HundredThousandHanCharactersWithoutPunctuation) {
    std::string document;
    for (int i = 0; i < 50'000; ++i) {
        document += "供热";
    }
    EXPECT_THAT(SplitOnSpaces(IndexTokens(document)),
                UnorderedElementsAre("供", "供热", "热", "热供"));
}

TEST(SegmenterTest, GivesTheSameTokensOnEveryThread) {
    const std::string document = "小区楼下烧烤店油烟很大，晚上噪音扰民";
    const std::string expected = IndexTokens(document);
    std::vector<std::string> results(4);
    std::vector<std::thread> threads;
    for (std::string& result : results) {
        threads.emplace_back([&document, &result] {
            for (int i = 0; i < 50; ++i) {
                result = IndexTokens(document);
            }
        });
    }
    for (std::thread& thread : threads) {
        thread.join();
    }
    for (const std::string& result : results) {
        EXPECT_EQ(result, expected);
    }
}

TEST(NormalizeTest, FoldsWidthCompatibilityFormsAndCase) {
    EXPECT_EQ(NormalizeText("ＡＢＣ小区１２号"), "abc小区12号");
    EXPECT_EQ(NormalizeText("WiFi　①Ⅻ"), "wifi 1xii");
    EXPECT_EQ(NormalizeText("暖气不热"), "暖气不热");
}

TEST(Fts5MatchExpressionTest, QuotesEachTermAndJoinsWithAnd) {
    EXPECT_EQ(Fts5MatchExpression({"暖气", "不热"}), R"("暖气" AND "不热")");
    EXPECT_EQ(Fts5MatchExpression({"wifi"}), R"("wifi")");
    EXPECT_EQ(Fts5MatchExpression({R"(a"b)", "or"}), R"("a""b" AND "or")");
    EXPECT_EQ(Fts5MatchExpression({}), "");
}

TEST(TsQueryExpressionTest, QuotesEachLexemeAndJoinsWithAnd) {
    EXPECT_EQ(TsQueryExpression({"暖气", "不热"}), "'暖气' & '不热'");
    EXPECT_EQ(TsQueryExpression({"3"}), "'3'");
    EXPECT_EQ(TsQueryExpression({"it's", R"(a\b)"}), R"('it''s' & 'a\\b')");
    EXPECT_EQ(TsQueryExpression({}), "");
}

}  // namespace
}  // namespace minqing::text
