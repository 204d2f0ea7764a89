// The subject categories and the dispatch catalogue (派单目录) for administrators: add and
// edit categories, set and remove the suggested units per category and routing level. Intake,
// the category list and the routing suggestion read both from the database on every request,
// so an edit applies to the next one. Thread-safe; blocks on the Store.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.hpp"
#include "domain/catalog.hpp"
#include "domain/principal.hpp"
#include "domain/store.hpp"

namespace minqing::service {

struct NewCategory {
    std::string code;
    std::string name;
    std::optional<std::string> parent_code;
    std::vector<std::string> keywords;
};

/// Changes to a category; absent fields stay as they are.
struct CategoryChanges {
    std::optional<std::string> name;
    std::optional<std::vector<std::string>> keywords;
    std::optional<bool> active;
};

class CatalogService {
  public:
    explicit CatalogService(domain::Store& store) : store_(store) {}

    /// The city's administrators only (an administrator of the root of the tree).
    /// Errors: 403 "auth.forbidden" (not a city administrator); 422 "code" "format" (two digits at
    /// the top level, four starting with the parent's code below it), "parentCode" "unknown"
    /// (no such top-level category), "name" "length" (1 to 40 characters), "keywords[i]"
    /// "invalid"; 409 "category.code_taken".
    Result<domain::Category> CreateCategory(const domain::Principal& actor, NewCategory fields);
    /// Errors: 403; 404 "category.not_found"; 422 as CreateCategory.
    Result<domain::Category> UpdateCategory(const domain::Principal& actor, std::string_view code,
                                            const CategoryChanges& changes);

    /// Every rule, by category code and level.
    std::vector<domain::DispatchRule> DispatchRules();
    /// Sets the rule of a category for a routing level ("city" or "district"). Errors: 403;
    /// 404 "category.not_found", "dispatch_rule.level_not_found"; 422 "leadUnit",
    /// "assistingUnits[i]" "unknown_unit" (no org unit has that code, or none for any district
    /// when "{district}" is replaced by its code).
    Result<domain::DispatchRule> SaveDispatchRule(const domain::Principal& actor,
                                                  std::string_view category_code,
                                                  std::string_view level, std::string lead_unit,
                                                  std::vector<std::string> assisting_units);
    /// Errors: 403; 404 "dispatch_rule.not_found", "dispatch_rule.level_not_found".
    Status DeleteDispatchRule(const domain::Principal& actor, std::string_view category_code,
                              std::string_view level);

  private:
    domain::Store& store_;
};

}  // namespace minqing::service
