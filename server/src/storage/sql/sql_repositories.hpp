// The SQL implementations of the domain's repository ports, one class each, that SqlStore
// composes into a unit of work. The same SQL serves SQLite and PostgreSQL, except where a
// class's source file chooses by the session's dialect (the search indexes).
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/assessment_repository.hpp"
#include "domain/attachment_repository.hpp"
#include "domain/auth_repository.hpp"
#include "domain/bulletin_repository.hpp"
#include "domain/case_event_repository.hpp"
#include "domain/case_repository.hpp"
#include "domain/case_stats_repository.hpp"
#include "domain/catalog_repository.hpp"
#include "domain/idempotency_repository.hpp"
#include "domain/notice_digest_repository.hpp"
#include "domain/notification_repository.hpp"
#include "domain/org_repository.hpp"
#include "domain/saved_view_repository.hpp"
#include "domain/supervision_repository.hpp"
#include "domain/time_rules_repository.hpp"
#include "domain/user_repository.hpp"
#include "storage/sql.hpp"

namespace minqing::storage {

/// A port implemented over the session of one unit of work.
template <typename Port>
class SqlRepository : public Port {
  public:
    explicit SqlRepository(SqlSession& session) : session_(session) {}

  protected:
    SqlSession& session_;
};

class SqlOrgRepository final : public SqlRepository<domain::OrgRepository> {
  public:
    using SqlRepository::SqlRepository;

    std::vector<domain::OrgUnit> List(const domain::OrgQuery& query) override;
    std::optional<domain::OrgUnit> FindById(domain::OrgUnitId id) override;
    std::optional<domain::OrgUnit> FindByCode(std::string_view code) override;
    Result<domain::OrgUnit> Insert(domain::OrgUnit unit) override;
    void Update(const domain::OrgUnit& unit) override;
    std::int64_t CountActiveChildren(domain::OrgUnitId id) override;
    std::int64_t IndexMissingNames() override;
    std::int64_t Count() override;

  private:
    /// Writes the unit's name tokens into the dialect's search index.
    void IndexName(const domain::OrgUnit& unit);
};

class SqlUserRepository final : public SqlRepository<domain::UserRepository> {
  public:
    using SqlRepository::SqlRepository;

    std::optional<domain::User> FindById(domain::UserId id) override;
    std::optional<domain::User> FindByUsername(std::string_view username) override;
    std::vector<domain::User> List(const domain::UserQuery& query) override;
    Result<domain::User> Insert(domain::User user) override;
    void Update(const domain::User& user) override;
    Result<domain::RoleAssignment> AddRole(domain::UserId user, domain::Role role,
                                           domain::OrgUnitId unit,
                                           std::optional<domain::UserId> granted_by,
                                           Instant at) override;
    bool RemoveRole(domain::UserId user, std::int64_t assignment_id) override;
    void BumpCredentialVersion(domain::UserId user) override;
    std::optional<std::int64_t> CredentialVersion(domain::UserId user) override;

  private:
    std::optional<domain::User> FindWhere(std::string_view condition, SqlValue value);
    std::vector<domain::RoleAssignment> RolesOf(domain::UserId user);
};

class SqlAuthRepository final : public SqlRepository<domain::AuthRepository> {
  public:
    using SqlRepository::SqlRepository;

    void InsertSession(const domain::SessionRecord& session) override;
    std::optional<domain::SessionRecord> FindSession(std::string_view token_digest) override;
    void RevokeSession(std::string_view token_digest) override;
    int RevokeSessionsOf(domain::UserId user) override;
    domain::ApiToken InsertApiToken(domain::ApiToken token) override;
    std::optional<domain::ApiToken> FindApiToken(std::string_view token_digest) override;
    std::optional<domain::ApiToken> FindApiTokenById(std::int64_t id) override;
    std::vector<domain::ApiToken> ListApiTokens() override;
    bool RevokeApiToken(std::int64_t id, Instant at) override;
    void AppendEvent(const domain::AuthEvent& event) override;
    std::vector<domain::AuthEvent> ListEvents(int limit, std::string_view username) override;
};

class SqlCaseRepository final : public SqlRepository<domain::CaseRepository> {
  public:
    using SqlRepository::SqlRepository;

    std::string NextNumber(int year) override;
    domain::Case Insert(domain::Case fresh, std::string_view search_tokens) override;
    bool Update(const domain::Case& changed, std::int64_t expected_version) override;
    std::optional<domain::Case> FindById(domain::CaseId id) override;
    std::optional<domain::Case> FindByNumber(std::string_view number) override;
    bool IsVisible(domain::CaseId id, const domain::CaseVisibility& visibility) override;
    std::vector<domain::Case> List(const domain::CaseListQuery& query) override;
    std::int64_t Count(const domain::CaseListQuery& query) override;
    void AddAccess(domain::CaseId id, const std::vector<std::string>& paths) override;
    void SetAssisting(domain::CaseId id, const std::vector<domain::OrgUnitId>& units) override;
    std::vector<domain::OrgUnitId> Assisting(domain::CaseId id) override;
    std::vector<domain::Case> MergedInto(domain::CaseId master) override;
    std::map<domain::CaseId, Instant> ReadAt(domain::UserId user,
                                             const std::vector<domain::CaseId>& ids) override;
    void MarkRead(domain::CaseId id, domain::UserId user, Instant at) override;

  private:
    std::optional<domain::Case> FindWhere(std::string_view condition, SqlValue value);
};

class SqlCaseStatsRepository final : public SqlRepository<domain::CaseStatsRepository> {
  public:
    using SqlRepository::SqlRepository;

    std::vector<domain::StatsCell> CountFromRollups(const domain::StatsQuery& query,
                                                    const std::string& scope) override;
    std::vector<domain::StatsCell> CountCases(const domain::StatsQuery& query) override;
    domain::RollupCheck CheckRollups(domain::DayNumber from, domain::DayNumber to,
                                     bool repair) override;
    std::optional<std::pair<domain::DayNumber, domain::DayNumber>> CaseDays() override;
    bool HasRollups() override;
};

class SqlCaseEventRepository final : public SqlRepository<domain::CaseEventRepository> {
  public:
    using SqlRepository::SqlRepository;

    void Append(const domain::CaseEvent& event) override;
    std::optional<domain::CaseEvent> Last(domain::CaseId id) override;
    std::vector<domain::CaseEvent> History(domain::CaseId id) override;
    std::map<domain::CaseId, Instant> LastAt(const std::vector<domain::CaseId>& ids,
                                             std::string_view action) override;
};

class SqlAttachmentRepository final : public SqlRepository<domain::AttachmentRepository> {
  public:
    using SqlRepository::SqlRepository;

    domain::Attachment Insert(domain::Attachment attachment) override;
    std::vector<domain::Attachment> ForCase(domain::CaseId id) override;
    std::optional<domain::Attachment> Find(std::int64_t id) override;
    std::vector<std::string> UnnamedDigests(const std::vector<std::string>& digests) override;
};

class SqlIdempotencyRepository final : public SqlRepository<domain::IdempotencyRepository> {
  public:
    using SqlRepository::SqlRepository;

    std::optional<domain::IdempotencyRecord> Find(std::string_view scope,
                                                  std::string_view key) override;
    bool Save(std::string_view scope, std::string_view key, const domain::IdempotencyRecord& record,
              Instant at) override;
};

class SqlCatalogRepository final : public SqlRepository<domain::CatalogRepository> {
  public:
    using SqlRepository::SqlRepository;

    std::vector<domain::Category> Categories() override;
    std::optional<domain::Category> FindCategory(std::string_view code) override;
    void SaveCategory(const domain::Category& category) override;
    std::optional<domain::DispatchRule> FindDispatchRule(std::string_view category_code,
                                                         domain::OrgLevel level) override;
    void SaveDispatchRule(const domain::DispatchRule& rule) override;
    std::vector<domain::DispatchRule> DispatchRules() override;
    bool DeleteDispatchRule(std::string_view category_code, domain::OrgLevel level) override;
    Result<domain::DirectCard> InsertCard(domain::DirectCard card) override;
    std::optional<domain::DirectCard> ActiveCard(domain::UserId holder,
                                                 domain::OrgUnitId community) override;
    std::vector<domain::DirectCard> CardsOf(domain::UserId holder) override;
    std::optional<domain::DirectCard> FindCard(std::int64_t id) override;
    std::optional<domain::DirectCard> ActiveCardOf(domain::OrgUnitId community) override;
    std::size_t CountCardsOf(domain::OrgUnitId community) override;
    std::vector<domain::DirectCard> Cards(const domain::DirectCardQuery& query) override;
    bool RevokeCard(std::int64_t id, Instant at) override;
};

class SqlNotificationRepository final : public SqlRepository<domain::NotificationRepository> {
  public:
    using SqlRepository::SqlRepository;

    bool Enqueue(const domain::Notification& message) override;
    std::optional<domain::Notification> FindById(domain::NotificationId id) override;
    std::vector<domain::Notification> Claim(std::string_view worker, Instant now,
                                            Instant lease_until, int limit) override;
    bool Settle(const domain::Notification& message, std::string_view worker,
                const domain::DeliveryAttempt& attempt) override;
    void Release(domain::NotificationId id, std::string_view worker) override;
    std::vector<domain::DeliveryAttempt> Attempts(domain::NotificationId id) override;
    std::int64_t CountWithStatus(domain::NotificationStatus status) override;
    std::vector<domain::Notification> Inbox(const domain::InboxQuery& query) override;
    std::int64_t CountUnread(domain::UserId user) override;
    bool MarkRead(domain::UserId user, domain::NotificationId id, Instant at) override;
    std::int64_t MarkAllRead(domain::UserId user, Instant at) override;
    std::vector<domain::Notification> Failed(std::optional<domain::NotificationId> before_id,
                                             int limit) override;
    std::vector<domain::Recipient> Recipients(const domain::RecipientQuery& query) override;
    void SaveTemplate(const domain::MessageTemplate& message_template) override;
    bool EditTemplate(const domain::MessageTemplate& message_template, Instant at,
                      domain::UserId by) override;
    std::vector<domain::MessageTemplate> Templates() override;
};

class SqlTimeRulesRepository final : public SqlRepository<domain::TimeRulesRepository> {
  public:
    using SqlRepository::SqlRepository;

    std::vector<domain::CalendarEntry> CalendarDays() override;
    std::vector<domain::OfficialYear> OfficialYears() override;
    void SaveCalendarDay(const domain::CalendarEntry& entry) override;
    bool DeleteCalendarDay(domain::LocalDay day) override;
    void SaveOfficialYear(const domain::OfficialYear& year) override;
    std::vector<domain::TimeLimitRule> Rules() override;
    Result<domain::TimeLimitRule> SaveRule(domain::TimeLimitRule rule) override;
    bool DeleteRule(std::int64_t id) override;
};

class SqlSupervisionRepository final : public SqlRepository<domain::SupervisionRepository> {
  public:
    using SqlRepository::SqlRepository;

    domain::Supervision Insert(domain::Supervision supervision) override;
    std::optional<domain::Supervision> FindById(std::int64_t id) override;
    std::vector<domain::Supervision> List(const domain::SupervisionQuery& query) override;
    domain::SupervisionTotals Count(const domain::SupervisionQuery& query) override;
    bool Reply(std::int64_t id, domain::UserId by, std::string_view reply, Instant at) override;
    bool TryLockSweep() override;
    std::vector<domain::SweptCase> MarkYellow(Instant now) override;
    std::vector<domain::SweptCase> MarkRed(Instant now) override;
    std::vector<domain::SweptCase> RaiseSupervision(domain::SupervisionLevel level,
                                                    Instant overdue_before, Instant now,
                                                    std::optional<Instant> reply_due) override;
    bool WasLateBefore(domain::CaseId id, std::optional<Instant> deadline) override;
    std::vector<domain::Supervision> FlagLateReplies(Instant now) override;

  private:
    std::string Where(const domain::SupervisionQuery& query, std::vector<SqlValue>& params);
    std::vector<domain::SweptCase> Swept(const std::string& update,
                                         const std::vector<SqlValue>& params);
};

class SqlSavedViewRepository final : public SqlRepository<domain::SavedViewRepository> {
  public:
    using SqlRepository::SqlRepository;

    std::vector<domain::SavedView> ViewsOf(domain::UserId user) override;
    bool NameTaken(domain::UserId user, std::string_view name) override;
    Result<domain::SavedView> Insert(domain::SavedView view) override;
    bool Delete(domain::UserId user, domain::SavedViewId id) override;
};

class SqlAssessmentRepository final : public SqlRepository<domain::AssessmentRepository> {
  public:
    using SqlRepository::SqlRepository;

    std::vector<domain::StoredAssessmentScheme> Schemes() override;
    std::optional<domain::StoredAssessmentScheme> CurrentScheme() override;
    std::optional<domain::StoredAssessmentScheme> Scheme(int version) override;
    bool InsertScheme(const domain::StoredAssessmentScheme& scheme) override;
    std::vector<domain::AssessmentPeriodRecord> Periods() override;
    std::optional<domain::AssessmentPeriodRecord> FindPeriod(std::string_view label) override;
    void SavePeriod(const domain::AssessmentPeriodRecord& period) override;
    void SaveSnapshot(std::string_view label,
                      const std::vector<domain::UnitAssessment>& units) override;
    std::vector<domain::UnitAssessment> Snapshot(std::string_view label) override;
    void DeleteSnapshot(std::string_view label) override;
    domain::AssessmentAppeal InsertAppeal(domain::AssessmentAppeal appeal) override;
    std::optional<domain::AssessmentAppeal> FindAppeal(std::int64_t id) override;
    std::vector<domain::AssessmentAppeal> Appeals(const domain::AppealQuery& query) override;
    bool DecideAppeal(std::int64_t id, domain::AppealState state, domain::UserId by, Instant at,
                      std::string_view reason) override;
    void AppendLog(const domain::AssessmentLogEntry& entry) override;
    std::vector<domain::AssessmentLogEntry> Log(std::string_view period) override;
    std::vector<domain::CaseId> CasesActiveIn(Instant since, Instant to) override;
    std::map<domain::CaseId, std::string> CaseNumbers(
        const std::vector<domain::CaseId>& ids) override;
};

class SqlNoticeDigestRepository final : public SqlRepository<domain::NoticeDigestRepository> {
  public:
    using SqlRepository::SqlRepository;

    std::map<std::string, domain::NoticeMode, std::less<>> Preferences(
        domain::UserId user) override;
    std::optional<domain::NoticeMode> PreferenceOf(domain::UserId user,
                                                   std::string_view kind) override;
    void SetPreferences(
        domain::UserId user,
        const std::map<std::string, domain::NoticeMode, std::less<>>& modes) override;
    bool Hold(const domain::HeldNotice& notice) override;
    std::vector<domain::HeldNotice> Waiting() override;
    void MarkDigested(domain::UserId user, std::int64_t last_id, std::string_view day) override;
    bool ClaimDigestDay(std::string_view day, Instant at) override;
    void RecordDigests(std::string_view day, int digests) override;
};

class SqlBulletinRepository final : public SqlRepository<domain::BulletinRepository> {
  public:
    using SqlRepository::SqlRepository;

    domain::Bulletin Insert(domain::Bulletin bulletin) override;
    std::optional<domain::Bulletin> FindById(domain::BulletinId id) override;
    bool Update(const domain::Bulletin& changed, std::int64_t expected_version) override;
    std::vector<domain::Bulletin> List(const domain::BulletinQuery& query) override;
    int NextNumber(domain::OrgUnitId issuer, domain::BulletinSeries series, int year) override;
    void AppendLog(const domain::BulletinLogEntry& entry) override;
    std::vector<domain::BulletinLogEntry> Log(domain::BulletinId id) override;
    void AddReceipt(domain::BulletinId id, domain::UserId user, Instant delivered_at) override;
    bool MarkRead(domain::BulletinId id, domain::UserId user, Instant at) override;
    std::vector<domain::BulletinReceipt> Receipts(domain::BulletinId id) override;
    bool HasReceipt(domain::BulletinId id, domain::UserId user) override;
};

}  // namespace minqing::storage
