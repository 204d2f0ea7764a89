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

std::string DirectCardNumber(std::string_view community_code, std::size_t issued_before) {
    std::string number = "ZTK-" + std::string(community_code);
    if (issued_before > 0) {
        number += "-" + std::to_string(issued_before + 1);
    }
    return number;
}

}  // namespace minqing::domain
