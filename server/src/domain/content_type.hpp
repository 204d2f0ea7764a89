// Decides what an uploaded file is from its first bytes, never from its name: images, PDF
// and Office documents are accepted, everything else is not. Pure; thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace minqing::domain {

/// The MIME type of an accepted attachment ("image/jpeg", "application/pdf",
/// "application/vnd.openxmlformats-officedocument.wordprocessingml.document", …), or nullopt
/// when the content is none of the accepted kinds.
std::optional<std::string> SniffContentType(std::string_view bytes);

}  // namespace minqing::domain
