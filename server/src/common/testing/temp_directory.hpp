// Test support: a fresh directory under the system's temporary directory, removed with
// everything in it when the object goes. ctest runs tests in processes of their own, in
// parallel, so each test makes its own. Not thread-safe.
#pragma once

#include <cerrno>
#include <filesystem>
#include <string>
#include <system_error>

#include <stdlib.h>

namespace minqing::test_support {

class TempDirectory {
  public:
    /// Creates "<tmp>/minqing-test-XXXXXX"; throws std::system_error when it cannot.
    TempDirectory() {
        std::string pattern =
            (std::filesystem::temp_directory_path() / "minqing-test-XXXXXX").string();
        if (::mkdtemp(pattern.data()) == nullptr) {
            throw std::system_error(errno, std::generic_category(), "mkdtemp " + pattern);
        }
        path_ = pattern;
    }
    ~TempDirectory() {
        // A destructor must not throw; a leftover directory in /tmp is harmless.
        std::error_code ignored;
        std::filesystem::remove_all(path_, ignored);
    }
    TempDirectory(const TempDirectory&) = delete;
    TempDirectory& operator=(const TempDirectory&) = delete;

    const std::filesystem::path& path() const { return path_; }

  private:
    std::filesystem::path path_;
};

}  // namespace minqing::test_support
