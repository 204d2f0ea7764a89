#include "report/chart_drawing.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <numbers>
#include <string_view>
#include <vector>

#include "report/typeset_text.hpp"

namespace minqing::report {
namespace {

// Greys rather than colours: bulletins are photocopied and printed in black and white.
constexpr double kSeriesGrey = 0.3;
constexpr double kComparisonGrey = 0.35;
constexpr double kGridGrey = 0.82;
constexpr double kAxisLineWidth = 0.8;
constexpr double kGridLineWidth = 0.4;
constexpr double kHatchSpacing = 3.0;
constexpr double kHatchLineWidth = 0.6;
constexpr double kSeriesLineWidth = 1.6;
constexpr double kComparisonLineWidth = 1.3;
constexpr double kDash[] = {4.0, 2.5};
constexpr double kMarkerRadius = 2.6;
constexpr int kTargetTicks = 5;
constexpr double kGap = 4.0;
constexpr int kMaxLabelLines = 2;
// Share of a category's width the bars take, the rest separating categories.
constexpr double kBarShare = 0.62;
// Tick labels, values and the unit are a size below the category labels.
constexpr double kSmallTextScale = 0.9;

struct Scale {
    double low = 0;
    double high = 1;
    double step = 1;
};

// A value axis from 0 (or below, for negative data) to a round figure past the largest value,
// with room left above it for the value printed on the tallest bar.
Scale ValueScale(const Chart& chart, bool with_comparison) {
    double low = 0;
    double high = 0;
    auto take = [&](const std::vector<double>& values) {
        for (double v : values) {
            low = std::min(low, v);
            high = std::max(high, v);
        }
    };
    take(chart.values);
    if (with_comparison) {
        take(chart.comparison);
    }
    if (high <= low) {
        high = low + 1;
    }
    const double raw_step = (high - low) / kTargetTicks;
    const double magnitude = std::pow(10.0, std::floor(std::log10(raw_step)));
    const double normalised = raw_step / magnitude;
    double step = 10;
    for (double nice : {1.0, 2.0, 2.5, 5.0}) {
        if (normalised <= nice) {
            step = nice;
            break;
        }
    }
    step *= magnitude;
    Scale scale{std::floor(low / step) * step, std::ceil(high / step) * step, step};
    constexpr double kHeadroom = 0.08;
    if (scale.high - high < kHeadroom * (scale.high - scale.low)) {
        scale.high += step;
    }
    return scale;
}

void SetGrey(cairo_t* cr, double grey) {
    cairo_set_source_rgb(cr, grey, grey, grey);
}

void HatchRectangle(cairo_t* cr, double x, double y, double width, double height) {
    cairo_save(cr);
    cairo_rectangle(cr, x, y, width, height);
    SetGrey(cr, 1.0);
    cairo_fill_preserve(cr);
    cairo_clip(cr);
    SetGrey(cr, 0.0);
    cairo_set_line_width(cr, kHatchLineWidth);
    for (double offset = -height; offset < width; offset += kHatchSpacing) {
        cairo_move_to(cr, x + offset, y + height);
        cairo_line_to(cr, x + offset + height, y);
    }
    cairo_stroke(cr);
    cairo_restore(cr);
    cairo_rectangle(cr, x, y, width, height);
    cairo_set_line_width(cr, kHatchLineWidth);
    cairo_stroke(cr);
}

void FillRectangle(cairo_t* cr, double x, double y, double width, double height) {
    SetGrey(cr, kSeriesGrey);
    cairo_rectangle(cr, x, y, width, height);
    cairo_fill(cr);
}

void Marker(cairo_t* cr, double x, double y, bool comparison) {
    if (comparison) {
        // A hollow square: still tells the series apart where the lines cross.
        SetGrey(cr, 1.0);
        cairo_rectangle(cr, x - kMarkerRadius, y - kMarkerRadius, 2 * kMarkerRadius,
                        2 * kMarkerRadius);
        cairo_fill_preserve(cr);
        SetGrey(cr, kComparisonGrey);
        cairo_set_line_width(cr, kHatchLineWidth + 0.4);
        cairo_set_dash(cr, nullptr, 0, 0);
        cairo_stroke(cr);
        return;
    }
    SetGrey(cr, 0.0);
    cairo_arc(cr, x, y, kMarkerRadius, 0, 2 * std::numbers::pi);
    cairo_fill(cr);
}

void SetLineStyle(cairo_t* cr, bool comparison) {
    if (comparison) {
        SetGrey(cr, kComparisonGrey);
        cairo_set_line_width(cr, kComparisonLineWidth);
        cairo_set_dash(cr, kDash, 2, 0);
    } else {
        SetGrey(cr, 0.0);
        cairo_set_line_width(cr, kSeriesLineWidth);
        cairo_set_dash(cr, nullptr, 0, 0);
    }
}

struct Fonts {
    PangoContext* context;
    TextFace title;
    TextFace text;
    TextFace small;
};

// The legend, centred on one row at `y`: a swatch drawn like the series, then its name.
double DrawLegend(cairo_t* cr, const Fonts& fonts, const Chart& chart, bool with_comparison,
                  const ChartFrame& frame, double y) {
    struct Entry {
        std::string_view name;
        bool comparison;
    };
    std::vector<Entry> entries;
    if (!chart.series_name.empty() || with_comparison) {
        entries.push_back({chart.series_name, false});
    }
    if (with_comparison) {
        entries.push_back({chart.comparison_name, true});
    }
    if (entries.empty()) {
        return y;
    }
    const double swatch_width = chart.kind == Chart::Kind::kBars ? 12.0 : 22.0;
    const double swatch_height = 8.0;
    std::vector<PangoLayoutHandle> names;
    double total = 0;
    for (const Entry& entry : entries) {
        names.push_back(MakeLayout(fonts.context, entry.name, fonts.text));
        total += swatch_width + kGap + LayoutWidth(names.back().get()) + 3 * kGap;
    }
    total -= 3 * kGap;
    double x = frame.x + (frame.width - total) / 2;
    const double row_height = LayoutHeight(names.front().get());
    for (std::size_t i = 0; i < entries.size(); ++i) {
        const double middle = y + row_height / 2;
        if (chart.kind == Chart::Kind::kBars) {
            if (entries[i].comparison) {
                HatchRectangle(cr, x, middle - swatch_height / 2, swatch_width, swatch_height);
            } else {
                FillRectangle(cr, x, middle - swatch_height / 2, swatch_width, swatch_height);
            }
        } else {
            SetLineStyle(cr, entries[i].comparison);
            cairo_move_to(cr, x, middle);
            cairo_line_to(cr, x + swatch_width, middle);
            cairo_stroke(cr);
            Marker(cr, x + swatch_width / 2, middle, entries[i].comparison);
        }
        x += swatch_width + kGap;
        SetGrey(cr, 0.0);
        ShowLayoutAt(cr, names[i].get(), x, y);
        x += LayoutWidth(names[i].get()) + 3 * kGap;
    }
    cairo_set_dash(cr, nullptr, 0, 0);
    return y + row_height;
}

// The plot area and value scale of one chart, and the steps that draw it.
class ChartPainter {
  public:
    ChartPainter(cairo_t* cr, PangoContext* context, const Chart& chart, const ChartFrame& frame)
        : cr_(cr),
          chart_(chart),
          frame_(frame),
          with_comparison_(!chart.comparison.empty() &&
                           chart.comparison.size() == chart.values.size()),
          fonts_{context,
                 {frame.title_family, frame.title_size_pt, true, 0},
                 {frame.text_family, frame.text_size_pt, false, 0},
                 {frame.text_family, frame.text_size_pt * kSmallTextScale, false, 0}},
          scale_(ValueScale(chart, with_comparison_)) {}

    void Draw() {
        cairo_save(cr_);
        const double legend_bottom = DrawTitleAndLegend();
        LayOutPlot(legend_bottom);
        DrawValueAxis();
        if (!chart_.values.empty()) {
            DrawCategoryLabels();
            if (chart_.kind == Chart::Kind::kBars) {
                DrawBars();
            } else {
                DrawLines();
            }
        }
        cairo_restore(cr_);
    }

  private:
    PangoLayoutHandle Text(std::string_view text, const TextFace& face,
                           const TextFrame& frame = {}) const {
        return MakeLayout(fonts_.context, text, face, frame);
    }

    // Returns where the plot may begin.
    double DrawTitleAndLegend() {
        std::string title = chart_.title;
        if (!chart_.unit.empty()) {
            title += "（单位：" + chart_.unit + "）";
        }
        const auto layout =
            Text(title, fonts_.title, {.width_pt = frame_.width, .alignment = PANGO_ALIGN_CENTER});
        SetGrey(cr_, 0.0);
        ShowLayoutAt(cr_, layout.get(), frame_.x, frame_.y);
        const double y = frame_.y + LayoutHeight(layout.get()) + kGap;
        return DrawLegend(cr_, fonts_, chart_, with_comparison_, frame_, y) + kGap;
    }

    void LayOutPlot(double top) {
        ticks_ = static_cast<int>(std::lround((scale_.high - scale_.low) / scale_.step));
        tick_label_width_ = 0;
        for (int i = 0; i <= ticks_; ++i) {
            const auto label = Text(FormatFigure(TickValue(i)), fonts_.small);
            tick_label_width_ = std::max(tick_label_width_, LayoutWidth(label.get()));
            small_height_ = LayoutHeight(label.get());
        }
        const double label_line = LayoutHeight(Text("国", fonts_.text).get());
        left_ = frame_.x + tick_label_width_ + 2 * kGap;
        right_ = frame_.x + frame_.width - kGap;
        // Room above the top grid line for the unit and the value on the tallest bar.
        top_ = top + small_height_ + kGap;
        bottom_ = frame_.y + frame_.height - kMaxLabelLines * label_line - kGap;
        slot_ = (right_ - left_) / static_cast<double>(std::max<std::size_t>(1, Count()));
    }

    std::size_t Count() const { return chart_.values.size(); }
    double TickValue(int i) const { return scale_.low + i * scale_.step; }
    double YOf(double value) const {
        return bottom_ - (value - scale_.low) / (scale_.high - scale_.low) * (bottom_ - top_);
    }
    double CentreOf(std::size_t i) const { return left_ + slot_ * (static_cast<double>(i) + 0.5); }

    // Grid lines with their values, the unit above them, then the axes.
    void DrawValueAxis() {
        for (int i = 0; i <= ticks_; ++i) {
            const double y = YOf(TickValue(i));
            SetGrey(cr_, kGridGrey);
            cairo_set_line_width(cr_, kGridLineWidth);
            cairo_move_to(cr_, left_, y);
            cairo_line_to(cr_, right_, y);
            cairo_stroke(cr_);
            const auto label = Text(FormatFigure(TickValue(i)), fonts_.small);
            SetGrey(cr_, 0.0);
            ShowLayoutAt(cr_, label.get(), left_ - kGap - LayoutWidth(label.get()),
                         y - small_height_ / 2);
        }
        const auto unit = Text(chart_.unit, fonts_.small);
        ShowLayoutAt(cr_, unit.get(), left_ - kGap - LayoutWidth(unit.get()),
                     top_ - small_height_ - kGap);
        SetGrey(cr_, 0.0);
        cairo_set_line_width(cr_, kAxisLineWidth);
        cairo_move_to(cr_, left_, top_ - kGap);
        cairo_line_to(cr_, left_, bottom_);
        cairo_move_to(cr_, left_, YOf(0));
        cairo_line_to(cr_, right_, YOf(0));
        cairo_stroke(cr_);
    }

    void DrawCategoryLabels() {
        SetGrey(cr_, 0.0);
        for (std::size_t i = 0; i < Count(); ++i) {
            const auto label = Text(i < chart_.labels.size() ? chart_.labels[i] : "", fonts_.text,
                                    {.width_pt = slot_ - 2,
                                     .alignment = PANGO_ALIGN_CENTER,
                                     .max_lines = kMaxLabelLines});
            ShowLayoutAt(cr_, label.get(), CentreOf(i) - slot_ / 2 + 1, bottom_ + kGap);
        }
    }

    // The value centred over a bar or point whose top is at `y` (under it when negative).
    void DrawFigure(double value, double centre, double y, double below_y) {
        const auto figure = Text(FormatFigure(value), fonts_.small);
        SetGrey(cr_, 0.0);
        ShowLayoutAt(cr_, figure.get(), centre - LayoutWidth(figure.get()) / 2,
                     value >= 0 ? y - small_height_ - 1 : below_y + 1);
    }

    void DrawBars() {
        const int bars = with_comparison_ ? 2 : 1;
        const double bar_width = slot_ * kBarShare / bars;
        const double zero_y = YOf(0);
        for (std::size_t i = 0; i < Count(); ++i) {
            double bar_left = CentreOf(i) - bar_width * bars / 2;
            for (int b = 0; b < bars; ++b) {
                const bool comparison = b == 1;
                const double value = comparison ? chart_.comparison[i] : chart_.values[i];
                const double top = std::min(YOf(value), zero_y);
                const double height = std::fabs(YOf(value) - zero_y);
                if (comparison) {
                    HatchRectangle(cr_, bar_left, top, bar_width, height);
                } else {
                    FillRectangle(cr_, bar_left, top, bar_width, height);
                }
                DrawFigure(value, bar_left + bar_width / 2, top, top + height);
                bar_left += bar_width;
            }
        }
    }

    // The comparison first, so the series is drawn over it where they cross.
    void DrawLines() {
        for (const bool comparison : {true, false}) {
            if (comparison && !with_comparison_) {
                continue;
            }
            const std::vector<double>& values = comparison ? chart_.comparison : chart_.values;
            SetLineStyle(cr_, comparison);
            cairo_move_to(cr_, CentreOf(0), YOf(values[0]));
            for (std::size_t i = 1; i < Count(); ++i) {
                cairo_line_to(cr_, CentreOf(i), YOf(values[i]));
            }
            cairo_stroke(cr_);
            for (std::size_t i = 0; i < Count(); ++i) {
                Marker(cr_, CentreOf(i), YOf(values[i]), comparison);
            }
        }
        cairo_set_dash(cr_, nullptr, 0, 0);
        for (std::size_t i = 0; i < Count(); ++i) {
            const double y = YOf(chart_.values[i]);
            DrawFigure(chart_.values[i], CentreOf(i), y - kMarkerRadius, y + kMarkerRadius);
        }
    }

    cairo_t* cr_;
    const Chart& chart_;
    const ChartFrame& frame_;
    const bool with_comparison_;
    const Fonts fonts_;
    const Scale scale_;
    int ticks_ = 0;
    double tick_label_width_ = 0;
    double small_height_ = 0;
    double left_ = 0;
    double right_ = 0;
    double top_ = 0;
    double bottom_ = 0;
    double slot_ = 1;
};

}  // namespace

std::string FormatFigure(double value) {
    const double rounded = std::round(value);
    constexpr double kWholeTolerance = 1e-9;
    if (std::fabs(value - rounded) > kWholeTolerance) {
        char buffer[32];
        std::snprintf(buffer, sizeof buffer, "%.1f", value);
        return buffer;
    }
    char digits[32];
    std::snprintf(digits, sizeof digits, "%.0f", std::fabs(rounded));
    const std::string plain = digits;
    std::string grouped;
    for (std::size_t i = 0; i < plain.size(); ++i) {
        if (i > 0 && (plain.size() - i) % 3 == 0) {
            grouped += ',';
        }
        grouped += plain[i];
    }
    return rounded < 0 ? "-" + grouped : grouped;
}

void DrawChart(cairo_t* cr, PangoContext* context, const Chart& chart, const ChartFrame& frame) {
    ChartPainter(cr, context, chart, frame).Draw();
}

}  // namespace minqing::report
