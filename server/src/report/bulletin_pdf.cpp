#include "report/bulletin_pdf.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include <cairo-pdf.h>

#include "report/chart_drawing.hpp"
#include "report/typeset_text.hpp"

namespace minqing::report {
namespace {

constexpr double kPointsPerMm = 72.0 / 25.4;
// CJK faces draw their ideographs in an em box whose top is 0.88 em above the baseline (Noto
// CJK's OS/2 typo ascender is 880 of 1000 units); centring that box in a grid line puts every
// face and size on the same visual line.
constexpr double kEmBoxAscent = 0.88;
// Pango rounds to 1/1024 pt and halves the letter spacing at a line's ends: without a little
// slack a line of exactly `characters_per_line` characters would wrap one character early.
constexpr double kLineWidthSlack = 1.0;
// Paragraphs and headings start two characters in, as Chinese official documents do.
constexpr int kFirstLineIndentCharacters = 2;
constexpr double kEpsilon = 0.01;
// The gap under the title block's date line before the red rule, and above a chart.
constexpr double kRuleGap = 4.0;
constexpr double kChartTopGap = 6.0;

// The page and the text grid in points, derived from the style.
struct Geometry {
    explicit Geometry(const BulletinStyle& style)
        : page_width(style.page_width_mm * kPointsPerMm),
          page_height(style.page_height_mm * kPointsPerMm),
          left(style.left_margin_mm * kPointsPerMm),
          top(style.top_margin_mm * kPointsPerMm),
          width(style.type_width_mm * kPointsPerMm),
          height(style.type_height_mm * kPointsPerMm),
          line_pitch(height / std::max(1, style.lines_per_page)),
          character_advance(width / std::max(1, style.characters_per_line)) {}

    double right() const { return left + width; }
    double bottom() const { return top + height; }

    double page_width;
    double page_height;
    double left;
    double top;
    double width;
    double height;
    double line_pitch;         ///< 22 lines fill the type area
    double character_advance;  ///< 28 body characters fill a line
};

cairo_status_t AppendToString(void* closure, const unsigned char* data, unsigned int length) {
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
    return CAIRO_STATUS_SUCCESS;
}

std::string JoinNames(const std::vector<std::string>& names) {
    std::string joined;
    for (const std::string& name : names) {
        if (!joined.empty()) {
            joined += "，";
        }
        joined += name;
    }
    return joined;
}

// Typesets one document onto a PDF surface, page after page, keeping a cursor on the grid.
class BulletinWriter {
  public:
    BulletinWriter(const BulletinDocument& document, const BulletinStyle& style, cairo_t* cr,
                   PangoFontMap* font_map)
        : document_(document),
          style_(style),
          grid_(style),
          cr_(cr),
          context_(MakeChineseContext(cr, font_map)),
          cursor_(grid_.top) {
        heading2_family_ =
            FirstInstalledFamily(context_.get(), style_.heading2_families, style_.body_family);
    }

    void Write() {
        WriteTitleBlock();
        for (std::size_t i = 0; i < document_.blocks.size(); ++i) {
            WriteBlock(i);
        }
        WriteClosingBlock();
        WritePageNumber();
    }

  private:
    TextFace BodyFace(const std::string& family, bool bold = false) const {
        return {family, style_.body_size_pt, bold, grid_.character_advance - style_.body_size_pt};
    }

    // The baseline of a line of `size_pt` text in the grid line starting at `line_top`.
    double Baseline(double line_top, double size_pt) const {
        return line_top + (grid_.line_pitch - size_pt) / 2 + kEmBoxAscent * size_pt;
    }

    bool Fits(double height) const { return cursor_ + height <= grid_.bottom() + kEpsilon; }
    bool AtPageTop() const { return cursor_ <= grid_.top + kEpsilon; }

    void SnapToGrid() {
        const double lines = std::ceil((cursor_ - grid_.top) / grid_.line_pitch - kEpsilon);
        cursor_ = grid_.top + lines * grid_.line_pitch;
    }

    void NewPage() {
        WritePageNumber();
        cairo_show_page(cr_);
        ++page_;
        cursor_ = grid_.top;
    }

    // "— 3 —" under the type area: odd pages right, even pages left, one character in.
    void WritePageNumber() {
        const TextFace face{style_.body_family, style_.page_number_size_pt, false, 0};
        const auto layout = MakeLayout(context_.get(), "— " + std::to_string(page_) + " —", face);
        const double one_character = style_.page_number_size_pt;
        const double x = page_ % 2 == 1 ? grid_.right() - one_character - LayoutWidth(layout.get())
                                        : grid_.left + one_character;
        const double baseline = grid_.bottom() + style_.page_number_gap_mm * kPointsPerMm +
                                kEmBoxAscent * style_.page_number_size_pt;
        cairo_set_source_rgb(cr_, 0, 0, 0);
        ShowLineAt(cr_, pango_layout_get_line_readonly(layout.get(), 0), x, baseline);
    }

    // Sets each line of `layout` in the next grid line, `x` being the layout's left edge.
    // With `may_break`, a line that does not fit starts a new page.
    void FlowLines(PangoLayout* layout, double x, double size_pt, bool may_break) {
        for (const LaidOutLine& line : LinesOf(layout)) {
            if (may_break && !Fits(grid_.line_pitch)) {
                NewPage();
            }
            ShowLineAt(cr_, line.line, x + line.x_offset_pt, Baseline(cursor_, size_pt));
            cursor_ += grid_.line_pitch;
        }
    }

    void WriteTitleBlock() {
        if (!document_.classification.empty()) {
            const auto layout = MakeLayout(context_.get(), document_.classification,
                                           BodyFace(style_.heading1_family));
            cairo_set_source_rgb(cr_, 0, 0, 0);
            FlowLines(layout.get(), grid_.left, style_.body_size_pt, false);
        }

        // The masthead: about 22 mm high, centred, in red; narrowed to the type area if long.
        double masthead_size = style_.masthead_height_mm * kPointsPerMm;
        auto masthead = MakeLayout(context_.get(), document_.masthead,
                                   {style_.title_family, masthead_size, true, 0});
        if (LayoutWidth(masthead.get()) > grid_.width) {
            masthead_size *= grid_.width / LayoutWidth(masthead.get());
            masthead = MakeLayout(context_.get(), document_.masthead,
                                  {style_.title_family, masthead_size, true, 0});
        }
        cairo_set_source_rgb(cr_, style_.red.red, style_.red.green, style_.red.blue);
        ShowLineAt(cr_, pango_layout_get_line_readonly(masthead.get(), 0),
                   grid_.left + (grid_.width - LayoutWidth(masthead.get())) / 2,
                   cursor_ + kEmBoxAscent * masthead_size);
        cursor_ += masthead_size;
        SnapToGrid();

        cairo_set_source_rgb(cr_, 0, 0, 0);
        if (!document_.issue_label.empty()) {
            const auto label = MakeLayout(
                context_.get(), document_.issue_label, BodyFace(style_.body_family),
                {.width_pt = grid_.width + kLineWidthSlack, .alignment = PANGO_ALIGN_CENTER});
            FlowLines(label.get(), grid_.left, style_.body_size_pt, false);
        }
        WriteIssuerAndDate(style_.body_size_pt, 0, document_.date);

        cairo_set_source_rgb(cr_, style_.red.red, style_.red.green, style_.red.blue);
        cairo_set_line_width(cr_, style_.red_rule_width_pt);
        const double rule_y = cursor_ + kRuleGap;
        cairo_move_to(cr_, grid_.left, rule_y);
        cairo_line_to(cr_, grid_.right(), rule_y);
        cairo_stroke(cr_);
        cursor_ = rule_y + grid_.line_pitch;
        SnapToGrid();

        cairo_set_source_rgb(cr_, 0, 0, 0);
        if (!document_.title.empty()) {
            const auto title = MakeLayout(
                context_.get(), document_.title,
                {style_.title_family, style_.title_size_pt, true, 0},
                {.width_pt = grid_.width + kLineWidthSlack, .alignment = PANGO_ALIGN_CENTER});
            FlowLines(title.get(), grid_.left, style_.title_size_pt, false);
            cursor_ += grid_.line_pitch;
        }
    }

    // The issuer on the left and `date` on the right of one grid line, `inset` in from the
    // type area's edges; a smaller size when both do not fit with a character between them.
    void WriteIssuerAndDate(double size_pt, double inset, const std::string& date) {
        TextFace face{style_.body_family, size_pt, false, 0};
        auto issuer = MakeLayout(context_.get(), document_.issuer, face);
        auto when = MakeLayout(context_.get(), date, face);
        const double available = grid_.width - 2 * inset - size_pt;
        const double needed = LayoutWidth(issuer.get()) + LayoutWidth(when.get());
        if (needed > available) {
            face.size_pt *= available / needed;
            issuer = MakeLayout(context_.get(), document_.issuer, face);
            when = MakeLayout(context_.get(), date, face);
        }
        const double baseline = Baseline(cursor_, face.size_pt);
        ShowLineAt(cr_, pango_layout_get_line_readonly(issuer.get(), 0), grid_.left + inset,
                   baseline);
        ShowLineAt(cr_, pango_layout_get_line_readonly(when.get(), 0),
                   grid_.right() - inset - LayoutWidth(when.get()), baseline);
        cursor_ += grid_.line_pitch;
    }

    std::string NumberedHeading(const Block& block) {
        switch (block.kind) {
            case Block::Kind::kHeading1:
                ++level1_;
                level2_ = 0;
                level3_ = 0;
                return ChineseNumeral(level1_) + "、" + block.text;
            case Block::Kind::kHeading2:
                ++level2_;
                level3_ = 0;
                return "（" + ChineseNumeral(level2_) + "）" + block.text;
            case Block::Kind::kHeading3:
                ++level3_;
                return std::to_string(level3_) + "." + block.text;
            case Block::Kind::kParagraph:
            case Block::Kind::kChart:
                break;
        }
        return block.text;
    }

    TextFace FaceOf(Block::Kind kind) const {
        switch (kind) {
            case Block::Kind::kHeading1:
                return BodyFace(style_.heading1_family);
            case Block::Kind::kHeading2:
                return BodyFace(heading2_family_);
            case Block::Kind::kHeading3:
            case Block::Kind::kParagraph:
            case Block::Kind::kChart:
                break;
        }
        return BodyFace(style_.body_family);
    }

    PangoLayoutHandle TextLayout(const std::string& text, Block::Kind kind) const {
        const bool paragraph = kind == Block::Kind::kParagraph;
        return MakeLayout(context_.get(), text, FaceOf(kind),
                          {.width_pt = grid_.width + kLineWidthSlack,
                           .indent_pt = kFirstLineIndentCharacters * grid_.character_advance,
                           .justify = paragraph});
    }

    double ChartHeight() const {
        return std::clamp(style_.chart_lines, 1, style_.lines_per_page) * grid_.line_pitch;
    }

    // The height that must stay on the page after block `index`'s start so that nothing is left
    // alone at the foot: a heading takes the first line of what follows (a whole chart, or the
    // next heading and what that keeps).
    double KeptHeight(std::size_t index) const {
        if (index >= document_.blocks.size()) {
            return 0;
        }
        const Block& block = document_.blocks[index];
        switch (block.kind) {
            case Block::Kind::kParagraph:
                return grid_.line_pitch;
            case Block::Kind::kChart:
                return ChartHeight();
            case Block::Kind::kHeading1:
            case Block::Kind::kHeading2:
            case Block::Kind::kHeading3:
                break;
        }
        // The number is not known here; a placeholder of the widest form measures the same.
        const auto layout = TextLayout("（十一）" + block.text, block.kind);
        return pango_layout_get_line_count(layout.get()) * grid_.line_pitch + KeptHeight(index + 1);
    }

    void WriteBlock(std::size_t index) {
        const Block& block = document_.blocks[index];
        cairo_set_source_rgb(cr_, 0, 0, 0);
        if (block.kind == Block::Kind::kChart) {
            if (!Fits(ChartHeight()) && !AtPageTop()) {
                NewPage();
            }
            const ChartFrame frame{.x = grid_.left,
                                   .y = cursor_ + kChartTopGap,
                                   .width = grid_.width,
                                   .height = ChartHeight() - kChartTopGap,
                                   .title_family = style_.heading1_family,
                                   .text_family = style_.body_family,
                                   .title_size_pt = style_.chart_title_size_pt,
                                   .text_size_pt = style_.chart_text_size_pt};
            DrawChart(cr_, context_.get(), block.chart, frame);
            cursor_ += ChartHeight();
            return;
        }
        if (block.kind == Block::Kind::kParagraph) {
            const auto layout = TextLayout(block.text, block.kind);
            FlowLines(layout.get(), grid_.left, style_.body_size_pt, true);
            return;
        }
        const auto layout = TextLayout(NumberedHeading(block), block.kind);
        const double height = pango_layout_get_line_count(layout.get()) * grid_.line_pitch;
        if (!Fits(height + KeptHeight(index + 1)) && !AtPageTop()) {
            NewPage();
        }
        FlowLines(layout.get(), grid_.left, style_.body_size_pt, false);
    }

    // 版记: at the foot of the last page, between thin rules, 报/送/发 with the names hanging
    // under the first, then the issuer, the date and the number of copies.
    void WriteClosingBlock() {
        const double size = style_.closing_size_pt;
        const double inset = size;  // one character in on both sides
        const TextFace face{style_.body_family, size, false, 0};
        std::vector<PangoLayoutHandle> lists;
        for (const auto& [label, names] :
             {std::pair{"报：", &document_.report_to}, std::pair{"送：", &document_.send_to},
              std::pair{"发：", &document_.copy_to}}) {
            if (names->empty()) {
                continue;
            }
            const auto label_layout = MakeLayout(context_.get(), label, face);
            lists.push_back(MakeLayout(context_.get(), label + JoinNames(*names), face,
                                       {.width_pt = grid_.width - 2 * inset,
                                        .indent_pt = -LayoutWidth(label_layout.get())}));
        }
        int lines = 1 + (document_.copies > 0 ? 1 : 0);
        for (const auto& list : lists) {
            lines += pango_layout_get_line_count(list.get());
        }
        const double block_top = grid_.bottom() - lines * grid_.line_pitch;
        if (cursor_ > block_top + kEpsilon) {
            NewPage();
        }
        cursor_ = block_top;
        cairo_set_source_rgb(cr_, 0, 0, 0);
        cairo_set_line_width(cr_, style_.thin_rule_width_pt);
        auto rule = [&] {
            cairo_move_to(cr_, grid_.left, cursor_);
            cairo_line_to(cr_, grid_.right(), cursor_);
            cairo_stroke(cr_);
        };
        rule();
        for (const auto& list : lists) {
            FlowLines(list.get(), grid_.left + inset, size, false);
        }
        if (!lists.empty()) {
            rule();
        }
        WriteIssuerAndDate(size, inset, document_.date + "印发");
        if (document_.copies > 0) {
            const auto copies = MakeLayout(
                context_.get(), "（共印 " + std::to_string(document_.copies) + " 份）", face);
            ShowLineAt(cr_, pango_layout_get_line_readonly(copies.get(), 0),
                       grid_.right() - inset - LayoutWidth(copies.get()), Baseline(cursor_, size));
            cursor_ += grid_.line_pitch;
        }
        rule();
    }

    const BulletinDocument& document_;
    const BulletinStyle& style_;
    const Geometry grid_;
    cairo_t* cr_;
    PangoContextHandle context_;
    std::string heading2_family_;
    double cursor_;
    int page_ = 1;
    int level1_ = 0;
    int level2_ = 0;
    int level3_ = 0;
};

}  // namespace

std::string ChineseNumeral(int n) {
    constexpr const char* kDigits[] = {"", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
    constexpr int kTen = 10;
    if (n < 1 || n >= kTen * kTen) {
        return std::to_string(n);
    }
    const int tens = n / kTen;
    const int units = n % kTen;
    std::string numeral;
    if (tens > 1) {
        numeral += kDigits[tens];
    }
    if (tens > 0) {
        numeral += "十";
    }
    numeral += kDigits[units];
    return numeral;
}

std::string BulletinPdf(const BulletinDocument& document, const BulletinStyle& style) {
    std::string pdf;
    const Geometry page(style);
    CairoSurfaceHandle surface(cairo_pdf_surface_create_for_stream(
        AppendToString, &pdf, page.page_width, page.page_height));
    const std::string title = document.masthead + " " + document.issue_label + " " + document.title;
    cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_TITLE, title.c_str());
    cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_AUTHOR,
                                   document.issuer.c_str());
    cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_CREATOR, "minqing");
    {
        const PangoFontMapHandle font_map = MakeFontMap();
        CairoHandle cr(cairo_create(surface.get()));
        BulletinWriter(document, style, cr.get(), font_map.get()).Write();
        if (cairo_status(cr.get()) != CAIRO_STATUS_SUCCESS) {
            throw std::runtime_error(std::string("bulletin PDF: ") +
                                     cairo_status_to_string(cairo_status(cr.get())));
        }
    }
    cairo_surface_finish(surface.get());
    if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS) {
        throw std::runtime_error(std::string("bulletin PDF: ") +
                                 cairo_status_to_string(cairo_surface_status(surface.get())));
    }
    return pdf;
}

}  // namespace minqing::report
