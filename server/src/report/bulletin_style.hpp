// The typesetting settings of the bulletin: every default is the one BULLETIN.md gives
// (GB/T 9704-2012 sizes on A4, the free Noto CJK faces in place of 仿宋/小标宋/楷体), so an
// office that owns the official faces names them here instead. Plain values; thread-safe.
#pragma once

#include <string>
#include <vector>

namespace minqing::report {

/// An sRGB colour, each channel 0–1.
struct Rgb {
    double red = 0;
    double green = 0;
    double blue = 0;
};

struct BulletinStyle {
    // Page geometry, in millimetres.
    double page_width_mm = 210;   ///< A4
    double page_height_mm = 297;  ///< A4
    double type_width_mm = 156;   ///< the type area (版心)
    double type_height_mm = 225;
    double top_margin_mm = 37;
    double left_margin_mm = 28;

    // The text grid: the body's line pitch and letter spacing are derived from these so that a
    // page holds exactly `lines_per_page` lines of `characters_per_line` body characters.
    int lines_per_page = 22;
    int characters_per_line = 28;

    // Faces. Family names as fontconfig knows them.
    std::string body_family = "Noto Serif CJK SC";     ///< 仿宋-style body, level-3 headings
    std::string title_family = "Noto Serif CJK SC";    ///< 小标宋-style masthead and title
    std::string heading1_family = "Noto Sans CJK SC";  ///< 黑体-style level-1 headings
    /// 楷体-style faces for level-2 headings, in order of preference: the first one installed is
    /// used, and the body face when none is.
    std::vector<std::string> heading2_families = {"FZKai-Z03",     "KaiTi",      "KaiTi_GB2312",
                                                  "AR PL UKai CN", "TW-Kai",     "Kaiti SC",
                                                  "STKaiti",       "Noto Kai SC"};

    // Sizes, in points (3号 = 16 pt, 4号 = 14 pt, 2号 = 22 pt).
    double body_size_pt = 16;
    double title_size_pt = 22;
    double masthead_height_mm = 22;  ///< the height of the masthead's characters
    double page_number_size_pt = 14;
    double closing_size_pt = 14;  ///< the closing block (版记)
    double chart_text_size_pt = 10.5;
    double chart_title_size_pt = 14;

    /// The height of a chart, in body lines, so the text after it stays on the grid.
    int chart_lines = 10;
    /// Page numbers sit this far below the type area.
    double page_number_gap_mm = 7;

    Rgb red = {0.85, 0.0, 0.0};  ///< the masthead and the rule under the title block
    double red_rule_width_pt = 1.5;
    double thin_rule_width_pt = 0.7;  ///< the closing block's rules
};

}  // namespace minqing::report
