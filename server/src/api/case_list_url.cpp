#include "api/case_list_url.hpp"

#include <string_view>

namespace minqing::api {
namespace {

void AppendEncoded(std::string& out, std::string_view text) {
    constexpr std::string_view kHex = "0123456789ABCDEF";
    for (const char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        const bool plain = (byte >= 'A' && byte <= 'Z') || (byte >= 'a' && byte <= 'z') ||
                           (byte >= '0' && byte <= '9') || c == '-' || c == '_' || c == '.' ||
                           c == '~' || c == ',';
        if (plain) {
            out += c;
        } else {
            out += '%';
            out += kHex[byte >> 4];
            out += kHex[byte & 0xF];
        }
    }
}

}  // namespace

std::string CaseListUrl(const CaseListParams& params) {
    std::string url = "/api/v1/cases?count=true";
    for (const auto& [name, value] : params) {
        if (name == "count") {
            continue;
        }
        url += '&';
        AppendEncoded(url, name);
        url += '=';
        AppendEncoded(url, value);
    }
    return url;
}

}  // namespace minqing::api
