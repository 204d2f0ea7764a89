// The transport's own middleware: request ids, access logs and the error boundary, plus the
// helpers the server uses for answers it gives before any middleware runs. Every function
// here is thread-safe; the returned middleware may run on many threads at once.
#pragma once

#include <chrono>
#include <string>
#include <string_view>

#include "http/request.hpp"
#include "http/response.hpp"
#include "http/router.hpp"

namespace minqing::http {

/// Takes the client's X-Request-Id when IsValidRequestId accepts it, otherwise makes one with
/// NewRequestId; stores it in `request.request_id` and echoes it in the X-Request-Id
/// response header. Put it first (outermost) so every later step and log line can use it.
Middleware RequestIdMiddleware();

/// Logs one info line per request after it completes: method, path (never the query, whose
/// values may hold secrets), status, duration in ms, request id and peer address. When `next`
/// throws it logs status 500 and rethrows. Put it after RequestIdMiddleware and before
/// ErrorBoundaryMiddleware, so it sees the id and the status the boundary chose.
Middleware AccessLogMiddleware();

/// Turns any exception from `next` into an error response: minqing::StorageFullError into
/// 507 "storage.full" (logged once per episode), minqing::UnavailableError into 503
/// "service.unavailable", anything else into 500 "internal.error". The exception's text
/// goes to the server log with the request id, never to the client.
Middleware ErrorBoundaryMiddleware();

/// True when `id` is 1–64 characters of [A-Za-z0-9._-]: safe to log and echo.
bool IsValidRequestId(std::string_view id);

/// A fresh random id of 16 lower-case hex digits.
std::string NewRequestId();

/// Writes the access-log line that AccessLogMiddleware writes; also used for the answers the
/// server gives without running middleware (malformed requests, bodies over the limit).
void LogAccess(const Request& request, int status, std::chrono::steady_clock::duration elapsed);

}  // namespace minqing::http
