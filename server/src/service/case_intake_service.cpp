#include "service/case_intake_service.hpp"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "domain/case_deadlines.hpp"
#include "service/case_records.hpp"
#include "service/crypto.hpp"
#include "service/notifications.hpp"
#include "text/segmenter.hpp"
#include "text/text_checks.hpp"

namespace minqing::service {
namespace {

using domain::Case;
using domain::CaseState;
using domain::Channel;
using domain::OrgKind;
using domain::OrgLevel;
using domain::OrgUnit;
using domain::Principal;
using domain::Repositories;
using domain::Role;

// Jilin City's prefecture, generously: a point outside it is a typo or a wrong city.
constexpr double kMinLat = 42.5;
constexpr double kMaxLat = 44.9;
constexpr double kMinLng = 125.5;
constexpr double kMaxLng = 128.0;
constexpr std::size_t kQueryCodeBytes = 6;  // 8 base64url characters
constexpr std::string_view kPublicScope = "public";
constexpr std::string_view kIdempotencyRace = "request.idempotency_race";

struct Placement {
    std::optional<OrgUnit> origin;
    std::optional<OrgUnit> holder;
    std::optional<OrgUnit> receiving;
    std::optional<OrgUnit> dispatcher;
    std::optional<OrgUnit> lead;
    CaseState state = CaseState::kRegistered;
};

void CheckText(std::vector<FieldError>& errors, std::string field, std::string_view value,
               std::size_t max, bool required, bool single_line) {
    if (auto reason = text::CheckText(value, max, required, single_line)) {
        errors.push_back({std::move(field), std::move(*reason),
                          "At most " + std::to_string(max) + " characters" +
                              (required ? ", required" : "") + "."});
    }
}

bool IsPhone(std::string_view phone) {
    return phone.size() >= 5 && phone.size() <= 20 && std::ranges::all_of(phone, [](char c) {
               return (c >= '0' && c <= '9') || c == '-' || c == '+' || c == ' ';
           });
}

std::optional<OrgUnit> CityOf(Repositories& repositories) {
    domain::OrgQuery query;
    query.level = OrgLevel::kCity;
    query.kind = OrgKind::kDivision;
    auto cities = repositories.Orgs().List(query);
    return cities.empty() ? std::nullopt : std::optional(std::move(cities.front()));
}

// Walks up from `unit` to the division of `level` above it.
std::optional<OrgUnit> AncestorAt(Repositories& repositories, OrgUnit unit, OrgLevel level) {
    while (unit.level != level || unit.kind != OrgKind::kDivision) {
        if (!unit.parent_id) {
            return std::nullopt;
        }
        auto parent = repositories.Orgs().FindById(*unit.parent_id);
        if (!parent) {
            return std::nullopt;
        }
        unit = std::move(*parent);
    }
    return unit;
}

const domain::RoleAssignment* FirstRole(const Principal& caller,
                                        std::initializer_list<Role> roles) {
    for (const auto& held : caller.roles) {
        if (std::ranges::find(roles, held.role) != roles.end()) {
            return &held;
        }
    }
    return nullptr;
}

bool IsGrid(const OrgUnit& unit) {
    return unit.kind == OrgKind::kDivision && unit.level == OrgLevel::kGrid && unit.active;
}

Error ChannelForbidden(std::string_view why) {
    return Forbidden("case.channel_forbidden", std::string(why));
}

class Intake {
  public:
    Intake(Repositories& repositories, const CaseDraft& draft, std::vector<FieldError>& errors)
        : repositories_(repositories), draft_(draft), errors_(errors) {}

    // The grid named in the location, when there is one and it is a grid.
    std::optional<OrgUnit> Grid() {
        if (!draft_.location.grid_id) {
            return std::nullopt;
        }
        auto grid = repositories_.Orgs().FindById(*draft_.location.grid_id);
        if (!grid || !IsGrid(*grid)) {
            errors_.push_back({"location.gridId", "unknown", "No such active grid."});
            return std::nullopt;
        }
        return grid;
    }

    // The grid if it lies under `area`; otherwise an error and the area itself.
    OrgUnit OriginWithin(const OrgUnit& area, std::string_view reason) {
        auto grid = Grid();
        if (!grid) {
            return area;
        }
        if (!domain::IsWithin(area, *grid)) {
            errors_.push_back({"location.gridId", std::string(reason),
                               "The grid does not lie in " + area.name + "."});
            return area;
        }
        return *grid;
    }

    Result<Placement> Place(const Principal* caller) {
        const bool is_public =
            draft_.channel == Channel::kMailbox || draft_.channel == Channel::kMessageBoard;
        if (caller == nullptr) {
            if (!is_public) {
                return Fail(Validation(
                    {{"channel", "staff_only", "Only mailbox and message_board are public."}}));
            }
            return PlacePublic();
        }
        switch (draft_.channel) {
            case Channel::kGrid:
                return PlaceGrid(*caller);
            case Channel::kCadreReport:
                return PlaceCadreReport(*caller);
            case Channel::kDirectCard:
                return PlaceDirectCard(*caller);
            case Channel::kHotline:
                return PlaceHotline(*caller);
            case Channel::kWalkIn:
                return PlaceWalkIn(*caller);
            case Channel::kMailbox:
            case Channel::kMessageBoard:
                break;
        }
        return Fail(Validation({{"channel", "public_only",
                                 "The mailbox and message board take public submissions."}}));
    }

  private:
    // Where a case recorded at `own` (the recorder's office) goes: the office chosen in
    // officeId, which must lie on the recorder's own chain (own office, street, district or
    // city office: 按照管理权限，分别上报至街道、区、市); otherwise `own`, except that a critical
    // case recorded at a community goes to the city office at once: climbing the chain would
    // restart its 15-minute accept clock at each office, and the offices passed over are told
    // instead (service/notifications.cpp).
    OrgUnit ReceivingOffice(const OrgUnit& own) {
        if (draft_.office_id) {
            auto chosen = repositories_.Orgs().FindById(*draft_.office_id);
            if (!chosen || chosen->kind != OrgKind::kDivision || !chosen->active ||
                chosen->level == OrgLevel::kGrid) {
                errors_.push_back({"officeId", "unknown", "No such office."});
                return own;
            }
            if (!domain::IsWithin(*chosen, own)) {
                errors_.push_back({"officeId", "not_on_chain",
                                   "Your own office or one above it, up to the city office."});
                return own;
            }
            return *chosen;
        }
        if (draft_.urgency == domain::Urgency::kCritical && own.level == OrgLevel::kCommunity) {
            if (auto city = AncestorAt(repositories_, own, OrgLevel::kCity)) {
                return *city;
            }
        }
        return own;
    }

    // officeId on a channel whose office is not the recorder's to choose.
    void RefuseOfficeChoice(std::string_view why) {
        if (draft_.office_id) {
            errors_.push_back({"officeId", "not_allowed", std::string(why)});
        }
    }

    Result<Placement> PlacePublic() {
        auto city = CityOf(repositories_);
        if (!city) {
            return Fail(MakeError(ErrorCode::kUnavailable, "org.not_loaded",
                                  "The org network has not been loaded."));
        }
        Placement placement;
        placement.origin = OriginWithin(*city, "outside_city");
        placement.holder = city;
        placement.receiving = city;
        return placement;
    }

    Result<Placement> PlaceGrid(const Principal& caller) {
        const auto* worker = FirstRole(caller, {Role::kGridWorker});
        if (worker == nullptr) {
            return Fail(ChannelForbidden("Only grid managers record grid collection."));
        }
        auto own_grid = repositories_.Orgs().FindById(worker->org_unit_id);
        if (!own_grid || !own_grid->parent_id) {
            return Fail(ChannelForbidden("Your grid is not in the org network."));
        }
        auto community = repositories_.Orgs().FindById(*own_grid->parent_id);
        if (!community) {
            return Fail(ChannelForbidden("Your grid is not in the org network."));
        }
        Placement placement;
        placement.origin = OriginWithin(*own_grid, "outside_your_grid");
        placement.holder = draft_.grid.solved_on_spot ? *community : ReceivingOffice(*community);
        placement.receiving = placement.holder;
        if (draft_.grid.solved_on_spot) {
            RefuseOfficeChoice("A matter solved on the spot stays with the community.");
            CheckText(errors_, "grid.evidence", draft_.grid.evidence, 2000, true, false);
            placement.state = CaseState::kAnswered;
            placement.dispatcher = placement.holder;
            placement.lead = placement.holder;
        }
        return placement;
    }

    Result<Placement> PlaceCadreReport(const Principal& caller) {
        if (FirstRole(caller, {Role::kCadre}) == nullptr) {
            return Fail(ChannelForbidden("Only cadres file the report form."));
        }
        RefuseOfficeChoice("The report form names its office in cadreReport.officeId.");
        const auto& form = draft_.cadre;
        CheckText(errors_, "cadreReport.cadreUnit", form.cadre_unit, 100, true, true);
        CheckText(errors_, "cadreReport.summary", form.summary, 2000, true, false);
        CheckText(errors_, "cadreReport.suggestion", form.suggestion, 2000, false, false);
        if (form.households < 0 || form.households > 1'000'000) {
            errors_.push_back({"cadreReport.households", "range", "0 to 1000000."});
        }
        std::optional<OrgUnit> community;
        if (!form.community_id) {
            errors_.push_back({"cadreReport.communityId", "required", "The community visited."});
        } else {
            community = repositories_.Orgs().FindById(*form.community_id);
            if (!community || community->kind != OrgKind::kDivision ||
                community->level != OrgLevel::kCommunity) {
                errors_.push_back({"cadreReport.communityId", "unknown", "No such community."});
                community.reset();
            }
        }
        if (!community) {
            return Placement{};
        }
        std::optional<OrgUnit> office;
        if (form.office_id) {
            office = repositories_.Orgs().FindById(*form.office_id);
            const bool fits =
                office && office->kind == OrgKind::kDivision &&
                (office->level == OrgLevel::kDistrict || office->level == OrgLevel::kCity) &&
                domain::IsWithin(*office, *community);
            if (!fits) {
                errors_.push_back({"cadreReport.officeId", "invalid",
                                   "The district or city office above the community."});
                office.reset();
            }
        } else {
            office = AncestorAt(repositories_, *community, OrgLevel::kDistrict);
        }
        Placement placement;
        placement.origin = OriginWithin(*community, "grid_not_in_community");
        placement.holder = office;
        placement.receiving = office;
        return placement;
    }

    Result<Placement> PlaceDirectCard(const Principal& caller) {
        const auto* director = FirstRole(caller, {Role::kDirector});
        if (director == nullptr) {
            return Fail(ChannelForbidden("Only the committee director holds the direct card."));
        }
        RefuseOfficeChoice("A direct card goes to the unit named in directCard.unitId.");
        auto community = repositories_.Orgs().FindById(director->org_unit_id);
        if (!community) {
            return Fail(ChannelForbidden("Your community is not in the org network."));
        }
        if (!repositories_.Catalog().ActiveCard(caller.user_id, community->id)) {
            errors_.push_back(
                {"directCard", "not_active", "You hold no active direct card for this community."});
        }
        auto city = CityOf(repositories_);
        const auto district = AncestorAt(repositories_, *community, OrgLevel::kDistrict);
        std::optional<OrgUnit> unit;
        if (!draft_.direct_card.unit_id) {
            errors_.push_back({"directCard.unitId", "required", "The unit it goes to."});
        } else {
            unit = repositories_.Orgs().FindById(*draft_.direct_card.unit_id);
            // A city unit, or a unit of the community's own district.
            const bool fits = unit && unit->kind == OrgKind::kUnit && unit->active &&
                              ((city && unit->parent_id == city->id) ||
                               (district && unit->parent_id == district->id));
            if (!fits) {
                errors_.push_back({"directCard.unitId", "invalid",
                                   "A member unit of the city or of your district."});
                unit.reset();
            }
        }
        Placement placement;
        placement.origin = OriginWithin(*community, "grid_not_in_community");
        placement.holder = unit;
        placement.lead = unit;
        // The city office is informed and reviews the answer.
        placement.dispatcher = city;
        placement.receiving = city;
        placement.state = CaseState::kDispatched;
        return placement;
    }

    Result<Placement> PlaceHotline(const Principal& caller) {
        const bool hotline_unit =
            caller.via_api_token &&
            std::ranges::any_of(caller.roles, [&](const domain::RoleAssignment& held) {
                if (!domain::IsUnitRole(held.role)) {
                    return false;
                }
                const auto unit = repositories_.Orgs().FindById(held.org_unit_id);
                return unit && unit->unit_type == "hotline";
            });
        if (!hotline_unit) {
            return Fail(ChannelForbidden(
                "Hotline hand-overs come from the hotline's system with its API token."));
        }
        CheckText(errors_, "hotline.externalRef", draft_.hotline.external_ref, 64, true, true);
        RefuseOfficeChoice("Hotline hand-overs go to the city office.");
        auto placement = PlacePublic();
        return placement;
    }

    Result<Placement> PlaceWalkIn(const Principal& caller) {
        const auto* office_role = FirstRole(caller, {Role::kCityOffice, Role::kDistrictOffice,
                                                     Role::kStreetOffice, Role::kCommunityStaff});
        if (office_role == nullptr) {
            return Fail(ChannelForbidden("Walk-in and phone registration is for office staff."));
        }
        auto office = repositories_.Orgs().FindById(office_role->org_unit_id);
        if (!office) {
            return Fail(ChannelForbidden("Your office is not in the org network."));
        }
        Placement placement;
        placement.origin = OriginWithin(*office, "outside_scope");
        placement.holder = ReceivingOffice(*office);
        placement.receiving = placement.holder;
        return placement;
    }

    Repositories& repositories_;
    const CaseDraft& draft_;
    std::vector<FieldError>& errors_;
};

void CheckCommon(Repositories& repositories, const CaseDraft& draft, const IntakeLimits& limits,
                 std::vector<FieldError>& errors) {
    if (!draft.kind) {
        errors.push_back({"kind", "required",
                          "question, help, complaint, report, suggestion, praise or other."});
    }
    CheckText(errors, "title", draft.title, limits.max_title, true, true);
    CheckText(errors, "content", draft.content, limits.max_content, true, false);
    CheckText(errors, "location.address", draft.location.address, limits.max_address, false, true);
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
        CheckText(errors, "reporter.name", draft.reporter.name, limits.max_name, false, true);
        if (!draft.reporter.phone.empty() && !IsPhone(draft.reporter.phone)) {
            errors.push_back({"reporter.phone", "invalid", "5 to 20 digits, spaces, '+', '-'."});
        }
    }
    if (draft.publish && draft.channel != Channel::kMessageBoard) {
        errors.push_back({"publish", "not_allowed", "Only message-board posts are published."});
    }
}

std::string ChannelFieldsJson(const CaseDraft& draft) {
    nlohmann::json fields = nlohmann::json::object();
    switch (draft.channel) {
        case Channel::kGrid:
            fields = {{"solvedOnSpot", draft.grid.solved_on_spot},
                      {"evidence", draft.grid.evidence}};
            break;
        case Channel::kCadreReport:
            fields = {{"cadreUnit", draft.cadre.cadre_unit},
                      {"communityId", draft.cadre.community_id.value_or(0)},
                      {"households", draft.cadre.households},
                      {"summary", draft.cadre.summary},
                      {"universal", draft.cadre.universal},
                      {"suggestion", draft.cadre.suggestion}};
            break;
        case Channel::kDirectCard:
            fields = {{"unitId", draft.direct_card.unit_id.value_or(0)}};
            break;
        case Channel::kHotline:
            fields = {{"externalRef", draft.hotline.external_ref}};
            break;
        default:
            break;
    }
    return fields.dump();
}

// Reporters recorded by staff who hear back by SMS (see NotifyCaseEvent) get a query code too,
// so that the SMS that sends them to the lookup page is of use. Hotline callers hear from the
// hotline, direct-card matters from the card holder.
bool GetsQueryCode(const CaseDraft& draft) {
    const bool by_sms = draft.channel == Channel::kGrid || draft.channel == Channel::kWalkIn ||
                        draft.channel == Channel::kCadreReport;
    return by_sms && !draft.reporter.anonymous && !draft.reporter.phone.empty();
}

int YearInChina(Instant at) {
    const auto local = std::chrono::floor<std::chrono::days>(at + std::chrono::hours(8));
    return static_cast<int>(std::chrono::year_month_day(local).year());
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

namespace {

// What the checks decided before anything is written: the case to insert (without id and
// number), the org nodes it involves and the actor of its first event. Or, for a repeated
// Idempotency-Key, the first answer.
struct PreparedIntake {
    Case c;
    domain::CaseParties parties;
    EventActor actor;
    std::optional<CreatedCase> replay;
};

}  // namespace

Result<CreatedCase> CaseIntakeService::Record(const Principal* caller, CaseDraft draft,
                                              std::string_view idempotency_scope,
                                              std::string_view idempotency_key,
                                              std::string_view request_hash, IntakeMode mode) {
    const Instant now = clock_.Now();
    const bool is_public = caller == nullptr;
    if (draft.reporter.anonymous) {
        // Anonymous means nothing that identifies the reporter is stored at all.
        draft.reporter.name.clear();
        draft.reporter.phone.clear();
    }
    const bool staff_code = !is_public && GetsQueryCode(draft);
    const std::string query_code = is_public || staff_code ? RandomToken(kQueryCodeBytes) : "";
    const Principal nobody;
    const Principal& viewer = is_public ? nobody : *caller;
    // On SQLite every write unit runs on the one writer thread, so everything that only reads
    // (segmenting, validation, placement, the org nodes) happens before it, on a read
    // snapshot. The org network may change between the two; a case placed on a unit
    // deactivated in that instant is still a valid case, as it would have been a moment
    // earlier.
    const TimeRules rules = time_rules_.Current();  // not inside a unit: it may read itself
    const std::string tokens = text::IndexTokens(text::Trim(draft.title) + "\n" + draft.content);
    const auto prepare = [&](Repositories& repositories) -> Result<PreparedIntake> {
        if (!idempotency_key.empty()) {
            if (const auto seen =
                    repositories.Idempotency().Find(idempotency_scope, idempotency_key)) {
                if (seen->request_hash != request_hash) {
                    return Fail(Conflict("request.idempotency_mismatch",
                                         "This Idempotency-Key was used with another body."));
                }
                auto first = repositories.Cases().FindById(seen->case_id);
                PreparedIntake replay;
                replay.replay =
                    CreatedCase{ViewOf(repositories, viewer, std::move(*first), now), "", true};
                return replay;
            }
        }
        std::vector<FieldError> errors;
        CheckCommon(repositories, draft, limits_, errors);
        if (!draft.channel_known) {
            return Fail(Validation(std::move(errors)));
        }
        Intake intake(repositories, draft, errors);
        auto placement = intake.Place(caller);
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
        if (!errors.empty() || !placement->holder || !placement->origin) {
            if (errors.empty()) {
                errors.push_back({"location", "unplaceable", "No office can receive this case."});
            }
            return Fail(Validation(std::move(errors)));
        }
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
        c.location.grid_id = placement->origin->level == OrgLevel::kGrid
                                 ? std::optional(placement->origin->id)
                                 : std::nullopt;
        c.people_involved = draft.people_involved;
        c.reporter = draft.reporter;
        c.state = placement->state;
        c.holder_id = placement->holder->id;
        c.holder_path = placement->holder->path;
        c.origin_id = placement->origin->id;
        c.origin_path = placement->origin->path;
        c.receiving_office_id = placement->receiving->id;
        const auto id_of = [](const OrgUnit& unit) { return unit.id; };
        c.dispatcher_id = placement->dispatcher.transform(id_of);
        c.lead_unit_id = placement->lead.transform(id_of);
        c.created_by = is_public ? 0 : caller->user_id;
        c.created_at = now;
        c.updated_at = now;
        c.channel_fields = ChannelFieldsJson(draft);
        c.external_ref = draft.hotline.external_ref;
        c.publish = draft.publish;
        c.query_code_digest = query_code.empty() ? "" : Sha256Hex(query_code);
        if (c.state == CaseState::kAnswered) {
            c.result = domain::AnswerResult::kSolved;
            c.answer_text = draft.grid.evidence;
        }
        domain::PlanDeadlines({*rules.limits, *rules.calendar}, std::nullopt, std::nullopt, nullptr,
                              c, now);
        prepared.parties.holder = std::move(placement->holder);
        prepared.parties.origin = std::move(placement->origin);
        prepared.parties.receiving_office = std::move(placement->receiving);
        prepared.parties.dispatcher = std::move(placement->dispatcher);
        prepared.parties.lead_unit = std::move(placement->lead);
        prepared.actor = is_public ? EventActor{} : ActorFor(*caller, prepared.parties);
        return prepared;
    };
    const int year = YearInChina(now);
    const auto attempt = [&]() -> Result<CreatedCase> {
        auto prepared = domain::Query(store_, prepare);
        if (!prepared) {
            return Fail(std::move(prepared.error()));
        }
        if (prepared->replay) {
            return std::move(*prepared->replay);
        }
        if (mode == IntakeMode::kCheck) {
            return CreatedCase{};
        }
        Case& c = prepared->c;
        if (!store_.SerialisesWrites()) {
            // Concurrent writers would queue on the year's counter row for as long as the
            // intake transaction lasts; a number of its own keeps that lock one statement
            // long. A failure below leaves a gap in the numbers, never a duplicate.
            c.number = *domain::Transact(store_, [&](Repositories& repositories) {
                return Result<std::string>(repositories.Cases().NextNumber(year));
            });
        }
        const std::vector<std::string> stakes = StakePaths(prepared->parties);
        auto recorded = domain::Transact(store_, [&](Repositories& repositories) -> Result<Case> {
            Case fresh = c;
            if (fresh.number.empty()) {
                fresh.number = repositories.Cases().NextNumber(year);
            }
            fresh = repositories.Cases().Insert(std::move(fresh), tokens);
            repositories.Cases().AddAccess(fresh.id, stakes);
            const nlohmann::json payload = {{"channel", domain::ChannelName(fresh.channel)},
                                            {"number", fresh.number},
                                            {"title", fresh.title},
                                            {"holderId", fresh.holder_id}};
            const auto event = AppendCaseEvent(repositories, fresh.id, prepared->actor, "create",
                                               payload.dump(), std::nullopt, fresh.state, now);
            NotifyOptions notify;
            notify.collective_threshold = limits_.collective_threshold;
            // The public learn their code from the answer to their submission.
            notify.query_code = staff_code ? query_code : "";
            NotifyCaseEvent(repositories, fresh, event, prepared->parties, notify);
            if (!idempotency_key.empty() &&
                !repositories.Idempotency().Save(idempotency_scope, idempotency_key,
                                                 {std::string(request_hash), fresh.id}, now)) {
                // A concurrent request with the same key committed first: drop this case; the
                // retry below answers with theirs.
                return Fail(Conflict(std::string(kIdempotencyRace), "retry"));
            }
            return fresh;
        });
        if (!recorded) {
            return Fail(std::move(recorded.error()));
        }
        return CreatedCase{
            ViewOfRecorded(viewer, std::move(*recorded), std::move(prepared->parties), now),
            query_code, false};
    };
    auto created = attempt();
    if (!created && created.error().reason == kIdempotencyRace) {
        created = attempt();
    }
    return created;
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
                const auto payload = nlohmann::json::parse(event.payload, nullptr, false);
                status.decline_reason = payload.value("reason", "");
                status.legal_basis = payload.value("legalBasis", "");
            }
        }
    }
    return status;
}

}  // namespace minqing::service
