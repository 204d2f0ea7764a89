#include "http/response.hpp"

#include <algorithm>
#include <utility>

#include "http/text.hpp"

namespace minqing::http {
namespace {

constexpr int kNoContent = 204;

}  // namespace

void Response::SetHeader(std::string_view name, std::string value) {
    std::erase_if(headers,
                  [name](const auto& header) { return EqualsIgnoreCase(header.first, name); });
    headers.emplace_back(std::string(name), std::move(value));
}

void Response::AddHeader(std::string name, std::string value) {
    headers.emplace_back(std::move(name), std::move(value));
}

std::string_view Response::Header(std::string_view name) const {
    const auto found = std::find_if(headers.begin(), headers.end(), [name](const auto& header) {
        return EqualsIgnoreCase(header.first, name);
    });
    return found == headers.end() ? std::string_view{} : std::string_view(found->second);
}

Response JsonText(int status, std::string json_text) {
    Response response;
    response.status = status;
    response.headers.emplace_back("Content-Type", "application/json");
    response.body = std::move(json_text);
    return response;
}

Response NoContent() {
    Response response;
    response.status = kNoContent;
    return response;
}

}  // namespace minqing::http
