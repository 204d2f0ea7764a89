#include "service/deadline_sweep.hpp"

#include <charconv>
#include <string>

#include "service/case_records.hpp"
#include "service/notifications.hpp"

namespace minqing::service {
namespace {

using domain::SupervisionLevel;
using domain::SweptCase;

// The case as the notice templates need it.
domain::Case CaseOf(const SweptCase& swept) {
    domain::Case c;
    c.id = swept.id;
    c.number = swept.number;
    c.title = swept.title;
    c.holder_id = swept.holder_id;
    c.deadline = swept.deadline;
    c.state = swept.state;
    c.urgency = swept.urgency;
    c.origin_path = swept.origin_path;
    return c;
}

// An automatic written 督办 is answered like a 督办单 by hand: within one working day.
constexpr int kAutomaticReplyDays = 1;

// "/1/5/23/" → 23: the node a path ends at.
std::optional<domain::OrgUnitId> OriginNode(std::string_view path) {
    while (!path.empty() && path.back() == '/') {
        path.remove_suffix(1);
    }
    const auto slash = path.rfind('/');
    const std::string_view last = slash == std::string_view::npos ? path : path.substr(slash + 1);
    domain::OrgUnitId id = 0;
    const auto parsed = std::from_chars(last.data(), last.data() + last.size(), id);
    if (last.empty() || parsed.ec != std::errc() || parsed.ptr != last.data() + last.size()) {
        return std::nullopt;
    }
    return id;
}

std::string ReadableDeadline(const std::optional<Instant>& deadline) {
    return deadline ? ShortTime(*deadline) : std::string();
}

// What a sweep step tells: the template, the word for the occasion ({action}), the prefix of
// the dedupe key, so each case hears of each occasion once per deadline, the kind of notice
// people route (domain/notice_routing.hpp), and the case event it records ("" for none).
struct Notice {
    std::string_view template_key;
    std::string_view action;
    std::string_view occasion;
    std::string_view kind;
    std::string_view event;
};

constexpr Notice kYellow{"deadline_warning", "黄牌预警", "yellow", "yellow_card", ""};
constexpr Notice kRed{"deadline_overdue", "红牌超期", "red", "red_card", ""};
constexpr Notice kReminder{"supervision_notice", "催办", "reminder", "reminder", "auto_remind"};
constexpr Notice kWritten{"supervision_notice", "督办", "written", "written", "auto_supervise"};
constexpr Notice kBulletin{"supervision_notice", "通报", "bulletin", "bulletin", "auto_bulletin"};

// 催办, 督办 and 通报 are events of the case: in its hash chain and its timeline, by the
// system, leaving its state as it is.
void RecordEvents(domain::Repositories& repositories, const std::vector<SweptCase>& cases,
                  const Notice& notice, domain::SupervisionLevel level,
                  const std::optional<Instant>& reply_due, Instant now) {
    EventActor system;
    system.role = "system";
    for (const SweptCase& swept : cases) {
        if (swept.supervision_id == 0) {
            continue;  // recorded for this deadline before
        }
        domain::CaseEventPayload payload;
        payload.supervision_id = swept.supervision_id;
        payload.level = level;
        payload.automatic = true;
        payload.holder_id = swept.holder_id;
        payload.step = swept.step;
        payload.step_deadline = swept.deadline;
        payload.reply_due = reply_due;
        AppendCaseEvent(repositories, swept.id, system, notice.event, std::move(payload),
                        swept.state, swept.state, now);
    }
}

// Tells the holder (and `also`, when given) about each swept case.
void Tell(domain::Repositories& repositories, const std::vector<SweptCase>& cases,
          const Notice& notice, Instant now, std::optional<domain::OrgUnitId> also = {}) {
    for (const SweptCase& swept : cases) {
        const std::string key = std::string(notice.occasion) + ":" + std::to_string(swept.id) +
                                ":" +
                                std::to_string(swept.deadline ? ToEpochMs(*swept.deadline) : 0);
        const domain::Case c = CaseOf(swept);
        const std::map<std::string, std::string> extra = {
            {"deadline", ReadableDeadline(swept.deadline)}, {"action", std::string(notice.action)}};
        NoticeRoute route{notice.kind};
        if (&notice == &kRed) {
            // A case's first red card is told at once; later ones may wait for the digest.
            route.urgent = !repositories.Supervisions().WasLateBefore(swept.id, swept.deadline);
        }
        NotifyNode(repositories, swept.holder_id, notice.template_key, c, key, now, extra,
                   Audience::kStaff, route);
        if (also) {
            // Serious lateness reaches the city: its office and the leader in charge; and every
            // inspector whose scope holds the case (above its holder or its origin).
            if (*also != swept.holder_id) {
                NotifyNode(repositories, *also, notice.template_key, c, key, now, extra,
                           Audience::kStaff, route);
            }
            NotifyNode(repositories, *also, notice.template_key, c, key, now, extra,
                       Audience::kLeaders, route);
            NotifyNode(repositories, swept.holder_id, notice.template_key, c, key, now, extra,
                       Audience::kInspectors, route);
            if (const auto origin = OriginNode(swept.origin_path)) {
                NotifyNode(repositories, *origin, notice.template_key, c, key, now, extra,
                           Audience::kInspectors, route);
            }
        }
    }
}

}  // namespace

SweepReport DeadlineSweep::Run() {
    const Instant now = clock_.Now();
    const TimeRules rules = time_rules_.Current();
    const std::int64_t day = rules.calendar->hours().MinutesPerDay();
    // A step is "one working day overdue" once a working day has passed since its deadline.
    const Instant one_day_ago = rules.calendar->SubtractWorkingMinutes(now, day);
    const Instant five_days_ago = rules.calendar->SubtractWorkingMinutes(now, 5 * day);
    SweepReport report;
    domain::Transact(store_, [&](domain::Repositories& repositories) -> Status {
        auto& sweep = repositories.Supervisions();
        if (!sweep.TryLockSweep()) {
            return {};
        }
        report.ran = true;
        const auto yellow = sweep.MarkYellow(now);
        const auto red = sweep.MarkRed(now);
        const Instant reply_due = rules.calendar->AddWorkingDays(now, kAutomaticReplyDays);
        const auto reminders =
            sweep.RaiseSupervision(SupervisionLevel::kReminder, now, now, std::nullopt);
        const auto written =
            sweep.RaiseSupervision(SupervisionLevel::kWritten, one_day_ago, now, reply_due);
        const auto bulletins =
            sweep.RaiseSupervision(SupervisionLevel::kBulletin, five_days_ago, now, std::nullopt);
        const auto late = sweep.FlagLateReplies(now);
        RecordEvents(repositories, reminders, kReminder, SupervisionLevel::kReminder, std::nullopt,
                     now);
        RecordEvents(repositories, written, kWritten, SupervisionLevel::kWritten, reply_due, now);
        RecordEvents(repositories, bulletins, kBulletin, SupervisionLevel::kBulletin, std::nullopt,
                     now);
        Tell(repositories, yellow, kYellow, now);
        Tell(repositories, red, kRed, now);
        Tell(repositories, reminders, kReminder, now);
        // Serious lateness goes up: the written 督办 to the holder's staff, its unit leaders
        // among them; 通报 also to the city office and the city's leader in charge.
        Tell(repositories, written, kWritten, now);
        domain::OrgQuery city;
        city.level = domain::OrgLevel::kCity;
        city.kind = domain::OrgKind::kDivision;
        const auto cities = repositories.Orgs().List(city);
        Tell(repositories, bulletins, kBulletin, now,
             cities.empty() ? std::nullopt : std::optional(cities.front().id));
        for (const domain::Supervision& supervision : late) {
            domain::Case c;
            c.id = supervision.case_id;
            if (auto found = repositories.Cases().FindById(supervision.case_id)) {
                c = std::move(*found);
            }
            NotifyNode(repositories, supervision.unit_id, "supervision_notice", c,
                       "reply_late:" + std::to_string(supervision.id), now,
                       {{"action", "督办单回复超期"},
                        {"deadline", ReadableDeadline(supervision.reply_due)}},
                       Audience::kStaff, {"reply_late"});
        }
        report.yellow = static_cast<int>(yellow.size());
        report.red = static_cast<int>(red.size());
        report.reminders = static_cast<int>(reminders.size());
        report.written = static_cast<int>(written.size());
        report.bulletins = static_cast<int>(bulletins.size());
        report.late_replies = static_cast<int>(late.size());
        return {};
    });
    return report;
}

}  // namespace minqing::service
