#include "domain/catalog.hpp"

namespace minqing::domain {

std::string ResolveUnitCode(std::string_view pattern, std::string_view district_code) {
    constexpr std::string_view kPlaceholder = "{district}";
    std::string code(pattern);
    if (const auto at = code.find(kPlaceholder); at != std::string::npos) {
        code.replace(at, kPlaceholder.size(), district_code);
    }
    return code;
}

}  // namespace minqing::domain
