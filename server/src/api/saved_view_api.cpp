// Saved views of the case list: every staff member who reads cases keeps their own.
#include "api/request_bodies.hpp"
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

http::Response CreateView(service::SavedViewService& saved_views, http::Request& request,
                          const domain::Principal& caller) {
    auto view = ReadBody(request, &SavedViewFields);
    return view ? Respond(request,
                          saved_views.Create(caller, std::move(view->name), std::move(view->query)),
                          ViewJson, 201)
                : ErrorFor(request, view.error());
}

http::Response ListViews(service::SavedViewService& saved_views, http::Request& /*request*/,
                         const domain::Principal& caller) {
    return http::Json(200, ItemsJson(saved_views.List(caller), ViewJson));
}

http::Response DeleteView(service::SavedViewService& saved_views, http::Request& request,
                          const domain::Principal& caller, std::int64_t id) {
    return NoContentOr(request, saved_views.Delete(caller, id));
}

}  // namespace

Routes SavedViewRoutes(service::SavedViewService& saved_views) {
    return {
        {"GET", "/api/v1/saved-views", Needs(kCaseRead), With(saved_views, &ListViews)},
        {"POST", "/api/v1/saved-views", Needs(kCaseRead), With(saved_views, &CreateView)},
        {"DELETE", "/api/v1/saved-views/{id}", Needs(kCaseRead), With(saved_views, &DeleteView),
         kViewId},
    };
}

}  // namespace minqing::api
