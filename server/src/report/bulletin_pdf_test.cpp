#include "report/bulletin_pdf.hpp"

#include <array>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "common/testing/command_output.hpp"
#include "common/testing/temp_directory.hpp"

namespace minqing::report {
namespace {

namespace fs = std::filesystem;

std::vector<std::string> Lines(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream stream(text);
    for (std::string line; std::getline(stream, line);) {
        lines.push_back(line);
    }
    return lines;
}

// Strips ASCII spaces, form feeds and the ideographic space from both ends.
std::string Trim(std::string line) {
    const std::string ideographic_space = "\u3000";
    bool changed = true;
    while (changed) {
        changed = false;
        while (!line.empty() && (line.back() == ' ' || line.back() == '\f')) {
            line.pop_back();
            changed = true;
        }
        while (!line.empty() && (line.front() == ' ' || line.front() == '\f')) {
            line.erase(0, 1);
            changed = true;
        }
        if (line.starts_with(ideographic_space)) {
            line.erase(0, ideographic_space.size());
            changed = true;
        }
        if (line.ends_with(ideographic_space)) {
            line.erase(line.size() - ideographic_space.size());
            changed = true;
        }
    }
    return line;
}

Block Heading(Block::Kind kind, std::string text) {
    return {kind, std::move(text), {}};
}
Block Paragraph(std::string text) {
    return {Block::Kind::kParagraph, std::move(text), {}};
}

// An issue written the way a 社情民意专报 reads, with closing punctuation and brackets at many
// positions so that a line breaker ignoring them would put one at a line's start or end.
BulletinDocument RealisticIssue() {
    BulletinDocument issue;
    issue.classification = "内部资料　注意保存";
    issue.issue_label = "第 12 期";
    issue.issuer = "吉林市社区居民社情民意绿色通道工作办公室";
    issue.date = "2026年12月5日";
    issue.title = "关于2026年11月全市社区居民诉求办理情况及冬季供热问题的分析报告";
    const auto h1 = Block::Kind::kHeading1;
    const auto h2 = Block::Kind::kHeading2;
    const auto h3 = Block::Kind::kHeading3;
    issue.blocks = {
        Paragraph("11月，全市社区居民社情民意绿色通道共受理群众诉求1,286件，同比上升12.4%，"
                  "环比上升31.7%；办结1,203件，按期办结率97.3%，群众满意率95.8%。进入供暖期后，"
                  "供热、物业、道路积雪等季节性问题集中反映，《吉林市城市供热管理条例》（以下简称"
                  "《条例》）的落实情况成为群众关注的焦点。现将有关情况报告如下："),
        Heading(h1, "诉求受理总体情况"),
        Heading(h2, "诉求总量明显上升"),
        Paragraph("从受理渠道看，12345热线转办612件，占47.6%；社区网格员上报398件，占30.9%；"
                  "“绿色通道”微信小程序提交276件，占21.5%。从诉求性质看，求助类（含咨询）"
                  "841件，投诉类（含举报）327件，建议类118件。其中，涉及供热的诉求达到483件，"
                  "同比上升28.1%，占诉求总量的37.6%！群众反映“室温不达标”、“暖气不热”"
                  "的问题最为集中；部分老旧小区管网老化、失修，问题反复出现？值得关注。"),
        Heading(h2, "各县（市）区分布不均衡"),
        Paragraph("从区域看，船营区受理312件，昌邑区287件，丰满区203件，龙潭区176件，高新区"
                  "108件，经开区94件，其他县（市）106件。船营区、昌邑区老旧小区集中，"
                  "诉求量合计占全市的46.6%；丰满区同比上升最快（上升41.2%），"
                  "主要集中在新建小区的物业交付、配套设施（如停车位、充电桩）等方面。"),
        Block{Block::Kind::kChart,
              "",
              {Chart::Kind::kBars,
               "2026年11月各县（市）区受理诉求件数",
               "件",
               {"船营区", "昌邑区", "丰满区", "龙潭区", "高新区", "经开区", "其他县（市）"},
               {312, 287, 203, 176, 108, 94, 106},
               "2026年11月",
               {271, 262, 144, 168, 101, 83, 115},
               "2025年11月"}},
        Heading(h1, "群众反映的主要问题"),
        Heading(h2, "供热质量问题"),
        Heading(h3, "室温不达标"),
        Paragraph("据统计，反映室温低于18℃的诉求共计296件，占供热类诉求的61.3%。其中，"
                  "昌邑区某小区（建于1998年）连续三年冬季出现同类问题，居民多次反映，"
                  "供热企业以“管网改造需统一规划”为由推诿；群众意见较大，情绪激动，"
                  "已有12户居民联名上书《关于解决小区供暖问题的请求》。"),
        Heading(h3, "收费与退费争议"),
        Paragraph("反映供热收费、停供退费等问题的诉求共87件；其中，对“报停”后仍收取基础热费"
                  "（按30%收取）有异议的占六成以上。部分居民认为：收费标准不透明、"
                  "告知不到位、退费流程繁琐（需往返多个部门）！"),
        Heading(h2, "物业服务与环境问题"),
        Paragraph("反映物业服务的诉求214件，同比上升9.8%，主要是小区道路积雪清理不及时、"
                  "电梯故障维修慢、公共区域照明损坏等；反映环境卫生的诉求97件，"
                  "主要集中在背街小巷垃圾清运（每周不足两次）、冬季排水井冻堵等方面。"
                  "“最后一公里”问题仍然突出，群众获得感有待提升。"),
        Block{Block::Kind::kChart,
              "",
              {Chart::Kind::kLine,
               "2026年6月至11月诉求受理量走势",
               "件",
               {"6月", "7月", "8月", "9月", "10月", "11月"},
               {842, 905, 871, 798, 976, 1286},
               "2026年",
               {811, 862, 903, 775, 864, 1144},
               "2025年"}},
        Heading(h1, "工作建议"),
        Heading(h2, "压实供热企业主体责任"),
        Paragraph("建议由市住房和城乡建设局牵头，对反映集中的老旧小区开展“一户一测”室温"
                  "检测，对不达标的（低于18℃）限期整改；对推诿扯皮、整改不力的供热企业，"
                  "依据《条例》第三十二条予以通报，并纳入年度考核。同时，建立供热问题"
                  "“日调度、周通报”机制，确保群众诉求件件有回音、事事有着落。"),
        Heading(h2, "推动诉求办理提质增效"),
        Paragraph("一是完善“接诉即办”工作流程，对供热、积雪等季节性诉求实行“绿色通道”"
                  "优先办理；二是加强回访，对“已办结、不满意”的诉求（11月共53件）"
                  "逐件复核；三是用好数据分析，按月发布《社情民意专报》，为市委、市政府"
                  "决策提供参考。"),
    };
    issue.report_to = {"市委书记", "市长", "市委副书记", "市委常委、秘书长", "分管副市长"};
    issue.send_to = {"市住房和城乡建设局", "市城市管理行政执法局", "市信访局",
                     "各县（市）区人民政府"};
    issue.copy_to = {"各街道办事处", "各社区居民委员会"};
    issue.copies = 60;
    return issue;
}

class BulletinPdfTest : public ::testing::Test {
  protected:
    static void SetUpTestSuite() {
        directory_ = new test_support::TempDirectory();
        pdf_bytes_ = new std::string(BulletinPdf(RealisticIssue()));
        std::ofstream(Pdf(), std::ios::binary) << *pdf_bytes_;
        // MINQING_REPORT_SHOTS=dir keeps the PDF and a PNG of each page there, to look at.
        if (const char* shots = std::getenv("MINQING_REPORT_SHOTS")) {
            fs::create_directories(shots);
            std::ofstream(fs::path(shots) / "bulletin.pdf", std::ios::binary) << *pdf_bytes_;
            test_support::CommandOutput("pdftoppm -png -r 80 " + Pdf() + " " +
                                        (fs::path(shots) / "page").string());
        }
    }
    static void TearDownTestSuite() {
        delete directory_;
        delete pdf_bytes_;
    }
    static std::string Pdf() { return (directory_->path() / "bulletin.pdf").string(); }

    static test_support::TempDirectory* directory_;
    static std::string* pdf_bytes_;
};
test_support::TempDirectory* BulletinPdfTest::directory_ = nullptr;
std::string* BulletinPdfTest::pdf_bytes_ = nullptr;

int PageCount(const std::string& pdfinfo) {
    const auto at = pdfinfo.find("Pages:");
    return at == std::string::npos ? 0 : std::atoi(pdfinfo.c_str() + at + 6);
}

TEST_F(BulletinPdfTest, IsAnA4PdfOfSeveralPages) {
    ASSERT_TRUE(pdf_bytes_->starts_with("%PDF-"));
    const std::string info = test_support::CommandOutput("pdfinfo " + Pdf());
    EXPECT_GE(PageCount(info), 2) << info;
    EXPECT_NE(info.find("595.276 x 841.89 pts (A4)"), std::string::npos) << info;
    EXPECT_NE(info.find("社情民意专报"), std::string::npos) << info;
}

TEST_F(BulletinPdfTest, CarriesTheTitleBlockNumberedHeadingsAndClosingBlock) {
    const std::string text = test_support::CommandOutput("pdftotext -layout " + Pdf() + " -");
    for (const char* expected : {"内部资料",
                                 "社情民意专报",
                                 "第 12 期",
                                 "吉林市社区居民社情民意绿色通道工作办公室",
                                 "2026年12月5日",
                                 "关于2026年11月全市社区居民诉求办理情况",
                                 "一、诉求受理总体情况",
                                 "（一）诉求总量明显上升",
                                 "（二）各县（市）区分布不均衡",
                                 "二、群众反映的主要问题",
                                 "（一）供热质量问题",
                                 "1.室温不达标",
                                 "2.收费与退费争议",
                                 "（二）物业服务与环境问题",
                                 "三、工作建议",
                                 "（一）压实供热企业主体责任",
                                 "报：市委书记，市长",
                                 "送：市住房和城乡建设局",
                                 "发：各街道办事处",
                                 "（共印 60 份）",
                                 "各县（市）区受理诉求件数（单位：件）",
                                 "诉求受理量走势（单位：件）",
                                 "1,286"}) {
        EXPECT_NE(text.find(expected), std::string::npos) << "missing " << expected;
    }
}

TEST_F(BulletinPdfTest, NumbersEveryPageAtItsFoot) {
    const std::string text = test_support::CommandOutput("pdftotext -layout " + Pdf() + " -");
    const int pages = PageCount(test_support::CommandOutput("pdfinfo " + Pdf()));
    // pdftotext drops the narrow spaces inside "— 1 —", so compare without spaces.
    std::vector<std::string> numbers;
    for (std::string line : Lines(text)) {
        std::erase(line, ' ');
        if (line.starts_with("\f")) {
            line.erase(0, 1);
        }
        if (line.starts_with("—") && line.ends_with("—")) {
            numbers.push_back(line);
        }
    }
    ASSERT_EQ(static_cast<int>(numbers.size()), pages) << text;
    for (int page = 1; page <= pages; ++page) {
        EXPECT_EQ(numbers[static_cast<std::size_t>(page - 1)], "—" + std::to_string(page) + "—");
    }
}

TEST_F(BulletinPdfTest, EmbedsEveryFontAndUsesNotoCjk) {
    const std::string fonts = test_support::CommandOutput("pdffonts " + Pdf());
    const auto lines = Lines(fonts);
    ASSERT_GT(lines.size(), 2u) << fonts;
    // The header row names the columns; "emb" is the first of the three yes/no columns.
    const auto emb_column = lines[0].find("emb");
    ASSERT_NE(emb_column, std::string::npos) << fonts;
    for (std::size_t i = 2; i < lines.size(); ++i) {
        EXPECT_EQ(lines[i].substr(emb_column, 3), "yes") << lines[i];
    }
    EXPECT_NE(fonts.find("NotoSerifCJK"), std::string::npos) << fonts;
    EXPECT_NE(fonts.find("NotoSansCJK"), std::string::npos) << fonts;
}

// Chinese line-breaking rules: the marks that may not start a line and those that may not end
// one.
const std::array<std::string, 11> kNoLineStart = {"。", "，", "、", "；", "：", "？",
                                                  "！", "）", "》", "」", "』"};
const std::array<std::string, 4> kNoLineEnd = {"（", "《", "「", "『"};

// The lines of `text` that break a rule, each with the mark it starts or ends with.
std::vector<std::string> BadLineBreaks(const std::string& text) {
    std::vector<std::string> bad;
    for (const std::string& raw : Lines(text)) {
        const std::string line = Trim(raw);
        for (const std::string& mark : kNoLineStart) {
            if (line.starts_with(mark)) {
                bad.push_back("starts with " + mark + ": " + line);
            }
        }
        for (const std::string& mark : kNoLineEnd) {
            if (line.ends_with(mark)) {
                bad.push_back("ends with " + mark + ": " + line);
            }
        }
    }
    return bad;
}

TEST(BadLineBreaksTest, FindsMarksAtTheWrongEndOfALine) {
    EXPECT_EQ(BadLineBreaks("诉求受理\n。办结率\n  》的落实\n关于（\n正常的一行\n").size(), 3u);
    EXPECT_TRUE(BadLineBreaks("（一）诉求\n《条例》实施，\n").empty());
}

TEST_F(BulletinPdfTest, KeepsClosingPunctuationOffLineStartsAndOpeningOffLineEnds) {
    const std::string text = test_support::CommandOutput("pdftotext -layout " + Pdf() + " -");
    EXPECT_GT(Lines(text).size(), 100u);
    for (const std::string& bad : BadLineBreaks(text)) {
        ADD_FAILURE() << bad;
    }
}

// Paragraphs built so that breaking after exactly 28 characters (26 on the indented first
// line) would put each mark at the start of a line, or each opening bracket at the end.
TEST_F(BulletinPdfTest, MovesACharacterToAvoidEveryForbiddenBreak) {
    auto han = [](int count) {
        std::string text;
        for (int i = 0; i < count; ++i) {
            text += "情";
        }
        return text;
    };
    BulletinDocument issue;
    issue.issuer = "办公室";
    for (const std::string& mark : kNoLineStart) {
        issue.blocks.push_back(Paragraph(han(26) + mark + han(27) + mark + han(27) + mark));
    }
    for (const std::string& mark : kNoLineEnd) {
        issue.blocks.push_back(Paragraph(han(25) + mark + han(27) + mark + han(27) + mark + "情"));
    }
    const fs::path path = fs::path(Pdf()).replace_filename("traps.pdf");
    std::ofstream(path, std::ios::binary) << BulletinPdf(issue);
    const std::string text = test_support::CommandOutput("pdftotext " + path.string() + " -");
    EXPECT_GT(Lines(text).size(), 3 * (kNoLineStart.size() + kNoLineEnd.size()));
    for (const std::string& bad : BadLineBreaks(text)) {
        ADD_FAILURE() << bad;
    }
}

TEST_F(BulletinPdfTest, SetsBodyTextOnAGridOf22LinesOf28Characters) {
    BulletinDocument issue;
    issue.issuer = "办公室";
    std::string han;
    for (int i = 0; i < 200; ++i) {
        han += "社情民意绿色通道工作";
    }
    issue.blocks = {Paragraph(han)};
    const fs::path path = fs::path(Pdf()).replace_filename("grid.pdf");
    std::ofstream(path, std::ios::binary) << BulletinPdf(issue);
    const std::string text = test_support::CommandOutput("pdftotext " + path.string() + " -");
    // The first line indented by two characters holds 26, then 28 a line.
    EXPECT_NE(text.find("\n社情民意绿色通道工作社情民意绿色通道工作社情民意绿色\n"),
              std::string::npos)
        << text;
    EXPECT_NE(text.find("\n通道工作社情民意绿色通道工作社情民意绿色通道工作社情民意\n"),
              std::string::npos)
        << text;
    // Page 2 is body text only: 22 lines, then its number.
    int lines = 0;
    for (const std::string& line :
         Lines(test_support::CommandOutput("pdftotext -f 2 -l 2 " + path.string() + " -"))) {
        const std::string trimmed = Trim(line);
        if (!trimmed.empty() && !trimmed.starts_with("—")) {
            ++lines;
            EXPECT_EQ(trimmed.size(), 28 * std::string("情").size()) << trimmed;
        }
    }
    EXPECT_EQ(lines, 22);
}

// Wherever the text before it ends, a heading never ends a page: it moves to the next one
// with the first line of its paragraph.
TEST_F(BulletinPdfTest, NeverLeavesAHeadingAtTheFootOfAPage) {
    const fs::path path = fs::path(Pdf()).replace_filename("keep.pdf");
    for (int filler_lines = 12; filler_lines <= 17; ++filler_lines) {
        BulletinDocument issue;
        issue.issuer = "办公室";
        std::string filler;
        for (int i = 0; i < 26 + 28 * (filler_lines - 1); ++i) {
            filler += "情";
        }
        issue.blocks = {Paragraph(filler), Heading(Block::Kind::kHeading1, "工作建议"),
                        Paragraph("建议由市住房和城乡建设局牵头，开展室温检测。")};
        std::ofstream(path, std::ios::binary) << BulletinPdf(issue);
        std::istringstream pages(test_support::CommandOutput("pdftotext " + path.string() + " -"));
        for (std::string page; std::getline(pages, page, '\f');) {
            std::string last_text;
            for (const std::string& line : Lines(page)) {
                const std::string trimmed = Trim(line);
                if (!trimmed.empty() && !trimmed.starts_with("—")) {
                    last_text = trimmed;
                }
            }
            EXPECT_NE(last_text, "一、工作建议") << filler_lines << " lines before the heading";
        }
    }
}

// Reads a binary PPM (P6, maxval 255) from pdftoppm.
struct Image {
    int width = 0;
    int height = 0;
    std::string pixels;
    bool IsRed(int x, int y) const {
        const auto at = 3 * (static_cast<std::size_t>(y) * static_cast<std::size_t>(width) +
                             static_cast<std::size_t>(x));
        const auto r = static_cast<unsigned char>(pixels[at]);
        const auto g = static_cast<unsigned char>(pixels[at + 1]);
        const auto b = static_cast<unsigned char>(pixels[at + 2]);
        return r > 170 && g < 90 && b < 90;
    }
};

Image ReadPpm(const std::string& bytes) {
    Image image;
    std::istringstream stream(bytes);
    std::string magic;
    int maxval = 0;
    stream >> magic >> image.width >> image.height >> maxval;
    stream.get();
    if (magic != "P6" || maxval != 255) {
        return {};
    }
    image.pixels.assign(std::istreambuf_iterator<char>(stream), {});
    return image;
}

TEST_F(BulletinPdfTest, PrintsTheMastheadInRedAtTheTopCentre) {
    const Image page = ReadPpm(test_support::CommandOutput("pdftoppm -r 60 -f 1 -l 1 " + Pdf()));
    // A4 at 60 dpi, give or take pdftoppm's rounding.
    ASSERT_NEAR(page.width, 496, 1);
    ASSERT_NEAR(page.height, 702, 1);
    ASSERT_EQ(page.pixels.size(), 3u * static_cast<std::size_t>(page.width * page.height));
    // The masthead lies between 37 mm and about 37 + 10 + 22 mm from the top (the
    // classification line comes first), in the middle half of the width.
    int red_in_masthead = 0;
    for (int y = 37 * 60 * 10 / 254; y < 72 * 60 * 10 / 254; ++y) {
        for (int x = page.width / 4; x < page.width * 3 / 4; ++x) {
            red_in_masthead += page.IsRed(x, y) ? 1 : 0;
        }
    }
    EXPECT_GT(red_in_masthead, 500);
    // Nothing red in the lower half of the page: the body is black.
    int red_below = 0;
    for (int y = page.height / 2; y < page.height; ++y) {
        for (int x = 0; x < page.width; ++x) {
            red_below += page.IsRed(x, y) ? 1 : 0;
        }
    }
    EXPECT_EQ(red_below, 0);
}

TEST(ChineseNumeralTest, NumbersHeadingsTheChineseWay) {
    EXPECT_EQ(ChineseNumeral(1), "一");
    EXPECT_EQ(ChineseNumeral(9), "九");
    EXPECT_EQ(ChineseNumeral(10), "十");
    EXPECT_EQ(ChineseNumeral(11), "十一");
    EXPECT_EQ(ChineseNumeral(20), "二十");
    EXPECT_EQ(ChineseNumeral(35), "三十五");
    EXPECT_EQ(ChineseNumeral(99), "九十九");
    EXPECT_EQ(ChineseNumeral(100), "100");
    EXPECT_EQ(ChineseNumeral(0), "0");
}

}  // namespace
}  // namespace minqing::report
