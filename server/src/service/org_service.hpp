// Use cases over the org network: read the tree and the contact directory, and (admins)
// create, edit and deactivate units. Thread-safe; blocks on the Store.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "common/clock.hpp"
#include "common/result.hpp"
#include "domain/org_repository.hpp"
#include "domain/principal.hpp"
#include "domain/store.hpp"
#include "service/org_tree_cache.hpp"

namespace minqing::service {

/// The fields of a new unit; `parent_id` is required except for the city itself.
struct NewOrgUnit {
    std::string code;
    std::string name;
    std::string short_name;
    domain::OrgKind kind = domain::OrgKind::kDivision;
    std::optional<domain::OrgLevel> level;  // derived from the parent when absent
    std::string unit_type;
    std::optional<domain::OrgUnitId> parent_id;
    std::optional<domain::Boundary> boundary;
    std::string leader_in_charge;
    std::string responsible_section;
    std::string hotline;
    std::vector<domain::UnitHandler> handlers;
};

/// Changes to a unit; absent fields stay as they are.
struct OrgUnitChanges {
    std::optional<std::string> name;
    std::optional<std::string> short_name;
    std::optional<std::string> unit_type;
    /// Set, or clear with nullopt inside.
    std::optional<std::optional<domain::Boundary>> boundary;
    std::optional<std::string> leader_in_charge;
    std::optional<std::string> responsible_section;
    std::optional<std::string> hotline;
    std::optional<std::vector<domain::UnitHandler>> handlers;
    std::optional<bool> active;
    /// Member units only: whether a 承办人's answer waits for the unit's 分管领导.
    std::optional<bool> answer_approval;
};

/// A person who works for a member unit (on it or on one of its sections): whom the unit may
/// pass a case to (交办).
struct UnitStaffMember {
    domain::UserId user_id = 0;
    std::string display_name;
    domain::Role role = domain::Role::kUnitHandler;
    domain::OrgUnitId unit_id = 0;
    std::string unit_name;
};

class OrgService {
  public:
    /// Reloads `org_tree` after each edit it commits.
    OrgService(domain::Store& store, const Clock& clock, OrgTreeCache& org_tree)
        : store_(store), clock_(clock), org_tree_(org_tree) {}

    /// Any staff user ("org:unit:read"). Errors: 403 "auth.forbidden".
    Result<std::vector<domain::OrgUnit>> List(const domain::Principal& actor,
                                              const domain::OrgQuery& query);
    /// Errors: 403, 404 "org.unit_not_found".
    Result<domain::OrgUnit> Get(const domain::Principal& actor, domain::OrgUnitId id);
    /// Puts the units stored before the name index existed into it; run once at start.
    /// Returns how many were added.
    std::int64_t IndexUnitNames();
    /// Member units and their sections with leaders, sections, handlers and hotlines.
    Result<std::vector<domain::OrgUnit>> Directory(const domain::Principal& actor);
    /// The handlers and unit leaders of member unit `id` and its sections, by name, for those
    /// who work for it. Errors: 404 "org.unit_not_found" (also for a unit the caller does not
    /// work for, so that staff lists are not read from outside).
    Result<std::vector<UnitStaffMember>> Staff(const domain::Principal& actor,
                                               domain::OrgUnitId id);

    /// Admin on a scope containing the parent. Errors: 403 "auth.forbidden",
    /// "org.outside_scope"; 404 "org.parent_not_found"; 409 "org.code_taken"; 422 fields.
    Result<domain::OrgUnit> Create(const domain::Principal& actor, NewOrgUnit unit);
    /// Errors as Create, plus 409 "org.has_active_children" when deactivating a unit that
    /// still has active children. Units are never deleted: cases and accounts refer to them.
    Result<domain::OrgUnit> Update(const domain::Principal& actor, domain::OrgUnitId id,
                                   const OrgUnitChanges& changes);

  private:
    domain::Store& store_;
    const Clock& clock_;
    OrgTreeCache& org_tree_;
};

/// Checks the text fields of a unit; returns every problem.
std::vector<FieldError> ValidateOrgFields(const domain::OrgUnit& unit);

}  // namespace minqing::service
