// The 《社情民意专报》 bulletins: drafts generated from the statistics, edited, regenerated,
// submitted, issued or returned by the office head; the PDF, the .xlsx annex and the receipts.
#include "api/bulletin_json.hpp"
#include "api/routes.hpp"

namespace minqing::api {
namespace {

using domain::permission::kBulletinIssue;
using domain::permission::kBulletinWrite;
using domain::permission::kCaseRead;

constexpr IdParam kBulletinId{"id", "bulletin.not_found", "No such bulletin."};

http::Response File(std::string bytes, std::string_view content_type, const std::string& name) {
    http::Response response;
    response.status = 200;
    response.body = std::move(bytes);
    response.SetHeader("Content-Type", std::string(content_type));
    response.SetHeader("Content-Disposition", "attachment; filename=\"" + name + "\"");
    response.SetHeader("X-Content-Type-Options", "nosniff");
    response.SetHeader("Cache-Control", "private, no-store");
    return response;
}

std::string FileName(std::int64_t id, std::string_view extension) {
    return "bulletin-" + std::to_string(id) + std::string(extension);
}

// The request's JSON object decoded by `decode`: every problem of the body at once.
template <typename T>
Result<T> Decoded(const http::Request& request, Result<T> (*decode)(const nlohmann::json&)) {
    auto body = BodyObject(request);
    if (!body) {
        return Fail(std::move(body.error()));
    }
    return decode(*body);
}

http::Response Create(service::BulletinService& bulletins, http::Request& request,
                      const domain::Principal& caller) {
    auto draft = Decoded(request, &DecodeBulletinDraft);
    if (!draft) {
        return ErrorFor(request, draft.error());
    }
    return Respond(request, bulletins.Create(caller, *draft), BulletinJson, 201);
}

http::Response List(service::BulletinService& bulletins, http::Request& request,
                    const domain::Principal& caller) {
    service::BulletinListFilter filter;
    std::vector<FieldError> problems;
    if (const auto state = request.QueryParam("state"); !state.empty()) {
        filter.state = domain::ParseBulletinState(state);
        if (!filter.state) {
            problems.push_back({"state", "invalid", "draft, submitted, issued or returned."});
        }
    }
    if (const auto kind = request.QueryParam("kind"); !kind.empty()) {
        filter.kind = domain::ParseBulletinKind(kind);
        if (!filter.kind) {
            problems.push_back({"kind", "invalid", "weekly, monthly, quarterly or special."});
        }
    }
    constexpr std::int64_t kLastYear = 9999;
    if (const auto year =
            QueryNumber(request, "year", "A year such as 2026.", problems, kLastYear)) {
        filter.year = static_cast<int>(*year);
    }
    filter.text = request.QueryParam("q");
    if (!problems.empty()) {
        return ErrorFor(request, Validation(std::move(problems)));
    }
    return http::Json(200, ItemsJson(bulletins.List(caller, filter), BulletinItemJson));
}

http::Response Get(service::BulletinService& bulletins, http::Request& request,
                   const domain::Principal& caller, std::int64_t id) {
    return Respond(request, bulletins.Open(caller, id), BulletinJson);
}

http::Response Update(service::BulletinService& bulletins, http::Request& request,
                      const domain::Principal& caller, std::int64_t id) {
    auto edit = Decoded(request, &DecodeBulletinEdit);
    if (!edit) {
        return ErrorFor(request, edit.error());
    }
    return Respond(request, bulletins.Edit(caller, id, *edit), BulletinJson);
}

http::Response Regenerate(service::BulletinService& bulletins, http::Request& request,
                          const domain::Principal& caller, std::int64_t id) {
    return Respond(request, bulletins.Regenerate(caller, id),
                   [](const service::BulletinRegeneration& regeneration) {
                       nlohmann::json answer = BulletinJson(regeneration.view);
                       answer["changes"] = FigureChangesJson(regeneration.changes);
                       return answer;
                   });
}

http::Response Submit(service::BulletinService& bulletins, http::Request& request,
                      const domain::Principal& caller, std::int64_t id) {
    return Respond(request, bulletins.Submit(caller, id), BulletinJson);
}

http::Response Issue(service::BulletinService& bulletins, http::Request& request,
                     const domain::Principal& caller, std::int64_t id) {
    return Respond(request, bulletins.Issue(caller, id), BulletinJson);
}

http::Response Return(service::BulletinService& bulletins, http::Request& request,
                      const domain::Principal& caller, std::int64_t id) {
    auto note = Decoded(request, &DecodeReturnNote);
    if (!note) {
        return ErrorFor(request, note.error());
    }
    return Respond(request, bulletins.Return(caller, id, *note), BulletinJson);
}

http::Response Pdf(service::BulletinService& bulletins, http::Request& request,
                   const domain::Principal& caller, std::int64_t id) {
    auto pdf = bulletins.Pdf(caller, id);
    if (!pdf) {
        return ErrorFor(request, pdf.error());
    }
    return File(std::move(*pdf), "application/pdf", FileName(id, ".pdf"));
}

http::Response Annex(service::BulletinService& bulletins, http::Request& request,
                     const domain::Principal& caller, std::int64_t id) {
    auto annex = bulletins.Annex(caller, id);
    if (!annex) {
        return ErrorFor(request, annex.error());
    }
    return File(std::move(*annex),
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                FileName(id, "-annex.xlsx"));
}

http::Response Receipts(service::BulletinService& bulletins, http::Request& request,
                        const domain::Principal& caller, std::int64_t id) {
    return Respond(request, bulletins.Receipts(caller, id), ReceiptsJson);
}

}  // namespace

Routes BulletinRoutes(service::BulletinService& bulletins) {
    return {
        {"POST", "/api/v1/bulletins", Needs(kBulletinWrite), With(bulletins, &Create)},
        {"GET", "/api/v1/bulletins", Needs(kCaseRead), With(bulletins, &List)},
        {"GET", "/api/v1/bulletins/{id}", Needs(kCaseRead), With(bulletins, &Get), kBulletinId},
        {"PUT", "/api/v1/bulletins/{id}", Needs(kBulletinWrite), With(bulletins, &Update),
         kBulletinId},
        {"POST", "/api/v1/bulletins/{id}/regenerate", Needs(kBulletinWrite),
         With(bulletins, &Regenerate), kBulletinId},
        {"POST", "/api/v1/bulletins/{id}/submit", Needs(kBulletinWrite), With(bulletins, &Submit),
         kBulletinId},
        {"POST", "/api/v1/bulletins/{id}/issue", Needs(kBulletinIssue), With(bulletins, &Issue),
         kBulletinId},
        {"POST", "/api/v1/bulletins/{id}/return", Needs(kBulletinIssue), With(bulletins, &Return),
         kBulletinId},
        {"GET", "/api/v1/bulletins/{id}/pdf", Needs(kCaseRead), With(bulletins, &Pdf), kBulletinId},
        {"GET", "/api/v1/bulletins/{id}/annex.xlsx", Needs(kCaseRead), With(bulletins, &Annex),
         kBulletinId},
        {"GET", "/api/v1/bulletins/{id}/receipts", Needs(kCaseRead), With(bulletins, &Receipts),
         kBulletinId},
    };
}

}  // namespace minqing::api
