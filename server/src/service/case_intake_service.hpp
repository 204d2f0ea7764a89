// Intake: records a case from any channel (staff channels with an account, the public
// mailbox and message board without one), with idempotent retries and every field error
// reported at once. Thread-safe; blocks on the Store.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/clock.hpp"
#include "common/result.hpp"
#include "domain/case.hpp"
#include "domain/channel_fields.hpp"
#include "domain/principal.hpp"
#include "domain/store.hpp"
#include "service/case_view.hpp"
#include "service/org_tree_cache.hpp"
#include "service/time_rules_service.hpp"

namespace minqing::service {

/// A case as submitted.
struct CaseDraft {
    domain::Channel channel = domain::Channel::kWalkIn;
    /// False when the body named no valid channel: nothing can be placed then.
    bool channel_known = true;
    std::optional<domain::CaseKind> kind;
    domain::CaseScope scope = domain::CaseScope::kIndividual;
    domain::Urgency urgency = domain::Urgency::kNormal;
    std::string category_code;
    std::string title;
    std::string content;
    domain::CaseLocation location;
    int people_involved = 1;
    domain::Reporter reporter;
    bool publish = false;
    /// Grid and walk-in: the office the case goes to, chosen by the recorder on their own
    /// chain (their own office up to the city office). Absent: their own office, except that a
    /// critical (特急) case recorded at a community goes straight to the city office.
    std::optional<domain::OrgUnitId> office_id;
    /// The fields of the channel it comes by (grid, cadreReport, directCard, hotline).
    domain::ChannelFields fields;
};

/// kCheck runs every check of an intake and records nothing: the API asks it when the JSON
/// itself had problems, so that one 422 lists them together with the ones found here.
enum class IntakeMode { kRecord, kCheck };

struct CreatedCase {
    CaseView view;
    /// For public submissions, and staff-recorded cases of a named reporter with a phone (who
    /// also get it by SMS): the code that, with the number, follows the case. Shown once;
    /// empty when a retry replays an earlier submission.
    std::string query_code;
    bool replayed = false;
};

/// A public submission's status as the resident sees it.
struct PublicStatus {
    std::string number;
    domain::CaseState state = domain::CaseState::kRegistered;
    Instant created_at{};
    std::optional<domain::AnswerResult> result;
    std::string answer_text;
    std::optional<Instant> closed_at;
    /// Why it was not accepted, and the proper channel or legal basis (declined only).
    std::string decline_reason;
    std::string legal_basis;
};

struct IntakeLimits {
    std::size_t max_title = 100;
    std::size_t max_content = 5000;
    std::size_t max_address = 200;
    std::size_t max_name = 50;
    std::size_t max_channel_text = 2000;
    int max_people = 100'000;
    /// People involved at or above which a case is collective (群体性) and the leaders in
    /// charge are told at once (notify.collectiveThreshold).
    int collective_threshold = 10;
};

struct IntakeRequest;  // one intake, as case_intake_service.cpp's steps see it

class CaseIntakeService {
  public:
    CaseIntakeService(domain::Store& store, const Clock& clock, TimeRulesService& time_rules,
                      OrgTreeCache& org_tree, IntakeLimits limits = {})
        : store_(store),
          clock_(clock),
          time_rules_(time_rules),
          org_tree_(org_tree),
          limits_(limits) {}

    /// Staff channels (grid, cadre_report, direct_card, hotline, walk_in). Errors: 403
    /// "case.channel_forbidden" (the caller's roles do not allow this channel); 409
    /// "request.idempotency_mismatch" (same key, different body); 422 with every field
    /// ("officeId" "not_allowed" on other channels than grid and walk_in, "unknown",
    /// "not_on_chain" when it is not an office from the recorder's own up to the city's).
    Result<CreatedCase> Create(const domain::Principal& caller, CaseDraft draft,
                               std::string_view idempotency_key, std::string_view request_hash,
                               IntakeMode mode = IntakeMode::kRecord);

    /// The public mailbox and message board. Errors: 409, 422 as above.
    Result<CreatedCase> Submit(CaseDraft draft, std::string_view idempotency_key,
                               std::string_view request_hash,
                               IntakeMode mode = IntakeMode::kRecord);

    /// The status of a public submission. 404 "case.not_found" unless number and code match.
    Result<PublicStatus> PublicStatusOf(std::string_view number, std::string_view query_code);

  private:
    Result<CreatedCase> Record(const domain::Principal* caller, CaseDraft draft,
                               std::string_view idempotency_scope, std::string_view idempotency_key,
                               std::string_view request_hash, IntakeMode mode);
    /// Prepares on a read snapshot, then commits; once more after an idempotency race.
    Result<CreatedCase> Attempt(const IntakeRequest& request);

    domain::Store& store_;
    const Clock& clock_;
    TimeRulesService& time_rules_;
    OrgTreeCache& org_tree_;
    const IntakeLimits limits_;
};

}  // namespace minqing::service
