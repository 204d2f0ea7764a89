// Test support: what a shell command prints, for tests that read a document back with the
// tools a person would use (pdftotext, pdfinfo, unzip). Not thread-safe.
#pragma once

#include <array>
#include <cstdio>
#include <memory>
#include <string>

namespace minqing::test_support {

/// The standard output of `command` run by /bin/sh; empty when it cannot be started.
inline std::string CommandOutput(const std::string& command) {
    std::unique_ptr<FILE, int (*)(FILE*)> pipe(::popen(command.c_str(), "r"), ::pclose);
    if (!pipe) {
        return "";
    }
    std::string output;
    std::array<char, 4096> buffer{};
    std::size_t read = 0;
    while ((read = std::fread(buffer.data(), 1, buffer.size(), pipe.get())) > 0) {
        output.append(buffer.data(), read);
    }
    return output;
}

}  // namespace minqing::test_support
