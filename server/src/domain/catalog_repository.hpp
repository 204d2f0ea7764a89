// Port: categories and direct cards. Used inside a unit of work.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "domain/catalog.hpp"

namespace minqing::domain {

class CatalogRepository {
  public:
    virtual ~CatalogRepository() = default;
    CatalogRepository() = default;
    CatalogRepository(const CatalogRepository&) = delete;
    CatalogRepository& operator=(const CatalogRepository&) = delete;

    /// Every category, ordered by code.
    virtual std::vector<Category> Categories() = 0;
    virtual std::optional<Category> FindCategory(std::string_view code) = 0;
    /// Inserts or replaces a category (parents before children).
    virtual void SaveCategory(const Category& category) = 0;

    /// The catalogue rule for a category routed at a level, if any.
    virtual std::optional<DispatchRule> FindDispatchRule(std::string_view category_code,
                                                         OrgLevel level) = 0;
    virtual void SaveDispatchRule(const DispatchRule& rule) = 0;

    virtual DirectCard InsertCard(DirectCard card) = 0;
    /// The active card the user holds for that community, if any.
    virtual std::optional<DirectCard> ActiveCard(UserId holder, OrgUnitId community) = 0;
    /// Every card the user holds (active or not), newest first.
    virtual std::vector<DirectCard> CardsOf(UserId holder) = 0;
};

}  // namespace minqing::domain
