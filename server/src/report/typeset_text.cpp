#include "report/typeset_text.hpp"

#include <algorithm>
#include <cctype>

namespace minqing::report {
namespace {

// Pango measures in 1/PANGO_SCALE of a point once the resolution is 72 dpi.
int ToPangoUnits(double points) {
    return pango_units_from_double(points);
}
double FromPangoUnits(int units) {
    return pango_units_to_double(units);
}

bool SameFamily(std::string_view a, std::string_view b) {
    return std::ranges::equal(a, b, [](char x, char y) {
        return std::tolower(static_cast<unsigned char>(x)) ==
               std::tolower(static_cast<unsigned char>(y));
    });
}

}  // namespace

PangoFontMapHandle MakeFontMap() {
    return PangoFontMapHandle(pango_cairo_font_map_new());
}

PangoContextHandle MakeChineseContext(cairo_t* cr, PangoFontMap* font_map) {
    PangoContextHandle context(pango_font_map_create_context(font_map));
    pango_cairo_update_context(cr, context.get());
    // Cairo's PDF surface measures in points; Pango's default of 96 dpi would scale every size.
    pango_cairo_context_set_resolution(context.get(), 72);
    cairo_font_options_t* options = cairo_font_options_create();
    cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
    cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
    pango_cairo_context_set_font_options(context.get(), options);
    cairo_font_options_destroy(options);
    pango_context_set_round_glyph_positions(context.get(), FALSE);
    pango_context_set_language(context.get(), pango_language_from_string("zh-cn"));
    return context;
}

PangoLayoutHandle MakeLayout(PangoContext* context, std::string_view text, const TextFace& face,
                             const TextFrame& frame) {
    PangoLayoutHandle layout(pango_layout_new(context));
    std::unique_ptr<PangoFontDescription, PangoDeleter> font(pango_font_description_new());
    pango_font_description_set_family(font.get(), face.family.c_str());
    pango_font_description_set_absolute_size(font.get(), face.size_pt * PANGO_SCALE);
    pango_font_description_set_weight(font.get(),
                                      face.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
    pango_layout_set_font_description(layout.get(), font.get());
    if (face.letter_spacing_pt != 0) {
        std::unique_ptr<PangoAttrList, PangoDeleter> attributes(pango_attr_list_new());
        pango_attr_list_insert(attributes.get(),
                               pango_attr_letter_spacing_new(ToPangoUnits(face.letter_spacing_pt)));
        pango_layout_set_attributes(layout.get(), attributes.get());
    }
    if (frame.width_pt > 0) {
        pango_layout_set_width(layout.get(), ToPangoUnits(frame.width_pt));
        pango_layout_set_wrap(layout.get(), PANGO_WRAP_WORD_CHAR);
    }
    pango_layout_set_alignment(layout.get(), frame.alignment);
    pango_layout_set_indent(layout.get(), ToPangoUnits(frame.indent_pt));
    pango_layout_set_justify(layout.get(), frame.justify ? TRUE : FALSE);
    if (frame.max_lines > 0) {
        pango_layout_set_height(layout.get(), -frame.max_lines);
        pango_layout_set_ellipsize(layout.get(), PANGO_ELLIPSIZE_END);
    }
    pango_layout_set_text(layout.get(), text.data(), static_cast<int>(text.size()));
    return layout;
}

std::vector<LaidOutLine> LinesOf(PangoLayout* layout) {
    std::vector<LaidOutLine> lines;
    std::unique_ptr<PangoLayoutIter, PangoDeleter> iter(pango_layout_get_iter(layout));
    do {
        PangoRectangle logical;
        pango_layout_iter_get_line_extents(iter.get(), nullptr, &logical);
        lines.push_back(
            {pango_layout_iter_get_line_readonly(iter.get()), FromPangoUnits(logical.x)});
    } while (pango_layout_iter_next_line(iter.get()) != FALSE);
    return lines;
}

double LayoutWidth(PangoLayout* layout) {
    PangoRectangle logical;
    pango_layout_get_extents(layout, nullptr, &logical);
    return FromPangoUnits(logical.width);
}

double LayoutHeight(PangoLayout* layout) {
    PangoRectangle logical;
    pango_layout_get_extents(layout, nullptr, &logical);
    return FromPangoUnits(logical.height);
}

void ShowLayoutAt(cairo_t* cr, PangoLayout* layout, double x, double y) {
    cairo_move_to(cr, x, y);
    pango_cairo_show_layout(cr, layout);
}

void ShowLineAt(cairo_t* cr, PangoLayoutLine* line, double x, double baseline) {
    cairo_move_to(cr, x, baseline);
    pango_cairo_show_layout_line(cr, line);
}

std::string FirstInstalledFamily(PangoContext* context, const std::vector<std::string>& candidates,
                                 const std::string& fallback) {
    PangoFontFamily** families = nullptr;
    int count = 0;
    pango_font_map_list_families(pango_context_get_font_map(context), &families, &count);
    std::string found = fallback;
    for (const std::string& candidate : candidates) {
        const bool installed = std::any_of(families, families + count, [&](PangoFontFamily* f) {
            return SameFamily(pango_font_family_get_name(f), candidate);
        });
        if (installed) {
            found = candidate;
            break;
        }
    }
    g_free(families);
    return found;
}

}  // namespace minqing::report
