// The staff inbox and live push: GET /api/v1/notifications (paged, ?unread=true),
// POST /api/v1/notifications/{id}/read, POST /api/v1/notifications/read-all,
// GET /api/v1/notifications/failed (city office, admin), GET and PUT
// /api/v1/notifications/preferences (即时 or 每日汇总 per kind) and the WebSocket GET /api/v1/ws,
// which pushes {"type":"notification","notification":{…}} for every new inbox message.
#include <memory>

#include <nlohmann/json.hpp>

#include "api/request_bodies.hpp"
#include "api/routes.hpp"
#include "domain/case_access.hpp"
#include "http/websocket.hpp"

namespace minqing::api {
namespace {

constexpr int kDefaultLimit = 20;
constexpr int kMaxLimit = 100;

nlohmann::json OptionalTime(const std::optional<Instant>& at) {
    return at ? nlohmann::json(FormatIso8601Cst(*at)) : nlohmann::json(nullptr);
}

// The cases a digest names, to link to (most overdue first); empty for other messages.
nlohmann::json LinkedCases(const domain::Notification& message) {
    nlohmann::json cases = nlohmann::json::array();
    for (const domain::LinkedCase& linked : message.params.cases) {
        cases.push_back({{"id", linked.id},
                         {"number", linked.number},
                         {"title", linked.title},
                         {"overdueWorkingDays", linked.overdue_working_days}});
    }
    return cases;
}

// The bulletin an issue notice links to (its reader view); null for other messages.
nlohmann::json BulletinIdOf(const domain::Notification& message) {
    const auto id = message.params.values.find("bulletin");
    if (id == message.params.values.end()) {
        return nullptr;
    }
    const auto parsed = ParseId(id->second);
    return parsed ? nlohmann::json(*parsed) : nlohmann::json(nullptr);
}

nlohmann::json InboxItemJson(const service::RenderedNotification& item) {
    const auto& message = item.message;
    return {
        {"cases", LinkedCases(message)},
        {"id", message.id},
        {"key", message.template_key},
        {"text", item.text},
        {"caseId", message.case_id ? nlohmann::json(*message.case_id) : nlohmann::json(nullptr)},
        {"caseNumber",
         item.case_number.empty() ? nlohmann::json(nullptr) : nlohmann::json(item.case_number)},
        {"bulletinId", BulletinIdOf(message)},
        {"createdAt", FormatIso8601Cst(message.created_at)},
        {"read", message.read_at.has_value()},
        {"readAt", OptionalTime(message.read_at)}};
}

nlohmann::json FailedItemJson(const service::FailedNotification& failed) {
    const auto& message = failed.item.message;
    nlohmann::json recipient = {
        {"userId", message.user_id ? nlohmann::json(*message.user_id) : nlohmann::json(nullptr)}};
    if (!message.phone.empty()) {
        recipient["phone"] = domain::MaskPhone(message.phone);
    }
    if (!message.target.empty()) {
        recipient["target"] = message.target;
    }
    nlohmann::json attempts = nlohmann::json::array();
    for (const auto& attempt : failed.attempts) {
        attempts.push_back({{"at", FormatIso8601Cst(attempt.at)},
                            {"outcome", domain::AttemptOutcomeName(attempt.outcome)},
                            {"detail", attempt.detail}});
    }
    return {
        {"id", message.id},
        {"channel", domain::NotificationChannelName(message.channel)},
        {"key", message.template_key},
        {"recipient", recipient},
        {"text", failed.item.text},
        {"caseId", message.case_id ? nlohmann::json(*message.case_id) : nlohmann::json(nullptr)},
        {"caseNumber", failed.item.case_number.empty() ? nlohmann::json(nullptr)
                                                       : nlohmann::json(failed.item.case_number)},
        {"attempts", message.attempts},
        {"lastError", message.last_error},
        {"createdAt", FormatIso8601Cst(message.created_at)},
        {"attemptLog", attempts}};
}

struct Paging {
    std::optional<domain::NotificationId> before;
    int limit = kDefaultLimit;
};

// ?cursor=<id>&limit=1..100; every problem listed.
Result<Paging> DecodePaging(const http::Request& request, std::vector<FieldError>& problems) {
    Paging paging;
    paging.before = QueryNumber(request, "cursor", "The nextCursor of the page before.", problems);
    if (const auto limit = QueryNumber(request, "limit", "1 to 100.", problems, kMaxLimit)) {
        paging.limit = static_cast<int>(*limit);
    }
    if (!problems.empty()) {
        return Fail(Validation(std::move(problems)));
    }
    return paging;
}

nlohmann::json Cursor(const std::optional<domain::NotificationId>& next) {
    return next ? nlohmann::json(std::to_string(*next)) : nlohmann::json(nullptr);
}

http::Response ListInbox(const NotificationServices& context, http::Request& request,
                         const domain::Principal& caller) {
    std::vector<FieldError> problems;
    const std::string unread = request.QueryParam("unread");
    if (!unread.empty() && unread != "true" && unread != "false") {
        problems.push_back({"unread", "invalid", "true or false."});
    }
    const auto paging = DecodePaging(request, problems);
    if (!paging) {
        return ErrorFor(request, paging.error());
    }
    const auto page =
        context.notifications.Inbox(caller, unread == "true", paging->before, paging->limit);
    nlohmann::json items = nlohmann::json::array();
    for (const auto& item : page.items) {
        items.push_back(InboxItemJson(item));
    }
    return http::Json(200, {{"items", items},
                            {"unreadCount", page.unread_count},
                            {"nextCursor", Cursor(page.next_before)}});
}

http::Response ListFailed(const NotificationServices& context, http::Request& request,
                          const domain::Principal& caller) {
    std::vector<FieldError> problems;
    const auto paging = DecodePaging(request, problems);
    if (!paging) {
        return ErrorFor(request, paging.error());
    }
    return Respond(
        request, context.notifications.Failed(caller, paging->before, paging->limit),
        [](const service::FailedPage& page) {
            nlohmann::json items = nlohmann::json::array();
            for (const auto& failed : page.items) {
                items.push_back(FailedItemJson(failed));
            }
            return nlohmann::json{{"items", items}, {"nextCursor", Cursor(page.next_before)}};
        });
}

// The Origin a browser sends must name this server: a page elsewhere must not open a socket
// with the user's cookie (cross-site WebSocket hijacking). Clients without Origin (not
// browsers) are judged by their credentials alone.
bool IsSameOrigin(const http::Request& request) {
    const std::string_view origin = request.Header("origin");
    if (origin.empty()) {
        return true;
    }
    const auto scheme_end = origin.find("://");
    return scheme_end != std::string_view::npos &&
           origin.substr(scheme_end + 3) == request.Header("host");
}

http::Response OpenSocket(const NotificationServices& context, http::Request& request,
                          const domain::Principal& caller) {
    if (!http::IsWebSocketUpgrade(request)) {
        return ErrorFor(request, MakeError(ErrorCode::kBadRequest, "ws.upgrade_required",
                                           "This address takes WebSocket connections only."));
    }
    if (!IsSameOrigin(request)) {
        return ErrorFor(request, Forbidden("ws.origin_forbidden",
                                           "WebSocket connections from other sites are refused."));
    }
    service::NotificationHub& hub = context.hub;
    const domain::UserId user = caller.user_id;
    // Shared by both callbacks; the subscription ends with the connection.
    auto subscription = std::make_shared<service::NotificationHub::SubscriptionId>(0);
    http::WebSocketHandlers handlers;
    handlers.on_open = [&hub, user,
                        subscription](const std::shared_ptr<http::WebSocketConnection>& opened) {
        std::weak_ptr<http::WebSocketConnection> connection = opened;
        *subscription =
            hub.Subscribe(user, [connection](const service::RenderedNotification& item) {
                if (const auto live = connection.lock()) {
                    live->Send(nlohmann::json{{"type", "notification"},
                                              {"notification", InboxItemJson(item)}}
                                   .dump());
                }
            });
    };
    handlers.on_close = [&hub, subscription] { hub.Unsubscribe(*subscription); };
    return http::UpgradeToWebSocket(std::move(handlers));
}

nlohmann::json PreferencesJson(const std::vector<service::NoticePreference>& preferences) {
    nlohmann::json items = nlohmann::json::array();
    for (const auto& preference : preferences) {
        items.push_back({{"kind", preference.kind->name},
                         {"label", preference.kind->label},
                         {"automatic", preference.kind->automatic},
                         {"mode", domain::NoticeModeName(preference.mode)},
                         {"chosen", preference.chosen}});
    }
    return {{"items", items}, {"modes", {"immediate", "digest"}}};
}

// PUT {"modes": {"<kind>": "immediate" | "digest", …}}: only the kinds named change.
http::Response SetPreferences(const NotificationServices& context, http::Request& request,
                              const domain::Principal& caller) {
    const auto body = ReadBody(request, &NoticePreferencesFields, &CheckNoticePreferences);
    return body ? Respond(request, context.notice_digests.SetPreferences(caller, body->modes),
                          PreferencesJson)
                : ErrorFor(request, body.error());
}

http::Response Preferences(const NotificationServices& context, http::Request& /*request*/,
                           const domain::Principal& caller) {
    return http::Json(200, PreferencesJson(context.notice_digests.Preferences(caller)));
}

http::Response MarkAllRead(const NotificationServices& context, http::Request& /*request*/,
                           const domain::Principal& caller) {
    return http::Json(200, {{"updated", context.notifications.MarkAllRead(caller)}});
}

http::Response MarkRead(const NotificationServices& context, http::Request& request,
                        const domain::Principal& caller, std::int64_t id) {
    return NoContentOr(request, context.notifications.MarkRead(caller, id));
}

}  // namespace

Routes NotificationRoutes(const NotificationServices& context) {
    return {
        {"GET", "/api/v1/notifications/preferences", kSignedIn, With(context, &Preferences)},
        {"PUT", "/api/v1/notifications/preferences", kSignedIn, With(context, &SetPreferences)},
        {"GET", "/api/v1/notifications", kSignedIn, With(context, &ListInbox)},
        {"GET", "/api/v1/notifications/failed", kSignedIn, With(context, &ListFailed)},
        {"POST", "/api/v1/notifications/read-all", kSignedIn, With(context, &MarkAllRead)},
        {"POST", "/api/v1/notifications/{id}/read", kSignedIn, With(context, &MarkRead),
         kMessageId},
        {"GET", "/api/v1/ws", kSignedIn, With(context, &OpenSocket)},
    };
}

}  // namespace minqing::api
