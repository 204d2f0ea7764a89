#include "support/temp_directory.hpp"

#include <cerrno>
#include <string>
#include <system_error>

#include <stdlib.h>

namespace minqing::tests {

TempDirectory::TempDirectory() {
    std::string pattern =
        (std::filesystem::temp_directory_path() / "minqing-apitest-XXXXXX").string();
    if (::mkdtemp(pattern.data()) == nullptr) {
        throw std::system_error(errno, std::generic_category(), "mkdtemp " + pattern);
    }
    path_ = pattern;
}

TempDirectory::~TempDirectory() {
    // A destructor must not throw; a leftover directory in /tmp is harmless.
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
}

}  // namespace minqing::tests
