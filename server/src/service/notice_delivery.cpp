#include "service/notice_delivery.hpp"

#include "domain/notice_routing.hpp"

namespace minqing::service {

bool DeliverInbox(domain::Repositories& repositories, const domain::Notification& message,
                  const InboxRoute& route) {
    // The choice is read only when it can matter: urgent notices go out whatever was chosen.
    std::optional<domain::NoticeMode> chosen;
    if (!route.urgent && message.user_id) {
        chosen = repositories.NoticeDigests().PreferenceOf(*message.user_id, route.kind);
    }
    const domain::NoticeMode mode =
        domain::RouteNotice({route.kind, chosen, route.office_or_leader, route.urgent});
    if (mode == domain::NoticeMode::kImmediate || !message.user_id) {
        return repositories.Notifications().Enqueue(message);
    }
    domain::HeldNotice held;
    held.user_id = *message.user_id;
    held.kind = std::string(route.kind);
    held.template_key = message.template_key;
    held.params = message.params;
    held.case_id = message.case_id;
    held.dedupe_key = message.dedupe_key;
    held.created_at = message.created_at;
    return repositories.NoticeDigests().Hold(held);
}

}  // namespace minqing::service
