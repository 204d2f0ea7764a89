#include "storage/file_blob_store.hpp"

#include <atomic>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <system_error>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "common/storage_full_error.hpp"

namespace minqing::storage {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view kTempMarker = ".tmp";

std::atomic<unsigned> temp_counter{0};

bool IsDiskFull(int error) {
    return error == ENOSPC || error == EDQUOT;
}

[[noreturn]] void ThrowIoError(const std::string& what, int error) {
    const std::string message = what + ": " + std::strerror(error);
    if (IsDiskFull(error)) {
        throw StorageFullError(message);
    }
    throw std::system_error(error, std::generic_category(), what);
}

void SyncPath(const std::string& path, int flags) {
    const int fd = ::open(path.c_str(), flags);
    if (fd < 0) {
        ThrowIoError("cannot open " + path + " to sync it", errno);
    }
    const int rc = ::fsync(fd);
    const int error = errno;
    ::close(fd);
    if (rc != 0) {
        ThrowIoError("cannot sync " + path, error);
    }
}

// Writes all of `bytes` to a new file, or throws with the errno that stopped it.
void WriteNewFile(const std::string& path, std::string_view bytes) {
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0640);
    if (fd < 0) {
        ThrowIoError("cannot create " + path, errno);
    }
    std::size_t written = 0;
    while (written < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.data() + written, bytes.size() - written);
        if (n < 0) {
            if (errno == EINTR) {
                continue;
            }
            const int error = errno;
            ::close(fd);
            ThrowIoError("cannot write " + path, error);
        }
        written += static_cast<std::size_t>(n);
    }
    // The bytes reach the disk before the name points at them.
    const int rc = ::fsync(fd);
    const int error = errno;
    ::close(fd);
    if (rc != 0) {
        ThrowIoError("cannot sync " + path, error);
    }
}

bool IsHex(std::string_view text) {
    return text.size() == 64 && text.find_first_not_of("0123456789abcdef") == std::string::npos;
}

Instant ModifiedAt(const std::string& path) {
    struct stat info {};
    if (::stat(path.c_str(), &info) != 0) {
        return Instant::max();
    }
    return Instant(std::chrono::duration_cast<Instant::duration>(
        std::chrono::seconds(info.st_mtim.tv_sec) +
        std::chrono::nanoseconds(info.st_mtim.tv_nsec)));
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
    // Content-addressed: the same bytes are there already. Touching them tells the orphan
    // sweep that a row naming them is about to be written.
    if (::utimensat(AT_FDCWD, path.c_str(), nullptr, 0) == 0) {
        return;
    }
    const std::string folder = fs::path(path).parent_path().string();
    std::error_code made;
    fs::create_directories(folder, made);
    if (made) {
        ThrowIoError("cannot create " + folder, made.value());
    }
    const std::string temp = path + std::string(kTempMarker) + std::to_string(::getpid()) + "." +
                             std::to_string(temp_counter.fetch_add(1));
    try {
        WriteNewFile(temp, bytes);
        if (::rename(temp.c_str(), path.c_str()) != 0) {
            ThrowIoError("cannot rename " + temp, errno);
        }
    } catch (...) {
        ::unlink(temp.c_str());
        throw;
    }
    // The name reaches the disk before the database row that refers to it is committed.
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

std::vector<std::string> FileBlobStore::StoredBefore(Instant cutoff) {
    std::vector<std::string> digests;
    std::error_code failed;
    for (fs::recursive_directory_iterator it(dir_, failed), end; !failed && it != end;
         it.increment(failed)) {
        if (!it->is_regular_file()) {
            continue;
        }
        const std::string path = it->path().string();
        const std::string name = it->path().filename().string();
        if (ModifiedAt(path) >= cutoff) {
            continue;
        }
        if (name.find(kTempMarker) != std::string::npos) {
            ::unlink(path.c_str());  // a write that never finished (the process died)
        } else if (IsHex(name)) {
            digests.push_back(name);
        }
    }
    return digests;
}

bool FileBlobStore::RemoveIfStoredBefore(std::string_view sha256, Instant cutoff) {
    const std::string path = PathOf(sha256);
    // Checked again right before the unlink: a Put since the listing touched the file.
    if (ModifiedAt(path) >= cutoff) {
        return false;
    }
    return ::unlink(path.c_str()) == 0;
}

}  // namespace minqing::storage
