// Fuzzes the JSON request decoders: the bytes are a request body, parsed by the API's own
// BodyObject (depth limit, object only) and then decoded by every hand-written decoder the
// case routes use: the staff and public case bodies (DecodeCaseDraft), an action body
// (DecodeCaseAction), and the text checks and search tokens intake applies to what they
// decoded. Each run starts from nothing; no state is kept between inputs.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "api/case_bodies.hpp"
#include "api/respond.hpp"
#include "http/request.hpp"
#include "text/segmenter.hpp"
#include "text/text_checks.hpp"

namespace {

using minqing::service::CaseDraft;

// The checks intake makes on the texts of a case, with its default limits.
void CheckTexts(const CaseDraft& draft) {
    const minqing::service::IntakeLimits limits;
    const struct {
        const std::string& text;
        std::size_t max;
        bool single_line;
    } texts[] = {
        {draft.title, limits.max_title, true},
        {draft.content, limits.max_content, false},
        {draft.location.address, limits.max_address, true},
        {draft.reporter.name, limits.max_name, true},
        {draft.fields.grid.evidence, limits.max_channel_text, false},
        {draft.fields.cadre.summary, limits.max_channel_text, false},
    };
    for (const auto& [text, max, single_line] : texts) {
        const auto reason = minqing::text::CheckText(text, max, true, single_line);
        // Only what passed the checks is stored and indexed.
        if (!reason) {
            const std::string tokens = minqing::text::IndexTokens(text);
            if (!tokens.empty() && (tokens.front() == ' ' || tokens.back() == ' ' ||
                                    tokens.find("  ") != std::string::npos)) {
                std::abort();
            }
        }
    }
}

void CheckProblems(const std::vector<minqing::FieldError>& problems) {
    for (const auto& problem : problems) {
        if (problem.reason.empty() || problem.message.empty()) {
            std::abort();
        }
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    minqing::http::Request request;
    request.method = "POST";
    request.path = "/api/v1/cases";
    request.headers.emplace_back("content-type", "application/json; charset=utf-8");
    request.body.assign(reinterpret_cast<const char*>(data), size);
    const auto body = minqing::api::BodyObject(request);
    if (!body) {
        return 0;
    }
    for (const bool is_public : {false, true}) {
        const auto decoded = minqing::api::DecodeCaseDraft(*body, is_public);
        // Every field error carries the stable reason the front end translates.
        CheckProblems(decoded.problems);
        CheckTexts(decoded.draft);
    }
    const auto action = minqing::api::DecodeCaseAction(minqing::domain::CaseAction::kAnswer, *body);
    if (!action) {
        CheckProblems(action.error().fields);
        return 0;
    }
    minqing::text::CheckText(action->input.answer_text,
                             minqing::service::IntakeLimits{}.max_content, false, false);
    return 0;
}
