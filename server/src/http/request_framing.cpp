#include "http/request_framing.hpp"

#include <vector>

#include "http/text.hpp"

namespace minqing::http {
namespace {

namespace bhttp = boost::beast::http;

constexpr unsigned kHttp11 = 11;
constexpr int kBadRequest = 400;
constexpr int kNotImplemented = 501;
constexpr std::string_view kMalformed = "request.malformed";

bool IsWhitespace(char c) {
    return c == ' ' || c == '\t';
}

// The codings of every Transfer-Encoding field in order, as a list split at commas (RFC 9110
// §5.6.1: empty elements do not count). A coding keeps its parameters, so "chunked;x=1" is
// not chunked: that is not something Beast reads as chunked either.
std::vector<std::string_view> TransferCodings(const bhttp::request_header<>& header) {
    std::vector<std::string_view> codings;
    for (const auto& field : header) {
        if (field.name() != bhttp::field::transfer_encoding) {
            continue;
        }
        const auto listed = SplitList(std::string_view(field.value().data(), field.value().size()));
        codings.insert(codings.end(), listed.begin(), listed.end());
    }
    return codings;
}

}  // namespace

HeaderScan ScanHeaderSection(std::string_view received) {
    constexpr std::string_view kEnd = "\r\n\r\n";
    const std::size_t end = received.find(kEnd);
    if (end == std::string_view::npos) {
        return HeaderScan::kIncomplete;
    }
    // Every line of the section with its CRLF; what follows a CRLF inside it starts a line.
    const std::string_view section = received.substr(0, end + 2);
    for (std::size_t crlf = section.find("\r\n"); crlf != std::string_view::npos;
         crlf = section.find("\r\n", crlf + 2)) {
        if (crlf + 2 < section.size() && IsWhitespace(section[crlf + 2])) {
            return HeaderScan::kFolded;
        }
    }
    return HeaderScan::kComplete;
}

std::optional<FramingProblem> CheckRequestFraming(const bhttp::request_header<>& header,
                                                  bool parsed_chunked) {
    if (header.find(bhttp::field::transfer_encoding) == header.end()) {
        return std::nullopt;
    }
    if (header.version() < kHttp11) {
        // RFC 9112 §6.1: an HTTP/1.0 recipient may not know the field, so the framing is
        // faulty whatever else the message says.
        return FramingProblem{kBadRequest, kMalformed,
                              "Transfer-Encoding is not defined in HTTP/1.0."};
    }
    if (header.find(bhttp::field::content_length) != header.end()) {
        // RFC 9112 §6.3: one side may frame by the length, the other by the coding; whatever
        // follows could be read as a request of its own.
        return FramingProblem{kBadRequest, kMalformed,
                              "A request may not carry both Transfer-Encoding and "
                              "Content-Length."};
    }
    const std::vector<std::string_view> codings = TransferCodings(header);
    std::size_t chunked = 0;
    for (const std::string_view coding : codings) {
        chunked += EqualsIgnoreCase(coding, "chunked") ? 1 : 0;
    }
    // RFC 9112 §6.3: without chunked last, a request's body has no length the server can
    // know. Applied twice it is no valid framing either.
    if (codings.empty() || !EqualsIgnoreCase(codings.back(), "chunked") || chunked != 1 ||
        !parsed_chunked) {
        return FramingProblem{kBadRequest, kMalformed,
                              "Transfer-Encoding must end with chunked, applied once."};
    }
    if (codings.size() > 1) {
        // RFC 9112 §6.1: the body would reach handlers still compressed.
        return FramingProblem{kNotImplemented, "request.transfer_coding_unsupported",
                              "The only transfer coding accepted is chunked."};
    }
    return std::nullopt;
}

}  // namespace minqing::http
