// The one normalisation every search and comparison of free text goes through, so that
// full-width and half-width forms, compatibility characters and letter case all compare equal.
// Pure; thread-safe (ICU's normaliser instances are immutable and shared).
#pragma once

#include <string>
#include <string_view>

#include <unicode/unistr.h>

namespace minqing::text {

/// The text under NFKC with case folding, as UTF-16 for further ICU work: full-width Latin,
/// digits and spaces become their ASCII forms (ＡＢＣ１２ → abc12, U+3000 → space), compatibility
/// characters take their plain form (① → 1, Ⅻ → xii), letters are case-folded (lower case) and
/// default-ignorable characters (zero-width space, soft hyphen) are removed. Han characters keep
/// their form, except compatibility ideographs and Kangxi radicals, which become the unified
/// ideograph. Bytes that are not valid UTF-8 become U+FFFD. Throws std::runtime_error only when
/// ICU's normalisation data cannot be loaded (a broken installation), std::length_error for
/// text of 2 GiB or more.
icu::UnicodeString NormalizeToUnicode(std::string_view utf8);

/// NormalizeToUnicode as UTF-8.
std::string NormalizeText(std::string_view utf8);

}  // namespace minqing::text
