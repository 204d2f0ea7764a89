// Port: each person's choice of how notices reach them, the notices held for the morning
// digest, and the once-per-working-day record of the digest. Used inside a unit of work.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/clock.hpp"
#include "domain/case.hpp"
#include "domain/notice_routing.hpp"
#include "domain/notification.hpp"
#include "domain/port.hpp"
#include "domain/user.hpp"

namespace minqing::domain {

/// An inbox notice held for its recipient's next digest: the message it would have been.
struct HeldNotice {
    std::int64_t id = 0;
    UserId user_id = 0;
    std::string kind;
    std::string template_key;
    NotificationParams params;
    std::optional<CaseId> case_id;
    std::string dedupe_key;
    Instant created_at{};
    /// The case as it is now (read with the waiting notices for the digest's worst cases).
    std::string case_number;
    std::string case_title;
    std::optional<Instant> case_deadline;
    std::optional<CaseState> case_state;
};

class NoticeDigestRepository : public Port {
  public:
    /// The kinds `user` chose a mode for.
    virtual std::map<std::string, NoticeMode, std::less<>> Preferences(UserId user) = 0;
    /// `user`'s choice for one kind, if any.
    virtual std::optional<NoticeMode> PreferenceOf(UserId user, std::string_view kind) = 0;
    /// Sets (or replaces) `user`'s choice for each kind given.
    virtual void SetPreferences(UserId user,
                                const std::map<std::string, NoticeMode, std::less<>>& modes) = 0;

    /// Holds a notice unless one with its dedupe key is held already; true when held.
    virtual bool Hold(const HeldNotice& notice) = 0;
    /// Every notice not yet gathered, by recipient and then oldest first, with its case.
    virtual std::vector<HeldNotice> Waiting() = 0;
    /// Marks `user`'s waiting notices up to `last_id` as gathered by the digest of `day`.
    virtual void MarkDigested(UserId user, std::int64_t last_id, std::string_view day) = 0;

    /// Claims the digest of `day` ("2026-12-07") for this unit of work: false when it went
    /// out already or another process is sending it now (PostgreSQL advisory lock, released
    /// with the transaction; SQLite's single writer needs none).
    virtual bool ClaimDigestDay(std::string_view day, Instant at) = 0;
    /// Records how many digests the day's round sent.
    virtual void RecordDigests(std::string_view day, int digests) = 0;
};

}  // namespace minqing::domain
