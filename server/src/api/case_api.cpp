// Cases: POST /api/v1/cases (staff intake, Idempotency-Key), GET /api/v1/cases (work lists),
// GET /api/v1/cases/{id}, POST /api/v1/cases/{id}/actions/{action},
// GET /api/v1/cases/{id}/events, GET /api/v1/cases/{id}/verify,
// POST /api/v1/cases/{id}/reveal-reporter, GET /api/v1/workbench, GET /api/v1/categories.
#include <cctype>
#include <chrono>

#include <nlohmann/json.hpp>

#include "api/action_forms.hpp"
#include "api/case_bodies.hpp"
#include "api/case_json.hpp"
#include "api/routes.hpp"
#include "service/crypto.hpp"

namespace minqing::api {
namespace {

CaseTime TimeOf(const CaseServices& context) {
    return {context.time_rules.Current().calendar, context.clock.Now()};
}

// Encodes a case view with the time left counted now.
auto ViewJson(const CaseServices& context) {
    return [time = TimeOf(context)](const service::CaseView& view) {
        return CaseViewJson(view, time);
    };
}

constexpr std::size_t kMaxIdempotencyKey = 128;
constexpr int kWorkbenchFirst = 5;

// The Idempotency-Key header, checked; "" when absent.
Result<std::string> IdempotencyKey(const http::Request& request) {
    const std::string key(request.Header("idempotency-key"));
    if (key.size() > kMaxIdempotencyKey ||
        !std::ranges::all_of(key, [](char c) { return c > 0x20 && c < 0x7f; })) {
        return Fail(
            Validation({{"Idempotency-Key", "invalid", "At most 128 visible ASCII characters."}}));
    }
    return key;
}

http::Response CreateCase(const CaseServices& context, http::Request& request,
                          const domain::Principal& caller) {
    auto key = IdempotencyKey(request);
    if (!key) {
        return ErrorFor(request, key.error());
    }
    auto body = BodyObject(request);
    if (!body) {
        return ErrorFor(request, body.error());
    }
    const std::string hash = service::Sha256Hex(request.body);
    auto created = RecordCase(
        DecodeCaseDraft(*body, false), [&](service::CaseDraft draft, service::IntakeMode mode) {
            return context.intake.Create(caller, std::move(draft), *key, hash, mode);
        });
    if (!created) {
        return ErrorFor(request, created.error());
    }
    nlohmann::json answer = CaseViewJson(created->view, TimeOf(context));
    // Shown once, for the walk-in receipt; also sent to the reporter by SMS.
    answer["queryCode"] =
        created->query_code.empty() ? nlohmann::json(nullptr) : nlohmann::json(created->query_code);
    return http::Json(created->replayed ? 200 : 201, answer);
}

http::Response ListCases(const CaseServices& context, http::Request& request,
                         const domain::Principal& caller) {
    auto filters = DecodeCaseFilters(request);
    if (!filters) {
        return ErrorFor(request, filters.error());
    }
    return Respond(
        request, context.cases.List(caller, std::move(*filters), request.QueryParam("cursor")),
        [time = TimeOf(context)](const service::CasePage& page) {
            nlohmann::json items = nlohmann::json::array();
            for (const auto& c : page.items) {
                auto item = CaseItemJson(c, time, page.names);
                if (const auto answer = page.answers.find(c.id); answer != page.answers.end()) {
                    // Only on the creator's own list (mine=true): what came back to them.
                    item["answerText"] = c.answer_text;
                    item["answeredAt"] = FormatIso8601Cst(answer->second.answered_at);
                    item["answerUnread"] = answer->second.unread;
                }
                items.push_back(std::move(item));
            }
            nlohmann::json answer{
                {"items", items},
                {"nextCursor", page.next_cursor.empty() ? nlohmann::json(nullptr)
                                                        : nlohmann::json(page.next_cursor)}};
            if (page.total) {
                answer["total"] = *page.total;
            }
            return answer;
        });
}

http::Response Act(const CaseServices& context, http::Request& request,
                   const domain::Principal& caller, domain::CaseId id) {
    const auto action = domain::ParseCaseAction(request.PathParam("action"));
    // "attach" is listed among a case's actions but is taken by uploading the file.
    if (!action || *action == domain::CaseAction::kAttach) {
        return ErrorFor(request, NotFound("case.unknown_action", "No such action."));
    }
    nlohmann::json body = nlohmann::json::object();
    if (!request.body.empty()) {
        auto parsed = BodyObject(request);
        if (!parsed) {
            return ErrorFor(request, parsed.error());
        }
        body = std::move(*parsed);
    }
    auto decoded = DecodeCaseAction(*action, body);
    if (!decoded) {
        return ErrorFor(request, decoded.error());
    }
    return Respond(request, context.workflow.Act(caller, id, std::move(*decoded)),
                   ViewJson(context));
}

// RFC 5987 encoding of a UTF-8 file name for Content-Disposition.
std::string EncodeFilename(std::string_view name) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string encoded;
    for (const char c : name) {
        const auto byte = static_cast<unsigned char>(c);
        if (std::isalnum(byte) != 0 || c == '.' || c == '-' || c == '_') {
            encoded += c;
        } else {
            encoded += '%';
            encoded += kHex[byte >> 4];
            encoded += kHex[byte & 0x0F];
        }
    }
    return encoded;
}

http::Response Download(const CaseServices& context, http::Request& request,
                        const domain::Principal& caller, domain::CaseId id,
                        std::int64_t attachment_id) {
    auto file = context.attachments.Download(caller, id, attachment_id);
    if (!file) {
        return ErrorFor(request, file.error());
    }
    http::Response response;
    response.status = 200;
    response.body = std::move(file->bytes);
    response.SetHeader("Content-Type", file->attachment.content_type);
    response.SetHeader("Content-Disposition",
                       "attachment; filename*=UTF-8''" + EncodeFilename(file->attachment.filename));
    // The type was decided from the content; browsers must not guess another.
    response.SetHeader("X-Content-Type-Options", "nosniff");
    response.SetHeader("Cache-Control", "private, max-age=3600");
    return response;
}

nlohmann::json RoutingSuggestionJson(const service::RoutingSuggestion& suggestion) {
    const auto optional_unit = [](const std::optional<domain::OrgUnit>& unit) {
        return unit ? UnitRefJson(*unit) : nlohmann::json(nullptr);
    };
    nlohmann::json assisting = nlohmann::json::array();
    for (const auto& unit : suggestion.assisting) {
        assisting.push_back(UnitRefJson(unit));
    }
    return {{"lead", optional_unit(suggestion.lead)},
            {"assisting", assisting},
            {"forwardTo", optional_unit(suggestion.forward_to)}};
}

nlohmann::json HistoryJson(const service::CaseHistory& history) {
    nlohmann::json items = nlohmann::json::array();
    for (const auto& event : history.events) {
        items.push_back(CaseEventJson(event, history.names));
    }
    return {{"items", items}};
}

nlohmann::json ChainCheckJson(const service::ChainCheck& check) {
    return {{"intact", check.intact},
            {"events", check.events},
            {"brokenSeq",
             check.broken_seq ? nlohmann::json(*check.broken_seq) : nlohmann::json(nullptr)},
            {"problem", check.problem}};
}

nlohmann::json AttachmentJson(const domain::Attachment& attachment) {
    return {{"id", attachment.id},
            {"filename", attachment.filename},
            {"contentType", attachment.content_type},
            {"size", attachment.size},
            {"sha256", attachment.sha256}};
}

nlohmann::json WorkbenchJson(const service::WorkbenchView& view, const CaseTime& time) {
    nlohmann::json buckets = nlohmann::json::array();
    for (const auto& bucket : view.buckets) {
        nlohmann::json first = nlohmann::json::array();
        for (const auto& c : bucket.first) {
            first.push_back(CaseItemJson(c, time, view.names));
        }
        buckets.push_back({{"name", bucket.name}, {"count", bucket.count}, {"first", first}});
    }
    return {{"buckets", buckets}};
}

// The form of each action's payload, from the table that decodes it: the web builds its
// action dialogs from it instead of copying the server's rules.
nlohmann::json ActionFormsJson() {
    nlohmann::json forms = nlohmann::json::object();
    for (const auto action : domain::AllCaseActions()) {
        if (action != domain::CaseAction::kAttach) {
            forms[domain::CaseActionName(action)] = ActionFormOf(action);
        }
    }
    return {{"forms", forms}};
}

http::Response GetCase(const CaseServices& context, http::Request& request,
                       const domain::Principal& caller, domain::CaseId id) {
    return Respond(request, context.cases.Get(caller, id), ViewJson(context));
}

http::Response RevealReporter(const CaseServices& context, http::Request& request,
                              const domain::Principal& caller, domain::CaseId id) {
    return Respond(request, context.workflow.RevealReporter(caller, id), ViewJson(context));
}

http::Response History(const CaseServices& context, http::Request& request,
                       const domain::Principal& caller, domain::CaseId id) {
    return Respond(request, context.cases.History(caller, id), HistoryJson);
}

http::Response Verify(const CaseServices& context, http::Request& request,
                      const domain::Principal& caller, domain::CaseId id) {
    return Respond(request, context.cases.Verify(caller, id), ChainCheckJson);
}

http::Response Upload(const CaseServices& context, http::Request& request,
                      const domain::Principal& caller, domain::CaseId id) {
    return Respond(
        request,
        context.attachments.Upload(caller, id, request.QueryParam("filename"), request.body),
        AttachmentJson, 201);
}

http::Response SuggestRouting(const CaseServices& context, http::Request& request,
                              const domain::Principal& caller, domain::CaseId id) {
    return Respond(request, context.cases.SuggestRouting(caller, id), RoutingSuggestionJson);
}

http::Response ActionForms(const CaseServices& /*context*/, http::Request& /*request*/,
                           const domain::Principal& /*caller*/) {
    return http::Json(200, ActionFormsJson());
}

http::Response Workbench(const CaseServices& context, http::Request& request,
                         const domain::Principal& caller) {
    return Respond(request, context.cases.Workbench(caller, kWorkbenchFirst),
                   [time = TimeOf(context)](const service::WorkbenchView& view) {
                       return WorkbenchJson(view, time);
                   });
}

}  // namespace

Routes CaseRoutes(const CaseServices& context) {
    using domain::permission::kCaseAct;
    using domain::permission::kCaseCreate;
    using domain::permission::kCaseRead;
    return {
        {"POST", "/api/v1/cases", Needs(kCaseCreate), With(context, &CreateCase)},
        {"GET", "/api/v1/cases", Needs(kCaseRead), With(context, &ListCases)},
        {"GET", "/api/v1/cases/{id}", Needs(kCaseRead), With(context, &GetCase)},
        {"POST", "/api/v1/cases/{id}/actions/{action}", Needs(kCaseAct), With(context, &Act)},
        {"POST", "/api/v1/cases/{id}/reveal-reporter", Needs(kCaseRead),
         With(context, &RevealReporter)},
        {"GET", "/api/v1/cases/{id}/events", Needs(kCaseRead), With(context, &History)},
        {"GET", "/api/v1/cases/{id}/verify", Needs(kCaseRead), With(context, &Verify)},
        {"POST", "/api/v1/cases/{id}/attachments", Needs(kCaseAct), With(context, &Upload), kCaseId,
         http::Execution::kWorker, http::BodyKind::kUpload},
        {"GET", "/api/v1/cases/{id}/attachments/{attachmentId}", Needs(kCaseRead),
         With(context, &Download), PathIds(kCaseId, kAttachmentId)},
        {"GET", "/api/v1/cases/{id}/routing-suggestion", Needs(kCaseRead),
         With(context, &SuggestRouting)},
        {"GET", "/api/v1/case-actions/forms", Needs(kCaseRead), With(context, &ActionForms)},
        {"GET", "/api/v1/workbench", Needs(kCaseRead), With(context, &Workbench)},
    };
}

}  // namespace minqing::api
