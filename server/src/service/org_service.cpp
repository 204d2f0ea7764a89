#include "service/org_service.hpp"

#include <algorithm>

#include "domain/case_access.hpp"
#include "text/text_checks.hpp"

namespace minqing::service {
namespace {

using domain::OrgUnit;
using domain::Principal;
using domain::Repositories;

constexpr std::size_t kMaxCodeCharacters = 32;
constexpr std::size_t kMaxNameCharacters = 100;
constexpr std::size_t kMaxContactCharacters = 100;
constexpr std::size_t kMaxHandlers = 50;

Error NotPermitted() {
    return Forbidden("auth.forbidden", "You lack the permission for this.");
}

void CheckField(std::vector<FieldError>& fields, std::string field, std::string_view value,
                std::size_t max_characters, bool required) {
    if (auto reason = text::CheckText(value, max_characters, required, true)) {
        fields.push_back({std::move(field), std::move(*reason),
                          "At most " + std::to_string(max_characters) +
                              " characters on one line, without control characters."});
    }
}

bool IsCodeCharacter(char c) {
    return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '-' ||
           c == '_';
}

}  // namespace

std::vector<FieldError> ValidateOrgFields(const OrgUnit& unit) {
    std::vector<FieldError> fields;
    if (unit.code.empty() || unit.code.size() > kMaxCodeCharacters ||
        !std::ranges::all_of(unit.code, IsCodeCharacter)) {
        fields.push_back({"code", unit.code.empty() ? "required" : "invalid",
                          "1 to 32 letters, digits, '-' or '_'."});
    }
    CheckField(fields, "name", unit.name, kMaxNameCharacters, true);
    CheckField(fields, "shortName", unit.short_name, kMaxNameCharacters, false);
    CheckField(fields, "unitType", unit.unit_type, kMaxContactCharacters, false);
    CheckField(fields, "leaderInCharge", unit.leader_in_charge, kMaxContactCharacters, false);
    CheckField(fields, "responsibleSection", unit.responsible_section, kMaxContactCharacters,
               false);
    CheckField(fields, "hotline", unit.hotline, kMaxContactCharacters, false);
    if (unit.handlers.size() > kMaxHandlers) {
        fields.push_back({"handlers", "too_many", "At most 50 handlers."});
    }
    for (std::size_t i = 0; i < unit.handlers.size(); ++i) {
        const auto prefix = "handlers[" + std::to_string(i) + "].";
        CheckField(fields, prefix + "name", unit.handlers[i].name, kMaxContactCharacters, true);
        CheckField(fields, prefix + "phone", unit.handlers[i].phone, kMaxContactCharacters, false);
    }
    return fields;
}

Result<std::vector<OrgUnit>> OrgService::List(const Principal& actor,
                                              const domain::OrgQuery& query) {
    if (!actor.HasPermission(domain::permission::kOrgRead)) {
        return Fail(NotPermitted());
    }
    return domain::Query(
        store_, [&](Repositories& repositories) { return repositories.Orgs().List(query); });
}

std::int64_t OrgService::IndexUnitNames() {
    std::int64_t added = 0;
    store_.Write([&added](Repositories& repositories) {
        added = repositories.Orgs().IndexMissingNames();
        return true;
    });
    return added;
}

Result<OrgUnit> OrgService::Get(const Principal& actor, domain::OrgUnitId id) {
    if (!actor.HasPermission(domain::permission::kOrgRead)) {
        return Fail(NotPermitted());
    }
    auto unit = domain::Query(
        store_, [&](Repositories& repositories) { return repositories.Orgs().FindById(id); });
    if (!unit) {
        return Fail(NotFound("org.unit_not_found", "No such org unit."));
    }
    return std::move(*unit);
}

Result<std::vector<UnitStaffMember>> OrgService::Staff(const Principal& actor,
                                                       domain::OrgUnitId id) {
    return domain::Query(
        store_, [&](Repositories& repositories) -> Result<std::vector<UnitStaffMember>> {
            const auto unit = repositories.Orgs().FindById(id);
            const bool works_for =
                unit && unit->kind == domain::OrgKind::kUnit &&
                std::ranges::any_of(actor.roles, [&](const domain::RoleAssignment& held) {
                    return domain::IsUnitRole(held.role) &&
                           domain::IsWithinPath(unit->path, held.org_unit_path);
                });
            if (!works_for) {
                return Fail(NotFound("org.unit_not_found", "No such org unit."));
            }
            domain::UserQuery query;
            query.within_paths = std::vector<std::string>{unit->path};
            query.limit = 500;
            std::vector<UnitStaffMember> staff;
            for (const domain::User& user : repositories.Users().List(query)) {
                if (!user.active) {
                    continue;
                }
                for (const auto& held : user.roles) {
                    if (domain::IsUnitRole(held.role) &&
                        domain::IsWithinPath(unit->path, held.org_unit_path)) {
                        const auto at = repositories.Orgs().FindById(held.org_unit_id);
                        staff.push_back({user.id, user.display_name, held.role, held.org_unit_id,
                                         at ? at->name : ""});
                    }
                }
            }
            return staff;
        });
}

Result<std::vector<OrgUnit>> OrgService::Directory(const Principal& actor) {
    if (!actor.HasPermission(domain::permission::kDirectoryRead)) {
        return Fail(NotPermitted());
    }
    return domain::Query(store_, [](Repositories& repositories) {
        domain::OrgQuery query;
        query.kind = domain::OrgKind::kUnit;
        return repositories.Orgs().List(query);
    });
}

Result<OrgUnit> OrgService::Create(const Principal& actor, NewOrgUnit fields) {
    if (!actor.HasPermission(domain::permission::kOrgWrite)) {
        return Fail(NotPermitted());
    }
    const Instant now = clock_.Now();
    auto created = domain::Transact(store_, [&](Repositories& repositories) -> Result<OrgUnit> {
        std::optional<OrgUnit> parent;
        if (fields.parent_id) {
            parent = repositories.Orgs().FindById(*fields.parent_id);
            if (!parent) {
                return Fail(
                    NotFound("org.parent_not_found", "The parent org unit does not exist."));
            }
            if (!domain::Administers(actor, *parent)) {
                return Fail(Forbidden("org.outside_scope",
                                      "The parent lies outside the scope you administer."));
            }
        } else if (!actor.HasRole(domain::Role::kAdmin) || repositories.Orgs().Count() > 0) {
            return Fail(Validation({{"parentId", "required", "A parent org unit is required."}}));
        }
        OrgUnit unit;
        unit.code = fields.code;
        unit.name = text::Trim(fields.name);
        unit.short_name = text::Trim(fields.short_name);
        unit.kind = fields.kind;
        unit.unit_type = fields.unit_type;
        unit.parent_id = fields.parent_id;
        unit.boundary = fields.boundary;
        unit.leader_in_charge = fields.leader_in_charge;
        unit.responsible_section = fields.responsible_section;
        unit.hotline = fields.hotline;
        unit.handlers = fields.handlers;
        unit.created_at = now;
        unit.updated_at = now;
        if (fields.level) {
            unit.level = *fields.level;
        } else if (parent) {
            // Divisions go one level down; units and sections sit at their parent's level.
            const auto below = domain::LevelBelow(parent->level);
            unit.level = unit.kind == domain::OrgKind::kDivision && below ? *below : parent->level;
        }
        auto problems = ValidateOrgFields(unit);
        if (const auto bad =
                domain::CheckPlacement(unit.kind, unit.level, parent ? &*parent : nullptr)) {
            problems.push_back({"parentId", std::string(*bad),
                                "This kind and level of unit cannot be placed there."});
        }
        if (!problems.empty()) {
            return Fail(Validation(std::move(problems)));
        }
        return repositories.Orgs().Insert(std::move(unit));
    });
    if (created) {
        org_tree_.Reload();
    }
    return created;
}

Result<OrgUnit> OrgService::Update(const Principal& actor, domain::OrgUnitId id,
                                   const OrgUnitChanges& changes) {
    if (!actor.HasPermission(domain::permission::kOrgWrite)) {
        return Fail(NotPermitted());
    }
    const Instant now = clock_.Now();
    auto updated = domain::Transact(store_, [&](Repositories& repositories) -> Result<OrgUnit> {
        auto unit = repositories.Orgs().FindById(id);
        if (!unit) {
            return Fail(NotFound("org.unit_not_found", "No such org unit."));
        }
        if (!domain::Administers(actor, *unit)) {
            return Fail(
                Forbidden("org.outside_scope", "The unit lies outside the scope you administer."));
        }
        if (changes.name) {
            unit->name = text::Trim(*changes.name);
        }
        if (changes.short_name) {
            unit->short_name = text::Trim(*changes.short_name);
        }
        if (changes.unit_type) {
            unit->unit_type = *changes.unit_type;
        }
        if (changes.boundary) {
            unit->boundary = *changes.boundary;
        }
        if (changes.leader_in_charge) {
            unit->leader_in_charge = *changes.leader_in_charge;
        }
        if (changes.responsible_section) {
            unit->responsible_section = *changes.responsible_section;
        }
        if (changes.hotline) {
            unit->hotline = *changes.hotline;
        }
        if (changes.handlers) {
            unit->handlers = *changes.handlers;
        }
        if (changes.answer_approval) {
            if (unit->kind == domain::OrgKind::kDivision) {
                return Fail(Validation({{"answerApproval", "invalid",
                                         "Only member units have a 分管领导 who signs answers."}}));
            }
            unit->answer_approval = *changes.answer_approval;
        }
        if (changes.active) {
            if (!*changes.active && unit->active &&
                repositories.Orgs().CountActiveChildren(id) > 0) {
                return Fail(Conflict("org.has_active_children",
                                     "Deactivate or move the units below it first."));
            }
            unit->active = *changes.active;
        }
        unit->updated_at = now;
        if (auto problems = ValidateOrgFields(*unit); !problems.empty()) {
            return Fail(Validation(std::move(problems)));
        }
        repositories.Orgs().Update(*unit);
        return std::move(*unit);
    });
    if (updated) {
        org_tree_.Reload();
    }
    return updated;
}

}  // namespace minqing::service
