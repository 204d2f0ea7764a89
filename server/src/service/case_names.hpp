// The names people read in place of the ids a case carries: its category, the org nodes it
// refers to (as the office that acts for them) and the colleagues who acted on it. Looked up
// inside the unit of work that read the cases. Plain data once built; thread-compatible.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "domain/case.hpp"
#include "domain/case_event.hpp"
#include "domain/store.hpp"

namespace minqing::service {

class CaseNames {
  public:
    /// The category's name ("物业管理"), or "" for an unknown code.
    std::string Category(const std::string& code) const;
    /// The unit's name as it acts (domain::OfficeName), or "" when unknown.
    std::string Unit(domain::OrgUnitId id) const;
    /// The staff member's display name, or "" when unknown. Reporters never have an account
    /// on their events, so their names never come from here.
    std::string User(domain::UserId id) const;

    /// Looks up the category and holder of every case.
    void AddCases(domain::Repositories& repositories, const std::vector<domain::Case>& cases);
    /// Looks up the actor and the unit they acted for of every event.
    void AddEvents(domain::Repositories& repositories,
                   const std::vector<domain::CaseEvent>& events);

  private:
    void AddUnit(domain::Repositories& repositories, domain::OrgUnitId id);
    void AddUser(domain::Repositories& repositories, domain::UserId id);

    bool categories_loaded_ = false;
    std::map<std::string, std::string> categories_;
    std::map<domain::OrgUnitId, std::string> units_;
    std::map<domain::UserId, std::string> users_;
};

}  // namespace minqing::service
