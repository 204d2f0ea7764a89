// Port: categories and direct cards. Used inside a unit of work.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.hpp"
#include "domain/catalog.hpp"
#include "domain/port.hpp"

namespace minqing::domain {

/// Which direct cards to list; absent fields do not filter.
struct DirectCardQuery {
    std::optional<OrgUnitId> community_id;
    std::optional<bool> active;
    /// Only cards of communities inside one of these subtrees (org paths).
    std::optional<std::vector<std::string>> within_paths;
};

class CatalogRepository : public Port {
  public:
    /// Every category, ordered by code.
    virtual std::vector<Category> Categories() = 0;
    virtual std::optional<Category> FindCategory(std::string_view code) = 0;
    /// Inserts or replaces a category (parents before children).
    virtual void SaveCategory(const Category& category) = 0;

    /// The catalogue rule for a category routed at a level, if any.
    virtual std::optional<DispatchRule> FindDispatchRule(std::string_view category_code,
                                                         OrgLevel level) = 0;
    /// Inserts or replaces the rule of its category and level.
    virtual void SaveDispatchRule(const DispatchRule& rule) = 0;
    /// Every rule, by category code and level.
    virtual std::vector<DispatchRule> DispatchRules() = 0;
    /// Removes the rule; false when there was none.
    virtual bool DeleteDispatchRule(std::string_view category_code, OrgLevel level) = 0;

    /// A conflict (direct_card.community_has_card) when the community already holds an
    /// active card.
    virtual Result<DirectCard> InsertCard(DirectCard card) = 0;
    /// The active card the user holds for that community, if any.
    virtual std::optional<DirectCard> ActiveCard(UserId holder, OrgUnitId community) = 0;
    /// Every card the user holds (active or not), newest first.
    virtual std::vector<DirectCard> CardsOf(UserId holder) = 0;
    virtual std::optional<DirectCard> FindCard(std::int64_t id) = 0;
    /// The community's active card, whoever holds it.
    virtual std::optional<DirectCard> ActiveCardOf(OrgUnitId community) = 0;
    /// How many cards the community was ever issued (revoked ones included).
    virtual std::size_t CountCardsOf(OrgUnitId community) = 0;
    /// The cards matching `query`, by community code, newest first within one.
    virtual std::vector<DirectCard> Cards(const DirectCardQuery& query) = 0;
    /// Marks an active card revoked at `at`; false when it is not active (or not there).
    virtual bool RevokeCard(std::int64_t id, Instant at) = 0;
};

}  // namespace minqing::domain
