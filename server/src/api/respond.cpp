#include "api/respond.hpp"

#include <charconv>

namespace minqing::api {

Result<nlohmann::json> BodyObject(const http::Request& request) {
    // A cross-site form can post text/plain without a preflight; demanding JSON's own type
    // keeps such forms (and clients that mislabel their bodies) out of every JSON route.
    if (!http::IsJsonContentType(request.Header("content-type"))) {
        return Fail(MakeError(ErrorCode::kUnsupportedMediaType, "request.unsupported_media_type",
                              "Send the body as JSON with Content-Type: application/json."));
    }
    return http::ParseJsonObject(request.body);
}

std::optional<std::int64_t> ParseId(std::string_view text) {
    std::int64_t value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || end != text.data() + text.size() || value <= 0) {
        return std::nullopt;
    }
    return value;
}

std::optional<std::int64_t> QueryNumber(const http::Request& request, std::string_view key,
                                        std::string_view hint, std::vector<FieldError>& problems,
                                        std::int64_t max) {
    const std::string text = request.QueryParam(std::string(key));
    if (text.empty()) {
        return std::nullopt;
    }
    const auto value = ParseId(text);
    if (!value || *value > max) {
        problems.push_back({std::string(key), "invalid", std::string(hint)});
        return std::nullopt;
    }
    return value;
}

Error BadId(std::string_view reason, std::string_view message) {
    return NotFound(std::string(reason), std::string(message));
}

}  // namespace minqing::api
