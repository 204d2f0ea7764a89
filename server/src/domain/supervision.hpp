// Supervision (督办): 催办 reminders, written 督办 records and 通报 flags that the sweep issues
// when a step runs late, and the 督办单 office staff and inspectors issue by hand, with the
// reply the unit owes. An overlay on a case: it never changes the case's state.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "common/clock.hpp"
#include "domain/case.hpp"

namespace minqing::domain {

enum class SupervisionLevel {
    kReminder = 1,  // 催办: the step became overdue
    kWritten = 2,   // 督办: one working day overdue, or issued by hand
    kBulletin = 3,  // 通报: five working days overdue; named in the bulletin
};

std::string_view SupervisionLevelName(SupervisionLevel level);
std::optional<SupervisionLevel> ParseSupervisionLevel(std::string_view name);

struct Supervision {
    std::int64_t id = 0;
    CaseId case_id = 0;
    /// The case's number ("2026-0001234"), read with the record for the lists that show it.
    std::string case_number;
    SupervisionLevel level = SupervisionLevel::kReminder;
    bool manual = false;
    /// The late step and its deadline (automatic ones), or what the issuer asks about.
    std::optional<DeadlineStep> step;
    std::optional<Instant> step_deadline;
    OrgUnitId unit_id = 0;  // who must act or reply: the holder when issued
    std::string note;
    std::optional<UserId> issued_by;  // none for the sweep
    std::optional<OrgUnitId> issued_by_unit;
    Instant issued_at{};
    /// A manual 督办单 or an automatic 督办 must be answered by then (none: no reply is owed);
    /// its lateness counts like any other.
    std::optional<Instant> reply_due;
    std::optional<Instant> replied_at;
    std::optional<UserId> replied_by;
    std::string reply;
    /// The sweep's card on an overdue reply (0 none, 2 red), so it reminds once.
    int reply_warning_level = 0;
};

}  // namespace minqing::domain
