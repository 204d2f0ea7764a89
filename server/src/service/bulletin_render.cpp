#include "service/bulletin_render.hpp"

#include <cstdint>

#include "domain/case_stats.hpp"
#include "report/xlsx_workbook.hpp"

namespace minqing::service {
namespace {

using report::Block;

Block Text(Block::Kind kind, std::string text) {
    Block block;
    block.kind = kind;
    block.text = std::move(text);
    return block;
}

report::Chart ChartOf(const domain::BulletinChart& chart) {
    report::Chart drawn;
    drawn.kind = report::Chart::Kind::kBars;
    drawn.title = chart.title;
    drawn.unit = chart.unit;
    drawn.labels = chart.labels;
    drawn.values = chart.values;
    drawn.series_name = chart.series_name;
    drawn.comparison = chart.comparison;
    drawn.comparison_name = chart.comparison_name;
    return drawn;
}

// A section's text: one paragraph per non-empty line.
void AddParagraphs(std::vector<Block>& blocks, const std::string& text) {
    std::size_t start = 0;
    while (start <= text.size()) {
        const auto end = std::min(text.find('\n', start), text.size());
        std::string line = text.substr(start, end - start);
        if (!line.empty() && line.back() == '\r') {
            line.pop_back();
        }
        if (line.find_first_not_of(" \t") != std::string::npos) {
            blocks.push_back(Text(Block::Kind::kParagraph, std::move(line)));
        }
        start = end + 1;
    }
}

std::vector<std::string> Names(const std::vector<domain::BulletinRecipient>& recipients) {
    std::vector<std::string> names;
    for (const auto& recipient : recipients) {
        names.push_back(recipient.name);
    }
    return names;
}

std::string Digits(std::string_view text, std::size_t at, std::size_t length) {
    const std::string part(text.substr(at, length));
    return std::to_string(std::stoi(part));
}

}  // namespace

std::string IssuingOfficeName(const std::string& division_name) {
    return division_name + "社区居民社情民意绿色通道工作办公室";
}

std::string ChineseDate(Instant at) {
    const std::string day = domain::FormatDayNumber(domain::DayNumberOf(at));  // 2026-12-05
    return day.substr(0, 4) + "年" + Digits(day, 5, 2) + "月" + Digits(day, 8, 2) + "日";
}

report::BulletinDocument BulletinDocumentOf(const domain::Bulletin& bulletin,
                                            const std::string& issuer_name, Instant now) {
    report::BulletinDocument document;
    document.classification = "内部资料　注意保存";
    if (bulletin.number) {
        document.issue_label =
            (bulletin.series == domain::BulletinSeries::kSpecial ? "专报第 " : "第 ") +
            std::to_string(*bulletin.number) + " 期";
    } else {
        document.issue_label = "草稿";
    }
    document.issuer = IssuingOfficeName(issuer_name);
    document.date = ChineseDate(bulletin.issued_at.value_or(now));
    document.title = bulletin.title;
    auto& blocks = document.blocks;
    blocks.push_back(
        Text(Block::Kind::kParagraph, "（统计时段：" + domain::PeriodText(bulletin) + "，" +
                                          domain::FormatDayNumber(bulletin.period_from) + "至" +
                                          domain::FormatDayNumber(bulletin.period_to - 1) + "）"));
    for (const auto& section : bulletin.sections) {
        blocks.push_back(Text(Block::Kind::kHeading1, section.title));
        AddParagraphs(blocks, section.text);
        for (const auto& chart : section.charts) {
            Block block;
            block.kind = Block::Kind::kChart;
            block.chart = ChartOf(chart);
            blocks.push_back(std::move(block));
        }
        for (const auto& c : section.cases) {
            blocks.push_back(Text(Block::Kind::kHeading2, c.title + "（" + c.number + "）"));
            AddParagraphs(blocks, c.done);
        }
    }
    document.report_to = Names(bulletin.distribution.report_to);
    document.send_to = Names(bulletin.distribution.send_to);
    document.copy_to = Names(bulletin.distribution.copy_to);
    return document;
}

std::string BulletinAnnex(const domain::Bulletin& bulletin) {
    report::XlsxWorkbook workbook;
    using Column = report::XlsxColumn;
    workbook.AddSheet(
        "数据", {{"部分", 20}, {"指标", 36}, {"数值", 12, Column::Kind::kDecimal, 1}, {"单位", 8}});
    for (const auto& section : bulletin.sections) {
        for (const auto& figure : section.figures) {
            workbook.AddRow({section.title, figure.label, figure.value, figure.unit});
        }
    }
    for (const auto& section : bulletin.sections) {
        for (const auto& chart : section.charts) {
            const bool compared = chart.comparison.size() == chart.values.size();
            std::vector<Column> columns = {{"项目", 30},
                                           {chart.series_name.empty() ? "数值" : chart.series_name,
                                            12, Column::Kind::kInteger}};
            if (compared) {
                columns.push_back({chart.comparison_name, 12, Column::Kind::kInteger});
            }
            workbook.AddSheet(chart.title, columns);
            for (std::size_t i = 0; i < chart.labels.size() && i < chart.values.size(); ++i) {
                std::vector<report::XlsxCell> row = {chart.labels[i], chart.values[i]};
                if (compared) {
                    row.emplace_back(chart.comparison[i]);
                }
                workbook.AddRow(row);
            }
        }
    }
    return workbook.Finish();
}

}  // namespace minqing::service
