// Typesets one issue of the 《社情民意专报》 bulletin as an A4 PDF with Pango on Cairo: the
// title block on page 1, numbered headings, paragraphs and charts flowing over pages, page
// numbers, and the closing block on the last page (shared/design/BULLETIN.md). Fonts are
// embedded as subsets. Thread-safe: each call builds its own surface and Pango context.
#pragma once

#include <string>

#include "report/bulletin_document.hpp"
#include "report/bulletin_style.hpp"

namespace minqing::report {

/// The PDF file of `document` set in `style`, as bytes.
/// Headings are numbered by their position: level 1 一、二、…, level 2 （一）（二）… restarting
/// under each level 1, level 3 1. 2. … restarting under each level 2. A paragraph may break
/// across pages; a heading or a chart never does, and a heading moves to the next page rather
/// than end one. Chinese line breaking keeps closing punctuation (。，、；：？！）》」』) off the
/// start of a line and opening brackets (（《「『) off its end.
/// A chart whose comparison series is neither empty nor as long as its values is drawn
/// without the comparison. Throws std::runtime_error when Cairo fails (out of memory).
std::string BulletinPdf(const BulletinDocument& document, const BulletinStyle& style = {});

/// "一", "二", …, "十", "十一", …, "九十九": the Chinese numeral that numbers headings;
/// the decimal digits for n outside 1–99.
std::string ChineseNumeral(int n);

}  // namespace minqing::report
