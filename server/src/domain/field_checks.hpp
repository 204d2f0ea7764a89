// Field checks that add to a list of field errors, so that one answer reports every problem.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.hpp"

namespace minqing::domain {

/// Adds an error for `field` when `value` is not valid text of at most `max` characters
/// (text::CheckText), or is empty though `required`.
void CheckTextField(std::vector<FieldError>& errors, std::string field, std::string_view value,
                    std::size_t max, bool required, bool single_line);

}  // namespace minqing::domain
