// The subject categories and the dispatch catalogue (派单目录): administrators add and edit
// categories and set the suggested units per category and routing level; staff read the
// catalogue (GET /api/v1/categories, the public list, is in public_api.cpp).
#include "api/json_fields.hpp"
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

// An array of strings at `key`: nullopt when absent; a "type" error for anything else.
std::optional<std::vector<std::string>> StringList(JsonFields& fields, std::string_view key,
                                                   bool required = false) {
    const auto* value = fields.Raw(key);
    if (value == nullptr || value->is_null()) {
        if (required) {
            fields.Add(FieldError{std::string(key), "required", "This field is required."});
        }
        return std::nullopt;
    }
    std::vector<std::string> items;
    if (value->is_array()) {
        for (const auto& item : *value) {
            if (!item.is_string()) {
                break;
            }
            items.push_back(item.get<std::string>());
        }
        if (items.size() == value->size()) {
            return items;
        }
    }
    fields.Add(FieldError{std::string(key), "type", "Expected an array of strings."});
    return std::nullopt;
}

http::Response CreateCategory(const CatalogServices& context, http::Request& request,
                              const domain::Principal& caller) {
    auto body = BodyObject(request);
    if (!body) {
        return ErrorFor(request, body.error());
    }
    JsonFields fields(*body);
    service::NewCategory category;
    category.code = fields.String("code", true).value_or("");
    category.name = fields.String("name", true).value_or("");
    category.parent_code = fields.String("parentCode");
    category.keywords = StringList(fields, "keywords").value_or(std::vector<std::string>{});
    fields.RejectUnknown({"code", "name", "parentCode", "keywords"});
    if (!fields.ok()) {
        return ErrorFor(request, fields.error());
    }
    return Respond(request, context.catalog.CreateCategory(caller, std::move(category)),
                   CategoryJson, 201);
}

http::Response UpdateCategory(const CatalogServices& context, http::Request& request,
                              const domain::Principal& caller) {
    auto body = BodyObject(request);
    if (!body) {
        return ErrorFor(request, body.error());
    }
    JsonFields fields(*body);
    service::CategoryChanges changes;
    changes.name = fields.String("name");
    changes.keywords = StringList(fields, "keywords");
    changes.active = fields.Boolean("active");
    fields.RejectUnknown({"name", "keywords", "active"});
    if (!fields.ok()) {
        return ErrorFor(request, fields.error());
    }
    return Respond(request,
                   context.catalog.UpdateCategory(caller, request.PathParam("code"), changes),
                   CategoryJson);
}

http::Response SaveRule(const CatalogServices& context, http::Request& request,
                        const domain::Principal& caller) {
    auto body = BodyObject(request);
    if (!body) {
        return ErrorFor(request, body.error());
    }
    JsonFields fields(*body);
    auto lead = fields.String("leadUnit", true);
    auto assisting = StringList(fields, "assistingUnits");
    fields.RejectUnknown({"leadUnit", "assistingUnits"});
    if (!fields.ok()) {
        return ErrorFor(request, fields.error());
    }
    return Respond(request,
                   context.catalog.SaveDispatchRule(caller, request.PathParam("categoryCode"),
                                                    request.PathParam("level"), std::move(*lead),
                                                    assisting.value_or(std::vector<std::string>{})),
                   RuleJson);
}

}  // namespace

Routes CatalogRoutes(const CatalogServices& context) {
    return {
        {"POST", "/api/v1/categories", Needs(kCategoryWrite),
         [context](http::Request& request, const domain::Principal& caller) {
             return CreateCategory(context, request, caller);
         }},
        {"PATCH", "/api/v1/categories/{code}", Needs(kCategoryWrite),
         [context](http::Request& request, const domain::Principal& caller) {
             return UpdateCategory(context, request, caller);
         }},
        {"GET", "/api/v1/dispatch-catalogue", Needs(kOrgRead),
         [context](http::Request&, const domain::Principal&) {
             nlohmann::json items = nlohmann::json::array();
             for (const auto& rule : context.catalog.DispatchRules()) {
                 items.push_back(RuleJson(rule));
             }
             return http::Json(200, nlohmann::json{{"items", items}});
         }},
        {"PUT", "/api/v1/dispatch-catalogue/{categoryCode}/{level}", Needs(kCategoryWrite),
         [context](http::Request& request, const domain::Principal& caller) {
             return SaveRule(context, request, caller);
         }},
        {"DELETE", "/api/v1/dispatch-catalogue/{categoryCode}/{level}", Needs(kCategoryWrite),
         [context](http::Request& request, const domain::Principal& caller) {
             const auto deleted = context.catalog.DeleteDispatchRule(
                 caller, request.PathParam("categoryCode"), request.PathParam("level"));
             return deleted ? http::NoContent() : ErrorFor(request, deleted.error());
         }},
    };
}

}  // namespace minqing::api
