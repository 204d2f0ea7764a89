// The case list's filters as SQL over `cases c`: the caller's visibility and every filter of
// domain::CaseListQuery but the order and the page. Shared by the case list and the
// statistics that count its cases.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "domain/case_repository.hpp"
#include "storage/sql.hpp"

namespace minqing::storage {

/// "(column >= path AND column < the subtree's upper bound)": the column's path lies in the
/// subtree of `path`.
void AddSubtreeRange(std::string& sql, std::vector<SqlValue>& params, std::string_view column,
                     const std::string& path);

/// " AND (a stake inside one of the paths OR created by me)", nothing for
/// callers who see everything.
void AddCaseVisibility(std::string& sql, std::vector<SqlValue>& params,
                       const domain::CaseVisibility& visibility);

/// The states, channel, kind, urgency and category prefix of `query` over columns of those
/// names, qualified by `qualifier` ("c." for `cases c`; "" for the rollups, which name them alike).
void AddCaseAttributeFilters(std::string& sql, std::vector<SqlValue>& params,
                             std::string_view qualifier, const domain::CaseListQuery& query);

/// The visibility and every filter of `query`, each as " AND …".
void AddCaseFilters(std::string& sql, std::vector<SqlValue>& params, Dialect dialect,
                    const domain::CaseListQuery& query);

}  // namespace minqing::storage
