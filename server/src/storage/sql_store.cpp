#include "storage/sql_store.hpp"

#include "storage/sql/sql_repositories.hpp"

namespace minqing::storage {
namespace {

class SqlRepositories final : public domain::Repositories {
  public:
    explicit SqlRepositories(SqlSession& session)
        : orgs_(session),
          users_(session),
          auth_(session),
          cases_(session),
          case_events_(session),
          case_stats_(session),
          attachments_(session),
          idempotency_(session),
          catalog_(session),
          notifications_(session),
          time_rules_(session),
          supervisions_(session),
          saved_views_(session),
          assessments_(session),
          notice_digests_(session),
          bulletins_(session) {}

    domain::OrgRepository& Orgs() override { return orgs_; }
    domain::UserRepository& Users() override { return users_; }
    domain::AuthRepository& Auth() override { return auth_; }
    domain::CaseRepository& Cases() override { return cases_; }
    domain::CaseEventRepository& CaseEvents() override { return case_events_; }
    domain::CaseStatsRepository& CaseStats() override { return case_stats_; }
    domain::AttachmentRepository& Attachments() override { return attachments_; }
    domain::IdempotencyRepository& Idempotency() override { return idempotency_; }
    domain::CatalogRepository& Catalog() override { return catalog_; }
    domain::NotificationRepository& Notifications() override { return notifications_; }
    domain::TimeRulesRepository& TimeRules() override { return time_rules_; }
    domain::SupervisionRepository& Supervisions() override { return supervisions_; }
    domain::SavedViewRepository& SavedViews() override { return saved_views_; }
    domain::AssessmentRepository& Assessments() override { return assessments_; }
    domain::NoticeDigestRepository& NoticeDigests() override { return notice_digests_; }
    domain::BulletinRepository& Bulletins() override { return bulletins_; }

  private:
    SqlOrgRepository orgs_;
    SqlUserRepository users_;
    SqlAuthRepository auth_;
    SqlCaseRepository cases_;
    SqlCaseEventRepository case_events_;
    SqlCaseStatsRepository case_stats_;
    SqlAttachmentRepository attachments_;
    SqlIdempotencyRepository idempotency_;
    SqlCatalogRepository catalog_;
    SqlNotificationRepository notifications_;
    SqlTimeRulesRepository time_rules_;
    SqlSupervisionRepository supervisions_;
    SqlSavedViewRepository saved_views_;
    SqlAssessmentRepository assessments_;
    SqlNoticeDigestRepository notice_digests_;
    SqlBulletinRepository bulletins_;
};

}  // namespace

void SqlStore::Read(const std::function<void(domain::Repositories&)>& work) {
    database_->Read([&work](SqlSession& session) {
        SqlRepositories repositories(session);
        work(repositories);
    });
}

void SqlStore::Write(const std::function<bool(domain::Repositories&)>& work) {
    database_->Write([&work](SqlSession& session) {
        SqlRepositories repositories(session);
        return work(repositories);
    });
}

}  // namespace minqing::storage
