// The content of one issue of the 《社情民意专报》 bulletin as plain data: what the bulletin
// service fills in and BulletinPdf typesets (docs: shared/design/BULLETIN.md). No layout, no
// Pango types: numbering, fonts and page breaks are the renderer's. Plain values; thread-safe.
#pragma once

#include <string>
#include <vector>

namespace minqing::report {

/// A chart drawn as vector graphics: one series of values over labels (districts, categories
/// or periods), optionally beside a comparison series (the previous period, the same period a
/// year before) of the same length.
struct Chart {
    enum class Kind {
        kBars,  ///< one bar per label; with a comparison, a pair of bars per label
        kLine,  ///< a trend: one point per label, joined
    };
    Kind kind = Kind::kBars;
    std::string title;  ///< "各县（市）区受理诉求件数", without the unit
    std::string unit;   ///< "件", shown after the title and on the value axis; may be empty
    std::vector<std::string> labels;
    std::vector<double> values;  ///< one per label
    std::string series_name;     ///< the legend's name for `values`, "2026年"
    /// Optional: empty, or one value per label, drawn hatched (bars) or dashed (line).
    std::vector<double> comparison;
    std::string comparison_name;  ///< the legend's name for `comparison`, "2025年"
};

/// One piece of the body, in reading order. Headings are numbered by position ("一、",
/// "（一）", "1."), so `text` holds the heading without its number.
struct Block {
    enum class Kind { kHeading1, kHeading2, kHeading3, kParagraph, kChart };
    Kind kind = Kind::kParagraph;
    std::string text;  ///< headings and paragraphs; unused for a chart
    Chart chart;       ///< kChart only
};

/// One issue: the title block (版头) of page 1, the body, and the closing block (版记) at the
/// foot of the last page.
struct BulletinDocument {
    std::string classification;  ///< "内部资料　注意保存" above the masthead; empty: none
    std::string masthead = "社情民意专报";
    std::string issue_label;  ///< "第 12 期", "专报第 3 期", "（特刊）"
    std::string issuer;       ///< "吉林市社区居民社情民意绿色通道工作办公室"
    std::string date;         ///< "2026年12月5日"
    std::string title;        ///< the issue's title; long ones take two lines
    std::vector<Block> blocks;
    std::vector<std::string> report_to;  ///< 报： leaders
    std::vector<std::string> send_to;    ///< 送： member units and district offices
    std::vector<std::string> copy_to;    ///< 发： street offices and others
    int copies = 0;                      ///< （共印 N 份）; 0 leaves the line out
};

}  // namespace minqing::report
