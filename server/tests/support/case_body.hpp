// Cases in API tests: a builder of intake bodies whose defaults pass validation, the paths of
// the case endpoints, and shortcuts that arrange a case (create it, move it on) and throw when
// the server refuses, for the steps a test needs but does not test. Use from one thread.
#pragma once

#include <cstdint>
#include <set>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "support/http_client.hpp"

namespace minqing::tests {

/// A body for POST /api/v1/cases or POST /api/v1/public/submissions. The defaults: a normal,
/// individual complaint about heating (0301) with a title, a content and a named reporter
/// 张三 / 13812341234; everything else absent. Each setter returns the builder.
class CaseBody {
  public:
    explicit CaseBody(std::string_view channel);

    CaseBody& Title(std::string_view title);
    CaseBody& Content(std::string_view content);
    CaseBody& Category(std::string_view code);
    CaseBody& Kind(std::string_view kind);
    CaseBody& Urgency(std::string_view urgency);
    CaseBody& Scope(std::string_view scope);
    CaseBody& Address(std::string_view address);
    CaseBody& GridId(std::int64_t grid_id);
    CaseBody& Coordinates(double lat, double lng);
    CaseBody& PeopleInvolved(int people);
    CaseBody& Reporter(std::string_view name, std::string_view phone);
    CaseBody& Anonymous();
    CaseBody& Confidential();
    /// Sets any top-level key (a channel's object, publish, or a deliberately bad field).
    CaseBody& Set(std::string_view key, nlohmann::json value);
    /// Removes a top-level key (for "required" tests).
    CaseBody& Without(std::string_view key);

    const nlohmann::json& json() const { return body_; }
    /// Lets a builder stand wherever a body is expected.
    operator const nlohmann::json&() const { return body_; }

  private:
    nlohmann::json& Location();

    nlohmann::json body_;
};

/// "/api/v1/cases/{id}" followed by `rest` ("/events", "/verify" …).
std::string CasePath(std::int64_t id, std::string_view rest = "");
/// "/api/v1/cases/{id}/actions/{action}".
std::string ActionPath(std::int64_t id, std::string_view action);

/// POST /api/v1/cases as `session`; returns the created case. Throws std::runtime_error unless
/// the server answers 201.
nlohmann::json CreateCase(Session& session, const nlohmann::json& body);

/// POST /api/v1/cases/{id}/actions/{action}; returns the case after it. Throws
/// std::runtime_error unless the server answers 200.
nlohmann::json MoveCase(Session& session, std::int64_t id, std::string_view action,
                        const nlohmann::json& body = nlohmann::json::object());

/// The lead unit's answer as it leaves the unit: `handler` answers; when the unit's 分管领导
/// must sign it (二级工作网络), the demo 分管领导 of 市住建局 (unit-leader) does. Returns the
/// case after both. Throws std::runtime_error unless the server answers 200.
nlohmann::json AnswerForTheUnit(Session& handler, std::int64_t id, const nlohmann::json& body);

/// The date `days` from today in China (UTC+8) as YYYY-MM-DD, for date filters and inputs.
std::string ChinaDate(int days);

/// The ids of the cases of a list answer (its `items`).
std::set<std::int64_t> IdsIn(const HttpResponse& list);
/// Those of them that are among `among`: the demo data may hold cases of its own, so a test
/// judges a list by the cases it made.
std::set<std::int64_t> IdsIn(const HttpResponse& list, const std::set<std::int64_t>& among);

/// The `id` of a case body.
std::int64_t IdOf(const nlohmann::json& c);

/// The name of the org unit at `key` of a case body ("holder", "receivingOffice" …), or "" when
/// it is null.
std::string UnitNameAt(const nlohmann::json& c, std::string_view key);

}  // namespace minqing::tests
