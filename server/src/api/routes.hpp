// Every resource's routes, each built from only the services it needs (the one service, or a
// small struct of them, filled in by app/app.cpp). They are held by reference: the services
// must outlive the router. Handlers are thread-safe as the services are.
#pragma once

#include <functional>
#include <string>

#include "api/auth_guard.hpp"
#include "api/respond.hpp"
#include "api/route_table.hpp"
#include "common/clock.hpp"
#include "common/metrics.hpp"
#include "service/assessment_service.hpp"
#include "service/attachment_service.hpp"
#include "service/auth_service.hpp"
#include "service/bulletin_service.hpp"
#include "service/case_intake_service.hpp"
#include "service/case_query_service.hpp"
#include "service/case_workflow_service.hpp"
#include "service/catalog_service.hpp"
#include "service/deadline_sweep.hpp"
#include "service/direct_card_service.hpp"
#include "service/message_template_service.hpp"
#include "service/notice_digest_service.hpp"
#include "service/notification_hub.hpp"
#include "service/notification_service.hpp"
#include "service/org_service.hpp"
#include "service/saved_view_service.hpp"
#include "service/sliding_window.hpp"
#include "service/stats_service.hpp"
#include "service/supervision_service.hpp"
#include "service/time_rules_service.hpp"
#include "service/user_service.hpp"

namespace minqing::api {

struct HealthServices {
    /// True when the database answers now (for /readyz).
    std::function<bool()> database_ready;
    /// Why the data directory cannot take writes now ("" when it can): /readyz reports it.
    std::function<std::string()> storage_problem;
    Metrics& metrics;
};
Routes HealthRoutes(const HealthServices& context);

struct AuthServices {
    service::AuthService& auth;
    AuthGuard guard;
    /// Mark the session cookie Secure even when the request did not arrive over TLS (the
    /// server behind a TLS-terminating proxy).
    bool secure_cookies = false;
};
Routes AuthRoutes(const AuthServices& context);

Routes TokenRoutes(service::AuthService& auth);

Routes OrgRoutes(service::OrgService& orgs);

struct UserServices {
    service::OrgService& orgs;
    service::UserService& users;
};
Routes UserRoutes(const UserServices& context);

struct CaseServices {
    service::CaseIntakeService& intake;
    service::CaseWorkflowService& workflow;
    service::CaseQueryService& cases;
    service::AttachmentService& attachments;
    service::TimeRulesService& time_rules;
    const Clock& clock;
};
Routes CaseRoutes(const CaseServices& context);

struct PublicServices {
    service::CaseIntakeService& intake;
    service::CaseQueryService& cases;
    const Clock& clock;
    /// Public submissions per client address.
    service::SlidingWindow& public_limit;
    /// Public status lookups per client address, and wrong query codes per case number (a
    /// number that collects too many is locked until they age out of the window).
    service::SlidingWindow& lookup_limit;
    service::SlidingWindow& lookup_failures;
    Metrics& metrics;
};
Routes PublicRoutes(const PublicServices& context);

struct NotificationServices {
    service::NotificationService& notifications;
    /// Live WebSockets subscribe here for their user's new inbox messages.
    service::NotificationHub& hub;
    /// Notice preferences and the morning digest.
    service::NoticeDigestService& notice_digests;
};
Routes NotificationRoutes(const NotificationServices& context);

Routes TimeRulesRoutes(service::TimeRulesService& time_rules);

struct StatsServices {
    service::StatsService& stats;
    const Clock& clock;
};
Routes StatsRoutes(const StatsServices& context);

Routes SupervisionRoutes(service::SupervisionService& supervisions);

Routes SavedViewRoutes(service::SavedViewService& saved_views);

Routes BulletinRoutes(service::BulletinService& bulletins);

Routes DirectCardRoutes(service::DirectCardService& direct_cards);

Routes MessageTemplateRoutes(service::MessageTemplateService& templates);

Routes CatalogRoutes(service::CatalogService& catalog);

Routes AssessmentRoutes(service::AssessmentService& assessments);

/// The installation's settings the web app reads (config "web.*").
struct WebSettings {
    std::string map_tile_url;
    std::string map_attribution;
};

Routes WebSettingsRoutes(const WebSettings& settings);

/// Test mode only (config testMode): app/app.cpp mounts these only then.
struct TestServices {
    /// The server's clock, which /api/v1/test/clock moves.
    AdjustableClock& test_clock;
    service::DeadlineSweep& sweep;
    service::NoticeDigestService& notice_digests;
    /// Removes stored files no attachment names (the periodic job; tests call it directly).
    std::function<int()> sweep_orphans;
};
Routes TestRoutes(const TestServices& context);

}  // namespace minqing::api
