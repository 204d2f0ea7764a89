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

/// Enqueues every message `event` causes on `after` (the case after the event; `parties`
/// its org nodes after it):
/// - create of a critical case: the city office (city_office on the city node) and every
///   leader on a node containing the origin — inbox, and SMS where they have a phone;
/// - create of a direct-card case, dispatch: the staff of the new holder and of the assisting
///   units (inbox);
/// - escalate: the leaders on the node escalated to (inbox);
/// - request_return, request_extension: the dispatching office (inbox);
/// - handover: the hotline's webhook;
/// - approve_answer, decline, and closing (close, follow_up to closed): the reporter by the
///   way they came — a hotline case by webhook (answer and close), a direct-card case to the
///   card holder's inbox (answer), otherwise SMS to the reporter's phone when one was given
///   (answer, decline), nothing when they agreed to publication on the message board (the
///   public status shows the answer);
/// - approve_extension: the reporter, the same way, hears the new answer deadline.
/// Each message is keyed by case, event and recipient, so running this twice for one event
/// enqueues nothing new. Throws only on database faults.
void NotifyCaseEvent(domain::Repositories& repositories, const domain::Case& after,
                     const domain::CaseEvent& event, const domain::CaseParties& parties);

/// For the deadline sweep: tells the staff of `node` (a unit's handlers and unit leaders, or a
/// division's office staff) about `c` with the inbox template
/// `template_key`. `dedupe_key` names the occasion (e.g. "warn:<case>:<deadline>"); each
/// recipient's message is keyed by it, so a sweep that runs again enqueues nothing twice.
/// `extra` adds or overrides placeholder values (deadline, action, …).
/// Who at a node hears of it: its staff (above), or the leaders in charge on it (role leader).
enum class Audience { kStaff, kLeaders };

void NotifyNode(domain::Repositories& repositories, domain::OrgUnitId node,
                std::string_view template_key, const domain::Case& c, std::string_view dedupe_key,
                Instant at, const std::map<std::string, std::string>& extra,
                Audience audience = Audience::kStaff);

/// "2026-11-30 10:30" (China time): how an instant reads in a message.
std::string ShortTime(Instant at);

/// The placeholder values stored with a message (its params JSON), as strings.
std::map<std::string, std::string> MessageParams(const domain::Notification& message);

/// The text of a message: its template for (key, channel) from `templates` rendered with its
/// params and `query_url`; the key and case number when no template matches (a template file
/// that lost a row must not lose the message).
std::string RenderMessage(const std::vector<domain::MessageTemplate>& templates,
                          const domain::Notification& message, std::string_view query_url);

}  // namespace minqing::service
