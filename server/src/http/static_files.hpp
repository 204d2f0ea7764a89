// Serves the built web application (web/dist) as the router's fallback: files by path with
// their content type, hashed assets cached for a year, index.html never cached, and the SPA
// fallback (index.html) for client routes. Paths under /api/ stay 404 JSON errors. Reads the
// files once, at construction: the build is immutable while the server runs.
#pragma once

#include <filesystem>
#include <map>
#include <string>

#include "http/router.hpp"

namespace minqing::http {

class StaticFiles {
  public:
    /// Loads every regular file below `root` (nothing when it does not exist).
    explicit StaticFiles(const std::filesystem::path& root);

    bool empty() const { return files_.empty(); }
    std::size_t size() const { return files_.size(); }
    /// GET and HEAD of a file, or index.html for a path without a file extension; 404 JSON
    /// for /api/… and for missing files; 405 for other methods.
    Response Serve(const Request& request) const;

  private:
    struct File {
        std::string content_type;
        std::string body;
    };
    std::map<std::string, File, std::less<>> files_;  // by URL path, "/assets/index-1a2b.js"
};

/// The Content-Type of a file name by its extension ("application/octet-stream" when unknown).
std::string ContentTypeOf(std::string_view filename);

}  // namespace minqing::http
