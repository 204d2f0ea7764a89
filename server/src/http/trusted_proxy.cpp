#include "http/trusted_proxy.hpp"

#include <algorithm>

#include "http/text.hpp"

namespace minqing::http {
namespace {

bool LooksLikeAddress(std::string_view text) {
    return !text.empty() && text.size() <= 45 &&
           text.find_first_not_of("0123456789abcdefABCDEF.:") == std::string_view::npos;
}

}  // namespace

std::vector<std::string> ParseAddressList(std::string_view text) {
    const auto listed = SplitList(text);
    return {listed.begin(), listed.end()};
}

Middleware TrustedProxyMiddleware(std::vector<std::string> proxies) {
    return [proxies = std::move(proxies)](Request& request, const Handler& next) {
        const auto is_proxy = [&proxies](std::string_view address) {
            return std::ranges::find(proxies, address) != proxies.end();
        };
        if (!is_proxy(request.remote_address)) {
            return next(request);
        }
        // Each proxy on the way appends; the last entry is the one our own proxy wrote.
        const auto forwarded_proto = ParseAddressList(request.Header("x-forwarded-proto"));
        if (!forwarded_proto.empty() && forwarded_proto.back() == "https") {
            request.secure = true;
        }
        const auto chain = ParseAddressList(request.Header("x-forwarded-for"));
        for (auto hop = chain.rbegin(); hop != chain.rend(); ++hop) {
            if (!LooksLikeAddress(*hop)) {
                break;
            }
            if (!is_proxy(*hop)) {
                request.remote_address = *hop;
                break;
            }
        }
        return next(request);
    };
}

}  // namespace minqing::http
