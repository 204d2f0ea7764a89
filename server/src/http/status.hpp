// The HTTP status codes the transport names, for the server and the outbound client alike.
#pragma once

namespace minqing::http::status {

inline constexpr int kSwitchingProtocols = 101;
inline constexpr int kOk = 200;
inline constexpr int kNoContent = 204;
inline constexpr int kRedirect = 300;  // the first of the 3xx class
inline constexpr int kNotModified = 304;
inline constexpr int kBadRequest = 400;
inline constexpr int kMethodNotAllowed = 405;
inline constexpr int kRequestTimeout = 408;
inline constexpr int kTooLarge = 413;
inline constexpr int kTooManyRequests = 429;
inline constexpr int kHeaderTooLarge = 431;
inline constexpr int kInternalError = 500;
inline constexpr int kNotImplemented = 501;
inline constexpr int kLast = 599;

/// 2xx.
constexpr bool IsSuccess(int code) {
    return code >= kOk && code < kRedirect;
}

/// 4xx.
constexpr bool IsClientError(int code) {
    return code >= kBadRequest && code < kInternalError;
}

}  // namespace minqing::http::status
