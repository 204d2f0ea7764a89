#include "support/api_test.hpp"

#include <exception>
#include <stdexcept>

namespace minqing::tests {

std::unique_ptr<TestServer> ApiTest::server_;
std::string ApiTest::start_error_;
std::map<std::string, std::int64_t, std::less<>> ApiTest::unit_ids_;

const std::vector<DemoAccount>& DemoAccounts() {
    static const std::vector<DemoAccount> kAccounts = {
        {"admin", "admin"},
        {"city-office", "city_office"},
        {"district-office", "district_office"},
        {"street-office", "street_office"},
        {"community-staff", "community_staff"},
        {"grid-worker", "grid_worker"},
        {"director", "director"},
        {"cadre", "cadre"},
        {"unit-handler", "unit_handler"},
        {"unit-leader", "unit_leader"},
        {"leader", "leader"},
        {"inspector", "inspector"},
        {"office-head", "office_head"},
    };
    return kAccounts;
}

void PrintTo(const DemoAccount& account, std::ostream* out) {
    *out << account.username << " (" << account.role << ")";
}

void ApiTest::StartServer(const TestServer::ConfigTweak& tweak,
                          const std::function<void()>& prepare) {
    unit_ids_.clear();
    start_error_.clear();
    try {
        server_ = std::make_unique<TestServer>(tweak);
        if (prepare) {
            prepare();
        }
    } catch (const std::exception& error) {
        server_.reset();
        start_error_ = error.what();
    }
}

void ApiTest::StopServer() {
    server_.reset();
    unit_ids_.clear();
}

void ApiTest::SetUp() {
    ASSERT_NE(server_, nullptr) << "the test server did not start: " << start_error_;
}

std::int64_t ApiTest::UnitId(std::string_view code) {
    if (unit_ids_.empty()) {
        Session admin = LogIn("admin");
        const HttpResponse units = admin.Get("/api/v1/org/units?includeInactive=true");
        if (units.status != 200) {
            throw std::runtime_error("cannot list org units: HTTP " + std::to_string(units.status) +
                                     " " + units.body);
        }
        for (const auto& unit : units.json.at("items")) {
            unit_ids_.emplace(unit.at("code").get<std::string>(),
                              unit.at("id").get<std::int64_t>());
        }
    }
    const auto found = unit_ids_.find(code);
    if (found == unit_ids_.end()) {
        throw std::runtime_error("no org unit with code " + std::string(code));
    }
    return found->second;
}

std::int64_t CreateUser(Session& admin, std::string_view username) {
    HttpResponse created =
        admin.Post("/api/v1/users", {{"username", username},
                                     {"displayName", "测试用户 " + std::string(username)},
                                     {"password", kDemoPassword}});
    if (created.status != 201) {
        throw std::runtime_error("cannot create user " + std::string(username) + ": HTTP " +
                                 std::to_string(created.status) + " " + created.body);
    }
    return created.json.at("id").get<std::int64_t>();
}

std::int64_t GrantRole(Session& admin, std::int64_t user_id, std::string_view role,
                       std::int64_t unit_id) {
    HttpResponse granted = admin.Post("/api/v1/users/" + std::to_string(user_id) + "/roles",
                                      {{"role", role}, {"orgUnitId", unit_id}});
    if (granted.status != 201) {
        throw std::runtime_error("cannot grant " + std::string(role) + ": HTTP " +
                                 std::to_string(granted.status) + " " + granted.body);
    }
    return granted.json.at("id").get<std::int64_t>();
}

std::int64_t UserIdOf(Session& admin, std::string_view username) {
    HttpResponse users = admin.Get("/api/v1/users?limit=200&keyword=" + std::string(username));
    const nlohmann::json user =
        FindBy(users.json.value("items", nlohmann::json()), "username", username);
    if (!user.is_object()) {
        throw std::runtime_error("no user " + std::string(username) + " in the list: HTTP " +
                                 std::to_string(users.status) + " " + users.body);
    }
    return user.at("id").get<std::int64_t>();
}

std::string CreateApiToken(Session& admin, std::int64_t user_id, std::string_view name) {
    HttpResponse created = admin.Post("/api/v1/tokens", {{"name", name}, {"userId", user_id}});
    if (created.status != 201 || !created.json.contains("token")) {
        throw std::runtime_error("cannot create token " + std::string(name) + ": HTTP " +
                                 std::to_string(created.status) + " " + created.body);
    }
    return created.json.at("token").get<std::string>();
}

bool MatchesError(const HttpResponse& response, int status, std::string_view reason,
                  std::ostream& why) {
    bool matches = true;
    const auto differs = [&why, &matches](const std::string& what) {
        why << (matches ? "" : "; ") << what;
        matches = false;
    };
    if (response.status != status) {
        differs("HTTP status is " + std::to_string(response.status));
    }
    const nlohmann::json* error = nullptr;
    if (response.json.is_object() && response.json.contains("error") &&
        response.json["error"].is_object()) {
        error = &response.json["error"];
    }
    if (error == nullptr) {
        differs("the body has no \"error\" object");
        return false;
    }
    if (!error->contains("status") || (*error)["status"] != status) {
        differs("error.status is " + error->value("status", nlohmann::json()).dump());
    }
    if (!error->contains("reason") || !(*error)["reason"].is_string() ||
        (*error)["reason"].get<std::string>() != reason) {
        differs("error.reason is " + error->value("reason", nlohmann::json()).dump());
    }
    if (!error->contains("message") || !(*error)["message"].is_string()) {
        differs("error.message is not a string");
    }
    if (!error->contains("fields") || !(*error)["fields"].is_array()) {
        differs("error.fields is not an array");
    }
    const nlohmann::json request_id = error->value("requestId", nlohmann::json());
    if (!request_id.is_string() || request_id.get<std::string>().empty()) {
        differs("error.requestId is " + request_id.dump());
    } else if (response.Header("x-request-id") != request_id.get<std::string>()) {
        differs("X-Request-Id is \"" + std::string(response.Header("x-request-id")) +
                "\", not the body's requestId");
    }
    return matches;
}

std::vector<std::pair<std::string, std::string>> FieldErrors(const HttpResponse& response) {
    std::vector<std::pair<std::string, std::string>> fields;
    if (!response.json.is_object() || !response.json.contains("error")) {
        return fields;
    }
    for (const auto& field : response.json["error"].value("fields", nlohmann::json::array())) {
        fields.emplace_back(field.value("field", ""), field.value("reason", ""));
    }
    return fields;
}

std::vector<std::string> Strings(const nlohmann::json& items, std::string_view key) {
    std::vector<std::string> values;
    if (!items.is_array()) {
        return values;
    }
    for (const auto& item : items) {
        if (item.is_object() && item.contains(std::string(key)) &&
            item[std::string(key)].is_string()) {
            values.push_back(item[std::string(key)].get<std::string>());
        }
    }
    return values;
}

std::vector<nlohmann::json> InboxAbout(Session& session, std::int64_t id) {
    const HttpResponse inbox = session.Get("/api/v1/notifications?limit=100");
    std::vector<nlohmann::json> items;
    for (const auto& item : inbox.json["items"]) {
        if (item["caseId"] == id) {
            items.push_back(item);
        }
    }
    return items;
}

std::set<std::string> KeysOf(const std::vector<nlohmann::json>& items) {
    std::set<std::string> keys;
    for (const auto& item : items) {
        keys.insert(item["key"].get<std::string>());
    }
    return keys;
}

nlohmann::json FindBy(const nlohmann::json& items, std::string_view key, std::string_view value) {
    if (!items.is_array()) {
        return nullptr;
    }
    for (const auto& item : items) {
        if (item.is_object() && item.contains(std::string(key)) &&
            item[std::string(key)].is_string() &&
            item[std::string(key)].get<std::string>() == value) {
            return item;
        }
    }
    return nullptr;
}

}  // namespace minqing::tests
