#include "service/case_names.hpp"

namespace minqing::service {
namespace {

template <typename Key>
std::string Find(const std::map<Key, std::string>& names, const Key& key) {
    const auto found = names.find(key);
    return found == names.end() ? std::string() : found->second;
}

}  // namespace

std::string CaseNames::Category(const std::string& code) const {
    return Find(categories_, code);
}

std::string CaseNames::Unit(domain::OrgUnitId id) const {
    return Find(units_, id);
}

std::string CaseNames::User(domain::UserId id) const {
    return Find(users_, id);
}

void CaseNames::AddCases(domain::Repositories& repositories,
                         const std::vector<domain::Case>& cases) {
    if (cases.empty()) {
        return;
    }
    if (!categories_loaded_) {
        // The catalogue is a few hundred rows: one read is cheaper than one per code.
        for (const auto& category : repositories.Catalog().Categories()) {
            categories_[category.code] = category.name;
        }
        categories_loaded_ = true;
    }
    for (const auto& c : cases) {
        AddUnit(repositories, c.holder_id);
    }
}

void CaseNames::AddEvents(domain::Repositories& repositories,
                          const std::vector<domain::CaseEvent>& events) {
    for (const auto& event : events) {
        if (event.actor_id) {
            AddUser(repositories, *event.actor_id);
        }
        if (event.actor_unit_id) {
            AddUnit(repositories, *event.actor_unit_id);
        }
    }
}

void CaseNames::AddUnit(domain::Repositories& repositories, domain::OrgUnitId id) {
    if (units_.contains(id)) {
        return;
    }
    const auto unit = repositories.Orgs().FindById(id);
    units_[id] = unit ? domain::OfficeName(*unit) : std::string();
}

void CaseNames::AddUser(domain::Repositories& repositories, domain::UserId id) {
    if (users_.contains(id)) {
        return;
    }
    const auto user = repositories.Users().FindById(id);
    users_[id] = user ? user->display_name : std::string();
}

}  // namespace minqing::service
