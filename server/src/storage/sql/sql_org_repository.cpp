#include <string>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "storage/geojson_boundary.hpp"
#include "storage/sql/enum_text.hpp"
#include "storage/sql/sql_fragments.hpp"
#include "storage/sql/sql_repositories.hpp"
#include "text/segmenter.hpp"

namespace minqing::storage {
namespace {

using domain::OrgUnit;

std::string HandlersJson(const std::vector<domain::UnitHandler>& handlers) {
    nlohmann::json array = nlohmann::json::array();
    for (const auto& handler : handlers) {
        array.push_back({{"name", handler.name},
                         {"phone", handler.phone},
                         {"sectionCode", handler.section_code}});
    }
    return array.dump();
}

std::vector<domain::UnitHandler> ParseHandlers(const std::string& text) {
    std::vector<domain::UnitHandler> handlers;
    const auto array = nlohmann::json::parse(text, nullptr, false);
    if (!array.is_array()) {
        return handlers;
    }
    for (const auto& item : array) {
        handlers.push_back(
            {item.value("name", ""), item.value("phone", ""), item.value("sectionCode", "")});
    }
    return handlers;
}

std::optional<std::string> BoundaryText(const std::optional<domain::Boundary>& boundary) {
    return boundary ? std::optional(GeoJsonOf(*boundary)) : std::nullopt;
}

// A stored text that is no longer a valid boundary (edited by hand) reads as none.
std::optional<domain::Boundary> BoundaryOfText(const std::optional<std::string>& text) {
    return text ? BoundaryOfGeoJson(*text) : std::nullopt;
}

const ColumnTable<OrgUnit> kUnits(
    "org_units",
    {Field<&OrgUnit::id>("id", kGeneratedKey), Field<&OrgUnit::code>("code", kWrittenOnce),
     Field<&OrgUnit::name>("name"), Field<&OrgUnit::short_name>("short_name"),
     Field<&OrgUnit::kind>("kind", kWrittenOnce), Field<&OrgUnit::level>("level", kWrittenOnce),
     Field<&OrgUnit::unit_type>("unit_type"), Field<&OrgUnit::parent_id>("parent_id", kWrittenOnce),
     // Known only once the id is: Insert sets it right after.
     Field<&OrgUnit::path>("path", kSelected), Field<&OrgUnit::active>("active"),
     Converted<&OrgUnit::boundary, &BoundaryText, &BoundaryOfText>("boundary"),
     Field<&OrgUnit::leader_in_charge>("leader_in_charge"),
     Field<&OrgUnit::responsible_section>("responsible_section"),
     Field<&OrgUnit::hotline>("hotline"),
     Converted<&OrgUnit::handlers, &HandlersJson, &ParseHandlers>("handlers"),
     Field<&OrgUnit::created_at>("created_at", kWrittenOnce),
     Field<&OrgUnit::updated_at>("updated_at"),
     Field<&OrgUnit::answer_approval>("answer_approval")});

// What a unit is found by: its names and its code.
std::string NameTokens(const OrgUnit& unit) {
    return text::IndexTokens(unit.name + "\n" + unit.short_name + "\n" + unit.code);
}

}  // namespace

std::string WithinSubtrees(std::string_view path_column, const std::vector<std::string>& paths,
                           std::vector<SqlValue>& params) {
    std::string condition;
    for (const std::string& path : paths) {
        condition += condition.empty() ? "(" : " OR (";
        condition += fmt::format("{0} >= ? AND {0} < ?)", path_column);
        params.emplace_back(path);
        params.emplace_back(SubtreeUpperBound(path));
    }
    return condition.empty() ? std::string("1 = 0") : condition;
}

std::string SubtreeUpperBound(std::string_view path) {
    // Paths end in '/', and '0' is the character right after '/', so every path with this
    // prefix sorts before prefix-without-slash + "0".
    std::string upper(path);
    if (!upper.empty()) {
        upper.back() = '0';
    }
    return upper;
}

std::vector<OrgUnit> SqlOrgRepository::List(const domain::OrgQuery& query) {
    std::string sql = kUnits.SelectFrom() + "WHERE 1 = 1";
    std::vector<SqlValue> params;
    if (query.level) {
        sql += " AND level = ?";
        params.emplace_back(std::string(domain::OrgLevelName(*query.level)));
    }
    if (query.kind) {
        sql += " AND kind = ?";
        params.emplace_back(std::string(domain::OrgKindName(*query.kind)));
    }
    if (query.parent_id) {
        sql += " AND parent_id = ?";
        params.emplace_back(*query.parent_id);
    }
    if (query.within_path) {
        sql += " AND path >= ? AND path < ?";
        params.emplace_back(*query.within_path);
        params.emplace_back(SubtreeUpperBound(*query.within_path));
    }
    if (!query.include_inactive) {
        sql += " AND active = 1";
    }
    if (!query.name_terms.empty()) {
        if (session_.dialect() == Dialect::kSqlite) {
            sql += " AND id IN (SELECT rowid FROM org_unit_search WHERE org_unit_search MATCH ?)";
            params.emplace_back(text::Fts5MatchExpression(query.name_terms));
        } else {
            sql += " AND search_tokens @@ to_tsquery('simple', ?)";
            params.emplace_back(text::TsQueryExpression(query.name_terms));
        }
    }
    sql += " ORDER BY path, code";
    if (query.limit > 0) {
        sql += " LIMIT ?";
        params.emplace_back(std::int64_t{query.limit});
    }
    return kUnits.ReadAll(session_.Query(sql, params));
}

std::optional<OrgUnit> SqlOrgRepository::FindById(domain::OrgUnitId id) {
    return kUnits.ReadOne(session_.QueryOne(kUnits.SelectFrom() + "WHERE id = ?", {id}));
}

std::optional<OrgUnit> SqlOrgRepository::FindByCode(std::string_view code) {
    return kUnits.ReadOne(
        session_.QueryOne(kUnits.SelectFrom() + "WHERE code = ?", {std::string(code)}));
}

Result<OrgUnit> SqlOrgRepository::Insert(OrgUnit unit) {
    std::string parent_path = "/";
    if (unit.parent_id) {
        const auto parent =
            session_.QueryOne("SELECT path FROM org_units WHERE id = ?", {*unit.parent_id});
        if (!parent) {
            return Fail(NotFound("org.parent_not_found", "The parent org unit does not exist."));
        }
        parent_path = parent->Text(0);
    }
    std::optional<SqlRow> inserted;
    try {
        inserted =
            session_.QueryOne(kUnits.InsertSql() + " RETURNING id", kUnits.InsertValues(unit));
    } catch (const UniqueViolation&) {
        return Fail(Conflict("org.code_taken", "Another org unit already has this code."));
    }
    unit.id = inserted->Int(0);
    unit.path = parent_path + std::to_string(unit.id) + "/";
    session_.Execute("UPDATE org_units SET path = ? WHERE id = ?", {unit.path, unit.id});
    IndexName(unit);
    return unit;
}

void SqlOrgRepository::Update(const OrgUnit& unit) {
    session_.Execute(kUnits.UpdateSql(), kUnits.UpdateValues(unit));
    IndexName(unit);
}

void SqlOrgRepository::IndexName(const OrgUnit& unit) {
    if (session_.dialect() == Dialect::kSqlite) {
        session_.Execute("DELETE FROM org_unit_search WHERE rowid = ?", {unit.id});
        session_.Execute("INSERT INTO org_unit_search (rowid, tokens) VALUES (?, ?)",
                         {unit.id, NameTokens(unit)});
    } else {
        session_.Execute(
            "UPDATE org_units SET search_tokens = to_tsvector('simple', ?) WHERE id = ?",
            {NameTokens(unit), unit.id});
    }
}

std::int64_t SqlOrgRepository::IndexMissingNames() {
    const std::string missing = session_.dialect() == Dialect::kSqlite
                                    ? "id NOT IN (SELECT rowid FROM org_unit_search)"
                                    : "search_tokens IS NULL";
    const auto units = kUnits.ReadAll(session_.Query(kUnits.SelectFrom() + "WHERE " + missing, {}));
    for (const OrgUnit& unit : units) {
        IndexName(unit);
    }
    return static_cast<std::int64_t>(units.size());
}

std::int64_t SqlOrgRepository::CountActiveChildren(domain::OrgUnitId id) {
    return session_
        .QueryOne("SELECT COUNT(*) FROM org_units WHERE parent_id = ? AND active = 1", {id})
        ->Int(0);
}

std::int64_t SqlOrgRepository::Count() {
    return session_.QueryOne("SELECT COUNT(*) FROM org_units")->Int(0);
}

}  // namespace minqing::storage
