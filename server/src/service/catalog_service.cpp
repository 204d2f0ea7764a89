#include "service/catalog_service.hpp"

#include <algorithm>

#include "text/text_checks.hpp"

namespace minqing::service {
namespace {

using domain::Category;
using domain::Principal;
using domain::Repositories;

constexpr std::size_t kMaxCategoryName = 40;
constexpr std::size_t kMaxKeywords = 50;
constexpr std::size_t kMaxKeyword = 20;
constexpr std::size_t kTopCodeLength = 2;
constexpr std::size_t kChildCodeLength = 4;

Error NotPermitted() {
    return Forbidden("auth.forbidden", "Only the city's administrators edit the catalogue.");
}

// Categories and the catalogue are the city's, one for every district: an administrator of a
// district's subtree may not change them for the others.
bool MayEdit(const Principal& actor) {
    return actor.HasPermission(domain::permission::kCategoryWrite) &&
           domain::AdministersRoot(actor);
}

Error CategoryNotFound() {
    return NotFound("category.not_found", "No such category.");
}

Error LevelNotFound() {
    return NotFound("dispatch_rule.level_not_found", "Rules are set for city or district.");
}

bool AllDigits(std::string_view text) {
    return std::ranges::all_of(text, [](char c) { return c >= '0' && c <= '9'; });
}

void CheckName(std::vector<FieldError>& errors, const std::string& name) {
    const auto characters = text::CountCharacters(name);
    if (!characters || *characters == 0 || *characters > kMaxCategoryName ||
        text::HasControlCharacters(name, true)) {
        errors.push_back({"name", "length", "1 to 40 characters on one line."});
    }
}

// Keywords are stored '|'-separated (as in the seed file), so a keyword cannot hold one.
std::vector<std::string> CheckKeywords(std::vector<FieldError>& errors,
                                       const std::vector<std::string>& keywords) {
    std::vector<std::string> kept;
    if (keywords.size() > kMaxKeywords) {
        errors.push_back({"keywords", "too_many", "At most 50 keywords."});
        return kept;
    }
    for (std::size_t i = 0; i < keywords.size(); ++i) {
        const std::string keyword = text::Trim(keywords[i]);
        if (text::CheckText(keyword, kMaxKeyword, true, true) ||
            keyword.find('|') != std::string::npos) {
            errors.push_back({"keywords[" + std::to_string(i) + "]", "invalid",
                              "1 to 20 characters, without '|'."});
        } else if (std::ranges::find(kept, keyword) == kept.end()) {
            kept.push_back(keyword);
        }
    }
    return kept;
}

std::optional<domain::OrgLevel> RuleLevel(std::string_view name) {
    const auto level = domain::ParseOrgLevel(name);
    if (level != domain::OrgLevel::kCity && level != domain::OrgLevel::kDistrict) {
        return std::nullopt;
    }
    return level;
}

// The codes of the districts to try "{district}" patterns with. Not every district has every
// member unit (a development zone has no housing bureau of its own), so a pattern is taken
// when it names a unit in at least one of them.
std::vector<std::string> DistrictCodes(Repositories& repositories) {
    domain::OrgQuery query;
    query.level = domain::OrgLevel::kDistrict;
    query.kind = domain::OrgKind::kDivision;
    std::vector<std::string> codes;
    for (const auto& district : repositories.Orgs().List(query)) {
        codes.push_back(district.code);
    }
    return codes;
}

}  // namespace

Result<Category> CatalogService::CreateCategory(const Principal& actor, NewCategory fields) {
    if (!MayEdit(actor)) {
        return Fail(NotPermitted());
    }
    Category category;
    category.code = fields.code;
    category.name = text::Trim(fields.name);
    category.parent_code = fields.parent_code;
    std::vector<FieldError> errors;
    const bool top = !fields.parent_code;
    const bool code_fits =
        AllDigits(category.code) && (top ? category.code.size() == kTopCodeLength
                                         : category.code.size() == kChildCodeLength &&
                                               category.code.starts_with(*fields.parent_code));
    if (!code_fits) {
        errors.push_back({"code", "format",
                          "Two digits for a top-level category; four starting with the "
                          "parent's code below it."});
    }
    CheckName(errors, category.name);
    category.keywords = CheckKeywords(errors, fields.keywords);
    return domain::Transact(store_, [&](Repositories& repositories) -> Result<Category> {
        if (!top) {
            const auto parent = repositories.Catalog().FindCategory(*fields.parent_code);
            if (!parent || parent->parent_code) {
                errors.push_back({"parentCode", "unknown", "No such top-level category."});
            }
        }
        if (!errors.empty()) {
            return Fail(Validation(std::move(errors)));
        }
        if (repositories.Catalog().FindCategory(category.code)) {
            return Fail(Conflict("category.code_taken", "A category has that code."));
        }
        repositories.Catalog().SaveCategory(category);
        return category;
    });
}

Result<Category> CatalogService::UpdateCategory(const Principal& actor, std::string_view code,
                                                const CategoryChanges& changes) {
    if (!MayEdit(actor)) {
        return Fail(NotPermitted());
    }
    return domain::Transact(store_, [&](Repositories& repositories) -> Result<Category> {
        auto category = repositories.Catalog().FindCategory(code);
        if (!category) {
            return Fail(CategoryNotFound());
        }
        std::vector<FieldError> errors;
        if (changes.name) {
            category->name = text::Trim(*changes.name);
            CheckName(errors, category->name);
        }
        if (changes.keywords) {
            category->keywords = CheckKeywords(errors, *changes.keywords);
        }
        if (changes.active) {
            category->active = *changes.active;
        }
        if (!errors.empty()) {
            return Fail(Validation(std::move(errors)));
        }
        repositories.Catalog().SaveCategory(*category);
        return std::move(*category);
    });
}

std::vector<domain::DispatchRule> CatalogService::DispatchRules() {
    return domain::Query(
        store_, [](Repositories& repositories) { return repositories.Catalog().DispatchRules(); });
}

Result<domain::DispatchRule> CatalogService::SaveDispatchRule(
    const Principal& actor, std::string_view category_code, std::string_view level_name,
    std::string lead_unit, std::vector<std::string> assisting_units) {
    if (!MayEdit(actor)) {
        return Fail(NotPermitted());
    }
    const auto level = RuleLevel(level_name);
    if (!level) {
        return Fail(LevelNotFound());
    }
    domain::DispatchRule rule{std::string(category_code), *level, std::move(lead_unit),
                              std::move(assisting_units)};
    return domain::Transact(
        store_, [&](Repositories& repositories) -> Result<domain::DispatchRule> {
            if (!repositories.Catalog().FindCategory(rule.category_code)) {
                return Fail(CategoryNotFound());
            }
            const auto districts = DistrictCodes(repositories);
            const auto names_unit = [&](const std::string& pattern) {
                if (pattern.empty() || pattern.find('|') != std::string::npos) {
                    return false;
                }
                if (pattern.find("{district}") == std::string::npos) {
                    return repositories.Orgs().FindByCode(pattern).has_value();
                }
                return std::ranges::any_of(districts, [&](const std::string& district) {
                    return repositories.Orgs()
                        .FindByCode(domain::ResolveUnitCode(pattern, district))
                        .has_value();
                });
            };
            std::vector<FieldError> errors;
            if (!names_unit(rule.lead_unit)) {
                errors.push_back({"leadUnit", "unknown_unit",
                                  "No org unit has this code (\"{district}\" stands for a "
                                  "district's code)."});
            }
            for (std::size_t i = 0; i < rule.assisting_units.size(); ++i) {
                if (!names_unit(rule.assisting_units[i])) {
                    errors.push_back({"assistingUnits[" + std::to_string(i) + "]", "unknown_unit",
                                      "No org unit has this code."});
                }
            }
            if (!errors.empty()) {
                return Fail(Validation(std::move(errors)));
            }
            repositories.Catalog().SaveDispatchRule(rule);
            return rule;
        });
}

Status CatalogService::DeleteDispatchRule(const Principal& actor, std::string_view category_code,
                                          std::string_view level_name) {
    if (!MayEdit(actor)) {
        return Fail(NotPermitted());
    }
    const auto level = RuleLevel(level_name);
    if (!level) {
        return Fail(LevelNotFound());
    }
    return domain::Transact(store_, [&](Repositories& repositories) -> Status {
        if (!repositories.Catalog().DeleteDispatchRule(category_code, *level)) {
            return Fail(
                NotFound("dispatch_rule.not_found", "The category has no rule for that level."));
        }
        return Ok();
    });
}

}  // namespace minqing::service
