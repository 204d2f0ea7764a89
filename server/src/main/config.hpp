// The server's configuration: one struct, every field commented with its default, loaded
// from a JSON file (--config), then MINQING_* environment variables, then flags. Unknown
// keys are errors. Built once at start and passed by constructor; never a global.
#pragma once

#include <string>
#include <vector>

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
};

struct DemoConfig {
    /// Load the demo data set into an empty database at start (also --demo).
    bool enabled = false;
    /// Where the seed files are (org network, categories, calendar).
    std::string seed_dir = "data/seed";
    /// Password of every demo account.
    std::string password = "minqing-demo";
    /// Generated cases the demo starts with (the benchmarks' generator); 0 for none.
    int cases = 2000;
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
    DemoConfig demo;
    LogConfig log;

    /// The database URL after applying the data-dir default.
    std::string DatabaseUrl() const;
};

/// Builds the config from the command-line arguments after the subcommand (--config FILE,
/// --listen, --db, --data-dir, --demo) and the environment. Returns every problem found
/// (unknown key, wrong type, invalid value) in `errors`, each naming the key.
Config LoadConfig(const std::vector<std::string>& args, char** environment,
                  std::vector<std::string>& errors);

/// The config as JSON text with secrets (database password, demo password) masked, for the
/// start-up log.
std::string DescribeConfig(const Config& config);

}  // namespace minqing::app
