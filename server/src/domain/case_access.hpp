// Who sees a case and what they are to it: the visibility of a caller's roles, the workflow
// relations of a caller to one case, and the masking of the reporter. Pure; thread-safe.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/case.hpp"
#include "domain/case_repository.hpp"
#include "domain/org_tree.hpp"
#include "domain/principal.hpp"
#include "domain/workflow.hpp"

namespace minqing::domain {

/// The org nodes a case refers to, resolved by the service for relation checks.
struct CaseParties {
    std::optional<OrgUnit> holder;
    std::optional<OrgUnit> origin;
    std::optional<OrgUnit> receiving_office;
    std::optional<OrgUnit> dispatcher;
    std::optional<OrgUnit> lead_unit;
    std::vector<OrgUnit> assisting;
    std::optional<OrgUnit> escalated_to;
    /// The section of the lead unit the case was passed to (交办), if any.
    std::optional<OrgUnit> assignee_unit;
};

/// The org nodes `c` refers to, from the snapshot: holder, origin, offices, units, the
/// leader, and the `assisting` units (kept apart from the case row, so the caller reads them).
CaseParties PartiesOf(const OrgTree& tree, const Case& c, const std::vector<OrgUnitId>& assisting);

/// What cases the caller's roles let them see (DOMAIN.md "Who sees what"): the city office
/// and inspectors at city level everything; offices, community staff, directors and units the
/// cases with a stake in their subtree; leaders those of their area and those escalated to them;
/// grid workers their grid's cases and their own reports; cadres their own reports. Admins manage
/// the system and see no cases.
CaseVisibility VisibilityOf(const Principal& caller);

/// The workflow relations of the caller to the case.
Relations RelationsOf(const Principal& caller, const Case& c, const CaseParties& parties);

/// Whether the caller may see the reporter's name and phone unmasked (after an explicit,
/// logged reveal): the receiving office, and the holder unless the reporter asked for
/// confidentiality and the holder is a member unit.
bool MaySeeReporter(const Principal& caller, const Case& c, const CaseParties& parties);

/// "张三" → "张*", "欧阳小明" → "欧***"; "13812341234" → "138****1234".
std::string MaskName(std::string_view name);
std::string MaskPhone(std::string_view phone);

/// Whether the role acts as the office of a division (accepts, routes, reviews).
bool IsOfficeRole(Role role);
/// Whether the role acts for a member unit (signs, handles, answers).
bool IsUnitRole(Role role);

}  // namespace minqing::domain
