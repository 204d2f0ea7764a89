#include "service/deadline_sweep.hpp"

#include <string>

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
    return c;
}

std::string ReadableDeadline(const std::optional<Instant>& deadline) {
    return deadline ? ShortTime(*deadline) : std::string();
}

// What a sweep step tells: the template, the word for the occasion ({action}) and the prefix
// of the dedupe key, so each case hears of each occasion once per deadline.
struct Notice {
    std::string_view template_key;
    std::string_view action;
    std::string_view occasion;
};

constexpr Notice kYellow{"deadline_warning", "黄牌预警", "yellow"};
constexpr Notice kRed{"deadline_overdue", "红牌超期", "red"};
constexpr Notice kReminder{"supervision_notice", "催办", "reminder"};
constexpr Notice kWritten{"supervision_notice", "督办", "written"};
constexpr Notice kBulletin{"supervision_notice", "通报", "bulletin"};

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
        NotifyNode(repositories, swept.holder_id, notice.template_key, c, key, now, extra);
        if (also) {
            // Serious lateness reaches the city: its office and the leader in charge.
            if (*also != swept.holder_id) {
                NotifyNode(repositories, *also, notice.template_key, c, key, now, extra);
            }
            NotifyNode(repositories, *also, notice.template_key, c, key, now, extra,
                       Audience::kLeaders);
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
        const auto reminders = sweep.RaiseSupervision(SupervisionLevel::kReminder, now, now);
        const auto written = sweep.RaiseSupervision(SupervisionLevel::kWritten, one_day_ago, now);
        const auto bulletins =
            sweep.RaiseSupervision(SupervisionLevel::kBulletin, five_days_ago, now);
        const auto late = sweep.FlagLateReplies(now);
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
                        {"deadline", ReadableDeadline(supervision.reply_due)}});
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
