// Where one request ends and the next begins (RFC 9112 §5, §6): the checks the server makes on
// a request's header beyond what Beast's parser enforces, so that a client and any proxy in
// front of the server can never disagree about the framing. Pure functions; thread-safe.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

#include <boost/beast/http/message.hpp>

namespace minqing::http {

/// The most bytes of start line and header fields the server reads for one request.
inline constexpr std::size_t kRequestHeaderLimit = 16 * 1024;

/// What the raw bytes received so far say about the header section of the request they
/// start with.
enum class HeaderScan {
    kIncomplete,  // no empty line yet: more bytes are needed
    kComplete,    // the whole header section is there
    kFolded,      // complete, and a field line continues onto the next (obs-fold)
};

/// Looks at the header section of the request at the start of `received` (the bytes up to
/// the first empty line). A line starting with SP or HTAB continues the line before it
/// (obsolete line folding), which the server rejects (RFC 9112 §5.2): Beast would join the
/// lines, and an intermediary that does not could read other fields.
HeaderScan ScanHeaderSection(std::string_view received);

/// Why a request's framing is refused.
struct FramingProblem {
    int status;  // 400, or 501 for a transfer coding the server does not implement
    std::string_view reason;
    std::string_view message;
};

/// Checks Transfer-Encoding against RFC 9112 §6.1 and §6.3 for a parsed request header;
/// `parsed_chunked` is whether Beast's parser reads the body as chunked. Returns nullopt when
/// the body's length is unambiguous: Content-Length alone, no body, or Transfer-Encoding
/// whose only coding is chunked. Otherwise the answer to give before closing the connection:
/// 400 "request.malformed" for Transfer-Encoding in HTTP/1.0, together with Content-Length,
/// or without chunked as its last and only-once coding; 501
/// "request.transfer_coding_unsupported" for any other coding before chunked.
std::optional<FramingProblem> CheckRequestFraming(
    const boost::beast::http::request_header<>& header, bool parsed_chunked);

}  // namespace minqing::http
