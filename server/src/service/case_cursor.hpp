// The keyset cursor of the case work list: the sort key and id of the last row a page
// served, as the opaque "nextCursor" a client hands back for the next page. Pure; thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "domain/case.hpp"

namespace minqing::service {

/// Where the next page starts: after the row with this sort key and id.
struct CaseCursor {
    std::int64_t key = 0;
    domain::CaseId id = 0;

    bool operator==(const CaseCursor&) const = default;
};

/// "key.id" in decimal.
std::string EncodeCaseCursor(const CaseCursor& cursor);

/// The cursor EncodeCaseCursor wrote; nullopt for anything else (no dot, a part that is not
/// a whole 64-bit decimal number).
std::optional<CaseCursor> DecodeCaseCursor(std::string_view text);

}  // namespace minqing::service
