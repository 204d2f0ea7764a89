// Saved views of the case list: every staff member who reads cases keeps their own.
#include "api/json_fields.hpp"
#include "api/routes.hpp"

namespace minqing::api {
namespace {

using domain::permission::kCaseRead;

nlohmann::json ViewJson(const domain::SavedView& view) {
    nlohmann::json query = nlohmann::json::object();
    for (const auto& [filter, value] : view.query) {
        query[filter] = value;
    }
    return {{"id", view.id},
            {"name", view.name},
            {"query", query},
            {"createdAt", FormatIso8601Cst(view.created_at)}};
}

http::Response CreateView(const SavedViewServices& context, http::Request& request,
                          const domain::Principal& caller) {
    auto body = BodyObject(request);
    if (!body) {
        return ErrorFor(request, body.error());
    }
    JsonFields fields(*body);
    auto name = fields.String("name", true);
    domain::SavedViewQuery query;
    if (!fields.Has("query") || fields.IsNull("query")) {
        fields.Add(FieldError{"query", "required", "The case-list filters, as an object."});
    } else if (const auto* object = fields.Object("query")) {
        // Unknown filters are reported by the service, with the values' problems.
        for (const auto& [filter, value] : object->items()) {
            if (value.is_string()) {
                query.emplace(filter, value.get<std::string>());
            } else if (domain::IsSavedViewFilter(filter)) {
                fields.Add(FieldError{"query." + filter, "invalid", "Expected a string."});
            } else {
                fields.Add(FieldError{"query." + filter, "unknown_field",
                                      "Not a filter of the case list."});
            }
        }
    }
    fields.RejectUnknown({"name", "query"});
    if (!fields.ok()) {
        return ErrorFor(request, fields.error());
    }
    return Respond(request, context.saved_views.Create(caller, std::move(*name), std::move(query)),
                   ViewJson, 201);
}

}  // namespace

Routes SavedViewRoutes(const SavedViewServices& context) {
    return {
        {"GET", "/api/v1/saved-views", Needs(kCaseRead),
         [context](http::Request&, const domain::Principal& caller) {
             nlohmann::json items = nlohmann::json::array();
             for (const auto& view : context.saved_views.List(caller)) {
                 items.push_back(ViewJson(view));
             }
             return http::Json(200, nlohmann::json{{"items", items}});
         }},
        {"POST", "/api/v1/saved-views", Needs(kCaseRead),
         [context](http::Request& request, const domain::Principal& caller) {
             return CreateView(context, request, caller);
         }},
        {"DELETE", "/api/v1/saved-views/{id}", Needs(kCaseRead),
         [context](http::Request& request, const domain::Principal& caller) {
             const auto id = ParseId(request.PathParam("id"));
             if (!id) {
                 return ErrorFor(request, BadId("saved_view.not_found", "No such view of yours."));
             }
             const auto deleted = context.saved_views.Delete(caller, *id);
             return deleted ? http::NoContent() : ErrorFor(request, deleted.error());
         }},
    };
}

}  // namespace minqing::api
