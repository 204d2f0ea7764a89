// Draws a bulletin Chart (bars or a trend line) as vector graphics on a Cairo context, legible
// when printed in black and white: dark grey bars beside hatched ones, a solid line beside a
// dashed one, a legend, values on the bars, the unit on the value axis. Internal to report/;
// each call draws on the caller's context only.
#pragma once

#include <string>

#include <cairo.h>
#include <pango/pangocairo.h>

#include "report/bulletin_document.hpp"

namespace minqing::report {

/// Where and in what the chart is drawn, in points.
struct ChartFrame {
    double x = 0;
    double y = 0;  ///< top
    double width = 0;
    double height = 0;
    std::string title_family;  ///< the chart title
    std::string text_family;   ///< legend, axis labels and values
    double title_size_pt = 14;
    double text_size_pt = 10.5;
};

/// Draws `chart` inside `frame`: its title with the unit ("…（单位：件）"), a legend when the
/// series are named or compared, a value axis from 0 with round steps, one label per category
/// (wrapped to two lines at most) and the values. A comparison series not as long as the
/// values is left out; a chart without values draws its title and empty axes.
void DrawChart(cairo_t* cr, PangoContext* context, const Chart& chart, const ChartFrame& frame);

/// `value` as the bulletin prints figures: whole numbers with thousands separators ("1,286"),
/// others with one decimal ("97.3").
std::string FormatFigure(double value);

}  // namespace minqing::report
