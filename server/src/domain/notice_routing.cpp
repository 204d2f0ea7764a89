#include "domain/notice_routing.hpp"

#include <array>

#include "domain/name_table.hpp"

namespace minqing::domain {
namespace {

constexpr NameTable<NoticeMode, 2> kModeNames{{
    {NoticeMode::kImmediate, "immediate"},
    {NoticeMode::kDigest, "digest"},
}};

// Not here: the notices of a 特急 case (critical_case, critical_passed_over), which always go
// out at once, so there is nothing to choose.
constexpr std::array<NoticeKind, 20> kKinds{{
    // The deadline sweep's (service/deadline_sweep.cpp). A yellow card warns while there is
    // still time to act: held until the morning it would come too late, so it is not digested
    // by default.
    {"yellow_card", "黄牌预警", false},
    {"red_card", "红牌超期", true},
    {"reminder", "催办", true},
    {"written", "督办", true},
    {"bulletin", "通报", true},
    {"reply_late", "督办单回复超期", true},
    // Issued by people, or caused by a case event (service/notifications.cpp).
    {"supervision_order", "督办单", false},
    {"case_dispatched", "新派单", false},
    {"case_escalated", "提级", false},
    {"case_instructed", "领导批示", false},
    {"return_requested", "退回申请", false},
    {"extension_requested", "延期申请", false},
    {"collective_case", "群体性案件", false},
    {"direct_card_reported", "直通卡报备", false},
    {"direct_card_dispatched", "直通卡分转", false},
    {"direct_card_answered", "直通卡答复", false},
    {"direct_card_extended", "直通卡延期", false},
    {"direct_card_closed", "直通卡办结", false},
    {"collector_answered", "采集案件答复", false},
    {"collector_closed", "采集案件办结", false},
}};

}  // namespace

std::string_view NoticeModeName(NoticeMode mode) {
    const std::string_view name = NameIn(kModeNames, mode);
    return name.empty() ? "immediate" : name;
}

std::optional<NoticeMode> ParseNoticeMode(std::string_view name) {
    return ParseIn(kModeNames, name);
}

std::span<const NoticeKind> NoticeKinds() {
    return kKinds;
}

const NoticeKind* FindNoticeKind(std::string_view name) {
    for (const NoticeKind& kind : kKinds) {
        if (kind.name == name) {
            return &kind;
        }
    }
    return nullptr;
}

NoticeMode DefaultNoticeMode(std::string_view kind, bool office_or_leader) {
    const NoticeKind* known = FindNoticeKind(kind);
    return known != nullptr && known->automatic && office_or_leader ? NoticeMode::kDigest
                                                                    : NoticeMode::kImmediate;
}

NoticeMode RouteNotice(const NoticeRouting& notice) {
    if (notice.urgent) {
        return NoticeMode::kImmediate;
    }
    if (notice.chosen) {
        return *notice.chosen;
    }
    return DefaultNoticeMode(notice.kind, notice.office_or_leader);
}

}  // namespace minqing::domain
