// The org network: GET /api/v1/org/tree, GET /api/v1/org/units, GET /api/v1/org/units/{id},
// GET /api/v1/org/directory, and for admins POST /api/v1/org/units,
// PATCH /api/v1/org/units/{id} and POST /api/v1/org/units/{id}/deactivate.
#include <map>
#include <set>

#include <nlohmann/json.hpp>

#include "api/boundary_json.hpp"
#include "api/request_bodies.hpp"
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
    json["boundary"] = unit.boundary ? BoundaryJson(*unit.boundary) : nlohmann::json(nullptr);
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

http::Response CreateUnit(service::OrgService& orgs, http::Request& request,
                          const domain::Principal& caller) {
    auto unit = ReadBody(request, &NewOrgUnitFields);
    return unit ? Respond(request, orgs.Create(caller, std::move(*unit)), UnitJson, 201)
                : ErrorFor(request, unit.error());
}

http::Response UpdateUnit(service::OrgService& orgs, http::Request& request,
                          const domain::Principal& caller, domain::OrgUnitId id) {
    const auto changes = ReadBody(request, &OrgUnitChangesFields);
    return changes ? Respond(request, orgs.Update(caller, id, *changes), UnitJson)
                   : ErrorFor(request, changes.error());
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

http::Response Tree(service::OrgService& orgs, http::Request& request,
                    const domain::Principal& caller) {
    domain::OrgQuery query;
    query.include_inactive = request.QueryParam("includeInactive") == "true";
    if (const std::string root = request.QueryParam("root"); !root.empty()) {
        const auto root_id = ParseId(root);
        auto unit = root_id ? orgs.Get(caller, *root_id) : Result<OrgUnit>(Fail(BadUnitId()));
        if (!unit) {
            return ErrorFor(request, unit.error());
        }
        query.within_path = unit->path;
    }
    std::int64_t depth = kMaxTreeDepth;
    std::vector<FieldError> problems;
    if (const auto parsed = QueryNumber(request, "depth", "A whole number from 1 to 10.", problems,
                                        kMaxTreeDepth)) {
        depth = *parsed;
    }
    if (!problems.empty()) {
        return ErrorFor(request, Validation(std::move(problems)));
    }
    return Respond(request, orgs.List(caller, query), [depth](const std::vector<OrgUnit>& units) {
        return nlohmann::json{{"items", BuildTree(units, depth)}};
    });
}

http::Response ListUnits(service::OrgService& orgs, http::Request& request,
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
    query.parent_id = QueryNumber(request, "parent", "An org unit id.", problems);
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
    if (const auto limit = QueryNumber(request, "limit", "A whole number from 1 to 200.", problems,
                                       kMaxSearchLimit)) {
        query.limit = static_cast<int>(*limit);
    }
    if (!problems.empty()) {
        return ErrorFor(request, Validation(std::move(problems)));
    }
    if (query.name_terms.empty()) {
        return Respond(request, orgs.List(caller, query), UnitListJson);
    }
    // A search answers a picker, which has not loaded the tree: each unit comes with its
    // parent's name, so that namesakes (two 永前社区) are told apart.
    return Respond(
        request, orgs.List(caller, query), [&orgs, &caller](const std::vector<OrgUnit>& units) {
            std::map<domain::OrgUnitId, std::string> parents;
            nlohmann::json json = UnitListJson(units);
            for (std::size_t i = 0; i < units.size(); ++i) {
                std::string parent_name;
                if (const auto parent_id = units[i].parent_id) {
                    auto found = parents.find(*parent_id);
                    if (found == parents.end()) {
                        auto parent = orgs.Get(caller, *parent_id);
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

http::Response GetUnit(service::OrgService& orgs, http::Request& request,
                       const domain::Principal& caller, domain::OrgUnitId id) {
    return Respond(request, orgs.Get(caller, id), UnitJson);
}

http::Response UnitStaff(service::OrgService& orgs, http::Request& request,
                         const domain::Principal& caller, domain::OrgUnitId id) {
    return Respond(request, orgs.Staff(caller, id), StaffJson);
}

http::Response Directory(service::OrgService& orgs, http::Request& request,
                         const domain::Principal& caller) {
    return Respond(request, orgs.Directory(caller), UnitListJson);
}

http::Response DeactivateUnit(service::OrgService& orgs, http::Request& request,
                              const domain::Principal& caller, domain::OrgUnitId id) {
    service::OrgUnitChanges changes;
    changes.active = false;
    return Respond(request, orgs.Update(caller, id, changes), UnitJson);
}

}  // namespace

Routes OrgRoutes(service::OrgService& orgs) {
    using domain::permission::kOrgRead;
    using domain::permission::kOrgWrite;
    return {
        {"GET", "/api/v1/org/tree", Needs(kOrgRead), With(orgs, &Tree)},
        {"GET", "/api/v1/org/units", Needs(kOrgRead), With(orgs, &ListUnits)},
        {"GET", "/api/v1/org/units/{id}", Needs(kOrgRead), With(orgs, &GetUnit), kUnitId},
        {"GET", "/api/v1/org/units/{id}/staff", Needs(domain::permission::kCaseAct),
         With(orgs, &UnitStaff), kUnitId},
        {"GET", "/api/v1/org/directory", Needs(domain::permission::kDirectoryRead),
         With(orgs, &Directory)},
        {"POST", "/api/v1/org/units", Needs(kOrgWrite), With(orgs, &CreateUnit)},
        {"PATCH", "/api/v1/org/units/{id}", Needs(kOrgWrite), With(orgs, &UpdateUnit), kUnitId},
        {"POST", "/api/v1/org/units/{id}/deactivate", Needs(kOrgWrite), With(orgs, &DeactivateUnit),
         kUnitId},
    };
}

}  // namespace minqing::api
