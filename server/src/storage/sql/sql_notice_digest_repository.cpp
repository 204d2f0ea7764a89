#include <string>

#include "storage/sql/enum_text.hpp"
#include "storage/sql/notification_params_column.hpp"
#include "storage/sql/sql_repositories.hpp"

namespace minqing::storage {

using domain::HeldNotice;
using domain::NoticeMode;

namespace {

const ColumnTable<HeldNotice> kHeld("notice_digest_items",
                                    {Field<&HeldNotice::id>("id", kGeneratedKey),
                                     Field<&HeldNotice::user_id>("user_id", kWrittenOnce),
                                     Field<&HeldNotice::kind>("kind", kWrittenOnce),
                                     Field<&HeldNotice::template_key>("template_key", kWrittenOnce),
                                     Converted<&HeldNotice::params, &NotificationParamsJson,
                                               &NotificationParamsOfJson>("params", kWrittenOnce),
                                     Field<&HeldNotice::case_id>("case_id", kWrittenOnce),
                                     Field<&HeldNotice::dedupe_key>("dedupe_key", kWrittenOnce),
                                     Field<&HeldNotice::created_at>("created_at", kWrittenOnce)});

// The case a held notice is about, as it is now (NULLs when the notice names none).
const ColumnTable<HeldNotice> kHeldCase("cases c",
                                        {Field<&HeldNotice::case_number>("c.number", kSelected),
                                         Field<&HeldNotice::case_title>("c.title", kSelected),
                                         Field<&HeldNotice::case_deadline>("c.deadline", kSelected),
                                         Field<&HeldNotice::case_state>("c.state", kSelected)});

}  // namespace

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
    return session_.Execute(kHeld.InsertSql() + " ON CONFLICT DO NOTHING",
                            kHeld.InsertValues(notice)) == 1;
}

std::vector<domain::HeldNotice> SqlNoticeDigestRepository::Waiting() {
    std::vector<HeldNotice> waiting;
    for (const SqlRow& row :
         session_.Query("SELECT " + kHeld.List("i.") + ", " + kHeldCase.List() +
                        " FROM notice_digest_items i LEFT JOIN cases c ON c.id = i.case_id "
                        "WHERE i.digested_on IS NULL ORDER BY i.user_id, i.id")) {
        HeldNotice notice = kHeld.Read(row);
        kHeldCase.ReadInto(notice, row, kHeld.selected());
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
