#include "http/static_files.hpp"

#include <array>
#include <fstream>
#include <sstream>
#include <utility>

#include "http/error_response.hpp"

namespace minqing::http {
namespace {

constexpr std::array<std::pair<std::string_view, std::string_view>, 16> kTypes{{
    {".html", "text/html; charset=utf-8"},
    {".js", "text/javascript; charset=utf-8"},
    {".mjs", "text/javascript; charset=utf-8"},
    {".css", "text/css; charset=utf-8"},
    {".json", "application/json"},
    {".map", "application/json"},
    {".svg", "image/svg+xml"},
    {".png", "image/png"},
    {".jpg", "image/jpeg"},
    {".jpeg", "image/jpeg"},
    {".gif", "image/gif"},
    {".webp", "image/webp"},
    {".ico", "image/x-icon"},
    {".woff2", "font/woff2"},
    {".woff", "font/woff"},
    {".txt", "text/plain; charset=utf-8"},
}};

// Vite names every built asset by its content hash, so a changed file has a new name.
constexpr std::string_view kHashedPrefix = "/assets/";
constexpr std::string_view kIndex = "/index.html";

Response FileResponse(const std::string& content_type, const std::string& body, bool immutable) {
    Response response;
    response.status = 200;
    response.headers.emplace_back("Content-Type", content_type);
    response.headers.emplace_back("Cache-Control",
                                  immutable ? "public, max-age=31536000, immutable" : "no-cache");
    response.body = body;
    return response;
}

bool HasExtension(std::string_view path) {
    const auto slash = path.rfind('/');
    const auto dot = path.rfind('.');
    return dot != std::string_view::npos && (slash == std::string_view::npos || dot > slash);
}

}  // namespace

std::string ContentTypeOf(std::string_view filename) {
    const auto dot = filename.rfind('.');
    if (dot != std::string_view::npos) {
        const std::string_view extension = filename.substr(dot);
        for (const auto& [suffix, type] : kTypes) {
            if (extension == suffix) {
                return std::string(type);
            }
        }
    }
    return "application/octet-stream";
}

StaticFiles::StaticFiles(const std::filesystem::path& root) {
    std::error_code error;
    if (!std::filesystem::is_directory(root, error)) {
        return;
    }
    for (const auto& entry : std::filesystem::recursive_directory_iterator(root, error)) {
        if (!entry.is_regular_file()) {
            continue;
        }
        std::ifstream in(entry.path(), std::ios::binary);
        std::ostringstream body;
        body << in.rdbuf();
        const std::string url =
            "/" + std::filesystem::relative(entry.path(), root).generic_string();
        files_.emplace(url, File{ContentTypeOf(url), std::move(body).str()});
    }
}

Response StaticFiles::Serve(const Request& request) const {
    const std::string_view path = request.path;
    if (path.starts_with("/api/") || path == "/api") {
        return ErrorResponse(NotFound("route.not_found", "No resource at " + request.path + "."),
                             request.request_id);
    }
    if (request.method != "GET" && request.method != "HEAD") {
        constexpr int kMethodNotAllowed = 405;
        Response refused =
            ErrorResponse(kMethodNotAllowed,
                          MakeError(ErrorCode::kBadRequest, "route.method_not_allowed",
                                    "The web application is read with GET."),
                          request.request_id);
        refused.SetHeader("Allow", "GET, HEAD");
        return refused;
    }
    const std::string_view wanted = path == "/" ? kIndex : path;
    // Only names the build produced are served: "..", encoded or not, matches none of them.
    if (const auto file = files_.find(wanted); file != files_.end()) {
        return FileResponse(file->second.content_type, file->second.body,
                            wanted.starts_with(kHashedPrefix));
    }
    if (!HasExtension(path)) {
        if (const auto index = files_.find(kIndex); index != files_.end()) {
            return FileResponse(index->second.content_type, index->second.body, false);
        }
    }
    return ErrorResponse(NotFound("route.not_found", "No resource at " + request.path + "."),
                         request.request_id);
}

}  // namespace minqing::http
