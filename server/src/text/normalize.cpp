#include "text/normalize.hpp"

#include <cstdint>
#include <limits>
#include <stdexcept>

#include <unicode/normalizer2.h>
#include <unicode/utypes.h>

namespace minqing::text {

icu::UnicodeString NormalizeToUnicode(std::string_view utf8) {
    // ICU indexes strings with int32_t; free text is checked to a few thousand characters long
    // before it gets here, so anything near 2 GiB is a bug upstream, not user input.
    if (utf8.size() > static_cast<std::size_t>(std::numeric_limits<std::int32_t>::max())) {
        throw std::length_error("text too long to normalise");
    }
    UErrorCode status = U_ZERO_ERROR;
    // NFKC_Casefold rather than NFKC followed by lower-casing: one pass, and it is the form
    // Unicode recommends for caseless identifier matching, which is what keyword search is.
    const icu::Normalizer2* normalizer = icu::Normalizer2::getNFKCCasefoldInstance(status);
    if (U_FAILURE(status)) {
        throw std::runtime_error(std::string("ICU NFKC_Casefold data unavailable: ") +
                                 u_errorName(status));
    }
    const icu::UnicodeString source = icu::UnicodeString::fromUTF8(
        icu::StringPiece(utf8.data(), static_cast<std::int32_t>(utf8.size())));
    icu::UnicodeString normalized = normalizer->normalize(source, status);
    if (U_FAILURE(status)) {
        throw std::runtime_error(std::string("ICU normalisation failed: ") + u_errorName(status));
    }
    return normalized;
}

std::string NormalizeText(std::string_view utf8) {
    std::string out;
    NormalizeToUnicode(utf8).toUTF8String(out);
    return out;
}

}  // namespace minqing::text
