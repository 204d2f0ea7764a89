#include "service/notice_digest_service.hpp"

#include <algorithm>
#include <set>

#include "domain/case_access.hpp"
#include "domain/work_calendar.hpp"

namespace minqing::service {
namespace {

using domain::HeldNotice;
using domain::NoticeMode;
using domain::Repositories;

// How many cases a digest names; the rest are behind the counts.
constexpr std::size_t kWorstCases = 5;

// Whether the caller is told as office staff or a leader: what the defaults depend on.
bool OfficeOrLeader(const domain::Principal& caller) {
    return std::ranges::any_of(caller.roles, [](const domain::RoleAssignment& held) {
        return domain::IsOfficeRole(held.role) || held.role == domain::Role::kLeader;
    });
}

std::vector<NoticePreference> PreferencesOf(
    const domain::Principal& caller, const std::map<std::string, NoticeMode, std::less<>>& chosen) {
    const bool office_or_leader = OfficeOrLeader(caller);
    std::vector<NoticePreference> preferences;
    for (const domain::NoticeKind& kind : domain::NoticeKinds()) {
        NoticePreference preference;
        preference.kind = &kind;
        const auto found = chosen.find(kind.name);
        preference.chosen = found != chosen.end();
        preference.mode = preference.chosen
                              ? found->second
                              : domain::DefaultNoticeMode(kind.name, office_or_leader);
        preferences.push_back(preference);
    }
    return preferences;
}

// One held case as the digest names it.
struct DigestCase {
    domain::CaseId id = 0;
    std::string number;
    std::string title;
    std::optional<Instant> deadline;
};

// "催办 12 件、督办 5 件、通报 3 件", in the order of the kinds.
std::string Summary(const std::map<std::string, int, std::less<>>& counts) {
    std::string summary;
    for (const domain::NoticeKind& kind : domain::NoticeKinds()) {
        const auto found = counts.find(kind.name);
        if (found == counts.end()) {
            continue;
        }
        summary += (summary.empty() ? "" : "、") + std::string(kind.label) + " " +
                   std::to_string(found->second) + " 件";
    }
    for (const auto& [kind, count] : counts) {
        if (domain::FindNoticeKind(kind) == nullptr) {
            summary += (summary.empty() ? "" : "、") + kind + " " + std::to_string(count) + " 件";
        }
    }
    return summary;
}

// The digest of one person's held notices (all of one user, oldest first).
domain::Notification DigestOf(const std::vector<HeldNotice>& held, const std::string& day,
                              const domain::WorkCalendar& calendar, Instant now) {
    std::map<std::string, int, std::less<>> counts;
    std::map<domain::CaseId, DigestCase> open_cases;
    for (const HeldNotice& notice : held) {
        ++counts[notice.kind];
        // Cases finished since are no longer worth a look.
        if (notice.case_id && notice.case_state && !domain::IsTerminal(*notice.case_state)) {
            open_cases[*notice.case_id] = {*notice.case_id, notice.case_number, notice.case_title,
                                           notice.case_deadline};
        }
    }
    std::vector<DigestCase> worst;
    for (const auto& [id, c] : open_cases) {
        worst.push_back(c);
    }
    // Most overdue first: the earliest deadline; cases without one last.
    std::ranges::sort(worst, [](const DigestCase& a, const DigestCase& b) {
        if (a.deadline.has_value() != b.deadline.has_value()) {
            return a.deadline.has_value();
        }
        return a.deadline != b.deadline ? a.deadline < b.deadline : a.id < b.id;
    });
    if (worst.size() > kWorstCases) {
        worst.resize(kWorstCases);
    }
    const std::int64_t per_day = calendar.hours().MinutesPerDay();
    domain::NotificationParams params;
    std::string worst_text;
    for (const DigestCase& c : worst) {
        const std::int64_t late_minutes =
            c.deadline && *c.deadline < now ? calendar.WorkingMinutesBetween(*c.deadline, now) : 0;
        const std::int64_t late_days = late_minutes / per_day;
        params.cases.push_back({c.id, c.number, c.title, late_days});
        std::string lateness = late_minutes <= 0 ? "未超期"
                               : late_days == 0  ? "超期不足 1 个工作日"
                                                : "超期 " + std::to_string(late_days) + " 个工作日";
        worst_text +=
            (worst_text.empty() ? "" : "；") + c.number + "「" + c.title + "」" + lateness;
    }
    params.values = {{"date", day},
                     {"summary", Summary(counts)},
                     {"worst", worst_text.empty() ? "无" : worst_text}};
    domain::Notification message;
    message.channel = domain::NotificationChannel::kInbox;
    message.user_id = held.front().user_id;
    message.template_key = "supervision_digest";
    message.params = std::move(params);
    message.dedupe_key = "digest:" + day + ":inbox:" + std::to_string(held.front().user_id);
    message.next_attempt_at = now;
    message.created_at = now;
    return message;
}

}  // namespace

DigestReport NoticeDigestService::Run() {
    const Instant now = clock_.Now();
    const TimeRules rules = time_rules_.Current();
    const domain::LocalDay today = domain::LocalDayOf(now);
    DigestReport report;
    report.day = domain::FormatLocalDay(today);
    if (!rules.calendar->IsWorkingDay(today)) {
        report.skipped = "not_working_day";
        return report;
    }
    if (now < domain::AtLocal(today, rules.calendar->hours().morning_start)) {
        report.skipped = "before_morning";
        return report;
    }
    // A fresh report per attempt: the store may run the unit of work again after a conflict.
    return *domain::Transact(store_, [&](Repositories& repositories) -> Result<DigestReport> {
        DigestReport round;
        round.day = report.day;
        auto& digests = repositories.NoticeDigests();
        if (!digests.ClaimDigestDay(round.day, now)) {
            round.skipped = "already_sent";
            return round;
        }
        round.ran = true;
        const std::vector<HeldNotice> waiting = digests.Waiting();
        for (auto first = waiting.begin(); first != waiting.end();) {
            const auto last = std::find_if(first, waiting.end(), [&](const HeldNotice& notice) {
                return notice.user_id != first->user_id;
            });
            const std::vector<HeldNotice> mine(first, last);
            repositories.Notifications().Enqueue(DigestOf(mine, round.day, *rules.calendar, now));
            digests.MarkDigested(mine.front().user_id, mine.back().id, round.day);
            ++round.digests;
            round.notices += static_cast<int>(mine.size());
            first = last;
        }
        digests.RecordDigests(round.day, round.digests);
        return round;
    });
}

std::vector<NoticePreference> NoticeDigestService::Preferences(const domain::Principal& caller) {
    const auto chosen = domain::Query(store_, [&](Repositories& repositories) {
        return repositories.NoticeDigests().Preferences(caller.user_id);
    });
    return PreferencesOf(caller, chosen);
}

Result<std::vector<NoticePreference>> NoticeDigestService::SetPreferences(
    const domain::Principal& caller, const std::map<std::string, std::string>& modes) {
    std::vector<FieldError> errors;
    std::map<std::string, NoticeMode, std::less<>> parsed;
    for (const auto& [kind, mode] : modes) {
        const std::string field = "modes." + kind;
        if (domain::FindNoticeKind(kind) == nullptr) {
            errors.push_back({field, "unknown_kind", "No such kind of notice."});
        } else if (const auto value = domain::ParseNoticeMode(mode)) {
            parsed[kind] = *value;
        } else {
            errors.push_back({field, "invalid", "immediate or digest."});
        }
    }
    if (!errors.empty()) {
        return Fail(Validation(std::move(errors)));
    }
    return domain::Transact(
        store_, [&](Repositories& repositories) -> Result<std::vector<NoticePreference>> {
            repositories.NoticeDigests().SetPreferences(caller.user_id, parsed);
            return PreferencesOf(caller, repositories.NoticeDigests().Preferences(caller.user_id));
        });
}

}  // namespace minqing::service
