#include "service/notifications.hpp"

#include <charconv>
#include <optional>
#include <set>

#include <nlohmann/json.hpp>

namespace minqing::service {
namespace {

using domain::Case;
using domain::CaseEvent;
using domain::Notification;
using domain::NotificationChannel;
using domain::OrgKind;
using domain::OrgUnit;
using domain::Recipient;
using domain::RecipientQuery;
using domain::Repositories;
using domain::Role;

using Params = std::map<std::string, std::string>;

// "/1/5/23/" → {1, 5, 23}: the node and every node above it.
std::vector<domain::OrgUnitId> IdsOnPath(std::string_view path) {
    std::vector<domain::OrgUnitId> ids;
    std::size_t start = 0;
    while (start < path.size()) {
        const auto slash = std::min(path.find('/', start), path.size());
        domain::OrgUnitId id = 0;
        const auto* first = path.data() + start;
        const auto* last = path.data() + slash;
        if (first != last && std::from_chars(first, last, id).ptr == last) {
            ids.push_back(id);
        }
        start = slash + 1;
    }
    return ids;
}

}  // namespace

// "2026-11-28T17:00:00.000+08:00" → "2026-11-28 17:00" (China time, as offices read it).
std::string ShortTime(Instant at) {
    std::string iso = FormatIso8601Cst(at);
    constexpr std::size_t kMinutes = 16;
    iso.resize(std::min(iso.size(), kMinutes));
    if (iso.size() > 10 && iso[10] == 'T') {
        iso[10] = ' ';
    }
    return iso;
}

namespace {

std::string PayloadText(const CaseEvent& event, const char* key) {
    const auto payload = nlohmann::json::parse(event.payload, nullptr, false);
    if (!payload.is_object() || !payload.contains(key) || !payload[key].is_string()) {
        return "";
    }
    return payload[key].get<std::string>();
}

Params CaseParams(const Case& c, const domain::CaseParties& parties) {
    Params params{{"number", c.number},
                  {"title", c.title},
                  {"urgency", std::string(domain::UrgencyName(c.urgency))},
                  {"state", std::string(domain::CaseStateName(c.state))},
                  {"external_ref", c.external_ref},
                  {"answer", c.answer_text}};
    if (parties.holder) {
        params["unit"] = parties.holder->name;
    }
    if (c.deadline) {
        params["deadline"] = ShortTime(*c.deadline);
    }
    if (c.result) {
        params["result"] = std::string(domain::AnswerResultName(*c.result));
    }
    return params;
}

// Who acts for a node: a unit's (or section's) handlers and unit leaders, a division's office.
RecipientQuery StaffOf(const OrgUnit& node) {
    RecipientQuery query;
    if (node.kind == OrgKind::kDivision) {
        query.roles = {Role::kCityOffice, Role::kDistrictOffice, Role::kStreetOffice,
                       Role::kCommunityStaff};
        query.at_nodes = {node.id};
    } else {
        query.roles = {Role::kUnitHandler, Role::kUnitLeader};
        query.within_path = node.path;
    }
    return query;
}

// Collects the messages of one event and enqueues each once.
class Outbox {
  public:
    Outbox(Repositories& repositories, const Case& c, std::string occasion, Instant at,
           Params params)
        : repositories_(repositories),
          case_(c),
          occasion_(std::move(occasion)),
          at_(at),
          params_json_(nlohmann::json(params).dump()) {}

    void Inbox(std::string_view key, domain::UserId user) {
        if (!inbox_users_.insert({std::string(key), user}).second) {
            return;
        }
        Notification message = Base(NotificationChannel::kInbox, key);
        message.user_id = user;
        message.dedupe_key += ":inbox:" + std::to_string(user);
        repositories_.Notifications().Enqueue(message);
    }

    void Sms(std::string_view key, const std::string& phone,
             std::optional<domain::UserId> user = std::nullopt) {
        if (phone.empty() || !sms_phones_.insert({std::string(key), phone}).second) {
            return;
        }
        Notification message = Base(NotificationChannel::kSms, key);
        message.phone = phone;
        message.user_id = user;
        message.dedupe_key += ":sms:" + phone;
        repositories_.Notifications().Enqueue(message);
    }

    void Webhook(std::string_view key, std::string_view target) {
        Notification message = Base(NotificationChannel::kWebhook, key);
        message.target = target;
        message.dedupe_key += ":webhook:" + std::string(target);
        repositories_.Notifications().Enqueue(message);
    }

    void InboxAll(std::string_view key, const std::vector<Recipient>& recipients) {
        for (const Recipient& recipient : recipients) {
            Inbox(key, recipient.user_id);
        }
    }

    void Staff(std::string_view key, const std::optional<OrgUnit>& node) {
        if (node) {
            InboxAll(key, repositories_.Notifications().Recipients(StaffOf(*node)));
        }
    }

  private:
    Notification Base(NotificationChannel channel, std::string_view key) const {
        Notification message;
        message.channel = channel;
        message.template_key = key;
        message.params = params_json_;
        message.case_id = case_.id;
        message.dedupe_key = occasion_ + ":" + std::string(key);
        message.next_attempt_at = at_;
        message.created_at = at_;
        return message;
    }

    Repositories& repositories_;
    const Case& case_;
    std::string occasion_;
    Instant at_;
    std::string params_json_;
    std::set<std::pair<std::string, domain::UserId>> inbox_users_;
    std::set<std::pair<std::string, std::string>> sms_phones_;
};

void NotifyCritical(Repositories& repositories, const Case& c, Outbox& outbox) {
    const auto path_ids = IdsOnPath(c.origin_path);
    if (path_ids.empty()) {
        return;
    }
    RecipientQuery city_office;
    city_office.roles = {Role::kCityOffice};
    city_office.at_nodes = {path_ids.front()};
    RecipientQuery leaders;
    leaders.roles = {Role::kLeader};
    leaders.at_nodes = path_ids;
    for (const auto& query : {city_office, leaders}) {
        for (const Recipient& recipient : repositories.Notifications().Recipients(query)) {
            outbox.Inbox("critical_case", recipient.user_id);
            outbox.Sms("critical_case", recipient.phone, recipient.user_id);
        }
    }
}

void NotifyNewHolder(const domain::CaseParties& parties, Outbox& outbox) {
    outbox.Staff("case_dispatched", parties.holder);
    for (const OrgUnit& unit : parties.assisting) {
        outbox.Staff("case_dispatched", unit);
    }
}

// The reporter hears back by the way they came (see the header).
void AnswerReporter(const Case& c, std::string_view outcome, Outbox& outbox) {
    if (c.channel == domain::Channel::kHotline) {
        if (outcome == "answered") {
            outbox.Webhook("case_answered", kHotlineWebhook);
        } else if (outcome == "closed") {
            outbox.Webhook("case_closed", kHotlineWebhook);
        } else if (outcome == "extended") {
            outbox.Webhook("case_extended", kHotlineWebhook);
        }
        return;
    }
    if (c.channel == domain::Channel::kDirectCard) {
        if (outcome == "answered" && c.created_by != 0) {
            outbox.Inbox("direct_card_answered", c.created_by);
        } else if (outcome == "extended" && c.created_by != 0) {
            outbox.Inbox("direct_card_extended", c.created_by);
        }
        return;
    }
    if (c.channel == domain::Channel::kMessageBoard && c.publish) {
        return;  // the public status shows the answer
    }
    // Anonymous reporters have no phone stored; the check is only a second guard.
    if (c.reporter.anonymous) {
        return;
    }
    if (outcome == "answered") {
        outbox.Sms("reporter_answered", c.reporter.phone);
    } else if (outcome == "declined") {
        outbox.Sms("reporter_declined", c.reporter.phone);
    } else if (outcome == "extended") {
        outbox.Sms("reporter_extended", c.reporter.phone);
    }
}

}  // namespace

void NotifyCaseEvent(Repositories& repositories, const Case& after, const CaseEvent& event,
                     const domain::CaseParties& parties) {
    Params params = CaseParams(after, parties);
    if (const std::string reason = PayloadText(event, "reason"); !reason.empty()) {
        params["reason"] = reason;
    }
    if (const std::string ref = PayloadText(event, "externalRef"); !ref.empty()) {
        params["external_ref"] = ref;
    }
    if (event.actor_unit_id) {
        if (const auto unit = repositories.Orgs().FindById(*event.actor_unit_id)) {
            params["unit"] = unit->name;
        }
    }
    if (event.action == "approve_extension" && after.answer_deadline) {
        params["deadline"] = ShortTime(*after.answer_deadline);  // the new promise
    }
    const std::string occasion =
        "case:" + std::to_string(after.id) + ":" + std::to_string(event.seq);
    Outbox outbox(repositories, after, occasion, event.at, std::move(params));
    const std::string_view action = event.action;
    if (action == "create") {
        if (after.urgency == domain::Urgency::kCritical) {
            NotifyCritical(repositories, after, outbox);
        }
        if (after.state == domain::CaseState::kDispatched) {
            NotifyNewHolder(parties, outbox);
        }
        return;
    }
    if (action == "dispatch") {
        NotifyNewHolder(parties, outbox);
    } else if (action == "escalate" && parties.escalated_to) {
        RecipientQuery leaders;
        leaders.roles = {Role::kLeader};
        leaders.at_nodes = {parties.escalated_to->id};
        outbox.InboxAll("case_escalated", repositories.Notifications().Recipients(leaders));
    } else if (action == "request_return") {
        outbox.Staff("return_requested", parties.dispatcher);
    } else if (action == "request_extension") {
        outbox.Staff("extension_requested", parties.dispatcher);
    } else if (action == "handover") {
        outbox.Webhook("case_handover", kHotlineWebhook);
    } else if (action == "approve_answer") {
        AnswerReporter(after, "answered", outbox);
    } else if (action == "decline") {
        AnswerReporter(after, "declined", outbox);
    } else if (action == "approve_extension") {
        // The promise to the reporter moved: they hear the new date.
        AnswerReporter(after, "extended", outbox);
    }
    if ((action == "close" || action == "follow_up") && after.state == domain::CaseState::kClosed) {
        AnswerReporter(after, "closed", outbox);
    }
}

void NotifyNode(Repositories& repositories, domain::OrgUnitId node, std::string_view template_key,
                const Case& c, std::string_view dedupe_key, Instant at,
                const std::map<std::string, std::string>& extra, Audience audience) {
    const auto unit = repositories.Orgs().FindById(node);
    if (!unit) {
        return;
    }
    domain::CaseParties parties;
    parties.holder = unit;
    Params params = CaseParams(c, parties);
    for (const auto& [name, value] : extra) {
        params[name] = value;
    }
    Outbox outbox(repositories, c, std::string(dedupe_key), at, std::move(params));
    if (audience == Audience::kLeaders) {
        RecipientQuery leaders;
        leaders.roles = {Role::kLeader};
        leaders.at_nodes = {node};
        outbox.InboxAll(template_key, repositories.Notifications().Recipients(leaders));
        return;
    }
    outbox.Staff(template_key, unit);
}

std::map<std::string, std::string> MessageParams(const Notification& message) {
    std::map<std::string, std::string> params;
    const auto json = nlohmann::json::parse(message.params, nullptr, false);
    if (!json.is_object()) {
        return params;
    }
    for (const auto& [name, value] : json.items()) {
        params[name] = value.is_string() ? value.get<std::string>() : value.dump();
    }
    return params;
}

std::string RenderMessage(const std::vector<domain::MessageTemplate>& templates,
                          const Notification& message, std::string_view query_url) {
    auto params = MessageParams(message);
    params["query_url"] = std::string(query_url);
    for (const auto& candidate : templates) {
        if (candidate.key == message.template_key && candidate.channel == message.channel) {
            return domain::RenderTemplate(candidate.text, params);
        }
    }
    return message.template_key + " " + params["number"];
}

}  // namespace minqing::service
