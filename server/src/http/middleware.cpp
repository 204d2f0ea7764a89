#include "http/middleware.hpp"

#include <algorithm>
#include <array>
#include <atomic>
#include <cstdint>
#include <exception>
#include <memory>
#include <random>
#include <typeinfo>

#include <spdlog/spdlog.h>

#include "common/error.hpp"
#include "common/storage_full_error.hpp"
#include "common/unavailable_error.hpp"
#include "http/error_response.hpp"

namespace minqing::http {
namespace {

constexpr std::size_t kMaxRequestIdLength = 64;
constexpr int kRequestIdHexDigits = 16;
constexpr int kBitsPerHexDigit = 4;
constexpr int kInternalErrorStatus = 500;
constexpr std::string_view kRequestIdHeader = "X-Request-Id";

bool IsRequestIdChar(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' ||
           c == '_' || c == '-';
}

// The path as received, cut at '?'; the raw form cannot carry decoded control characters
// into the log and the query never reaches it.
std::string_view LoggedPath(const Request& request) {
    const std::string_view target = request.target.empty() ? request.path : request.target;
    return target.substr(0, target.find('?'));
}

std::string_view Or(std::string_view value, std::string_view absent) {
    return value.empty() ? absent : value;
}

}  // namespace

bool IsValidRequestId(std::string_view id) {
    return !id.empty() && id.size() <= kMaxRequestIdLength &&
           std::all_of(id.begin(), id.end(), IsRequestIdChar);
}

std::string NewRequestId() {
    // Ids correlate logs; they are not secrets, so a per-thread PRNG seeded once from the OS
    // is enough and avoids a lock or a system call per request.
    thread_local std::mt19937_64 generator{std::random_device{}()};
    static constexpr std::array<char, 16> kHexDigits = {'0', '1', '2', '3', '4', '5', '6', '7',
                                                        '8', '9', 'a', 'b', 'c', 'd', 'e', 'f'};
    std::uint64_t bits = generator();
    std::string id(kRequestIdHexDigits, '0');
    for (char& digit : id) {
        digit = kHexDigits[bits & 0xfU];
        bits >>= kBitsPerHexDigit;
    }
    return id;
}

void LogAccess(const Request& request, int status, std::chrono::steady_clock::duration elapsed) {
    const double milliseconds = std::chrono::duration<double, std::milli>(elapsed).count();
    spdlog::info("http {} {} {} {:.1f}ms id={} remote={}", Or(request.method, "-"),
                 Or(LoggedPath(request), "-"), status, milliseconds, Or(request.request_id, "-"),
                 Or(request.remote_address, "-"));
}

Middleware RequestIdMiddleware() {
    return [](Request& request, const Handler& next) {
        const std::string_view incoming = request.Header(kRequestIdHeader);
        request.request_id = IsValidRequestId(incoming) ? std::string(incoming) : NewRequestId();
        Response response = next(request);
        response.SetHeader(kRequestIdHeader, request.request_id);
        return response;
    };
}

Middleware AccessLogMiddleware() {
    return [](Request& request, const Handler& next) {
        const auto started = std::chrono::steady_clock::now();
        try {
            Response response = next(request);
            LogAccess(request, response.status, std::chrono::steady_clock::now() - started);
            return response;
        } catch (...) {
            // Without an error boundary inside, the server's last-resort handler answers 500.
            LogAccess(request, kInternalErrorStatus, std::chrono::steady_clock::now() - started);
            throw;
        }
    };
}

Middleware ErrorBoundaryMiddleware() {
    // A full disk fails every write until someone frees space: said once in the log when it
    // starts and once when a write succeeds again, not once per request.
    auto disk_full = std::make_shared<std::atomic<bool>>(false);
    return [disk_full](Request& request, const Handler& next) {
        try {
            Response response = next(request);
            if (request.method != "GET" && response.status < 400 && disk_full->exchange(false)) {
                spdlog::info("storage writable again: a write succeeded (id={})",
                             request.request_id);
            }
            return response;
        } catch (const StorageFullError& error) {
            if (!disk_full->exchange(true)) {
                spdlog::error("storage full: writes fail until space is freed (id={}): {}",
                              request.request_id, error.what());
            }
            return ErrorResponse(
                MakeError(ErrorCode::kInsufficientStorage, "storage.full",
                          "The server's disk is full; nothing was saved. Retry later."),
                request.request_id);
        } catch (const UnavailableError& error) {
            spdlog::warn("http unavailable id={} {} {}: {}", request.request_id, request.method,
                         LoggedPath(request), error.what());
            return ErrorResponse(MakeError(ErrorCode::kUnavailable, "service.unavailable",
                                           "The service is temporarily unavailable; retry later."),
                                 request.request_id);
        } catch (const std::exception& error) {
            spdlog::error("http internal error id={} {} {}: {} ({})", request.request_id,
                          request.method, LoggedPath(request), error.what(), typeid(error).name());
        } catch (...) {
            spdlog::error("http internal error id={} {} {}: non-standard exception",
                          request.request_id, request.method, LoggedPath(request));
        }
        return ErrorResponse(
            MakeError(ErrorCode::kInternal, "internal.error",
                      "An internal error occurred; quote the request id when reporting it."),
            request.request_id);
    };
}

}  // namespace minqing::http
