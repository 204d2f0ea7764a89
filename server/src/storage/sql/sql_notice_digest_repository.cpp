#include "storage/sql/sql_notice_digest_repository.hpp"

#include <string>

namespace minqing::storage {

using domain::NoticeMode;

std::map<std::string, NoticeMode, std::less<>> SqlNoticeDigestRepository::Preferences(
    domain::UserId user) {
    std::map<std::string, NoticeMode, std::less<>> modes;
    for (const SqlRow& row :
         session_.Query("SELECT kind, mode FROM notice_preferences WHERE user_id = ?", {user})) {
        if (const auto mode = domain::ParseNoticeMode(row.Text(1))) {
            modes[row.Text(0)] = *mode;
        }
    }
    return modes;
}

std::optional<NoticeMode> SqlNoticeDigestRepository::PreferenceOf(domain::UserId user,
                                                                  std::string_view kind) {
    const auto row =
        session_.QueryOne("SELECT mode FROM notice_preferences WHERE user_id = ? AND kind = ?",
                          {user, std::string(kind)});
    return row ? domain::ParseNoticeMode(row->Text(0)) : std::nullopt;
}

void SqlNoticeDigestRepository::SetPreferences(
    domain::UserId user, const std::map<std::string, NoticeMode, std::less<>>& modes) {
    for (const auto& [kind, mode] : modes) {
        session_.Execute(
            "INSERT INTO notice_preferences (user_id, kind, mode) VALUES (?, ?, ?) "
            "ON CONFLICT (user_id, kind) DO UPDATE SET mode = excluded.mode",
            {user, kind, std::string(domain::NoticeModeName(mode))});
    }
}

bool SqlNoticeDigestRepository::Hold(const domain::HeldNotice& notice) {
    return session_.Execute(
               "INSERT INTO notice_digest_items (user_id, kind, template_key, params, case_id, "
               "dedupe_key, created_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
               {notice.user_id, notice.kind, notice.template_key, notice.params,
                Nullable(notice.case_id), notice.dedupe_key, ToEpochMs(notice.created_at)}) == 1;
}

std::vector<domain::HeldNotice> SqlNoticeDigestRepository::Waiting() {
    std::vector<domain::HeldNotice> waiting;
    for (const SqlRow& row : session_.Query(
             "SELECT i.id, i.user_id, i.kind, i.template_key, i.params, i.case_id, i.dedupe_key, "
             "i.created_at, c.number, c.title, c.deadline, c.state FROM notice_digest_items i "
             "LEFT JOIN cases c ON c.id = i.case_id WHERE i.digested_on IS NULL "
             "ORDER BY i.user_id, i.id")) {
        domain::HeldNotice notice;
        notice.id = row.Int(0);
        notice.user_id = row.Int(1);
        notice.kind = row.Text(2);
        notice.template_key = row.Text(3);
        notice.params = row.Text(4);
        notice.case_id = row.OptionalInt(5);
        notice.dedupe_key = row.Text(6);
        notice.created_at = FromEpochMs(row.Int(7));
        notice.case_number = row.OptionalText(8).value_or("");
        notice.case_title = row.OptionalText(9).value_or("");
        notice.case_deadline = row.OptionalInstant(10);
        notice.case_state = row.OptionalText(11).and_then(
            [](const std::string& name) { return domain::ParseCaseState(name); });
        waiting.push_back(std::move(notice));
    }
    return waiting;
}

void SqlNoticeDigestRepository::MarkDigested(domain::UserId user, std::int64_t last_id,
                                             std::string_view day) {
    session_.Execute(
        "UPDATE notice_digest_items SET digested_on = ? WHERE user_id = ? AND id <= ? AND "
        "digested_on IS NULL",
        {std::string(day), user, last_id});
}

bool SqlNoticeDigestRepository::ClaimDigestDay(std::string_view day, Instant at) {
    if (session_.dialect() == Dialect::kPostgres) {
        // Released with the transaction, also when the process dies; a second process skips.
        constexpr std::int64_t kDigestLock = 0x6d696e7169'6467;  // "minqidg"
        if (!session_.QueryOne("SELECT pg_try_advisory_xact_lock(?)", {kDigestLock})->Bool(0)) {
            return false;
        }
    }
    return session_.Execute(
               "INSERT INTO notice_digest_runs (day, ran_at) VALUES (?, ?) ON CONFLICT DO NOTHING",
               {std::string(day), ToEpochMs(at)}) == 1;
}

void SqlNoticeDigestRepository::RecordDigests(std::string_view day, int digests) {
    session_.Execute("UPDATE notice_digest_runs SET digests = ? WHERE day = ?",
                     {std::int64_t{digests}, std::string(day)});
}

}  // namespace minqing::storage
