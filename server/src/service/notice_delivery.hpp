// Where an inbox notice to a person goes (issue 11): into the outbox at once, or held for the
// person's morning digest, by domain/notice_routing.hpp and the person's choice. Every inbox
// notice the notification rules send passes here. Run inside the unit of work that causes it.
#pragma once

#include <string_view>

#include "domain/notification.hpp"
#include "domain/store.hpp"

namespace minqing::service {

/// What routing needs to know of one inbox message beyond the message itself.
struct InboxRoute {
    std::string_view kind;          // domain::NoticeKind name; the template key by default
    bool office_or_leader = false;  // addressed to them as office staff or a leader
    bool urgent = false;            // 特急, or a case's first red card
};

/// Enqueues `message` (an inbox message with its user and dedupe key) or holds it for the
/// digest. Returns true when something new was stored (false: its dedupe key was known).
bool DeliverInbox(domain::Repositories& repositories, const domain::Notification& message,
                  const InboxRoute& route);

}  // namespace minqing::service
