#include "domain/field_checks.hpp"

#include "text/text_checks.hpp"

namespace minqing::domain {

void CheckTextField(std::vector<FieldError>& errors, std::string field, std::string_view value,
                    std::size_t max, bool required, bool single_line) {
    if (auto reason = text::CheckText(value, max, required, single_line)) {
        errors.push_back({std::move(field), std::move(*reason),
                          "At most " + std::to_string(max) + " characters" +
                              (required ? ", required" : "") + "."});
    }
}

}  // namespace minqing::domain
