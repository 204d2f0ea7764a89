#include "service/case_intake_service.hpp"

#include <algorithm>

#include "domain/case_deadlines.hpp"
#include "domain/case_placement.hpp"
#include "domain/field_checks.hpp"
#include "service/case_records.hpp"
#include "service/crypto.hpp"
#include "service/notifications.hpp"
#include "text/segmenter.hpp"
#include "text/text_checks.hpp"

namespace minqing::service {

// One intake as the steps below see it: the draft (reporter already cleared when anonymous)
// and everything decided before the database is touched.
struct IntakeRequest {
    const domain::Principal* caller = nullptr;  // nullptr: a public submission
    CaseDraft draft;
    std::string_view idempotency_scope;
    std::string_view idempotency_key;
    std::string_view request_hash;
    IntakeMode mode = IntakeMode::kRecord;
    Instant now{};
    /// The code the reporter follows the case with; empty when they get none.
    std::string query_code;
    /// Whether the code goes out by SMS (staff-recorded cases) rather than in the answer.
    bool staff_code = false;
    /// The search tokens of title and content.
    std::string tokens;
};

namespace {

using domain::Case;
using domain::CaseState;
using domain::Channel;
using domain::OrgLevel;
using domain::OrgUnit;
using domain::Principal;
using domain::Repositories;

// Jilin City's prefecture, generously: a point outside it is a typo or a wrong city.
constexpr double kMinLat = 42.5;
constexpr double kMaxLat = 44.9;
constexpr double kMinLng = 125.5;
constexpr double kMaxLng = 128.0;
constexpr std::size_t kQueryCodeBytes = 6;  // 8 base64url characters
constexpr std::string_view kPublicScope = "public";
constexpr std::string_view kIdempotencyRace = "request.idempotency_race";

bool IsPhone(std::string_view phone) {
    return phone.size() >= 5 && phone.size() <= 20 && std::ranges::all_of(phone, [](char c) {
               return (c >= '0' && c <= '9') || c == '-' || c == '+' || c == ' ';
           });
}

void CheckCommon(Repositories& repositories, const CaseDraft& draft, const IntakeLimits& limits,
                 std::vector<FieldError>& errors) {
    if (!draft.kind) {
        errors.push_back({"kind", "required",
                          "question, help, complaint, report, suggestion, praise or other."});
    }
    domain::CheckTextField(errors, "title", draft.title, limits.max_title, true, true);
    domain::CheckTextField(errors, "content", draft.content, limits.max_content, true, false);
    domain::CheckTextField(errors, "location.address", draft.location.address, limits.max_address,
                           false, true);
    if (draft.category_code.empty()) {
        errors.push_back({"categoryCode", "required", "A subject category code."});
    } else {
        const auto category = repositories.Catalog().FindCategory(draft.category_code);
        if (!category || !category->active) {
            errors.push_back({"categoryCode", "unknown", "No such category."});
        }
    }
    const auto& location = draft.location;
    if (location.lat.has_value() != location.lng.has_value()) {
        errors.push_back({"location", "incomplete", "Give both lat and lng, or neither."});
    } else if (location.lat && (*location.lat < kMinLat || *location.lat > kMaxLat ||
                                *location.lng < kMinLng || *location.lng > kMaxLng)) {
        errors.push_back({"location", "outside_city", "The point lies outside Jilin City."});
    }
    if (draft.people_involved < 1 || draft.people_involved > limits.max_people) {
        errors.push_back({"peopleInvolved", "range", "1 to 100000."});
    }
    if (!draft.reporter.anonymous) {
        domain::CheckTextField(errors, "reporter.name", draft.reporter.name, limits.max_name, false,
                               true);
        if (!draft.reporter.phone.empty() && !IsPhone(draft.reporter.phone)) {
            errors.push_back({"reporter.phone", "invalid", "5 to 20 digits, spaces, '+', '-'."});
        }
    }
    if (draft.publish && draft.channel != Channel::kMessageBoard) {
        errors.push_back({"publish", "not_allowed", "Only message-board posts are published."});
    }
}

int YearInChina(Instant at) {
    const auto local = std::chrono::floor<std::chrono::days>(at + std::chrono::hours(8));
    return static_cast<int>(std::chrono::year_month_day(local).year());
}

// What the checks decided before anything is written: the case to insert (without id and
// number), the org nodes it involves and the actor of its first event. Or, for a repeated
// Idempotency-Key, the first answer.
struct PreparedIntake {
    Case c;
    domain::CaseParties parties;
    EventActor actor;
    std::optional<CreatedCase> replay;
};

const Principal& Viewer(const IntakeRequest& request) {
    static const Principal nobody;
    return request.caller != nullptr ? *request.caller : nobody;
}

// The first answer to an Idempotency-Key seen before, or a conflict when it came with
// another body; nullopt for a new key.
Result<std::optional<CreatedCase>> Replay(Repositories& repositories, const domain::OrgTree& tree,
                                          const IntakeRequest& request) {
    if (request.idempotency_key.empty()) {
        return std::optional<CreatedCase>();
    }
    const auto seen =
        repositories.Idempotency().Find(request.idempotency_scope, request.idempotency_key);
    if (!seen) {
        return std::optional<CreatedCase>();
    }
    if (seen->request_hash != request.request_hash) {
        return Fail(Conflict("request.idempotency_mismatch",
                             "This Idempotency-Key was used with another body."));
    }
    auto first = repositories.Cases().FindById(seen->case_id);
    return std::optional(CreatedCase{
        ViewOf(tree, repositories, Viewer(request), std::move(*first), request.now), "", true});
}

// Every problem of the draft's own fields.
std::vector<FieldError> Validate(Repositories& repositories, const CaseDraft& draft,
                                 const IntakeLimits& limits) {
    std::vector<FieldError> errors;
    CheckCommon(repositories, draft, limits, errors);
    return errors;
}

domain::PlacementRequest PlacementRequestOf(Repositories& repositories,
                                            const IntakeRequest& request) {
    const CaseDraft& draft = request.draft;
    domain::PlacementRequest placement;
    placement.channel = draft.channel;
    placement.urgency = draft.urgency;
    placement.grid_id = draft.location.grid_id;
    placement.office_id = draft.office_id;
    placement.fields = draft.fields;
    if (request.caller != nullptr && draft.channel == Channel::kDirectCard) {
        if (const auto community = domain::DirectorCommunity(*request.caller)) {
            placement.holds_active_card =
                repositories.Catalog().ActiveCard(request.caller->user_id, *community).has_value();
        }
    }
    return placement;
}

// Where the case goes (domain/case_placement.hpp); a 422 listing `errors` and the
// placement's own when anything is wrong.
Result<domain::Placement> Place(Repositories& repositories, const domain::OrgTree& tree,
                                const IntakeRequest& request, std::vector<FieldError> errors) {
    if (!request.draft.channel_known) {
        return Fail(Validation(std::move(errors)));
    }
    auto placement =
        domain::PlaceCase(tree, request.caller, PlacementRequestOf(repositories, request), errors);
    if (!placement) {
        // A refused placement that is itself a field problem joins the others.
        if (placement.error().code != ErrorCode::kValidation) {
            return Fail(std::move(placement.error()));
        }
        for (auto& field : placement.error().fields) {
            errors.push_back(std::move(field));
        }
        return Fail(Validation(std::move(errors)));
    }
    if (!errors.empty() || !placement->parties.holder || !placement->parties.origin) {
        if (errors.empty()) {
            errors.push_back({"location", "unplaceable", "No office can receive this case."});
        }
        return Fail(Validation(std::move(errors)));
    }
    return placement;
}

// The case as it will be inserted, its deadlines planned, with its parties and first actor.
PreparedIntake Build(const IntakeRequest& request, const TimeRules& rules,
                     domain::Placement placement) {
    const CaseDraft& draft = request.draft;
    PreparedIntake prepared;
    Case& c = prepared.c;
    c.channel = draft.channel;
    c.kind = *draft.kind;
    c.scope = draft.scope;
    c.urgency = draft.urgency;
    c.category_code = draft.category_code;
    c.title = text::Trim(draft.title);
    c.content = draft.content;
    c.location = draft.location;
    c.people_involved = draft.people_involved;
    c.reporter = draft.reporter;
    domain::PlaceInto(placement, c);
    c.created_by = request.caller != nullptr ? request.caller->user_id : 0;
    c.created_at = request.now;
    c.updated_at = request.now;
    c.channel_fields = draft.fields;
    c.external_ref = draft.fields.hotline.external_ref;
    c.publish = draft.publish;
    c.query_code_digest = request.query_code.empty() ? "" : Sha256Hex(request.query_code);
    if (c.state == CaseState::kAnswered) {
        c.result = domain::AnswerResult::kSolved;
        c.answer_text = draft.fields.grid.evidence;
    }
    domain::PlanDeadlines({*rules.limits, *rules.calendar}, std::nullopt, std::nullopt, nullptr, c,
                          request.now);
    prepared.parties = std::move(placement.parties);
    prepared.actor =
        request.caller != nullptr ? ActorFor(*request.caller, prepared.parties) : EventActor{};
    return prepared;
}

// Replay, validate, place and build, all on one read snapshot.
Result<PreparedIntake> Prepare(Repositories& repositories, const domain::OrgTree& tree,
                               const IntakeRequest& request, const IntakeLimits& limits,
                               const TimeRules& rules) {
    auto replay = Replay(repositories, tree, request);
    if (!replay) {
        return Fail(std::move(replay.error()));
    }
    if (*replay) {
        PreparedIntake replayed;
        replayed.replay = std::move(*replay);
        return replayed;
    }
    auto placement =
        Place(repositories, tree, request, Validate(repositories, request.draft, limits));
    if (!placement) {
        return Fail(std::move(placement.error()));
    }
    return Build(request, rules, std::move(*placement));
}

// Inserts the case with its stakes, its first event, its notices and its idempotency key.
Result<Case> Commit(Repositories& repositories, const PreparedIntake& prepared,
                    const IntakeRequest& request, int year, const IntakeLimits& limits) {
    Case fresh = prepared.c;
    if (fresh.number.empty()) {
        fresh.number = repositories.Cases().NextNumber(year);
    }
    fresh = repositories.Cases().Insert(std::move(fresh), request.tokens);
    repositories.Cases().AddAccess(fresh.id, StakePaths(prepared.parties));
    domain::CaseEventPayload payload;
    payload.channel = fresh.channel;
    payload.number = fresh.number;
    payload.title = fresh.title;
    payload.holder_id = fresh.holder_id;
    const auto event = AppendCaseEvent(repositories, fresh.id, prepared.actor, "create",
                                       std::move(payload), std::nullopt, fresh.state, request.now);
    NotifyOptions notify;
    notify.collective_threshold = limits.collective_threshold;
    // The public learn their code from the answer to their submission.
    notify.query_code = request.staff_code ? request.query_code : "";
    NotifyCaseEvent(repositories, fresh, event, prepared.parties, notify);
    if (!request.idempotency_key.empty() &&
        !repositories.Idempotency().Save(request.idempotency_scope, request.idempotency_key,
                                         {std::string(request.request_hash), fresh.id},
                                         request.now)) {
        // A concurrent request with the same key committed first: drop this case; the
        // retry answers with theirs.
        return Fail(Conflict(std::string(kIdempotencyRace), "retry"));
    }
    return fresh;
}

}  // namespace

Result<CreatedCase> CaseIntakeService::Create(const Principal& caller, CaseDraft draft,
                                              std::string_view idempotency_key,
                                              std::string_view request_hash, IntakeMode mode) {
    const std::string scope = "user:" + std::to_string(caller.user_id);
    return Record(&caller, std::move(draft), scope, idempotency_key, request_hash, mode);
}

Result<CreatedCase> CaseIntakeService::Submit(CaseDraft draft, std::string_view idempotency_key,
                                              std::string_view request_hash, IntakeMode mode) {
    return Record(nullptr, std::move(draft), kPublicScope, idempotency_key, request_hash, mode);
}

Result<CreatedCase> CaseIntakeService::Record(const Principal* caller, CaseDraft draft,
                                              std::string_view idempotency_scope,
                                              std::string_view idempotency_key,
                                              std::string_view request_hash, IntakeMode mode) {
    IntakeRequest request;
    request.mode = mode;
    request.caller = caller;
    request.idempotency_scope = idempotency_scope;
    request.idempotency_key = idempotency_key;
    request.request_hash = request_hash;
    request.now = clock_.Now();
    if (draft.reporter.anonymous) {
        // Anonymous means nothing that identifies the reporter is stored at all.
        draft.reporter.name.clear();
        draft.reporter.phone.clear();
    }
    request.staff_code = caller != nullptr && domain::GetsQueryCode(draft.channel, draft.reporter);
    if (caller == nullptr || request.staff_code) {
        request.query_code = RandomToken(kQueryCodeBytes);
    }
    request.tokens = text::IndexTokens(text::Trim(draft.title) + "\n" + draft.content);
    request.draft = std::move(draft);
    auto created = Attempt(request);
    if (!created && created.error().reason == kIdempotencyRace) {
        created = Attempt(request);
    }
    return created;
}

Result<CreatedCase> CaseIntakeService::Attempt(const IntakeRequest& request) {
    // On SQLite every write unit runs on the one writer thread, so everything that only reads
    // (segmenting, validation, placement) happens before it, on a read snapshot and the org
    // tree in memory. The org network may change between the two; a case placed on a unit
    // deactivated in that instant is still a valid case, as it would have been a moment
    // earlier.
    const TimeRules rules = time_rules_.Current();  // not inside a unit: it may read itself
    const auto tree = org_tree_.Current();
    auto prepared = domain::Query(store_, [&](Repositories& repositories) {
        return Prepare(repositories, *tree, request, limits_, rules);
    });
    if (!prepared) {
        return Fail(std::move(prepared.error()));
    }
    if (prepared->replay) {
        return std::move(*prepared->replay);
    }
    if (request.mode == IntakeMode::kCheck) {
        return CreatedCase{};
    }
    const int year = YearInChina(request.now);
    if (!store_.SerialisesWrites()) {
        // Concurrent writers would queue on the year's counter row for as long as the intake
        // transaction lasts; a number of its own keeps that lock one statement long. A
        // failure below leaves a gap in the numbers, never a duplicate.
        prepared->c.number = *domain::Transact(store_, [&](Repositories& repositories) {
            return Result<std::string>(repositories.Cases().NextNumber(year));
        });
    }
    auto recorded = domain::Transact(store_, [&](Repositories& repositories) {
        return Commit(repositories, *prepared, request, year, limits_);
    });
    if (!recorded) {
        return Fail(std::move(recorded.error()));
    }
    return CreatedCase{ViewOfRecorded(Viewer(request), std::move(*recorded),
                                      std::move(prepared->parties), request.now),
                       request.query_code, false};
}

Result<PublicStatus> CaseIntakeService::PublicStatusOf(std::string_view number,
                                                       std::string_view query_code) {
    const auto found = domain::Query(store_, [&](Repositories& repositories) {
        return repositories.Cases().FindByNumber(number);
    });
    // One answer for "no such number" and "wrong code", so numbers cannot be probed.
    if (!found || found->query_code_digest.empty() ||
        !ConstantTimeEquals(found->query_code_digest, Sha256Hex(query_code))) {
        return Fail(NotFound("case.not_found", "No submission with this number and code."));
    }
    PublicStatus status;
    status.number = found->number;
    status.state = found->state;
    status.created_at = found->created_at;
    const bool answered =
        found->state == CaseState::kFollowUp || found->state == CaseState::kClosed;
    if (answered) {
        status.result = found->result;
        status.answer_text = found->answer_text;
    }
    status.closed_at = found->closed_at;
    if (found->state == CaseState::kDeclined) {
        const auto events = domain::Query(store_, [&](Repositories& repositories) {
            return repositories.CaseEvents().History(found->id);
        });
        for (const auto& event : events) {
            if (event.action == "decline") {
                status.decline_reason = event.payload.reason.value_or("");
                status.legal_basis = event.payload.legal_basis.value_or("");
            }
        }
    }
    return status;
}

}  // namespace minqing::service
