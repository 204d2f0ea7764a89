// Owning handles for the Cairo and Pango objects of the report layer, and the one way its
// renderers lay out a piece of text (face, size, letter spacing, width, alignment) in Chinese.
// Internal to report/. Each object belongs to one rendering call; nothing is shared.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <cairo.h>
#include <pango/pangocairo.h>

namespace minqing::report {

struct CairoDeleter {
    void operator()(cairo_t* cr) const { cairo_destroy(cr); }
    void operator()(cairo_surface_t* surface) const { cairo_surface_destroy(surface); }
};
struct GObjectDeleter {
    void operator()(void* object) const { g_object_unref(object); }
};
struct PangoDeleter {
    void operator()(PangoFontDescription* description) const {
        pango_font_description_free(description);
    }
    void operator()(PangoAttrList* attributes) const { pango_attr_list_unref(attributes); }
    void operator()(PangoLayoutIter* iter) const { pango_layout_iter_free(iter); }
};

using CairoSurfaceHandle = std::unique_ptr<cairo_surface_t, CairoDeleter>;
using CairoHandle = std::unique_ptr<cairo_t, CairoDeleter>;
using PangoFontMapHandle = std::unique_ptr<PangoFontMap, GObjectDeleter>;
using PangoContextHandle = std::unique_ptr<PangoContext, GObjectDeleter>;
using PangoLayoutHandle = std::unique_ptr<PangoLayout, GObjectDeleter>;

/// What a piece of text is set in.
struct TextFace {
    std::string family;
    double size_pt = 16;
    bool bold = false;
    double letter_spacing_pt = 0;  ///< added after each character; negative tightens
};

/// How a layout wraps and aligns.
struct TextFrame {
    double width_pt = 0;  ///< 0: one line, no wrapping
    PangoAlignment alignment = PANGO_ALIGN_LEFT;
    double indent_pt = 0;  ///< first-line indent; negative: hanging indent of the other lines
    bool justify = false;
    int max_lines = 0;  ///< > 0: at most this many lines, the last one ellipsized
};

/// A font map of its own for one document. Pango's default map belongs to the thread and keeps
/// every font it ever loaded until the process ends; one per document gives that memory back.
PangoFontMapHandle MakeFontMap();

/// A Pango context on `font_map` for drawing on `cr` that measures in points (72 dpi), with
/// unhinted metrics and unrounded glyph positions (a PDF has no pixel grid to snap to), and
/// Simplified Chinese as its language so that fonts and punctuation forms are the SC ones.
/// `font_map` must outlive the context.
PangoContextHandle MakeChineseContext(cairo_t* cr, PangoFontMap* font_map);

/// A layout of UTF-8 `text` in `face` within `frame`. Line breaking is Pango's (UAX #14),
/// which keeps closing punctuation off the start of a line and opening brackets off its end.
PangoLayoutHandle MakeLayout(PangoContext* context, std::string_view text, const TextFace& face,
                             const TextFrame& frame = {});

/// One line of a layout, with its horizontal offset from the layout's left edge (alignment and
/// indent included), in points.
struct LaidOutLine {
    PangoLayoutLine* line = nullptr;  ///< owned by the layout
    double x_offset_pt = 0;
};
std::vector<LaidOutLine> LinesOf(PangoLayout* layout);

/// The width and height of the layout's logical extents, in points.
double LayoutWidth(PangoLayout* layout);
double LayoutHeight(PangoLayout* layout);

/// Draws `layout` with its top left corner at (x, y); a layout with a width is aligned within
/// that width.
void ShowLayoutAt(cairo_t* cr, PangoLayout* layout, double x, double y);

/// Draws one line with its baseline starting at (x, baseline).
void ShowLineAt(cairo_t* cr, PangoLayoutLine* line, double x, double baseline);

/// The family of `candidates` that fontconfig has installed, compared case-insensitively; the
/// `fallback` when none is.
std::string FirstInstalledFamily(PangoContext* context, const std::vector<std::string>& candidates,
                                 const std::string& fallback);

}  // namespace minqing::report
