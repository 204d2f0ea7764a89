#include "http/text.hpp"

#include <algorithm>
#include <cstddef>

namespace minqing::http {
namespace {

char LowerAscii(char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

bool IsSpaceOrTab(char c) {
    return c == ' ' || c == '\t';
}

}  // namespace

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return LowerAscii(x) == LowerAscii(y);
           });
}

std::string ToLowerAscii(std::string_view text) {
    std::string lowered(text);
    std::transform(lowered.begin(), lowered.end(), lowered.begin(), LowerAscii);
    return lowered;
}

std::string_view TrimSpaces(std::string_view text) {
    std::size_t begin = 0;
    while (begin < text.size() && IsSpaceOrTab(text[begin])) {
        ++begin;
    }
    std::size_t end = text.size();
    while (end > begin && IsSpaceOrTab(text[end - 1])) {
        --end;
    }
    return text.substr(begin, end - begin);
}

std::vector<std::string_view> SplitList(std::string_view text) {
    std::vector<std::string_view> elements;
    while (true) {
        const std::size_t comma = text.find(',');
        const std::string_view element = TrimSpaces(text.substr(0, comma));
        if (!element.empty()) {
            elements.push_back(element);
        }
        if (comma == std::string_view::npos) {
            return elements;
        }
        text.remove_prefix(comma + 1);
    }
}

}  // namespace minqing::http
