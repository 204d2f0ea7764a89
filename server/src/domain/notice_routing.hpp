// How a notice reaches a person (issue 11): at once (即时) or gathered into one digest per
// working day (每日汇总), by the kind of notice, the person's choice and the defaults. The sweep's
// supervision notices to office staff and leaders are digested unless chosen otherwise; a
// 特急 case and a case's first red card are always told at once. Pure; thread-safe.
#pragma once

#include <optional>
#include <span>
#include <string_view>

namespace minqing::domain {

enum class NoticeMode { kImmediate, kDigest };

std::string_view NoticeModeName(NoticeMode mode);
std::optional<NoticeMode> ParseNoticeMode(std::string_view name);

/// A kind of inbox notice a person can route.
struct NoticeKind {
    std::string_view name;   // "reminder": the API's and the preference's key
    std::string_view label;  // "催办": how the digest counts it
    /// Supervision raised by the deadline sweep (red cards, 催办, 督办, 通报, late replies):
    /// digested by default when addressed to office staff or leaders.
    bool automatic = false;
};

/// Every kind a person can choose for, in the order the settings page lists them. The sweep's
/// kinds are named after the occasion; a case event's after the message template it uses.
std::span<const NoticeKind> NoticeKinds();
const NoticeKind* FindNoticeKind(std::string_view name);

/// What routing a notice needs to know.
struct NoticeRouting {
    std::string_view kind;
    /// The recipient's own choice for this kind, if they made one.
    std::optional<NoticeMode> chosen;
    /// Addressed to them as office staff (a division's office) or as a leader.
    bool office_or_leader = false;
    /// A 特急 case, or the first red card of a case: never waits for the morning.
    bool urgent = false;
};

/// The mode of a notice nobody chose for: digest for the automatic kinds to office staff and
/// leaders, immediate for everything else (unknown kinds included).
NoticeMode DefaultNoticeMode(std::string_view kind, bool office_or_leader);

/// Urgent → immediate; else the recipient's choice; else the default.
NoticeMode RouteNotice(const NoticeRouting& notice);

}  // namespace minqing::domain
