#include "service/notifications.hpp"

#include <charconv>
#include <optional>
#include <set>

#include "service/notice_delivery.hpp"

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

// Fills `name` with a text the event carries, when it carries one.
void SetGiven(Params& params, const char* name, const std::optional<std::string>& text) {
    if (text && !text->empty()) {
        params[name] = *text;
    }
}

Params CaseParams(const Case& c, const domain::CaseParties& parties) {
    Params params{{"number", c.number},
                  {"title", c.title},
                  {"urgency", std::string(domain::UrgencyName(c.urgency))},
                  {"state", std::string(domain::CaseStateName(c.state))},
                  {"external_ref", c.external_ref},
                  {"answer", c.answer_text},
                  {"people", std::to_string(c.people_involved)}};
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
          params_{std::move(params), {}} {}

    /// `office_or_leader`: the user is told as office staff or a leader, whose automatic
    /// notices may wait for the morning digest (service/notice_delivery.hpp).
    void Inbox(std::string_view key, domain::UserId user, bool office_or_leader = false) {
        if (!inbox_users_.insert({std::string(key), user}).second) {
            return;
        }
        Notification message = Base(NotificationChannel::kInbox, key);
        message.user_id = user;
        message.dedupe_key += ":inbox:" + std::to_string(user);
        DeliverInbox(repositories_, message,
                     {route_.kind.empty() ? key : route_.kind, office_or_leader,
                      route_.urgent || case_.urgency == domain::Urgency::kCritical});
    }

    /// The kind of every inbox message this outbox sends (default: each one's template key).
    void RouteAs(const NoticeRoute& route) { route_ = route; }

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

    void InboxAll(std::string_view key, const std::vector<Recipient>& recipients,
                  bool office_or_leader = false) {
        for (const Recipient& recipient : recipients) {
            Inbox(key, recipient.user_id, office_or_leader);
        }
    }

    void Staff(std::string_view key, const std::optional<OrgUnit>& node) {
        if (node) {
            InboxAll(key, repositories_.Notifications().Recipients(StaffOf(*node)),
                     node->kind == OrgKind::kDivision);
        }
    }

  private:
    Notification Base(NotificationChannel channel, std::string_view key) const {
        Notification message;
        message.channel = channel;
        message.template_key = key;
        message.params = params_;
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
    domain::NotificationParams params_;
    std::set<std::pair<std::string, domain::UserId>> inbox_users_;
    std::set<std::pair<std::string, std::string>> sms_phones_;
    NoticeRoute route_;
};

// The staff of the city office: city_office on the city node, the first on the case's path.
RecipientQuery CityOffice(const std::vector<domain::OrgUnitId>& path_ids) {
    RecipientQuery city_office;
    city_office.roles = {Role::kCityOffice};
    city_office.at_nodes = {path_ids.front()};
    return city_office;
}

void NotifyCritical(Repositories& repositories, const Case& c, Outbox& outbox) {
    const auto path_ids = IdsOnPath(c.origin_path);
    if (path_ids.empty()) {
        return;
    }
    const RecipientQuery city_office = CityOffice(path_ids);
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

// The offices of the case's chain between its holder and the office that recorded it, when a
// critical case went straight past them (the rule of case_intake_service.cpp): they are told,
// since the case happens in their area. The recording office and the grid are left out.
void NotifyPassedOver(Repositories& repositories, const Case& c, const CaseEvent& event,
                      Outbox& outbox) {
    const auto holder_depth = IdsOnPath(c.holder_path).size();
    for (const auto id : IdsOnPath(c.origin_path)) {
        if (id == event.actor_unit_id) {
            break;  // the recorder and everything below it
        }
        const auto node = repositories.Orgs().FindById(id);
        if (!node || node->kind != OrgKind::kDivision ||
            IdsOnPath(node->path).size() <= holder_depth ||
            (node->level != domain::OrgLevel::kDistrict &&
             node->level != domain::OrgLevel::kStreet)) {
            continue;
        }
        outbox.Staff("critical_passed_over", node);
    }
}

// 群体性、代表性、普遍性问题…上报市、区主管领导: the leaders of the city and of the origin's
// district, at once.
void NotifyCollective(Repositories& repositories, const Case& c, Outbox& outbox) {
    RecipientQuery leaders;
    leaders.roles = {Role::kLeader};
    for (const auto id : IdsOnPath(c.origin_path)) {
        const auto node = repositories.Orgs().FindById(id);
        if (node && node->kind == OrgKind::kDivision &&
            (node->level == domain::OrgLevel::kCity ||
             node->level == domain::OrgLevel::kDistrict)) {
            leaders.at_nodes.push_back(id);
        }
    }
    if (leaders.at_nodes.empty()) {
        return;
    }
    for (const Recipient& recipient : repositories.Notifications().Recipients(leaders)) {
        outbox.Inbox("collective_case", recipient.user_id);
        outbox.Sms("collective_case", recipient.phone, recipient.user_id);
    }
}

// 直通卡…并报市社情民意绿色通道工作办公室.
void NotifyCityOffice(const Case& c, std::string_view key, Repositories& repositories,
                      Outbox& outbox) {
    const auto path_ids = IdsOnPath(c.origin_path);
    if (path_ids.empty()) {
        return;
    }
    outbox.InboxAll(key, repositories.Notifications().Recipients(CityOffice(path_ids)));
}

// 件件有落实、事事有反馈: the grid worker, cadre or office staff who recorded a case hears
// how it ended; not when they did it themselves.
void AnswerCollector(const Case& c, const CaseEvent& event, std::string_view key, Outbox& outbox) {
    const bool collected = c.channel == domain::Channel::kGrid ||
                           c.channel == domain::Channel::kCadreReport ||
                           c.channel == domain::Channel::kWalkIn;
    if (collected && c.created_by != 0 && event.actor_id != c.created_by) {
        outbox.Inbox(key, c.created_by);
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
        } else if (outcome == "closed" && c.created_by != 0) {
            outbox.Inbox("direct_card_closed", c.created_by);
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

// 并案: every reporter of a case merged into this one hears its answer, under their own number.
void AnswerMergedReporters(Repositories& repositories, const Case& master, const CaseEvent& event,
                           std::string_view outcome) {
    for (const Case& merged : repositories.Cases().MergedInto(master.id)) {
        domain::CaseParties parties;
        Params params = CaseParams(merged, parties);
        params["answer"] = master.answer_text;
        Outbox outbox(
            repositories, merged,
            "case:" + std::to_string(master.id) + ":" + std::to_string(event.seq) + ":merged",
            event.at, std::move(params));
        AnswerReporter(merged, outcome, outbox);
    }
}

}  // namespace

namespace {

// What a notice's text may fill in: the case's own values and those the event carries.
Params EventParams(Repositories& repositories, const Case& after, const CaseEvent& event,
                   const domain::CaseParties& parties, const NotifyOptions& options) {
    Params params = CaseParams(after, parties);
    SetGiven(params, "reason", event.payload.reason);
    SetGiven(params, "external_ref", event.payload.external_ref);
    SetGiven(params, "note", event.payload.note);
    if (!options.query_code.empty()) {
        params["query_code"] = options.query_code;
    }
    if (event.actor_unit_id) {
        if (const auto unit = repositories.Orgs().FindById(*event.actor_unit_id)) {
            params["unit"] = unit->name;
        }
    }
    if (event.action == "approve_extension" && after.answer_deadline) {
        params["deadline"] = ShortTime(*after.answer_deadline);  // the new promise
    }
    SetGiven(params, "message", event.payload.relay_message);
    return params;
}

// Who hears of a new case: the city for 特急 and collective matters and direct cards, the
// unit it went straight to, and the reporter with their query code.
void NotifyCreated(Repositories& repositories, const Case& after, const CaseEvent& event,
                   const domain::CaseParties& parties, const NotifyOptions& options,
                   Outbox& outbox) {
    if (after.urgency == domain::Urgency::kCritical) {
        NotifyCritical(repositories, after, outbox);
        NotifyPassedOver(repositories, after, event, outbox);
    }
    if (after.scope == domain::CaseScope::kCollective ||
        after.people_involved >= options.collective_threshold) {
        NotifyCollective(repositories, after, outbox);
    }
    if (after.channel == domain::Channel::kDirectCard) {
        NotifyCityOffice(after, "direct_card_reported", repositories, outbox);
    }
    if (after.state == domain::CaseState::kDispatched) {
        NotifyNewHolder(parties, outbox);
    }
    if (!options.query_code.empty() && !after.reporter.anonymous) {
        outbox.Sms("reporter_registered", after.reporter.phone);
    }
}

// Who hears of an action: whoever must act next, and the reporter when they are answered.
void NotifyAction(Repositories& repositories, const Case& after, const CaseEvent& event,
                  const domain::CaseParties& parties, Outbox& outbox) {
    const std::string_view action = event.action;
    if (action == "dispatch") {
        NotifyNewHolder(parties, outbox);
        if (after.channel == domain::Channel::kDirectCard && after.created_by != 0) {
            outbox.Inbox("direct_card_dispatched", after.created_by);
        }
    } else if (action == "instruct") {
        // The leader's 批示 goes to whoever holds the case and must act on it.
        outbox.Staff("case_instructed", parties.holder);
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
        AnswerCollector(after, event, "collector_answered", outbox);
        AnswerMergedReporters(repositories, after, event, "answered");
    } else if (action == "decline") {
        AnswerReporter(after, "declined", outbox);
    } else if (action == "approve_extension") {
        // The promise to the reporter moved: they hear the new date, and so does the unit.
        AnswerReporter(after, "extended", outbox);
        outbox.Staff("extension_approved", parties.holder);
    } else if (action == "answer" && after.unit_review_pending && parties.lead_unit) {
        // 二级工作网络: the unit's 分管领导 signs what its 承办人 drafted.
        RecipientQuery unit_leaders;
        unit_leaders.roles = {Role::kUnitLeader};
        unit_leaders.at_nodes = {parties.lead_unit->id};
        outbox.InboxAll("unit_answer_drafted",
                        repositories.Notifications().Recipients(unit_leaders));
    } else if (action == "reject_unit_answer") {
        outbox.Staff("unit_answer_returned", parties.holder);
    } else if (action == "assign") {
        if (after.assignee_user_id) {
            outbox.Inbox("case_assigned", *after.assignee_user_id);
        } else {
            outbox.Staff("case_assigned", parties.assignee_unit);
        }
    } else if (action == "contact_reporter" && !event.payload.relay_message.value_or("").empty()) {
        // The unit may not see a confidential reporter's number: the platform sends its words.
        outbox.Sms("reporter_relay", after.reporter.phone);
    }
    if ((action == "close" || action == "follow_up") && after.state == domain::CaseState::kClosed) {
        AnswerReporter(after, "closed", outbox);
        AnswerMergedReporters(repositories, after, event, "closed");
        AnswerCollector(after, event, "collector_closed", outbox);
    }
}

}  // namespace

void NotifyCaseEvent(Repositories& repositories, const Case& after, const CaseEvent& event,
                     const domain::CaseParties& parties, const NotifyOptions& options) {
    const std::string occasion =
        "case:" + std::to_string(after.id) + ":" + std::to_string(event.seq);
    Outbox outbox(repositories, after, occasion, event.at,
                  EventParams(repositories, after, event, parties, options));
    if (event.action == "create") {
        NotifyCreated(repositories, after, event, parties, options, outbox);
    } else {
        NotifyAction(repositories, after, event, parties, outbox);
    }
}

void NotifyNode(Repositories& repositories, domain::OrgUnitId node, std::string_view template_key,
                const Case& c, std::string_view dedupe_key, Instant at,
                const std::map<std::string, std::string>& extra, Audience audience,
                const NoticeRoute& route) {
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
    outbox.RouteAs(route);
    if (audience == Audience::kLeaders) {
        RecipientQuery leaders;
        leaders.roles = {Role::kLeader};
        leaders.at_nodes = {node};
        outbox.InboxAll(template_key, repositories.Notifications().Recipients(leaders), true);
        return;
    }
    if (audience == Audience::kInspectors) {
        // Inspectors see what lies under their node: those on the node and every node above.
        RecipientQuery inspectors;
        inspectors.roles = {Role::kInspector};
        inspectors.at_nodes = IdsOnPath(unit->path);
        outbox.InboxAll(template_key, repositories.Notifications().Recipients(inspectors));
        return;
    }
    outbox.Staff(template_key, unit);
}

std::string RenderMessage(const std::vector<domain::MessageTemplate>& templates,
                          const Notification& message, std::string_view query_url) {
    auto params = message.params.values;
    params["query_url"] = std::string(query_url);
    for (const auto& candidate : templates) {
        if (candidate.key == message.template_key && candidate.channel == message.channel) {
            return domain::RenderTemplate(candidate.text, params);
        }
    }
    return message.template_key + " " + params["number"];
}

}  // namespace minqing::service
