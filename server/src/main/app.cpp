#include "main/app.hpp"

#include <filesystem>
#include <stdexcept>
#include <thread>

#include <spdlog/spdlog.h>

#include "api/api_context.hpp"
#include "case_generator.hpp"
#include "http/middleware.hpp"
#include "http/server.hpp"
#include "main/seed_files.hpp"
#include "service/seeder.hpp"
#include "storage/database.hpp"
#include "storage/file_blob_store.hpp"
#include "storage/sql_store.hpp"

namespace minqing::app {
namespace {

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
    options.is_upload = [](std::string_view path) { return path.ends_with("/attachments"); };
    options.header_timeout = std::chrono::milliseconds(http.header_timeout_ms);
    options.read_timeout = std::chrono::milliseconds(http.read_timeout_ms);
    options.idle_timeout = std::chrono::milliseconds(http.idle_timeout_ms);
    options.shutdown_grace = std::chrono::milliseconds(http.shutdown_grace_ms);
    return options;
}

std::unique_ptr<storage::Database> OpenConfiguredDatabase(const Config& config) {
    const std::string url = config.DatabaseUrl();
    if (url.starts_with("sqlite:")) {
        std::filesystem::create_directories(config.data_dir);
    }
    storage::DatabaseOptions options;
    options.url = url;
    options.pool_size = config.database.pool_size;
    options.max_group_size = config.database.max_group_size;
    options.busy_timeout_ms = config.database.busy_timeout_ms;
    return storage::OpenDatabase(options);
}

}  // namespace

struct App::Parts {
    Parts(Config configuration, const Clock& clock_in)
        : config(std::move(configuration)),
          clock(clock_in),
          store(OpenConfiguredDatabase(config)),
          auth(store, clock, AuthOptionsOf(config.security)),
          orgs(store, clock),
          users(store, clock, AuthOptionsOf(config.security).password_cost,
                [this](domain::UserId id) { auth.ForgetUser(id); }),
          intake(store, clock),
          workflow(store, clock),
          cases(store, clock),
          blobs(config.data_dir + "/attachments"),
          attachments(store, blobs, clock,
                      static_cast<std::size_t>(config.http.upload_limit_kib) * 1024u),
          public_limit(config.security.public_submissions_per_hour, std::chrono::hours(1)),
          context{auth,
                  orgs,
                  users,
                  intake,
                  workflow,
                  cases,
                  attachments,
                  public_limit,
                  clock,
                  [this] { return store.Ping(); },
                  api::AuthGuard(auth),
                  config.security.secure_cookies} {
        api::RegisterRoutes(router, context);
    }

    Config config;
    const Clock& clock;
    storage::SqlStore store;
    service::AuthService auth;
    service::OrgService orgs;
    service::UserService users;
    service::CaseIntakeService intake;
    service::CaseWorkflowService workflow;
    service::CaseQueryService cases;
    storage::FileBlobStore blobs;
    service::AttachmentService attachments;
    service::SlidingWindow public_limit;
    api::ApiContext context;
    http::Router router;
    std::unique_ptr<http::Server> server;
};

App::App(Config config, const Clock& clock)
    : parts_(std::make_unique<Parts>(std::move(config), clock)) {}

App::~App() {
    Stop();
}

void App::Start() {
    Parts& p = *parts_;
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
            // A living city rather than an empty table: the benchmarks' generator, at the demo
            // size, over the last 90 days ending now.
            casegen::GeneratorOptions cases;
            cases.now = p.clock.Now();
            cases.count = p.config.demo.cases;
            auto generated = casegen::GenerateCases(p.store, cases);
            if (!generated) {
                throw std::runtime_error("demo cases: " + generated.error().message);
            }
            spdlog::info("demo data loaded: {} org units, {} accounts, {} cases", *loaded,
                         service::DemoAccounts().size(), generated->cases);
        } else {
            spdlog::info("demo data not loaded: the database already has an org network");
        }
    }
    std::vector<http::Middleware> middleware = {
        http::RequestIdMiddleware(), http::AccessLogMiddleware(), http::ErrorBoundaryMiddleware()};
    p.server = std::make_unique<http::Server>(ServerOptionsOf(p.config.http), p.router,
                                              std::move(middleware));
    p.server->Start();
}

std::uint16_t App::port() const {
    return parts_->server ? parts_->server->port() : 0;
}

void App::Stop() {
    if (parts_ && parts_->server) {
        parts_->server->Stop();
    }
}

void App::Wait() {
    if (parts_->server) {
        parts_->server->Wait();
    }
}

}  // namespace minqing::app
