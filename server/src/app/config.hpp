// The server's configuration: one struct, every field commented with its default, loaded
// from a JSON file (--config), then MINQING_* environment variables, then flags. Unknown
// keys are errors. Built once at start and passed by constructor; never a global.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/work_calendar.hpp"

namespace minqing::app {

struct HttpConfig {
    /// Address and port to listen on, "HOST:PORT"; port 0 picks a free one.
    std::string listen = "127.0.0.1:8080";
    /// Network threads; 0 means one per CPU core.
    int io_threads = 0;
    /// Threads that run handlers which may wait on the database.
    int worker_threads = 32;
    /// Largest request body accepted, in KiB; larger ones get 413.
    int body_limit_kib = 1024;
    /// Largest attachment upload, in KiB.
    int upload_limit_kib = 10 * 1024;
    /// Time allowed to receive a request's header, in milliseconds.
    int header_timeout_ms = 10'000;
    /// Time allowed to receive a request's body, in milliseconds.
    int read_timeout_ms = 30'000;
    /// How long an idle keep-alive connection stays open, in milliseconds.
    int idle_timeout_ms = 60'000;
    /// On SIGINT/SIGTERM, how long in-flight requests may take to finish, in milliseconds.
    int shutdown_grace_ms = 10'000;
    /// The built web application (web/dist), served at / with the SPA fallback; nothing is
    /// served when the folder does not exist.
    std::string web_root = "web/dist";
    /// Addresses of the installation's reverse proxies, comma-separated: only from these peers
    /// are X-Forwarded-For (the client's address) and X-Forwarded-Proto (https marks the
    /// session cookie Secure) believed.
    std::string trusted_proxies;
};

struct DatabaseConfig {
    /// "sqlite:/path/file.db" or "postgresql://user@host:port/db"; empty means
    /// sqlite:<dataDir>/minqing.db.
    std::string url;
    /// Read connections (SQLite) or pooled connections (PostgreSQL).
    int pool_size = 8;
    /// SQLite: most write units committed in one transaction (group commit).
    int max_group_size = 256;
    /// SQLite: milliseconds a connection waits on a lock before failing.
    int busy_timeout_ms = 5000;
};

struct SecurityConfig {
    /// How long a login session lasts, in minutes.
    int session_ttl_minutes = 12 * 60;
    /// Consecutive failed logins that lock an account, and for how many minutes.
    int failures_before_lock = 10;
    int lock_minutes = 30;
    /// Failed logins within the window after which further attempts get 429.
    int throttle_account_failures = 5;
    int throttle_address_failures = 20;
    int throttle_window_minutes = 15;
    /// argon2id work factors for passwords (libsodium's interactive limits by default).
    int password_hash_iterations = 2;
    int password_hash_memory_kib = 64 * 1024;
    /// Seconds a verified session or token is trusted before the database is asked again.
    int auth_cache_seconds = 30;
    /// Mark the session cookie Secure even without TLS here: set it when a TLS-terminating
    /// proxy serves minqing over HTTPS.
    bool secure_cookies = false;
    /// Public submissions (mailbox, message board) one address may make per hour.
    int public_submissions_per_hour = 20;
    /// Public status lookups one address may make per hour.
    int public_lookups_per_hour = 120;
    /// Wrong query codes for one case number after which lookups of that number are refused,
    /// from every address, until the oldest of them is this many minutes old.
    int lookup_failures_before_lock = 5;
    int lookup_lock_minutes = 60;
};

struct StorageConfig {
    /// Below this much free space in the data directory /readyz reports "storage.full", so
    /// that a load balancer turns away before writes start failing.
    int min_free_mib = 64;
    /// Stored files that no attachment names are removed once they are this old (an upload
    /// refused after its file was written, or cut off by a crash).
    int orphan_grace_minutes = 60;
    /// How often the orphan sweep runs.
    int orphan_sweep_minutes = 60;
};

struct DemoConfig {
    /// Load the demo data set into an empty database at start (also --demo).
    bool enabled = false;
    /// Where the seed files are (org network, categories, calendar).
    std::string seed_dir = "data/seed";
    /// Password of every demo account.
    std::string password = "minqing-demo";
    /// Generated cases the demo starts with (the benchmarks' generator); 0 for none. Only
    /// minqing-demo generates them: the production binary links no generator.
    int cases = 20000;
};

/// The SMS gateway (an HTTP endpoint of the provider). Each message is a POST of
/// {"phone","template","text","messageId"} with the key in X-Api-Key; 2xx means accepted.
struct SmsGatewayConfig {
    /// "http://host:port/path"; empty disables SMS: messages for it are marked failed at
    /// their first attempt with "sms not configured", so the office sees who was not told.
    std::string url;
    /// The provider's API key (secret).
    std::string key;
    /// The provider's template or signature id, passed through as "template".
    std::string template_id;
};

/// An external system that receives signed webhooks (docs/api.md, "Webhooks").
struct WebhookConfig {
    /// "http://host:port/path"; empty disables it (its messages are marked failed).
    std::string url;
    /// The HMAC-SHA256 key of X-Minqing-Signature (secret).
    std::string secret;
};

struct NotifyConfig {
    SmsGatewayConfig sms;
    /// The mayor's hotline (12345): hand-overs and the answers of hotline cases.
    WebhookConfig hotline;
    /// Run the outbox dispatcher in this process.
    bool dispatcher = true;
    /// How often the dispatcher looks for due messages when idle, in milliseconds.
    int dispatch_interval_ms = 1000;
    /// Attempts after which a message is given up on (status failed, listed for the office).
    int max_attempts = 12;
    /// Wait after the first failed attempt, doubling after each further one, in milliseconds.
    int retry_base_ms = 30'000;
    /// The longest wait between attempts, in milliseconds.
    int retry_cap_ms = 3'600'000;
    /// How long a dispatcher holds the messages it claimed before another may take them, in
    /// milliseconds; also how long messages of a killed process wait.
    int lease_ms = 60'000;
    /// Connect, send and receive limit for one SMS or webhook request, in milliseconds.
    int request_timeout_ms = 5000;
    /// Messages claimed at once.
    int batch_size = 32;
    /// The public page where reporters look up their case ({query_url} in SMS texts); required
    /// with an SMS gateway, since the reporters' texts send them there.
    std::string query_url;
    /// People involved at or above which a case is collective (群体性) and the city's and the
    /// district's leaders are told at intake.
    int collective_threshold = 10;
};

struct WorkTimeConfig {
    /// Office hours of a working day, "HH:MM-HH:MM", China time: deadlines in working hours
    /// and days count only these.
    std::string morning = "08:30-11:30";
    std::string afternoon = "13:00-17:00";
};

struct JobsConfig {
    /// Run the deadline sweep in this process (with PostgreSQL, one process sweeps at a time).
    bool sweep = true;
    /// How often the sweep runs, in seconds.
    int sweep_interval_seconds = 60;
};

/// What the web app shows that differs per installation; sent to signed-in users by
/// GET /api/v1/web-settings.
struct WebConfig {
    /// The map tiles of the location pickers and maps, as Leaflet takes them
    /// ("https://tiles.example.gov.cn/{z}/{x}/{y}.png"); empty shows no map.
    std::string map_tile_url;
    /// The attribution the tile provider requires, shown on every map (HTML allowed).
    std::string map_attribution;
};

struct LogConfig {
    /// trace, debug, info, warn, error or off.
    std::string level = "info";
};

struct Config {
    /// Where the SQLite database and uploaded files live.
    std::string data_dir = "./var";
    HttpConfig http;
    DatabaseConfig database;
    SecurityConfig security;
    StorageConfig storage;
    DemoConfig demo;
    NotifyConfig notify;
    JobsConfig jobs;
    WorkTimeConfig work_time;
    WebConfig web;
    LogConfig log;
    /// For end-to-end tests only: the clock can be moved and the sweep run through
    /// /api/v1/test/…, which do not exist otherwise. Never in production.
    bool test_mode = false;

    /// The database URL after applying the data-dir default.
    std::string DatabaseUrl() const;
};

/// The office hours of `work_time`, or nullopt when a span is not "HH:MM-HH:MM" with the
/// morning before the afternoon.
std::optional<domain::OfficeHours> OfficeHoursOf(const WorkTimeConfig& work_time);

/// Builds the config from the command-line arguments after the subcommand (--config FILE,
/// --listen, --db, --data-dir, --demo) and the environment. Returns every problem found
/// (unknown key, wrong type, invalid value) in `errors`, each naming the key.
Config LoadConfig(const std::vector<std::string>& args, char** environment,
                  std::vector<std::string>& errors);

/// The config as JSON text with secrets (database password, demo password) masked, for the
/// start-up log.
std::string DescribeConfig(const Config& config);

}  // namespace minqing::app
