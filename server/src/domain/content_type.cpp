#include "domain/content_type.hpp"

namespace minqing::domain {
namespace {

// True when `magic` appears at `offset`; false when the input is too short to hold it there.
bool HasAt(std::string_view bytes, std::size_t offset, std::string_view magic) {
    return bytes.size() >= offset && bytes.substr(offset, magic.size()) == magic;
}

bool StartsWith(std::string_view bytes, std::string_view magic) {
    return HasAt(bytes, 0, magic);
}

// An OOXML file is a ZIP whose entries name the part that says what it is; the first
// entries carry the names, so a look at the start of the file is enough.
std::optional<std::string> OfficeOpenXml(std::string_view bytes) {
    const std::string_view head = bytes.substr(0, 64 * 1024);
    if (head.find("word/") != std::string_view::npos) {
        return "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    }
    if (head.find("xl/") != std::string_view::npos) {
        return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    }
    if (head.find("ppt/") != std::string_view::npos) {
        return "application/vnd.openxmlformats-officedocument.presentationml.presentation";
    }
    return std::nullopt;
}

}  // namespace

std::optional<std::string> SniffContentType(std::string_view bytes) {
    using namespace std::string_view_literals;
    if (StartsWith(bytes, "\xFF\xD8\xFF"sv)) {
        return "image/jpeg";
    }
    if (StartsWith(bytes, "\x89PNG\r\n\x1A\n"sv)) {
        return "image/png";
    }
    if (StartsWith(bytes, "GIF87a"sv) || StartsWith(bytes, "GIF89a"sv)) {
        return "image/gif";
    }
    // RIFF is a container: the kind of its content follows the 4-byte length, and an upload
    // may end anywhere before that.
    if (StartsWith(bytes, "RIFF"sv) && HasAt(bytes, 8, "WEBP"sv)) {
        return "image/webp";
    }
    if (StartsWith(bytes, "%PDF-"sv)) {
        return "application/pdf";
    }
    if (StartsWith(bytes, "PK\x03\x04"sv)) {
        return OfficeOpenXml(bytes);
    }
    if (StartsWith(bytes, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"sv)) {
        // The OLE2 container of .doc, .xls and .ppt; which of them is inside does not matter
        // for storing and serving it.
        return "application/x-ole-storage";
    }
    return std::nullopt;
}

}  // namespace minqing::domain
