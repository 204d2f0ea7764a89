// Fuzzes the upload sniffer (domain::SniffContentType): any bytes, as an attachment upload
// hands them over. Besides crashing, a verdict outside the accepted types is a failure.
#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "domain/content_type.hpp"

namespace {

constexpr std::array<std::string_view, 9> kAccepted = {
    "image/jpeg",
    "image/png",
    "image/gif",
    "image/webp",
    "application/pdf",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "application/x-ole-storage",
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    const auto type = minqing::domain::SniffContentType(bytes);
    if (type && std::ranges::find(kAccepted, *type) == kAccepted.end()) {
        std::abort();
    }
    return 0;
}
