// One HTTP response: status, headers and a body that is sent as is.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace minqing::http {

struct WebSocketHandlers;

struct Response {
    int status = 200;
    std::vector<std::pair<std::string, std::string>> headers;
    std::string body;
    /// Set by UpgradeToWebSocket (websocket.hpp): the server upgrades the connection instead
    /// of writing this response.
    std::shared_ptr<WebSocketHandlers> websocket;

    /// Replaces any header of that name (case-insensitive).
    void SetHeader(std::string_view name, std::string value);
    /// Adds a header, keeping others of the same name (Set-Cookie).
    void AddHeader(std::string name, std::string value);
    std::string_view Header(std::string_view name) const;
};

/// A response whose body is `json_text` with Content-Type application/json.
Response JsonText(int status, std::string json_text);

/// 204 No Content.
Response NoContent();

}  // namespace minqing::http
