// Fuzzes the case work list's query string: the bytes follow "GET /api/v1/cases?", are
// decoded as the server decodes a target, then go through the filter decoder
// (DecodeCaseFilters: states, enums, ids, ISO 8601 dates, sort, limit), the keyset cursor
// (DecodeCaseCursor) and the keyword's search terms with the match expressions built from them
// (text::QueryTerms, Fts5MatchExpression, TsQueryExpression).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "api/case_json.hpp"
#include "http/request.hpp"
#include "service/case_cursor.hpp"
#include "text/segmenter.hpp"

namespace {

namespace text = minqing::text;

void CheckTerms(const std::string& keyword) {
    const std::vector<std::string> terms = text::QueryTerms(keyword);
    if (terms.size() > text::kMaxQueryTerms) {
        std::abort();
    }
    for (const std::string& term : terms) {
        if (term.empty() || term.find(' ') != std::string::npos) {
            std::abort();
        }
    }
    // An empty expression must only ever mean "no terms": the caller would otherwise pass
    // an empty MATCH to the database.
    if (text::Fts5MatchExpression(terms).empty() != terms.empty() ||
        text::TsQueryExpression(terms).empty() != terms.empty()) {
        std::abort();
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string target =
        "/api/v1/cases?" + std::string(reinterpret_cast<const char*>(data), size);
    minqing::http::Request request;
    request.method = "GET";
    request.target = target;
    if (!minqing::http::DecodeRequestTarget(target, request)) {
        return 0;
    }
    const auto filters = minqing::api::DecodeCaseFilters(request);
    if (filters) {
        if (!filters->keyword.empty()) {
            CheckTerms(filters->keyword);
        }
    } else if (filters.error().fields.empty()) {
        std::abort();
    }
    const std::string cursor = request.QueryParam("cursor");
    if (const auto decoded = minqing::service::DecodeCaseCursor(cursor)) {
        // What decodes is what the server could have handed out.
        if (minqing::service::DecodeCaseCursor(minqing::service::EncodeCaseCursor(*decoded)) !=
            decoded) {
            std::abort();
        }
    }
    return 0;
}
