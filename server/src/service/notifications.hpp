// Who hears of what (the notification rules): called inside the unit of work that records a
// case event, so the outbox rows commit or roll back with it. Also renders a stored message
// into its text. Stateless; thread-safe.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "common/clock.hpp"
#include "domain/case.hpp"
#include "domain/case_access.hpp"
#include "domain/case_event.hpp"
#include "domain/notification.hpp"
#include "domain/store.hpp"

namespace minqing::service {

/// The webhook receiver that hand-overs and hotline cases answer back to.
inline constexpr std::string_view kHotlineWebhook = "hotline";

/// What the rules need beyond the case and its event.
struct NotifyOptions {
    /// A case involving at least this many people is collective (群体性) even when its scope
    /// says individual (notify.collectiveThreshold).
    int collective_threshold = 10;
    /// Create of a staff-recorded case only: the reporter's new query code, sent to them by
    /// SMS with the number; empty when they get none.
    std::string query_code;
};

/// Enqueues every message `event` causes on `after` (the case after the event; `parties`
/// its org nodes after it):
/// - create of a critical case: the city office (city_office on the city node) and every
///   leader on a node containing the origin — inbox, and SMS where they have a phone; when
///   it went past offices of its chain (a community's 特急 case sent straight up), the staff
///   of each office passed over (inbox);
/// - create of a collective case (scope collective, or people involved at or above the
///   threshold): the leaders of the city and of the origin's district — inbox, and SMS;
/// - create of a direct-card case: the city office (inbox);
/// - create with a query code: the reporter by SMS (number, code, where to look);
/// - instruct: the staff of the holder (the leader's 批示, inbox);
/// - dispatch of a direct-card case: the card holder (inbox);
/// - approve_answer and closing of a case a grid worker, cadre or office staff recorded:
///   the recorder (inbox), unless they did it themselves;
/// - create of a direct-card case, dispatch: the staff of the new holder and of the assisting
///   units (inbox);
/// - escalate: the leaders on the node escalated to (inbox);
/// - request_return, request_extension: the dispatching office (inbox);
/// - handover: the hotline's webhook;
/// - approve_answer, decline, and closing (close, follow_up to closed): the reporter by the
///   way they came — a hotline case by webhook (answer and close), a direct-card case to the
///   card holder's inbox (answer), otherwise SMS to the reporter's phone when one was given
///   (answer, decline), nothing when they agreed to publication on the message board (the
///   public status shows the answer); closing a direct-card case tells the card holder too;
/// - approve_extension: the reporter, the same way, hears the new answer deadline.
/// Each message is keyed by case, event and recipient, so running this twice for one event
/// enqueues nothing new. Throws only on database faults.
void NotifyCaseEvent(domain::Repositories& repositories, const domain::Case& after,
                     const domain::CaseEvent& event, const domain::CaseParties& parties,
                     const NotifyOptions& options = {});

/// For the deadline sweep: tells the staff of `node` (a unit's handlers and unit leaders, or a
/// division's office staff) about `c` with the inbox template
/// `template_key`. `dedupe_key` names the occasion (e.g. "warn:<case>:<deadline>"); each
/// recipient's message is keyed by it, so a sweep that runs again enqueues nothing twice.
/// `extra` adds or overrides placeholder values (deadline, action, …).
/// Who at a node hears of it: its staff (above), the leaders in charge on it (role leader), or
/// the inspectors (督查) whose scope holds it (on the node or above it).
enum class Audience { kStaff, kLeaders, kInspectors };

/// How the inbox messages of one occasion are routed (domain/notice_routing.hpp): their kind
/// (empty: each message's template key) and whether they may not wait for the morning digest
/// (a case's first red card; a 特急 case never waits anyway).
struct NoticeRoute {
    std::string_view kind;
    bool urgent = false;
};

void NotifyNode(domain::Repositories& repositories, domain::OrgUnitId node,
                std::string_view template_key, const domain::Case& c, std::string_view dedupe_key,
                Instant at, const std::map<std::string, std::string>& extra,
                Audience audience = Audience::kStaff, const NoticeRoute& route = {});

/// "2026-11-30 10:30" (China time): how an instant reads in a message.
std::string ShortTime(Instant at);

/// The text of a message: its template for (key, channel) from `templates` rendered with its
/// params and `query_url`; the key and case number when no template matches (a template file
/// that lost a row must not lose the message).
std::string RenderMessage(const std::vector<domain::MessageTemplate>& templates,
                          const domain::Notification& message, std::string_view query_url);

}  // namespace minqing::service
