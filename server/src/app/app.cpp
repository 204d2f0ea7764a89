#include "app/app.hpp"

#include <filesystem>
#include <stdexcept>
#include <thread>

#include <spdlog/spdlog.h>

#include "api/routes.hpp"
#include "app/seed_files.hpp"
#include "http/middleware.hpp"
#include "http/security_headers.hpp"
#include "http/server.hpp"
#include "http/static_files.hpp"
#include "http/trusted_proxy.hpp"
#include "jobs/outbox_dispatcher.hpp"
#include "jobs/periodic_task.hpp"
#include "jobs/sweep_scheduler.hpp"
#include "service/notification_hub.hpp"
#include "service/notification_service.hpp"
#include "service/notifications.hpp"
#include "service/org_tree_cache.hpp"
#include "service/seeder.hpp"
#include "storage/database.hpp"
#include "storage/file_blob_store.hpp"
#include "storage/sql_store.hpp"

namespace minqing::app {
namespace {

service::IntakeLimits IntakeLimitsOf(const NotifyConfig& notify) {
    service::IntakeLimits limits;
    limits.collective_threshold = notify.collective_threshold;
    return limits;
}

service::AuthOptions AuthOptionsOf(const SecurityConfig& security) {
    service::AuthOptions options;
    options.session_ttl = std::chrono::minutes(security.session_ttl_minutes);
    options.failures_before_lock = security.failures_before_lock;
    options.lock_duration = std::chrono::minutes(security.lock_minutes);
    options.throttle.failures_per_account = security.throttle_account_failures;
    options.throttle.failures_per_address = security.throttle_address_failures;
    options.throttle.window = std::chrono::minutes(security.throttle_window_minutes);
    options.password_cost.iterations =
        static_cast<unsigned long long>(security.password_hash_iterations);
    options.password_cost.memory_bytes =
        static_cast<std::size_t>(security.password_hash_memory_kib) * 1024u;
    options.cache_ttl = std::chrono::seconds(security.auth_cache_seconds);
    return options;
}

http::ServerOptions ServerOptionsOf(const HttpConfig& http) {
    http::ServerOptions options;
    const auto colon = http.listen.rfind(':');
    options.host = http.listen.substr(0, colon);
    options.port = static_cast<std::uint16_t>(std::stoi(http.listen.substr(colon + 1)));
    options.io_threads = http.io_threads > 0
                             ? http.io_threads
                             : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    options.worker_threads = http.worker_threads;
    options.body_limit_bytes = static_cast<std::size_t>(http.body_limit_kib) * 1024u;
    options.upload_limit_bytes = static_cast<std::size_t>(http.upload_limit_kib) * 1024u;
    options.header_timeout = std::chrono::milliseconds(http.header_timeout_ms);
    options.read_timeout = std::chrono::milliseconds(http.read_timeout_ms);
    options.idle_timeout = std::chrono::milliseconds(http.idle_timeout_ms);
    options.shutdown_grace = std::chrono::milliseconds(http.shutdown_grace_ms);
    return options;
}

std::unique_ptr<storage::Database> OpenConfiguredDatabase(const Config& config) {
    const std::string url = config.DatabaseUrl();
    // Attachments live there with either database, and /readyz measures its free space.
    std::filesystem::create_directories(config.data_dir);
    storage::DatabaseOptions options;
    options.url = url;
    options.pool_size = config.database.pool_size;
    options.max_group_size = config.database.max_group_size;
    options.busy_timeout_ms = config.database.busy_timeout_ms;
    return storage::OpenDatabase(options);
}

jobs::DispatcherOptions DispatcherOptionsOf(const NotifyConfig& notify) {
    jobs::DispatcherOptions options;
    options.retry.base = std::chrono::milliseconds(notify.retry_base_ms);
    options.retry.cap = std::chrono::milliseconds(notify.retry_cap_ms);
    options.retry.max_attempts = notify.max_attempts;
    options.interval = std::chrono::milliseconds(notify.dispatch_interval_ms);
    options.lease = std::chrono::milliseconds(notify.lease_ms);
    options.request_timeout = std::chrono::milliseconds(notify.request_timeout_ms);
    options.batch_size = notify.batch_size;
    options.sms = {notify.sms.url, notify.sms.key, notify.sms.template_id};
    options.webhooks[std::string(service::kHotlineWebhook)] = {notify.hotline.url,
                                                               notify.hotline.secret};
    return options;
}

// The message templates are read at every start, so an edited file takes effect on restart.
void LoadMessageTemplates(domain::Store& store, const std::string& seed_dir) {
    const std::string path = seed_dir + "/message-templates.csv";
    if (!std::filesystem::exists(path)) {
        spdlog::warn("{} not found: messages keep the templates stored before", path);
        return;
    }
    auto table = ReadMessageTemplates(seed_dir);
    if (!table) {
        throw std::runtime_error(table.error().message);
    }
    auto loaded = service::SeedMessageTemplates(store, *table);
    if (!loaded) {
        throw std::runtime_error("message templates: " + loaded.error().message);
    }
}

// The assessment scheme of WORKFLOW.md is version 1 of every installation: from the seed file
// when there is one, else the domain's default (the same rules).
void SeedAssessmentScheme(service::AssessmentService& assessments, const std::string& seed_dir) {
    auto scheme = ReadAssessmentScheme(seed_dir);
    if (!scheme) {
        throw std::runtime_error(scheme.error().message);
    }
    if (assessments.SeedScheme(scheme->value_or(domain::DefaultScheme()))) {
        spdlog::info("assessment scheme version 1 stored");
    }
}

// The working calendar and the time-limit rules are reference data every installation needs:
// loaded from the seed files on the first start, edited by administrators afterwards.
void SeedTimeRules(service::TimeRulesService& time_rules, const std::string& seed_dir) {
    const auto view = time_rules.Calendar(std::nullopt);
    if (view.official_years.empty()) {
        auto holidays = ReadSeedCsv(seed_dir + "/calendar/holidays.csv");
        if (!holidays) {
            throw std::runtime_error(holidays.error().message);
        }
        if (auto imported = time_rules.Import(nullptr, *holidays); !imported) {
            throw std::runtime_error("calendar: " + imported.error().message);
        }
    }
    if (time_rules.Rules().empty()) {
        auto limits = ReadSeedCsv(seed_dir + "/time-limits.csv");
        if (!limits) {
            throw std::runtime_error(limits.error().message);
        }
        if (auto seeded = time_rules.SeedRules(*limits); !seeded) {
            throw std::runtime_error("time limits: " + seeded.error().message);
        }
    }
}

// Why the data directory cannot take writes now, or "" when it can.
std::string StorageProblem(const std::string& data_dir, std::int64_t min_free_bytes) {
    std::error_code failed;
    const auto space = std::filesystem::space(data_dir, failed);
    if (failed) {
        return "cannot read the free space of " + data_dir + ": " + failed.message();
    }
    if (static_cast<std::int64_t>(space.available) < min_free_bytes) {
        return "the data directory has " + std::to_string(space.available / (1024 * 1024)) +
               " MiB free, below the " + std::to_string(min_free_bytes / (1024 * 1024)) +
               " MiB that writes need";
    }
    return {};
}

// A database whose cases predate the rollups gets them before the first request.
// The reference data every installation starts with, whether or not it loads the demo.
void SeedReferenceData(service::TimeRulesService& time_rules,
                       service::AssessmentService& assessments, const std::string& seed_dir) {
    SeedTimeRules(time_rules, seed_dir);
    SeedAssessmentScheme(assessments, seed_dir);
}

void BuildMissingRollups(service::StatsService& stats) {
    if (stats.BuildMissingRollups()) {
        spdlog::info("statistics rollups built from the cases already stored");
    }
}

}  // namespace

struct App::Parts {
    Parts(Config configuration, const Clock& clock_in, AdjustableClock* test_clock)
        : config(std::move(configuration)),
          clock(clock_in),
          store(OpenConfiguredDatabase(config)),
          org_tree(store, clock),
          auth(store, clock, AuthOptionsOf(config.security)),
          orgs(store, clock, org_tree),
          users(store, clock, AuthOptionsOf(config.security).password_cost,
                [this](domain::UserId id) { auth.ForgetUser(id); }),
          time_rules(store, clock, OfficeHoursOf(config.work_time).value_or(domain::OfficeHours{})),
          intake(store, clock, time_rules, org_tree, IntakeLimitsOf(config.notify)),
          workflow(store, clock, time_rules, org_tree),
          cases(store, clock, org_tree),
          stats(store, clock, org_tree),
          blobs(config.data_dir + "/attachments"),
          attachments(store, blobs, clock, org_tree,
                      static_cast<std::size_t>(config.http.upload_limit_kib) * 1024u),
          public_limit(config.security.public_submissions_per_hour, std::chrono::hours(1)),
          lookup_limit(config.security.public_lookups_per_hour, std::chrono::hours(1)),
          lookup_failures(config.security.lookup_failures_before_lock,
                          std::chrono::minutes(config.security.lookup_lock_minutes)),
          orphan_sweep("orphan file sweep",
                       std::chrono::minutes(config.storage.orphan_sweep_minutes),
                       [this] {
                           SweepOrphans();
                           return false;
                       }),
          supervisions(store, clock, time_rules, org_tree),
          sweep(store, clock, time_rules),
          sweep_scheduler(sweep, std::chrono::seconds(config.jobs.sweep_interval_seconds)),
          notice_digests(store, clock, time_rules),
          // Asks as often as the sweep whether this working day's digest is due; it goes out
          // once (service/notice_digest_service.hpp).
          digest_round("notice digest", std::chrono::seconds(config.jobs.sweep_interval_seconds),
                       [this] {
                           SendDigests();
                           return false;
                       }),
          saved_views(store, clock),
          direct_cards(store, clock),
          templates(store, clock),
          catalog(store),
          assessments(store, clock, org_tree, time_rules),
          bulletins(store, clock, stats, assessments),
          web_files(config.http.web_root),
          notifications(store, clock, service::NotificationOptions{config.notify.query_url}),
          dispatcher(store, clock, notifications, hub, DispatcherOptionsOf(config.notify)),
          guard(auth) {
        MountRoutes(test_clock);
        // Files served from memory: cheap enough for the network threads.
        router.SetFallback([this](http::Request& request) { return web_files.Serve(request); },
                           http::Execution::kInline);
    }

    // What a database written by an earlier version lacks: the units' name index and the
    // statistics rollups, built before the first request.
    void IndexStoredData() {
        orgs.IndexUnitNames();
        BuildMissingRollups(stats);
    }

    // Each resource gets only the services it uses. The test routes exist in test mode only:
    // without it nothing answers under /api/v1/test/.
    void MountRoutes(AdjustableClock* test_clock) {
        using namespace api;
        Mount(router, guard,
              HealthRoutes({[this] { return store.Ping(); },
                            [this] {
                                return StorageProblem(
                                    config.data_dir,
                                    std::int64_t{config.storage.min_free_mib} * 1024 * 1024);
                            },
                            metrics}));
        Mount(router, guard, AuthRoutes({auth, guard, config.security.secure_cookies}));
        Mount(router, guard, TokenRoutes(auth));
        Mount(router, guard, OrgRoutes(orgs));
        Mount(router, guard, UserRoutes({orgs, users}));
        Mount(router, guard, CaseRoutes({intake, workflow, cases, attachments, time_rules, clock}));
        Mount(router, guard,
              PublicRoutes(
                  {intake, cases, clock, public_limit, lookup_limit, lookup_failures, metrics}));
        Mount(router, guard, NotificationRoutes({notifications, hub, notice_digests}));
        Mount(router, guard, TimeRulesRoutes(time_rules));
        Mount(router, guard, SupervisionRoutes(supervisions));
        Mount(router, guard, SavedViewRoutes(saved_views));
        Mount(router, guard, StatsRoutes({stats, clock}));
        Mount(router, guard, BulletinRoutes(bulletins));
        Mount(router, guard, DirectCardRoutes(direct_cards));
        Mount(router, guard, MessageTemplateRoutes(templates));
        Mount(router, guard, CatalogRoutes(catalog));
        Mount(router, guard, AssessmentRoutes(assessments));
        Mount(router, guard,
              WebSettingsRoutes({config.web.map_tile_url, config.web.map_attribution}));
        if (config.test_mode && test_clock != nullptr) {
            Mount(router, guard, TestRoutes({*test_clock, sweep, notice_digests, [this] {
                                                 return SweepOrphans();
                                             }}));
        }
    }

    void RegisterGauges() {
        const std::string url = config.DatabaseUrl();
        if (url.starts_with("sqlite:")) {
            const std::string path = url.substr(std::string("sqlite:").size());
            metrics.Gauge("minqing_sqlite_wal_bytes",
                          [path] { return storage::SqliteWalBytes(path); });
        }
        metrics.Gauge("minqing_data_dir_free_bytes", [dir = config.data_dir] {
            std::error_code failed;
            const auto space = std::filesystem::space(dir, failed);
            return failed ? std::int64_t{-1} : static_cast<std::int64_t>(space.available);
        });
    }

    void SendDigests() {
        const auto report = notice_digests.Run();
        if (report.ran) {
            spdlog::info("notice digest {}: {} digests of {} held notices", report.day,
                         report.digests, report.notices);
        }
    }

    int SweepOrphans() {
        const int removed =
            attachments.SweepOrphans(std::chrono::minutes(config.storage.orphan_grace_minutes));
        if (removed > 0) {
            metrics.Add("minqing_orphan_files_removed_total", removed);
            spdlog::info("orphan file sweep: removed {} files no attachment names", removed);
        }
        return removed;
    }

    Config config;
    const Clock& clock;
    Metrics metrics;
    storage::SqlStore store;
    service::OrgTreeCache org_tree;
    service::AuthService auth;
    service::OrgService orgs;
    service::UserService users;
    service::TimeRulesService time_rules;
    service::CaseIntakeService intake;
    service::CaseWorkflowService workflow;
    service::CaseQueryService cases;
    service::StatsService stats;
    storage::FileBlobStore blobs;
    service::AttachmentService attachments;
    service::SlidingWindow public_limit;
    service::SlidingWindow lookup_limit;
    service::SlidingWindow lookup_failures;
    jobs::PeriodicTask orphan_sweep;
    service::SupervisionService supervisions;
    service::DeadlineSweep sweep;
    jobs::SweepScheduler sweep_scheduler;
    service::NoticeDigestService notice_digests;
    jobs::PeriodicTask digest_round;
    service::SavedViewService saved_views;
    service::DirectCardService direct_cards;
    service::MessageTemplateService templates;
    service::CatalogService catalog;
    service::AssessmentService assessments;
    // After the assessment: its drafts quote the period's ranking.
    service::BulletinService bulletins;
    http::StaticFiles web_files;
    // Before the server: its WebSockets unsubscribe from the hub as they are destroyed.
    service::NotificationHub hub;
    service::NotificationService notifications;
    jobs::OutboxDispatcher dispatcher;
    // Before the router: the routes' handlers run through it.
    api::AuthGuard guard;
    http::Router router;
    std::unique_ptr<http::Server> server;
};

App::App(Config config, const Clock& clock, AdjustableClock* test_clock)
    : parts_(std::make_unique<Parts>(std::move(config), clock, test_clock)) {}

App::~App() {
    Stop();
}

domain::RollupCheck App::CheckStatistics(bool repair) {
    return parts_->stats.CheckRollups(repair);
}

void App::Start(const DemoCaseLoader& demo_cases) {
    Parts& p = *parts_;
    p.IndexStoredData();
    SeedReferenceData(p.time_rules, p.assessments, p.config.demo.seed_dir);
    if (p.config.demo.enabled) {
        const bool empty = domain::Query(p.store, [](domain::Repositories& repositories) {
            return repositories.Orgs().Count() == 0;
        });
        if (empty) {
            auto seed = ReadSeedTables(p.config.demo.seed_dir);
            if (!seed) {
                throw std::runtime_error(seed.error().message);
            }
            auto loaded = service::SeedOrgNetwork(p.store, p.clock, *seed);
            if (!loaded) {
                throw std::runtime_error("demo org network: " + loaded.error().message);
            }
            p.org_tree.Reload();
            if (auto categories = service::SeedCategories(p.store, seed->categories); !categories) {
                throw std::runtime_error("categories: " + categories.error().message);
            }
            if (auto dispatch = service::SeedDispatchCatalogue(p.store, seed->dispatch);
                !dispatch) {
                throw std::runtime_error("dispatch catalogue: " + dispatch.error().message);
            }
            if (auto accounts =
                    service::SeedDemoAccounts(p.store, p.clock, p.config.demo.password,
                                              AuthOptionsOf(p.config.security).password_cost);
                !accounts) {
                throw std::runtime_error("demo accounts: " + accounts.error().message);
            }
            std::int64_t cases = 0;
            if (demo_cases && p.config.demo.cases > 0) {
                auto generated = demo_cases(p.store, p.clock.Now(), p.config.demo.cases);
                if (!generated) {
                    throw std::runtime_error("demo cases: " + generated.error().message);
                }
                cases = *generated;
            } else if (p.config.demo.cases > 0) {
                spdlog::info(
                    "demo cases not loaded: this binary has no generator (minqing-demo has)");
            }
            spdlog::info("demo data loaded: {} org units, {} accounts, {} cases", *loaded,
                         service::DemoAccounts().size(), cases);
        } else {
            spdlog::info("demo data not loaded: the database already has an org network");
        }
    }
    LoadMessageTemplates(p.store, p.config.demo.seed_dir);
    // The proxy's word on the client comes first, so logs and throttles see the client; the
    // security headers wrap the error boundary, so even a 500 carries them.
    std::vector<http::Middleware> middleware = {
        http::TrustedProxyMiddleware(http::ParseAddressList(p.config.http.trusted_proxies)),
        http::RequestIdMiddleware(),
        http::SecurityHeadersMiddleware(http::ContentSecurityPolicy(p.config.web.map_tile_url)),
        http::AccessLogMiddleware(), http::ErrorBoundaryMiddleware()};
    http::ServerOptions options = ServerOptionsOf(p.config.http);
    // The routes say which bodies are uploads; the transport knows no paths.
    options.is_upload = [&router = p.router](std::string_view path) {
        return router.TakesUpload(path);
    };
    p.server = std::make_unique<http::Server>(std::move(options), p.router, std::move(middleware));
    if (p.web_files.empty()) {
        spdlog::info("web app not served: {} holds no build (make build makes it)",
                     p.config.http.web_root);
    } else {
        spdlog::info("web app: {} files from {}", p.web_files.size(), p.config.http.web_root);
    }
    p.RegisterGauges();
    p.server->Start();
    p.orphan_sweep.Start();
    if (p.config.notify.dispatcher) {
        p.dispatcher.Start();
    }
    // In test mode the tests run the sweep themselves, at the times they choose.
    if (p.config.jobs.sweep && !p.config.test_mode) {
        p.sweep_scheduler.Start();
        p.digest_round.Start();
    }
}

std::uint16_t App::port() const {
    return parts_->server ? parts_->server->port() : 0;
}

std::vector<std::string> App::Routes() const {
    return parts_->router.Describe();
}

void App::Stop() {
    if (parts_ && parts_->server) {
        parts_->server->Stop();
    }
    if (parts_) {
        parts_->dispatcher.Stop();
        parts_->sweep_scheduler.Stop();
        parts_->digest_round.Stop();
        parts_->orphan_sweep.Stop();
    }
}

void App::Wait() {
    if (parts_->server) {
        parts_->server->Wait();
    }
}

}  // namespace minqing::app
