// The address of a case list with given filters ("/api/v1/cases?area=12&from=2026-11-01…"): how
// statistics point at the cases behind a figure.
#pragma once

#include <map>
#include <string>

namespace minqing::api {

/// Query parameters by name; each value is percent-encoded when the address is made.
using CaseListParams = std::map<std::string, std::string>;

/// "/api/v1/cases?" and the parameters in name order, with count=true so that the list states
/// how many cases it holds.
std::string CaseListUrl(const CaseListParams& params);

}  // namespace minqing::api
