// The org network: GET /api/v1/org/tree, GET /api/v1/org/units, GET /api/v1/org/units/{id},
// GET /api/v1/org/directory, and for admins POST /api/v1/org/units,
// PATCH /api/v1/org/units/{id} and POST /api/v1/org/units/{id}/deactivate.
#include <map>
#include <set>

#include <nlohmann/json.hpp>

#include "api/json_fields.hpp"
#include "api/routes.hpp"
#include "text/segmenter.hpp"

namespace minqing::api {
namespace {

using domain::OrgUnit;

constexpr std::int64_t kMaxTreeDepth = 10;
// A name search answers a picker: a page of the best-placed matches, not the whole network.
constexpr int kDefaultSearchLimit = 50;
constexpr std::int64_t kMaxSearchLimit = 200;
constexpr std::size_t kMaxSearchBytes = 200;

nlohmann::json HandlersJson(const std::vector<domain::UnitHandler>& handlers) {
    nlohmann::json array = nlohmann::json::array();
    for (const auto& handler : handlers) {
        array.push_back({{"name", handler.name},
                         {"phone", handler.phone},
                         {"sectionCode", handler.section_code}});
    }
    return array;
}

nlohmann::json UnitJson(const OrgUnit& unit) {
    nlohmann::json json = {
        {"id", unit.id},
        {"code", unit.code},
        {"name", unit.name},
        {"displayName", domain::OfficeName(unit)},
        {"shortName", unit.short_name},
        {"kind", domain::OrgKindName(unit.kind)},
        {"level", domain::OrgLevelName(unit.level)},
        {"unitType", unit.unit_type},
        {"parentId", unit.parent_id ? nlohmann::json(*unit.parent_id) : nlohmann::json(nullptr)},
        {"active", unit.active},
        {"leaderInCharge", unit.leader_in_charge},
        {"responsibleSection", unit.responsible_section},
        {"hotline", unit.hotline},
        {"handlers", HandlersJson(unit.handlers)},
        {"answerApproval", unit.answer_approval},
        {"updatedAt", FormatIso8601Cst(unit.updated_at)},
    };
    json["boundary"] = unit.boundary ? nlohmann::json::parse(*unit.boundary, nullptr, false)
                                     : nlohmann::json(nullptr);
    return json;
}

nlohmann::json StaffJson(const std::vector<service::UnitStaffMember>& staff) {
    nlohmann::json items = nlohmann::json::array();
    for (const auto& member : staff) {
        items.push_back({{"id", member.user_id},
                         {"displayName", member.display_name},
                         {"role", domain::RoleName(member.role)},
                         {"unitId", member.unit_id},
                         {"unitName", member.unit_name}});
    }
    return {{"items", items}};
}

nlohmann::json UnitListJson(const std::vector<OrgUnit>& units) {
    nlohmann::json items = nlohmann::json::array();
    for (const auto& unit : units) {
        items.push_back(UnitJson(unit));
    }
    return {{"items", items}};
}

// A node of the tree response: the essentials only, so the whole city stays small.
nlohmann::json TreeNodeJson(const OrgUnit& unit) {
    return {{"id", unit.id},
            {"code", unit.code},
            {"name", unit.name},
            {"kind", domain::OrgKindName(unit.kind)},
            {"level", domain::OrgLevelName(unit.level)},
            {"active", unit.active},
            {"children", nlohmann::json::array()}};
}

std::optional<std::vector<domain::UnitHandler>> DecodeHandlers(JsonFields& fields) {
    const auto* raw = fields.Raw("handlers");
    if (raw == nullptr || raw->is_null()) {
        return std::nullopt;
    }
    if (!raw->is_array()) {
        fields.Add({"handlers", "type", "Expected an array of {name, phone, sectionCode}."});
        return std::nullopt;
    }
    std::vector<domain::UnitHandler> handlers;
    for (std::size_t i = 0; i < raw->size(); ++i) {
        const auto& item = (*raw)[i];
        const auto is_text = [&item](const char* key) {
            return !item.contains(key) || item[key].is_string();
        };
        if (!item.is_object() || !is_text("name") || !is_text("phone") || !is_text("sectionCode")) {
            fields.Add({"handlers[" + std::to_string(i) + "]", "type",
                        "Expected {name, phone, sectionCode} strings."});
            continue;
        }
        handlers.push_back(
            {item.value("name", ""), item.value("phone", ""), item.value("sectionCode", "")});
    }
    return handlers;
}

// The boundary as GeoJSON text: absent → nullopt; null → clear; an object → its text.
std::optional<std::optional<std::string>> DecodeBoundary(JsonFields& fields) {
    const auto* raw = fields.Raw("boundary");
    if (raw == nullptr) {
        return std::nullopt;
    }
    if (raw->is_null()) {
        return std::optional<std::string>();
    }
    if (!raw->is_object()) {
        fields.Add({"boundary", "type", "Expected a GeoJSON Polygon or MultiPolygon object."});
        return std::nullopt;
    }
    return std::optional<std::string>(raw->dump());
}

template <typename Enum>
std::optional<Enum> DecodeEnum(JsonFields& fields, std::string_view key,
                               std::optional<Enum> (*parse)(std::string_view)) {
    const auto text = fields.String(key);
    if (!text) {
        return std::nullopt;
    }
    const auto value = parse(*text);
    if (!value) {
        fields.Add({std::string(key), "invalid", "Not one of the allowed values."});
    }
    return value;
}

http::Response CreateUnit(const OrgServices& context, http::Request& request,
                          const domain::Principal& caller) {
    auto body = BodyObject(request);
    if (!body) {
        return ErrorFor(request, body.error());
    }
    JsonFields fields(*body);
    service::NewOrgUnit unit;
    unit.code = fields.String("code", true).value_or("");
    unit.name = fields.String("name", true).value_or("");
    unit.short_name = fields.String("shortName").value_or("");
    unit.kind =
        DecodeEnum(fields, "kind", &domain::ParseOrgKind).value_or(domain::OrgKind::kDivision);
    unit.level = DecodeEnum(fields, "level", &domain::ParseOrgLevel);
    unit.unit_type = fields.String("unitType").value_or("");
    unit.parent_id = fields.Integer("parentId");
    unit.boundary = DecodeBoundary(fields).value_or(std::nullopt);
    unit.leader_in_charge = fields.String("leaderInCharge").value_or("");
    unit.responsible_section = fields.String("responsibleSection").value_or("");
    unit.hotline = fields.String("hotline").value_or("");
    unit.handlers = DecodeHandlers(fields).value_or(std::vector<domain::UnitHandler>{});
    fields.RejectUnknown({"code", "name", "shortName", "kind", "level", "unitType", "parentId",
                          "boundary", "leaderInCharge", "responsibleSection", "hotline",
                          "handlers"});
    if (!fields.ok()) {
        return ErrorFor(request, fields.error());
    }
    return Respond(request, context.orgs.Create(caller, std::move(unit)), UnitJson, 201);
}

http::Response UpdateUnit(const OrgServices& context, http::Request& request,
                          const domain::Principal& caller) {
    const auto id = ParseId(request.PathParam("id"));
    if (!id) {
        return ErrorFor(request, BadUnitId());
    }
    auto body = BodyObject(request);
    if (!body) {
        return ErrorFor(request, body.error());
    }
    JsonFields fields(*body);
    service::OrgUnitChanges changes;
    changes.name = fields.String("name");
    changes.short_name = fields.String("shortName");
    changes.unit_type = fields.String("unitType");
    changes.boundary = DecodeBoundary(fields);
    changes.leader_in_charge = fields.String("leaderInCharge");
    changes.responsible_section = fields.String("responsibleSection");
    changes.hotline = fields.String("hotline");
    changes.handlers = DecodeHandlers(fields);
    changes.active = fields.Boolean("active");
    changes.answer_approval = fields.Boolean("answerApproval");
    fields.RejectUnknown({"name", "shortName", "unitType", "boundary", "leaderInCharge",
                          "responsibleSection", "hotline", "handlers", "active", "answerApproval"});
    if (!fields.ok()) {
        return ErrorFor(request, fields.error());
    }
    return Respond(request, context.orgs.Update(caller, *id, changes), UnitJson);
}

// Nests the units (ordered by path, so parents come first) below `root`, down to `depth`.
nlohmann::json BuildTree(const std::vector<OrgUnit>& units, std::int64_t depth) {
    nlohmann::json roots = nlohmann::json::array();
    std::map<domain::OrgUnitId, nlohmann::json::json_pointer> where;
    std::map<domain::OrgUnitId, std::int64_t> level_of;
    // Units below the depth limit, so that their own children are cut off too.
    std::set<domain::OrgUnitId> pruned;
    for (const OrgUnit& unit : units) {
        if (unit.parent_id && pruned.contains(*unit.parent_id)) {
            pruned.insert(unit.id);
            continue;
        }
        const auto parent = unit.parent_id ? where.find(*unit.parent_id) : where.end();
        if (parent == where.end()) {
            roots.push_back(TreeNodeJson(unit));
            where[unit.id] = nlohmann::json::json_pointer("/" + std::to_string(roots.size() - 1));
            level_of[unit.id] = 0;
            continue;
        }
        const std::int64_t level = level_of[*unit.parent_id] + 1;
        if (level > depth) {
            pruned.insert(unit.id);
            continue;
        }
        auto& children = roots[parent->second]["children"];
        children.push_back(TreeNodeJson(unit));
        where[unit.id] = parent->second / "children" / (children.size() - 1);
        level_of[unit.id] = level;
    }
    return roots;
}

http::Response Tree(const OrgServices& context, http::Request& request,
                    const domain::Principal& caller) {
    domain::OrgQuery query;
    query.include_inactive = request.QueryParam("includeInactive") == "true";
    if (const std::string root = request.QueryParam("root"); !root.empty()) {
        const auto root_id = ParseId(root);
        auto unit =
            root_id ? context.orgs.Get(caller, *root_id) : Result<OrgUnit>(Fail(BadUnitId()));
        if (!unit) {
            return ErrorFor(request, unit.error());
        }
        query.within_path = unit->path;
    }
    std::int64_t depth = kMaxTreeDepth;
    if (const std::string text = request.QueryParam("depth"); !text.empty()) {
        const auto parsed = ParseId(text);
        if (!parsed || *parsed > kMaxTreeDepth) {
            return ErrorFor(request,
                            Validation({{"depth", "invalid", "A whole number from 1 to 10."}}));
        }
        depth = *parsed;
    }
    return Respond(request, context.orgs.List(caller, query),
                   [depth](const std::vector<OrgUnit>& units) {
                       return nlohmann::json{{"items", BuildTree(units, depth)}};
                   });
}

http::Response ListUnits(const OrgServices& context, http::Request& request,
                         const domain::Principal& caller) {
    domain::OrgQuery query;
    std::vector<FieldError> problems;
    if (const std::string level = request.QueryParam("level"); !level.empty()) {
        query.level = domain::ParseOrgLevel(level);
        if (!query.level) {
            problems.push_back({"level", "invalid", "city, district, street, community or grid."});
        }
    }
    if (const std::string kind = request.QueryParam("kind"); !kind.empty()) {
        query.kind = domain::ParseOrgKind(kind);
        if (!query.kind) {
            problems.push_back({"kind", "invalid", "division, unit or section."});
        }
    }
    if (const std::string parent = request.QueryParam("parent"); !parent.empty()) {
        query.parent_id = ParseId(parent);
        if (!query.parent_id) {
            problems.push_back({"parent", "invalid", "An org unit id."});
        }
    }
    query.include_inactive = request.QueryParam("includeInactive") == "true";
    if (const std::string q = request.QueryParam("q"); !q.empty()) {
        query.name_terms = text::QueryTerms(q);
        query.limit = kDefaultSearchLimit;
        if (q.size() > kMaxSearchBytes) {
            problems.push_back({"q", "too_long", "At most 200 bytes."});
        } else if (query.name_terms.empty()) {
            problems.push_back({"q", "invalid", "Letters or digits of a unit's name or code."});
        }
    }
    if (const std::string limit = request.QueryParam("limit"); !limit.empty()) {
        const auto parsed = ParseId(limit);
        if (!parsed || *parsed > kMaxSearchLimit) {
            problems.push_back({"limit", "invalid", "A whole number from 1 to 200."});
        } else {
            query.limit = static_cast<int>(*parsed);
        }
    }
    if (!problems.empty()) {
        return ErrorFor(request, Validation(std::move(problems)));
    }
    if (query.name_terms.empty()) {
        return Respond(request, context.orgs.List(caller, query), UnitListJson);
    }
    // A search answers a picker, which has not loaded the tree: each unit comes with its
    // parent's name, so that namesakes (two 永前社区) are told apart.
    return Respond(
        request, context.orgs.List(caller, query),
        [&context, &caller](const std::vector<OrgUnit>& units) {
            std::map<domain::OrgUnitId, std::string> parents;
            nlohmann::json json = UnitListJson(units);
            for (std::size_t i = 0; i < units.size(); ++i) {
                std::string parent_name;
                if (const auto parent_id = units[i].parent_id) {
                    auto found = parents.find(*parent_id);
                    if (found == parents.end()) {
                        auto parent = context.orgs.Get(caller, *parent_id);
                        found = parents.emplace(*parent_id, parent ? parent->name : std::string())
                                    .first;
                    }
                    parent_name = found->second;
                }
                json["items"][i]["parentName"] = parent_name;
            }
            return json;
        });
}

}  // namespace

Routes OrgRoutes(const OrgServices& context) {
    return {
        {"GET", "/api/v1/org/tree", Needs(domain::permission::kOrgRead),
         [context](http::Request& request, const domain::Principal& caller) {
             return Tree(context, request, caller);
         }},
        {"GET", "/api/v1/org/units", Needs(domain::permission::kOrgRead),
         [context](http::Request& request, const domain::Principal& caller) {
             return ListUnits(context, request, caller);
         }},
        {"GET", "/api/v1/org/units/{id}", Needs(domain::permission::kOrgRead),
         [context](http::Request& request, const domain::Principal& caller) {
             const auto id = ParseId(request.PathParam("id"));
             if (!id) {
                 return ErrorFor(request, BadUnitId());
             }
             return Respond(request, context.orgs.Get(caller, *id), UnitJson);
         }},
        {"GET", "/api/v1/org/units/{id}/staff", Needs(domain::permission::kCaseAct),
         [context](http::Request& request, const domain::Principal& caller) {
             const auto id = ParseId(request.PathParam("id"));
             if (!id) {
                 return ErrorFor(request, BadUnitId());
             }
             return Respond(request, context.orgs.Staff(caller, *id), StaffJson);
         }},
        {"GET", "/api/v1/org/directory", Needs(domain::permission::kDirectoryRead),
         [context](http::Request& request, const domain::Principal& caller) {
             return Respond(request, context.orgs.Directory(caller), UnitListJson);
         }},
        {"POST", "/api/v1/org/units", Needs(domain::permission::kOrgWrite),
         [context](http::Request& request, const domain::Principal& caller) {
             return CreateUnit(context, request, caller);
         }},
        {"PATCH", "/api/v1/org/units/{id}", Needs(domain::permission::kOrgWrite),
         [context](http::Request& request, const domain::Principal& caller) {
             return UpdateUnit(context, request, caller);
         }},
        {"POST", "/api/v1/org/units/{id}/deactivate", Needs(domain::permission::kOrgWrite),
         [context](http::Request& request, const domain::Principal& caller) {
             const auto id = ParseId(request.PathParam("id"));
             if (!id) {
                 return ErrorFor(request, BadUnitId());
             }
             service::OrgUnitChanges changes;
             changes.active = false;
             return Respond(request, context.orgs.Update(caller, *id, changes), UnitJson);
         }},
    };
}

}  // namespace minqing::api
