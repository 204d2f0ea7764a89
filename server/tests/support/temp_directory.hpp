// A fresh directory under the system's temporary directory, removed with everything in it when
// the object goes. Not thread-safe.
#pragma once

#include <filesystem>

namespace minqing::tests {

class TempDirectory {
  public:
    /// Creates "<tmp>/minqing-apitest-XXXXXX"; throws std::system_error when it cannot.
    TempDirectory();
    ~TempDirectory();
    TempDirectory(const TempDirectory&) = delete;
    TempDirectory& operator=(const TempDirectory&) = delete;

    const std::filesystem::path& path() const { return path_; }

  private:
    std::filesystem::path path_;
};

}  // namespace minqing::tests
