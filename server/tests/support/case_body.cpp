#include "support/case_body.hpp"

#include <chrono>
#include <cstdio>
#include <stdexcept>

namespace minqing::tests {

CaseBody::CaseBody(std::string_view channel)
    : body_({{"channel", channel},
             {"kind", "complaint"},
             {"categoryCode", "0301"},
             {"title", "暖气不热"},
             {"content", "家里暖气不热，室温只有十五度，请帮忙协调。"},
             {"reporter", {{"name", "张三"}, {"phone", "13812341234"}}}}) {}

CaseBody& CaseBody::Title(std::string_view title) {
    return Set("title", title);
}

CaseBody& CaseBody::Content(std::string_view content) {
    return Set("content", content);
}

CaseBody& CaseBody::Category(std::string_view code) {
    return Set("categoryCode", code);
}

CaseBody& CaseBody::Kind(std::string_view kind) {
    return Set("kind", kind);
}

CaseBody& CaseBody::Urgency(std::string_view urgency) {
    return Set("urgency", urgency);
}

CaseBody& CaseBody::Scope(std::string_view scope) {
    return Set("scope", scope);
}

CaseBody& CaseBody::Address(std::string_view address) {
    Location()["address"] = address;
    return *this;
}

CaseBody& CaseBody::GridId(std::int64_t grid_id) {
    Location()["gridId"] = grid_id;
    return *this;
}

CaseBody& CaseBody::Coordinates(double lat, double lng) {
    Location()["lat"] = lat;
    Location()["lng"] = lng;
    return *this;
}

CaseBody& CaseBody::PeopleInvolved(int people) {
    return Set("peopleInvolved", people);
}

CaseBody& CaseBody::Reporter(std::string_view name, std::string_view phone) {
    body_["reporter"]["name"] = name;
    body_["reporter"]["phone"] = phone;
    return *this;
}

CaseBody& CaseBody::Anonymous() {
    body_["reporter"]["anonymous"] = true;
    return *this;
}

CaseBody& CaseBody::Confidential() {
    body_["reporter"]["confidential"] = true;
    return *this;
}

CaseBody& CaseBody::Set(std::string_view key, nlohmann::json value) {
    body_[std::string(key)] = std::move(value);
    return *this;
}

CaseBody& CaseBody::Without(std::string_view key) {
    body_.erase(std::string(key));
    return *this;
}

nlohmann::json& CaseBody::Location() {
    if (!body_.contains("location")) {
        body_["location"] = nlohmann::json::object();
    }
    return body_["location"];
}

std::string CasePath(std::int64_t id, std::string_view rest) {
    return "/api/v1/cases/" + std::to_string(id) + std::string(rest);
}

std::string ActionPath(std::int64_t id, std::string_view action) {
    return CasePath(id, "/actions/" + std::string(action));
}

nlohmann::json CreateCase(Session& session, const nlohmann::json& body) {
    HttpResponse created = session.Post("/api/v1/cases", body);
    if (created.status != 201) {
        throw std::runtime_error("cannot create case: HTTP " + std::to_string(created.status) +
                                 " " + created.body);
    }
    return std::move(created.json);
}

nlohmann::json MoveCase(Session& session, std::int64_t id, std::string_view action,
                        const nlohmann::json& body) {
    HttpResponse moved = session.Post(ActionPath(id, action), body);
    if (moved.status != 200) {
        throw std::runtime_error("cannot " + std::string(action) + " case " + std::to_string(id) +
                                 ": HTTP " + std::to_string(moved.status) + " " + moved.body);
    }
    return std::move(moved.json);
}

nlohmann::json AnswerForTheUnit(Session& handler, std::int64_t id, const nlohmann::json& body) {
    nlohmann::json answered = MoveCase(handler, id, "answer", body);
    if (!answered.value("unitReviewPending", false)) {
        return answered;
    }
    Session leader = Session::LogIn(handler.client().port(), "unit-leader");
    return MoveCase(leader, id, "approve_unit_answer");
}

std::string ChinaDate(int days) {
    const auto now =
        std::chrono::system_clock::now() + std::chrono::hours(8) + std::chrono::days(days);
    const std::chrono::year_month_day date(std::chrono::floor<std::chrono::days>(now));
    char text[16];
    std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(date.year()),
                  static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
    return text;
}

std::set<std::int64_t> IdsIn(const HttpResponse& list) {
    std::set<std::int64_t> ids;
    if (!list.json.is_object() || !list.json.contains("items") || !list.json["items"].is_array()) {
        return ids;
    }
    for (const auto& item : list.json["items"]) {
        ids.insert(item.at("id").get<std::int64_t>());
    }
    return ids;
}

std::set<std::int64_t> IdsIn(const HttpResponse& list, const std::set<std::int64_t>& among) {
    std::set<std::int64_t> ids;
    for (const std::int64_t id : IdsIn(list)) {
        if (among.contains(id)) {
            ids.insert(id);
        }
    }
    return ids;
}

std::int64_t IdOf(const nlohmann::json& c) {
    return c.at("id").get<std::int64_t>();
}

std::string UnitNameAt(const nlohmann::json& c, std::string_view key) {
    const auto found = c.find(std::string(key));
    if (found == c.end() || !found->is_object()) {
        return "";
    }
    return found->value("name", "");
}

}  // namespace minqing::tests
