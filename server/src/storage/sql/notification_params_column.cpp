#include "storage/sql/notification_params_column.hpp"

#include <nlohmann/json.hpp>

namespace minqing::storage {
namespace {

constexpr const char* kCases = "cases";

// A linked case as it was written; a malformed one (written by hand) as nullopt.
std::optional<domain::LinkedCase> LinkedCaseOf(const nlohmann::json& json) {
    if (!json.is_object() || !json.contains("id") || !json["id"].is_number_integer()) {
        return std::nullopt;
    }
    const auto text = [&json](const char* key) {
        return json.contains(key) && json[key].is_string() ? json[key].get<std::string>() : "";
    };
    domain::LinkedCase linked;
    linked.id = json["id"].get<domain::CaseId>();
    linked.number = text("number");
    linked.title = text("title");
    if (json.contains("overdueWorkingDays") && json["overdueWorkingDays"].is_number_integer()) {
        linked.overdue_working_days = json["overdueWorkingDays"].get<std::int64_t>();
    }
    return linked;
}

}  // namespace

std::string NotificationParamsJson(const domain::NotificationParams& params) {
    nlohmann::json json(params.values);
    if (!params.cases.empty()) {
        nlohmann::json cases = nlohmann::json::array();
        for (const domain::LinkedCase& linked : params.cases) {
            cases.push_back({{"id", linked.id},
                             {"number", linked.number},
                             {"title", linked.title},
                             {"overdueWorkingDays", linked.overdue_working_days}});
        }
        json[kCases] = std::move(cases);
    }
    return json.dump();
}

domain::NotificationParams NotificationParamsOfJson(const std::string& text) {
    domain::NotificationParams params;
    const auto json = nlohmann::json::parse(text, nullptr, false);
    if (!json.is_object()) {
        return params;
    }
    for (const auto& [name, value] : json.items()) {
        if (name == kCases && value.is_array()) {
            for (const auto& item : value) {
                if (auto linked = LinkedCaseOf(item)) {
                    params.cases.push_back(std::move(*linked));
                }
            }
        } else {
            params.values[name] = value.is_string() ? value.get<std::string>() : value.dump();
        }
    }
    return params;
}

}  // namespace minqing::storage
