// Small ASCII string helpers shared by the http module (header names are ASCII and
// case-insensitive). Pure functions; thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace minqing::http {

/// True when `a` and `b` are equal ignoring ASCII case.
bool EqualsIgnoreCase(std::string_view a, std::string_view b);

/// `text` with ASCII upper-case letters lowered; other bytes unchanged.
std::string ToLowerAscii(std::string_view text);

/// `text` without leading and trailing spaces and tabs.
std::string_view TrimSpaces(std::string_view text);

/// The elements of a comma-separated header list (RFC 9110 §5.6.1), each trimmed of spaces
/// and tabs; empty elements do not count. The views point into `text`.
std::vector<std::string_view> SplitList(std::string_view text);

}  // namespace minqing::http
