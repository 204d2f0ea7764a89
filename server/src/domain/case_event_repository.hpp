// Port: each case's event log, appended in order and never rewritten (the hash chain in
// case_event.hpp proves it). Used inside a unit of work (see store.hpp).
#pragma once

#include <map>
#include <optional>
#include <string_view>
#include <vector>

#include "domain/case_event.hpp"
#include "domain/port.hpp"

namespace minqing::domain {

class CaseEventRepository : public Port {
  public:
    virtual void Append(const CaseEvent& event) = 0;
    virtual std::optional<CaseEvent> Last(CaseId id) = 0;
    /// The whole history, oldest first.
    virtual std::vector<CaseEvent> History(CaseId id) = 0;
    /// When each of the cases last had an event of `action`; cases without one are left out.
    virtual std::map<CaseId, Instant> LastAt(const std::vector<CaseId>& ids,
                                             std::string_view action) = 0;
};

}  // namespace minqing::domain
