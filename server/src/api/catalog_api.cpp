// The subject categories and the dispatch catalogue (派单目录): administrators add and edit
// categories and set the suggested units per category and routing level; staff read the
// catalogue (GET /api/v1/categories, the public list, is in public_api.cpp).
#include "api/request_bodies.hpp"
#include "api/routes.hpp"

namespace minqing::api {
namespace {

using domain::permission::kCategoryWrite;
using domain::permission::kOrgRead;

nlohmann::json CategoryJson(const domain::Category& category) {
    return {{"code", category.code},
            {"name", category.name},
            {"parentCode", category.parent_code ? nlohmann::json(*category.parent_code)
                                                : nlohmann::json(nullptr)},
            {"keywords", category.keywords},
            {"active", category.active}};
}

nlohmann::json RuleJson(const domain::DispatchRule& rule) {
    return {{"categoryCode", rule.category_code},
            {"level", domain::OrgLevelName(rule.level)},
            {"leadUnit", rule.lead_unit},
            {"assistingUnits", rule.assisting_units}};
}

http::Response CreateCategory(service::CatalogService& catalog, http::Request& request,
                              const domain::Principal& caller) {
    auto category = ReadBody(request, &NewCategoryFields);
    return category ? Respond(request, catalog.CreateCategory(caller, std::move(*category)),
                              CategoryJson, 201)
                    : ErrorFor(request, category.error());
}

http::Response UpdateCategory(service::CatalogService& catalog, http::Request& request,
                              const domain::Principal& caller) {
    const auto changes = ReadBody(request, &CategoryChangesFields);
    return changes ? Respond(request,
                             catalog.UpdateCategory(caller, request.PathParam("code"), *changes),
                             CategoryJson)
                   : ErrorFor(request, changes.error());
}

http::Response SaveRule(service::CatalogService& catalog, http::Request& request,
                        const domain::Principal& caller) {
    auto rule = ReadBody(request, &DispatchRuleFields);
    if (!rule) {
        return ErrorFor(request, rule.error());
    }
    return Respond(request,
                   catalog.SaveDispatchRule(caller, request.PathParam("categoryCode"),
                                            request.PathParam("level"), std::move(rule->lead_unit),
                                            std::move(rule->assisting_units)),
                   RuleJson);
}

http::Response ListRules(service::CatalogService& catalog, http::Request& /*request*/,
                         const domain::Principal& /*caller*/) {
    return http::Json(200, ItemsJson(catalog.DispatchRules(), RuleJson));
}

http::Response DeleteRule(service::CatalogService& catalog, http::Request& request,
                          const domain::Principal& caller) {
    return NoContentOr(request,
                       catalog.DeleteDispatchRule(caller, request.PathParam("categoryCode"),
                                                  request.PathParam("level")));
}

}  // namespace

Routes CatalogRoutes(service::CatalogService& catalog) {
    return {
        {"POST", "/api/v1/categories", Needs(kCategoryWrite), With(catalog, &CreateCategory)},
        {"PATCH", "/api/v1/categories/{code}", Needs(kCategoryWrite),
         With(catalog, &UpdateCategory)},
        {"GET", "/api/v1/dispatch-catalogue", Needs(kOrgRead), With(catalog, &ListRules)},
        {"PUT", "/api/v1/dispatch-catalogue/{categoryCode}/{level}", Needs(kCategoryWrite),
         With(catalog, &SaveRule)},
        {"DELETE", "/api/v1/dispatch-catalogue/{categoryCode}/{level}", Needs(kCategoryWrite),
         With(catalog, &DeleteRule)},
    };
}

}  // namespace minqing::api
