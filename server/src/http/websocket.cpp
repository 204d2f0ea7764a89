#include "http/websocket.hpp"

#include <string>

#include "http/text.hpp"

namespace minqing::http {
namespace {

constexpr int kSwitchingProtocols = 101;

}  // namespace

bool IsWebSocketUpgrade(const Request& request) {
    if (request.method != "GET" || !EqualsIgnoreCase(request.Header("upgrade"), "websocket")) {
        return false;
    }
    // "Connection: keep-alive, Upgrade" is as valid as "Connection: upgrade".
    return ToLowerAscii(request.Header("connection")).find("upgrade") != std::string::npos;
}

Response UpgradeToWebSocket(WebSocketHandlers handlers) {
    Response response;
    response.status = kSwitchingProtocols;
    response.websocket = std::make_shared<WebSocketHandlers>(std::move(handlers));
    return response;
}

}  // namespace minqing::http
