// AssessmentService::Export: a period's results as the .xlsx the city office circulates, one
// sheet per peer group, each measure as "n / d" beside its percentage.
#include <algorithm>
#include <array>
#include <utility>

#include "report/xlsx_workbook.hpp"
#include "service/assessment_service.hpp"

namespace minqing::service {
namespace {

using domain::AssessmentMeasure;
using domain::PeerGroup;
using report::XlsxCell;
using report::XlsxColumn;
using Kind = XlsxColumn::Kind;

constexpr std::array<std::pair<AssessmentMeasure, std::string_view>, 16> kMeasureTitles = {{
    {AssessmentMeasure::kOnTimeSigning, "按期签收率"},
    {AssessmentMeasure::kResponse, "响应率"},
    {AssessmentMeasure::kOnTimeAnswer, "按期办结率"},
    {AssessmentMeasure::kCompletion, "办结率"},
    {AssessmentMeasure::kResolution, "解决率"},
    {AssessmentMeasure::kSatisfaction, "满意率"},
    {AssessmentMeasure::kSatisfactionStrict, "满意率(不含基本满意)"},
    {AssessmentMeasure::kReturnRate, "退回率"},
    {AssessmentMeasure::kRefusedReturns, "退回未获准率"},
    {AssessmentMeasure::kCorrectDispatch, "准确分转率"},
    {AssessmentMeasure::kReopen, "重办率"},
    {AssessmentMeasure::kExtension, "延期率"},
    {AssessmentMeasure::kAverageHandlingDays, "平均办理时长(工作日)"},
    {AssessmentMeasure::kDirectResolution, "直接办结率"},
    {AssessmentMeasure::kValidReports, "有效上报率"},
    {AssessmentMeasure::kRepeatRequests, "重复诉求率"},
}};

constexpr std::array<std::pair<PeerGroup, std::string_view>, 6> kGroupTitles = {{
    {PeerGroup::kCityUnits, "市直单位"},
    {PeerGroup::kDistrictUnits, "区属单位"},
    {PeerGroup::kDistricts, "县(市)区"},
    {PeerGroup::kStreets, "街道"},
    {PeerGroup::kCommunities, "社区"},
    {PeerGroup::kGridWorkers, "网格员"},
}};

constexpr double kPercent = 100.0;

std::string_view MeasureTitle(AssessmentMeasure measure) {
    for (const auto& [value, title] : kMeasureTitles) {
        if (value == measure) {
            return title;
        }
    }
    return domain::AssessmentMeasureName(measure);
}

std::string_view GroupTitle(std::optional<PeerGroup> group) {
    for (const auto& [value, title] : kGroupTitles) {
        if (value == group) {
            return title;
        }
    }
    return "其他";
}

// The measures any of `rows` has, in the order of the measure list.
std::vector<AssessmentMeasure> MeasuresOf(const std::vector<const domain::UnitAssessment*>& rows) {
    std::vector<AssessmentMeasure> measures;
    for (const AssessmentMeasure measure : domain::AllAssessmentMeasures()) {
        if (std::ranges::any_of(rows,
                                [&](const auto* row) { return row->measures.contains(measure); })) {
            measures.push_back(measure);
        }
    }
    return measures;
}

std::vector<XlsxColumn> ColumnsOf(bool scoped, const std::vector<AssessmentMeasure>& measures) {
    std::vector<XlsxColumn> columns = {{"排名", 8, Kind::kText}, {"单位", 34, Kind::kText}};
    if (scoped) {
        columns.push_back({"所属区", 16, Kind::kText});
    }
    columns.push_back({"综合得分", 10, Kind::kDecimal, 2});
    columns.push_back({"案件数", 9, Kind::kInteger});
    for (const AssessmentMeasure measure : measures) {
        const std::string title(MeasureTitle(measure));
        columns.push_back({title + " n / d", 16, Kind::kText});
        columns.push_back({title, 12, domain::IsAverage(measure) ? Kind::kDecimal : Kind::kPercent,
                           domain::IsAverage(measure) ? 2 : 1});
    }
    columns.push_back({"扣分", 8, Kind::kDecimal, 1});
    columns.push_back({"加分", 8, Kind::kDecimal, 1});
    return columns;
}

std::vector<XlsxCell> RowOf(const domain::UnitAssessment& unit, const std::string& name,
                            const std::string* scope_name,
                            const std::vector<AssessmentMeasure>& measures) {
    std::vector<XlsxCell> cells;
    cells.emplace_back(unit.rank ? XlsxCell(std::to_string(*unit.rank))
                                 : XlsxCell(std::string(unit.below_minimum ? "不参与排名" : "—")));
    cells.emplace_back(name);
    if (scope_name != nullptr) {
        cells.emplace_back(*scope_name);
    }
    cells.emplace_back(unit.composite ? XlsxCell(*unit.composite) : XlsxCell());
    cells.emplace_back(unit.case_count);
    for (const AssessmentMeasure measure : measures) {
        const auto found = unit.measures.find(measure);
        if (found == unit.measures.end()) {
            cells.emplace_back();
            cells.emplace_back();
            continue;
        }
        const auto& result = found->second;
        const auto value = result.Value(measure);
        cells.emplace_back(std::to_string(result.numerator) + " / " +
                           std::to_string(result.denominator));
        if (!value) {
            cells.emplace_back();
        } else {
            cells.emplace_back(domain::IsAverage(measure) ? *value : *value / kPercent);
        }
    }
    double deductions = 0;
    double bonus = 0;
    for (const auto& adjustment : unit.adjustments) {
        (adjustment.points < 0 ? deductions : bonus) += adjustment.points;
    }
    cells.emplace_back(-deductions);
    cells.emplace_back(bonus);
    return cells;
}

}  // namespace

Result<std::string> AssessmentService::Export(const domain::Principal& caller,
                                              std::string_view label) {
    auto results = Results(caller, label);
    if (!results) {
        return Fail(results.error());
    }
    const auto tree = org_tree_.Current();
    report::XlsxWorkbook workbook;
    for (const auto& [group, title] : kGroupTitles) {
        std::vector<const domain::UnitAssessment*> rows;
        for (const auto& unit : results->units) {
            if (unit.group == group) {
                rows.push_back(&unit);
            }
        }
        if (rows.empty()) {
            continue;
        }
        const bool scoped = group == PeerGroup::kDistrictUnits;
        const auto measures = MeasuresOf(rows);
        workbook.AddSheet(title, ColumnsOf(scoped, measures));
        for (const auto* row : rows) {
            const auto* scope = tree->Find(row->group_scope);
            const std::string scope_name = scope != nullptr ? scope->name : "";
            workbook.AddRow(
                RowOf(*row, results->names[row->unit], scoped ? &scope_name : nullptr, measures));
        }
    }
    if (results->units.empty()) {
        workbook.AddSheet(GroupTitle(std::nullopt), {{"说明", 40, Kind::kText}});
        workbook.AddRow({std::string("本期没有可见的考核结果")});
    }
    return workbook.Finish();
}

}  // namespace minqing::service
