#include "app/config.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <fstream>
#include <sstream>
#include <string_view>
#include <variant>

#include <nlohmann/json.hpp>

namespace minqing::app {
namespace {

using FieldTarget = std::variant<std::string*, int*, bool*>;

struct Field {
    std::string key;  // "http.listen", as in the JSON file
    FieldTarget target;
    bool secret = false;
    /// A whole number's least valid value, if it has one.
    std::optional<int> minimum = std::nullopt;
};

// Every setting once, by its JSON path; environment names and flags derive from it.
std::vector<Field> FieldsOf(Config& c) {
    return {
        {"dataDir", &c.data_dir},
        {"http.listen", &c.http.listen},
        {"http.ioThreads", &c.http.io_threads, false, 0},
        {"http.workerThreads", &c.http.worker_threads, false, 1},
        {"http.bodyLimitKib", &c.http.body_limit_kib, false, 1},
        {"http.uploadLimitKib", &c.http.upload_limit_kib, false, 1},
        {"http.headerTimeoutMs", &c.http.header_timeout_ms, false, 100},
        {"http.readTimeoutMs", &c.http.read_timeout_ms, false, 100},
        {"http.idleTimeoutMs", &c.http.idle_timeout_ms, false, 100},
        {"http.shutdownGraceMs", &c.http.shutdown_grace_ms, false, 0},
        {"http.webRoot", &c.http.web_root},
        {"http.trustedProxies", &c.http.trusted_proxies},
        {"database.url", &c.database.url, true},
        {"database.poolSize", &c.database.pool_size, false, 1},
        {"database.maxGroupSize", &c.database.max_group_size, false, 1},
        {"database.busyTimeoutMs", &c.database.busy_timeout_ms, false, 0},
        {"security.sessionTtlMinutes", &c.security.session_ttl_minutes, false, 1},
        {"security.failuresBeforeLock", &c.security.failures_before_lock, false, 1},
        {"security.lockMinutes", &c.security.lock_minutes, false, 1},
        {"security.throttleAccountFailures", &c.security.throttle_account_failures, false, 1},
        {"security.throttleAddressFailures", &c.security.throttle_address_failures, false, 1},
        {"security.throttleWindowMinutes", &c.security.throttle_window_minutes, false, 1},
        {"security.passwordHashIterations", &c.security.password_hash_iterations, false, 1},
        {"security.passwordHashMemoryKib", &c.security.password_hash_memory_kib, false, 8},
        {"security.authCacheSeconds", &c.security.auth_cache_seconds, false, 0},
        {"security.secureCookies", &c.security.secure_cookies},
        {"security.publicSubmissionsPerHour", &c.security.public_submissions_per_hour, false, 1},
        {"security.publicLookupsPerHour", &c.security.public_lookups_per_hour, false, 1},
        {"security.lookupFailuresBeforeLock", &c.security.lookup_failures_before_lock, false, 1},
        {"security.lookupLockMinutes", &c.security.lookup_lock_minutes, false, 1},
        {"storage.minFreeMib", &c.storage.min_free_mib, false, 0},
        {"storage.orphanGraceMinutes", &c.storage.orphan_grace_minutes, false, 1},
        {"storage.orphanSweepMinutes", &c.storage.orphan_sweep_minutes, false, 1},
        {"demo.enabled", &c.demo.enabled},
        {"demo.seedDir", &c.demo.seed_dir},
        {"demo.password", &c.demo.password, true},
        {"demo.cases", &c.demo.cases, false, 0},
        {"notify.sms.url", &c.notify.sms.url},
        {"notify.sms.key", &c.notify.sms.key, true},
        {"notify.sms.template", &c.notify.sms.template_id},
        {"notify.webhooks.hotline.url", &c.notify.hotline.url},
        {"notify.webhooks.hotline.secret", &c.notify.hotline.secret, true},
        {"notify.dispatcher", &c.notify.dispatcher},
        {"notify.dispatchIntervalMs", &c.notify.dispatch_interval_ms, false, 1},
        {"notify.maxAttempts", &c.notify.max_attempts, false, 1},
        {"notify.retryBaseMs", &c.notify.retry_base_ms, false, 1},
        {"notify.retryCapMs", &c.notify.retry_cap_ms},
        {"notify.leaseMs", &c.notify.lease_ms},
        {"notify.requestTimeoutMs", &c.notify.request_timeout_ms, false, 1},
        {"notify.batchSize", &c.notify.batch_size, false, 1},
        {"notify.queryUrl", &c.notify.query_url},
        {"notify.collectiveThreshold", &c.notify.collective_threshold, false, 2},
        {"workTime.morning", &c.work_time.morning},
        {"workTime.afternoon", &c.work_time.afternoon},
        {"jobs.sweep", &c.jobs.sweep},
        {"jobs.sweepIntervalSeconds", &c.jobs.sweep_interval_seconds, false, 1},
        {"web.mapTileUrl", &c.web.map_tile_url},
        {"web.mapAttribution", &c.web.map_attribution},
        {"log.level", &c.log.level},
        {"testMode", &c.test_mode},
    };
}

// "http.ioThreads" → "MINQING_HTTP_IO_THREADS".
std::string EnvironmentName(std::string_view key) {
    std::string name = "MINQING_";
    for (const char c : key) {
        if (c == '.') {
            name += '_';
        } else if (std::isupper(static_cast<unsigned char>(c)) != 0) {
            name += '_';
            name += c;
        } else {
            name += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        }
    }
    return name;
}

bool SetFromText(const Field& field, std::string_view text, std::string& problem) {
    if (auto* const* target = std::get_if<std::string*>(&field.target)) {
        **target = std::string(text);
        return true;
    }
    if (auto* const* target = std::get_if<int*>(&field.target)) {
        int value = 0;
        const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
        if (ec != std::errc() || end != text.data() + text.size()) {
            problem = "expects a whole number, got \"" + std::string(text) + "\"";
            return false;
        }
        **target = value;
        return true;
    }
    auto* target = std::get<bool*>(field.target);
    if (text == "true" || text == "1") {
        *target = true;
    } else if (text == "false" || text == "0") {
        *target = false;
    } else {
        problem = "expects true or false, got \"" + std::string(text) + "\"";
        return false;
    }
    return true;
}

bool SetFromJson(const Field& field, const nlohmann::json& value, std::string& problem) {
    if (auto* const* target = std::get_if<std::string*>(&field.target)) {
        if (!value.is_string()) {
            problem = "expects a string";
            return false;
        }
        **target = value.get<std::string>();
        return true;
    }
    if (auto* const* target = std::get_if<int*>(&field.target)) {
        if (!value.is_number_integer()) {
            problem = "expects a whole number";
            return false;
        }
        const auto number = value.get<std::int64_t>();
        if (number < INT32_MIN || number > INT32_MAX) {
            problem = "is out of range";
            return false;
        }
        **target = static_cast<int>(number);
        return true;
    }
    if (!value.is_boolean()) {
        problem = "expects true or false";
        return false;
    }
    *std::get<bool*>(field.target) = value.get<bool>();
    return true;
}

const Field* FindField(const std::vector<Field>& fields, std::string_view key) {
    for (const Field& field : fields) {
        if (field.key == key) {
            return &field;
        }
    }
    return nullptr;
}

void ApplyJson(const nlohmann::json& object, const std::string& prefix,
               const std::vector<Field>& fields, const std::string& file,
               std::vector<std::string>& errors) {
    for (const auto& [name, value] : object.items()) {
        const std::string key = prefix.empty() ? name : prefix + "." + name;
        if (value.is_object()) {
            ApplyJson(value, key, fields, file, errors);
            continue;
        }
        const Field* field = FindField(fields, key);
        if (field == nullptr) {
            errors.push_back(file + ": unknown config key \"" + key + "\"");
            continue;
        }
        if (std::string problem; !SetFromJson(*field, value, problem)) {
            errors.push_back(file + ": config key \"" + key + "\" " + problem);
        }
    }
}

void LoadFile(const std::string& path, const std::vector<Field>& fields,
              std::vector<std::string>& errors) {
    std::ifstream in(path);
    if (!in) {
        errors.push_back("cannot read config file " + path);
        return;
    }
    std::stringstream text;
    text << in.rdbuf();
    const auto json = nlohmann::json::parse(text.str(), nullptr, false);
    if (json.is_discarded() || !json.is_object()) {
        errors.push_back(path + ": not a JSON object");
        return;
    }
    ApplyJson(json, "", fields, path, errors);
}

void ApplyEnvironment(char** environment, const std::vector<Field>& fields,
                      std::vector<std::string>& errors) {
    constexpr std::string_view kPrefix = "MINQING_";
    // Variables for the test harness share the prefix but are not server settings.
    constexpr std::string_view kTestPrefix = "MINQING_TEST_";
    for (char** entry = environment; entry != nullptr && *entry != nullptr; ++entry) {
        const std::string_view variable(*entry);
        const auto equals = variable.find('=');
        const std::string_view name = variable.substr(0, equals);
        if (!name.starts_with(kPrefix) || name.starts_with(kTestPrefix) ||
            equals == std::string_view::npos) {
            continue;
        }
        const Field* match = nullptr;
        for (const Field& field : fields) {
            if (EnvironmentName(field.key) == name) {
                match = &field;
            }
        }
        if (match == nullptr) {
            errors.push_back("unknown environment variable " + std::string(name));
            continue;
        }
        if (std::string problem; !SetFromText(*match, variable.substr(equals + 1), problem)) {
            errors.push_back("environment variable " + std::string(name) + " " + problem);
        }
    }
}

// "08:30-11:30" → {510, 690}.
std::optional<std::pair<int, int>> ParseSpan(std::string_view text) {
    const auto minute = [](std::string_view hhmm) -> std::optional<int> {
        if (hhmm.size() != 5 || hhmm[2] != ':') {
            return std::nullopt;
        }
        int hours = 0;
        int minutes = 0;
        const auto [h_end, h_ec] = std::from_chars(hhmm.data(), hhmm.data() + 2, hours);
        const auto [m_end, m_ec] = std::from_chars(hhmm.data() + 3, hhmm.data() + 5, minutes);
        if (h_ec != std::errc() || m_ec != std::errc() || h_end != hhmm.data() + 2 ||
            m_end != hhmm.data() + 5 || hours > 23 || minutes > 59) {
            return std::nullopt;
        }
        return hours * 60 + minutes;
    };
    if (text.size() != 11 || text[5] != '-') {
        return std::nullopt;
    }
    const auto from = minute(text.substr(0, 5));
    const auto to = minute(text.substr(6, 5));
    if (!from || !to || *from >= *to) {
        return std::nullopt;
    }
    return std::pair(*from, *to);
}

// "http.listen must be HOST:PORT…" unless it ends in a port number.
void CheckListen(const std::string& listen, std::vector<std::string>& errors) {
    const auto colon = listen.rfind(':');
    int port = -1;
    if (colon != std::string::npos && colon > 0) {
        const std::string_view digits = std::string_view(listen).substr(colon + 1);
        const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), port);
        if (ec != std::errc() || end != digits.data() + digits.size()) {
            port = -1;
        }
    }
    if (port < 0 || port > 65535) {
        errors.push_back("http.listen must be HOST:PORT with a port from 0 to 65535, got \"" +
                         listen + "\"");
    }
}

void Validate(const Config& c, const std::vector<Field>& fields, std::vector<std::string>& errors) {
    CheckListen(c.http.listen, errors);
    const auto at_least = [&errors](std::string_view key, int value, int minimum) {
        if (value < minimum) {
            errors.push_back(std::string(key) + " must be at least " + std::to_string(minimum));
        }
    };
    for (const Field& field : fields) {
        if (field.minimum) {
            at_least(field.key, *std::get<int*>(field.target), *field.minimum);
        }
    }
    if (!OfficeHoursOf(c.work_time)) {
        errors.push_back(
            "workTime.morning and workTime.afternoon must be \"HH:MM-HH:MM\", the morning "
            "ending before the afternoon starts, got \"" +
            c.work_time.morning + "\" and \"" + c.work_time.afternoon + "\"");
    }
    at_least("notify.retryCapMs", c.notify.retry_cap_ms, c.notify.retry_base_ms);
    // A claimed batch is worked on while the lease lasts; less than one request could send
    // nothing at all.
    at_least("notify.leaseMs", c.notify.lease_ms, 2 * c.notify.request_timeout_ms);
    // Without it every reporter's SMS reads "请凭编号和查询码在查看": refuse to start instead.
    if (!c.notify.sms.url.empty() && c.notify.query_url.empty()) {
        errors.push_back("notify.queryUrl is required with notify.sms.url");
    }
    for (const auto& [key, url] :
         {std::pair{"notify.sms.url", &c.notify.sms.url},
          std::pair{"notify.webhooks.hotline.url", &c.notify.hotline.url}}) {
        // The delivery client speaks plain HTTP only (TLS to the gateway is not built yet).
        if (!url->empty() && !url->starts_with("http://")) {
            errors.push_back(std::string(key) + " must be an http:// URL");
        }
    }
    // Browsers load the tiles themselves; a page served over HTTPS refuses http:// ones, and
    // anything else is a typo.
    if (!c.web.map_tile_url.empty() && !c.web.map_tile_url.starts_with("https://") &&
        !c.web.map_tile_url.starts_with("http://") && !c.web.map_tile_url.starts_with("/")) {
        errors.push_back("web.mapTileUrl must be an https:// or http:// URL, or a path");
    }
    if (!c.notify.hotline.url.empty() && c.notify.hotline.secret.empty()) {
        errors.push_back("notify.webhooks.hotline.secret is required with its url");
    }
    const std::string url = c.DatabaseUrl();
    if (!url.starts_with("sqlite:") && !url.starts_with("postgresql://") &&
        !url.starts_with("postgres://")) {
        errors.push_back("database.url must start with sqlite: or postgresql://");
    }
    static constexpr std::string_view kLevels[] = {"trace", "debug", "info",
                                                   "warn",  "error", "off"};
    if (std::ranges::find(kLevels, c.log.level) == std::end(kLevels)) {
        errors.push_back("log.level must be one of trace, debug, info, warn, error, off");
    }
}

std::string MaskPassword(const std::string& url) {
    // postgresql://user:secret@host → postgresql://user:***@host
    const auto scheme_end = url.find("://");
    const auto at = url.find('@');
    if (scheme_end == std::string::npos || at == std::string::npos) {
        return url;
    }
    const auto colon = url.find(':', scheme_end + 3);
    if (colon == std::string::npos || colon > at) {
        return url;
    }
    return url.substr(0, colon + 1) + "***" + url.substr(at);
}

}  // namespace

std::string Config::DatabaseUrl() const {
    if (!database.url.empty()) {
        return database.url;
    }
    return "sqlite:" + data_dir + "/minqing.db";
}

Config LoadConfig(const std::vector<std::string>& args, char** environment,
                  std::vector<std::string>& errors) {
    Config config;
    const auto fields = FieldsOf(config);
    // The file first, wherever --config stands, so that flags override it.
    for (std::size_t i = 0; i + 1 < args.size(); ++i) {
        if (args[i] == "--config") {
            LoadFile(args[i + 1], fields, errors);
        }
    }
    ApplyEnvironment(environment, fields, errors);
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& flag = args[i];
        if (flag == "--demo") {
            config.demo.enabled = true;
            continue;
        }
        const bool takes_value =
            flag == "--config" || flag == "--listen" || flag == "--db" || flag == "--data-dir";
        if (!takes_value) {
            errors.push_back("unknown option " + flag);
            continue;
        }
        if (i + 1 >= args.size()) {
            errors.push_back("option " + flag + " needs a value");
            break;
        }
        const std::string& value = args[++i];
        if (flag == "--listen") {
            config.http.listen = value;
        } else if (flag == "--db") {
            config.database.url = value;
        } else if (flag == "--data-dir") {
            config.data_dir = value;
        }
    }
    Validate(config, fields, errors);
    return config;
}

std::optional<domain::OfficeHours> OfficeHoursOf(const WorkTimeConfig& work_time) {
    const auto morning = ParseSpan(work_time.morning);
    const auto afternoon = ParseSpan(work_time.afternoon);
    if (!morning || !afternoon || morning->second > afternoon->first) {
        return std::nullopt;
    }
    return domain::OfficeHours{morning->first, morning->second, afternoon->first,
                               afternoon->second};
}

std::string DescribeConfig(const Config& config) {
    Config copy = config;
    nlohmann::json json = nlohmann::json::object();
    for (const Field& field : FieldsOf(copy)) {
        nlohmann::json value;
        std::visit([&value](auto* target) { value = *target; }, field.target);
        if (field.secret && field.key == "database.url") {
            value = MaskPassword(copy.DatabaseUrl());
        } else if (field.secret) {
            value = "***";
        }
        std::string pointer = "/";
        pointer += field.key;
        std::ranges::replace(pointer, '.', '/');
        json[nlohmann::json::json_pointer(pointer)] = value;
    }
    return json.dump();
}

}  // namespace minqing::app
