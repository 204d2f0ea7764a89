#include "storage/file_blob_store.hpp"

#include <atomic>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include <fcntl.h>
#include <unistd.h>

namespace minqing::storage {
namespace {

std::atomic<unsigned> temp_counter{0};

void SyncPath(const std::string& path, int flags) {
    const int fd = ::open(path.c_str(), flags);
    if (fd < 0) {
        throw std::runtime_error("cannot open " + path + " to sync it");
    }
    const int rc = ::fsync(fd);
    ::close(fd);
    if (rc != 0) {
        throw std::runtime_error("cannot sync " + path);
    }
}

bool IsHex(std::string_view text) {
    return text.size() == 64 && text.find_first_not_of("0123456789abcdef") == std::string::npos;
}

}  // namespace

std::string FileBlobStore::PathOf(std::string_view sha256) const {
    if (!IsHex(sha256)) {
        throw std::invalid_argument("not a SHA-256 digest");
    }
    return dir_ + "/" + std::string(sha256.substr(0, 2)) + "/" + std::string(sha256);
}

void FileBlobStore::Put(std::string_view sha256, std::string_view bytes) {
    const std::string path = PathOf(sha256);
    if (std::filesystem::exists(path)) {
        return;  // content-addressed: the same bytes are already there
    }
    const std::string folder = std::filesystem::path(path).parent_path().string();
    std::filesystem::create_directories(folder);
    const std::string temp = path + ".tmp" + std::to_string(::getpid()) + "." +
                             std::to_string(temp_counter.fetch_add(1));
    {
        std::ofstream out(temp, std::ios::binary | std::ios::trunc);
        out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
        if (!out) {
            throw std::runtime_error("cannot write " + temp);
        }
    }
    // The bytes reach the disk before the name points at them, and the name before the
    // database row that refers to it is committed.
    SyncPath(temp, O_RDONLY);
    std::filesystem::rename(temp, path);
    SyncPath(folder, O_RDONLY | O_DIRECTORY);
}

std::optional<std::string> FileBlobStore::Get(std::string_view sha256) {
    std::ifstream in(PathOf(sha256), std::ios::binary);
    if (!in) {
        return std::nullopt;
    }
    std::stringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

}  // namespace minqing::storage
