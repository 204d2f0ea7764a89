// Port: where org units are kept. Implemented by storage/; used by service/ inside a
// unit of work (see store.hpp), so it needs no thread-safety of its own.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.hpp"
#include "domain/org_unit.hpp"
#include "domain/port.hpp"

namespace minqing::domain {

struct OrgQuery {
    std::optional<OrgLevel> level;
    std::optional<OrgKind> kind;
    std::optional<OrgUnitId> parent_id;
    /// Only nodes whose path starts with this one (a subtree).
    std::optional<std::string> within_path;
    bool include_inactive = false;
    /// Search terms (from text::QueryTerms) that must all occur in the name, short name or
    /// code; matched through the name index.
    std::vector<std::string> name_terms;
    /// At most this many units; 0 for all.
    int limit = 0;
};

class OrgRepository : public Port {
  public:
    /// Matching units ordered by path (a pre-order walk of the tree), then code.
    virtual std::vector<OrgUnit> List(const OrgQuery& query) = 0;
    virtual std::optional<OrgUnit> FindById(OrgUnitId id) = 0;
    virtual std::optional<OrgUnit> FindByCode(std::string_view code) = 0;
    /// Stores a new unit below its parent (which must exist) and returns it with its id
    /// and path. Conflict "org.code_taken" when the code is in use.
    virtual Result<OrgUnit> Insert(OrgUnit unit) = 0;
    /// Saves the editable fields: names, unit type, active, boundary, contacts, handlers.
    virtual void Update(const OrgUnit& unit) = 0;
    virtual std::int64_t CountActiveChildren(OrgUnitId id) = 0;
    /// Adds the units missing from the name index (those stored before it existed) and
    /// returns how many.
    virtual std::int64_t IndexMissingNames() = 0;
    virtual std::int64_t Count() = 0;
};

}  // namespace minqing::domain
