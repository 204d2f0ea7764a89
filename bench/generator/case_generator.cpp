#include "case_generator.hpp"

#include <algorithm>
#include <deque>
#include <future>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include "case_texts.hpp"
#include "domain/case_access.hpp"
#include "domain/case_deadlines.hpp"
#include "domain/case_placement.hpp"
#include "domain/catalog.hpp"
#include "domain/org_tree.hpp"
#include "domain/workflow.hpp"
#include "org_snapshot.hpp"
#include "random.hpp"
#include "service/case_records.hpp"
#include "service/crypto.hpp"
#include "service/time_rules_service.hpp"
#include "text/segmenter.hpp"

namespace minqing::casegen {
namespace {

using domain::AnswerResult;
using domain::Case;
using domain::CaseAction;
using domain::CaseState;
using domain::Channel;
using domain::OrgKind;
using domain::OrgLevel;
using domain::OrgUnit;
using domain::OrgUnitId;
using domain::Relation;
using domain::Role;
using domain::Urgency;
using std::chrono::days;
using std::chrono::hours;
using std::chrono::milliseconds;
using std::chrono::minutes;

constexpr hours kChinaOffset{8};
constexpr int kStateCount = 14;
constexpr int kMaxRoutingSteps = 6;
// Recent cases a repeat request may repeat.
constexpr std::size_t kRecentCases = 256;
// City member units (data/seed/org/units.csv) the workflow names.
constexpr int kHotlineUnit = 33;
constexpr int kCivilAffairsUnit = 7;

// ---------------------------------------------------------------------------------------------
// The unit of work the generator writes through. The org tree does not change while cases are
// generated, so it comes from the snapshot; the case being written is new, so its assisting
// units and last event are known here without asking the database. Everything else goes to
// the transaction's repositories, so the shared service steps (LoadParties, AppendCaseEvent)
// run unchanged.

class WalkCases final : public domain::CaseRepository {
  public:
    explicit WalkCases(domain::CaseRepository& inner) : inner_(inner) {}

    /// The case being generated: its assisting units are answered from memory.
    void Begin(const Case* current) { current_ = current; }

    std::string NextNumber(int year) override { return inner_.NextNumber(year); }
    Case Insert(Case fresh, std::string_view tokens) override {
        return inner_.Insert(std::move(fresh), tokens);
    }
    bool Update(const Case& changed, std::int64_t version) override {
        return inner_.Update(changed, version);
    }
    std::optional<Case> FindById(domain::CaseId id) override { return inner_.FindById(id); }
    std::optional<Case> FindByNumber(std::string_view number) override {
        return inner_.FindByNumber(number);
    }
    bool IsVisible(domain::CaseId id, const domain::CaseVisibility& visibility) override {
        return inner_.IsVisible(id, visibility);
    }
    std::vector<Case> List(const domain::CaseListQuery& query) override {
        return inner_.List(query);
    }
    std::int64_t Count(const domain::CaseListQuery& query) override { return inner_.Count(query); }
    std::vector<Case> MergedInto(domain::CaseId master) override {
        return inner_.MergedInto(master);
    }
    void AddAccess(domain::CaseId id, const std::vector<std::string>& paths) override {
        inner_.AddAccess(id, paths);
    }
    void SetAssisting(domain::CaseId id, const std::vector<OrgUnitId>& units) override {
        inner_.SetAssisting(id, units);
    }
    std::vector<OrgUnitId> Assisting(domain::CaseId id) override {
        if (current_ != nullptr && id == current_->id) {
            return current_->assisting_unit_ids;
        }
        return inner_.Assisting(id);
    }
    std::map<domain::CaseId, Instant> ReadAt(domain::UserId user,
                                             const std::vector<domain::CaseId>& ids) override {
        return inner_.ReadAt(user, ids);
    }
    void MarkRead(domain::CaseId id, domain::UserId user, Instant at) override {
        inner_.MarkRead(id, user, at);
    }

  private:
    domain::CaseRepository& inner_;
    const Case* current_ = nullptr;
};

class WalkEvents final : public domain::CaseEventRepository {
  public:
    explicit WalkEvents(domain::CaseEventRepository& inner) : inner_(inner) {}

    /// The case being generated: its last event is answered from memory.
    void Begin(const Case* current) {
        current_ = current;
        last_.reset();
    }

    void Append(const domain::CaseEvent& event) override {
        inner_.Append(event);
        if (current_ != nullptr && event.case_id == current_->id) {
            last_ = event;
        }
    }
    std::optional<domain::CaseEvent> Last(domain::CaseId id) override {
        if (current_ != nullptr && id == current_->id) {
            return last_;
        }
        return inner_.Last(id);
    }
    std::vector<domain::CaseEvent> History(domain::CaseId id) override {
        return inner_.History(id);
    }
    std::map<domain::CaseId, Instant> LastAt(const std::vector<domain::CaseId>& ids,
                                             std::string_view action) override {
        return inner_.LastAt(ids, action);
    }

  private:
    domain::CaseEventRepository& inner_;
    const Case* current_ = nullptr;
    std::optional<domain::CaseEvent> last_;
};

class WalkRepositories final : public domain::Repositories {
  public:
    WalkRepositories(domain::Repositories& inner, OrgSnapshot& orgs)
        : inner_(inner), orgs_(orgs), cases_(inner.Cases()), events_(inner.CaseEvents()) {}

    domain::OrgRepository& Orgs() override { return orgs_; }
    domain::UserRepository& Users() override { return inner_.Users(); }
    domain::AuthRepository& Auth() override { return inner_.Auth(); }
    domain::CaseRepository& Cases() override { return cases_; }
    domain::CaseEventRepository& CaseEvents() override { return events_; }
    domain::CaseStatsRepository& CaseStats() override { return inner_.CaseStats(); }
    domain::AttachmentRepository& Attachments() override { return inner_.Attachments(); }
    domain::IdempotencyRepository& Idempotency() override { return inner_.Idempotency(); }
    domain::CatalogRepository& Catalog() override { return inner_.Catalog(); }
    domain::NotificationRepository& Notifications() override { return inner_.Notifications(); }
    domain::TimeRulesRepository& TimeRules() override { return inner_.TimeRules(); }
    domain::SupervisionRepository& Supervisions() override { return inner_.Supervisions(); }
    domain::SavedViewRepository& SavedViews() override { return inner_.SavedViews(); }
    domain::AssessmentRepository& Assessments() override { return inner_.Assessments(); }
    domain::BulletinRepository& Bulletins() override { return inner_.Bulletins(); }
    /// Starts writing `current` (nullptr: none): its assisting units and last event are
    /// answered from memory.
    void Begin(const Case* current) {
        cases_.Begin(current);
        events_.Begin(current);
    }

  private:
    domain::Repositories& inner_;
    OrgSnapshot& orgs_;
    WalkCases cases_;
    WalkEvents events_;
};

// ---------------------------------------------------------------------------------------------
// Time.

int YearInChina(Instant at) {
    const auto local = std::chrono::floor<days>(at + kChinaOffset);
    return static_cast<int>(std::chrono::year_month_day(local).year());
}

unsigned MonthInChina(Instant at) {
    const auto local = std::chrono::floor<days>(at + kChinaOffset);
    return static_cast<unsigned>(std::chrono::year_month_day(local).month());
}

// When cases are raised: hour by hour over the window, weighted by the hour of day in China,
// the day (weekends and holidays on the city's calendar are quieter) and the month (its
// matters' volume: heating and snow fill the winter). Case i of n sits at quantile (i + r)/n,
// so creation times come out in order without sorting and numbers follow them.
class CreationClock {
  public:
    /// `month_volume[m]` is month m's (1–12) volume relative to the year's mean.
    CreationClock(Instant now, int window_days, const domain::WorkCalendar& calendar,
                  const std::array<double, 13>& month_volume) {
        static constexpr double kHourWeights[24] = {0.2, 0.1, 0.1, 0.1, 0.1, 0.3, 0.8, 1.5,
                                                    3.0, 4.0, 4.0, 3.5, 2.0, 2.5, 3.5, 3.5,
                                                    3.0, 2.0, 1.5, 1.5, 1.5, 1.2, 0.8, 0.4};
        const Instant start = now - days(window_days);
        Instant slot_start = start;
        double total = 0;
        while (slot_start < now) {
            const auto local = slot_start + kChinaOffset;
            const auto hour_start = std::chrono::floor<hours>(local);
            Instant slot_end = std::min(
                std::chrono::time_point_cast<milliseconds>(hour_start + hours(1) - kChinaOffset),
                now);
            const auto day = std::chrono::floor<days>(local);
            const int hour = static_cast<int>((hour_start - day).count());
            const std::chrono::weekday weekday(day);
            // Offices and grid workers record less on days off; residents still call.
            const double day_weight = calendar.IsWorkingDay(day)       ? 1.0
                                      : weekday == std::chrono::Sunday ? 0.5
                                                                       : 0.6;
            const auto month = static_cast<unsigned>(std::chrono::year_month_day(day).month());
            const double fraction = static_cast<double>((slot_end - slot_start).count()) / 3.6e6;
            total += kHourWeights[hour] * day_weight * month_volume[month] * fraction;
            slots_.push_back({slot_start, slot_end, total});
            slot_start = slot_end;
        }
        total_ = total;
    }

    /// The instant at quantile u in [0, 1).
    Instant At(double u) const {
        const double point = u * total_;
        auto slot = std::upper_bound(slots_.begin(), slots_.end(), point,
                                     [](double p, const Slot& s) { return p < s.cumulative; });
        if (slot == slots_.end()) {
            --slot;
        }
        const double before = slot == slots_.begin() ? 0.0 : std::prev(slot)->cumulative;
        const double share =
            slot->cumulative > before ? (point - before) / (slot->cumulative - before) : 0.0;
        const auto length = (slot->end - slot->start).count();
        const auto offset =
            std::min<std::int64_t>(static_cast<std::int64_t>(share * static_cast<double>(length)),
                                   std::max<std::int64_t>(length - 1, 0));
        return slot->start + milliseconds(offset);
    }

  private:
    struct Slot {
        Instant start;
        Instant end;
        double cumulative;
    };
    std::vector<Slot> slots_;
    double total_ = 0;
};

// ---------------------------------------------------------------------------------------------
// How a case ends, drawn whatever its age. Where it stands at `now` is not drawn: it follows
// from when it was raised and how long each step took, as in a working back office, so old
// cases are finished and the open ones are the recent ones (plus long-term commitments).

struct Ending {
    CaseState state;
    double share;  // percent of all cases
};

constexpr Ending kEndings[] = {
    {CaseState::kClosed, 88},
    {CaseState::kDeclined, 5},
    {CaseState::kMerged, 3},
    {CaseState::kWithdrawn, 4},
};

CaseState DrawEnding(Random& random) {
    std::array<double, std::size(kEndings)> weights{};
    for (std::size_t i = 0; i < weights.size(); ++i) {
        weights[i] = kEndings[i].share;
    }
    return kEndings[random.Weighted(weights)].state;
}

// Detours a case may take on its way (shares of the cases that reach the step).
constexpr double kReturnShare = 0.07;      // the unit asks the dispatcher to take it back
constexpr double kRecallShare = 0.02;      // the dispatcher recalls a wrong dispatch
constexpr double kExtensionShare = 0.08;   // the unit asks for more time
constexpr double kEscalationShare = 0.04;  // a leader in charge is asked for an instruction
constexpr double kLongTermShare = 0.015;   // a commitment of months (承诺办理)

// How punctually offices act on a step with a deadline, as a share of the time left: most
// well inside it, a good part on its last stretch (the yellow card), a few late by part of
// the limit, and then by a few working days at most.
constexpr double kActsEarly = 0.6;
constexpr double kActsLate = 0.04;
constexpr double kMaxLateWorkingMinutes = 3 * 7 * 60;

// ---------------------------------------------------------------------------------------------
// The world the cases are written into, loaded once.

struct World {
    explicit World(std::vector<OrgUnit> units) : orgs(units), tree(std::move(units), 1) {}

    OrgSnapshot orgs;
    /// The same units as the services walk them (domain/org_tree.hpp).
    domain::OrgTree tree;
    std::map<std::string, domain::Category, std::less<>> categories;
    /// A demo account by the role it holds on a node; cadres by role alone.
    std::map<std::pair<Role, OrgUnitId>, domain::UserId> users;
    std::optional<domain::UserId> cadre;
    std::optional<OrgUnitId> cadre_unit;
    /// Communities whose director holds an active direct card, with the director.
    std::vector<std::pair<OrgUnitId, domain::UserId>> cards;
    /// Topic weights by month (1–12), zero for topics whose category is missing.
    std::array<std::vector<double>, 13> topic_weights;
    /// Each month's volume (the sum of its topic weights) relative to the year's mean.
    std::array<double, 13> month_volume{};
    /// The dispatch catalogue (派单目录) by category and routing level, where the database has it.
    std::map<std::pair<std::string, OrgLevel>, domain::DispatchRule, std::less<>> rules;
    /// Deadlines are planned on the database's calendar and time-limit rules, as the services
    /// plan them.
    service::TimeRules time_rules;
};

double SeasonFactor(Season season, unsigned month) {
    const auto in = [month](std::initializer_list<unsigned> months) {
        return std::find(months.begin(), months.end(), month) != months.end();
    };
    switch (season) {
        case Season::kNone:
            return 1.0;
        case Season::kHeating:
            return in({11, 12, 1, 2, 3}) ? 6.0 : in({10, 4}) ? 2.0 : 0.1;
        case Season::kSnow:
            return in({12, 1, 2}) ? 5.0 : in({11, 3}) ? 2.0 : 0.05;
        case Season::kSummer:
            return in({5, 6, 7, 8, 9}) ? 2.0 : in({4, 10}) ? 1.0 : 0.4;
        case Season::kFlood:
            return in({6, 7, 8, 9}) ? 3.0 : 0.3;
    }
    return 1.0;
}

Result<std::unique_ptr<World>> LoadWorld(domain::Store& store) {
    return domain::Query(
        store, [](domain::Repositories& repositories) -> Result<std::unique_ptr<World>> {
            auto world = std::make_unique<World>(repositories.Orgs().List({}));
            for (auto& category : repositories.Catalog().Categories()) {
                if (category.active) {
                    std::string code = category.code;
                    world->categories.emplace(std::move(code), std::move(category));
                }
            }
            const bool topics_known =
                std::any_of(Topics().begin(), Topics().end(), [&](const Topic& topic) {
                    return world->categories.contains(topic.category_code);
                });
            if (world->orgs.city() == nullptr || world->orgs.demo_urban().empty() ||
                !topics_known) {
                return Fail(Conflict("casegen.no_org_network",
                                     "Load the demo org network and categories first."));
            }
            domain::UserQuery everyone;
            everyone.limit = 100'000;
            for (const domain::User& user : repositories.Users().List(everyone)) {
                if (!user.active) {
                    continue;
                }
                for (const auto& held : user.roles) {
                    world->users.emplace(std::pair(held.role, held.org_unit_id), user.id);
                    if (held.role == Role::kCadre && !world->cadre) {
                        world->cadre = user.id;
                        world->cadre_unit = held.org_unit_id;
                    }
                    if (held.role == Role::kDirector &&
                        repositories.Catalog().ActiveCard(user.id, held.org_unit_id) &&
                        world->orgs.PlaceOf(held.org_unit_id) != nullptr) {
                        world->cards.emplace_back(held.org_unit_id, user.id);
                    }
                }
            }
            for (const auto& [code, category] : world->categories) {
                for (const OrgLevel level : {OrgLevel::kCity, OrgLevel::kDistrict}) {
                    if (auto rule = repositories.Catalog().FindDispatchRule(code, level)) {
                        world->rules.emplace(std::pair(code, level), std::move(*rule));
                    }
                }
            }
            world->time_rules = service::LoadTimeRules(repositories, domain::OfficeHours{});
            for (unsigned month = 1; month <= 12; ++month) {
                for (const Topic& topic : Topics()) {
                    const bool known = world->categories.contains(topic.category_code);
                    world->topic_weights[month].push_back(
                        known ? topic.weight * SeasonFactor(topic.season, month) : 0.0);
                }
            }
            double year = 0;
            for (unsigned month = 1; month <= 12; ++month) {
                for (const double weight : world->topic_weights[month]) {
                    world->month_volume[month] += weight;
                }
                year += world->month_volume[month];
            }
            for (unsigned month = 1; month <= 12; ++month) {
                world->month_volume[month] = world->month_volume[month] * 12 / year;
            }
            return world;
        });
}

// ---------------------------------------------------------------------------------------------
// One case: drafted as a channel records it, placed as intake places it, then walked through
// the workflow. Every step goes through domain::ApplyAction with the relation its actor holds;
// a refusal is a bug in this generator and throws.

Role OfficeRoleOf(const OrgUnit& office) {
    switch (office.level) {
        case OrgLevel::kCity:
            return Role::kCityOffice;
        case OrgLevel::kDistrict:
            return Role::kDistrictOffice;
        case OrgLevel::kStreet:
            return Role::kStreetOffice;
        case OrgLevel::kCommunity:
        case OrgLevel::kGrid:
            return Role::kCommunityStaff;
    }
    return Role::kCommunityStaff;
}

// A unit the catalogue names for a case routed by `office`, if it exists and that office may
// dispatch to it (a unit of the office's own division).
const OrgUnit* CatalogueUnit(const World& world, std::string_view pattern, const OrgUnit& office) {
    const OrgUnit* unit = world.orgs.FindCode(domain::ResolveUnitCode(pattern, office.code));
    return unit != nullptr && unit->parent_id == office.id ? unit : nullptr;
}

const domain::DispatchRule* RuleFor(const World& world, std::string_view category,
                                    const OrgUnit& office) {
    const auto rule = world.rules.find(std::pair(std::string(category), office.level));
    return rule == world.rules.end() ? nullptr : &rule->second;
}

// The lead unit for a case routed by a city or district office: the dispatch catalogue's, as
// the case view suggests it, else the topic's own; nullptr when that district has none (the
// counties), so the office forwards it.
const OrgUnit* LeadUnit(const World& world, const Topic& topic, const OrgUnit& office) {
    if (const auto* rule = RuleFor(world, topic.category_code, office)) {
        if (const OrgUnit* unit = CatalogueUnit(world, rule->lead_unit, office)) {
            return unit;
        }
    }
    return office.level == OrgLevel::kCity ? world.orgs.CityUnit(topic.city_unit)
                                           : world.orgs.DistrictUnit(office, topic.district_unit);
}

// The event actor for someone holding `role` on `unit`: the account that does, when the
// database has one (the demo accounts), else the role and unit alone.
service::EventActor ActorAs(const World& world, Role role, const OrgUnit& unit) {
    service::EventActor actor;
    if (const auto user = world.users.find({role, unit.id}); user != world.users.end()) {
        actor.user_id = user->second;
    }
    actor.role = std::string(domain::RoleName(role));
    actor.unit_id = unit.id;
    return actor;
}

struct PendingEvent {
    service::EventActor actor;
    std::string action;
    domain::CaseEventPayload payload;
    std::optional<CaseState> from;
    CaseState to = CaseState::kRegistered;
    Instant at{};
};

// A recent case a repeat request can be merged into: the same matter at the same place. Known
// by its place in the stream while cases are walked, by its id once written.
struct MasterCandidate {
    std::int64_t index = 0;
    domain::CaseId id = 0;
    Instant created_at{};
    std::optional<Instant> finished_at;
    std::size_t topic = 0;
    OrgUnitId community = 0;

    bool OpenAt(Instant at) const { return created_at < at && (!finished_at || *finished_at > at); }
};

class CaseWalk {
  public:
    CaseWalk(World& world, WalkRepositories& repositories, const Topic& topic, const Scene& scene,
             Random& random, Instant now)
        : world_(world),
          repositories_(repositories),
          topic_(topic),
          scene_(scene),
          random_(random),
          now_(now) {}

    Case& current() { return c_; }
    std::vector<PendingEvent>& events() { return events_; }
    const std::set<std::string>& stake_paths() const { return stake_paths_; }

    /// Starts the walk at the case as intake stored it.
    void Start(Case created, service::EventActor actor) {
        c_ = std::move(created);
        domain::PlanDeadlines({*world_.time_rules.limits, *world_.time_rules.calendar},
                              std::nullopt, std::nullopt, nullptr, c_, c_.created_at);
        cursor_ = c_.created_at;
        repositories_.Begin(&c_);
        Collect();
        // The number is taken, and added to this payload, when the case is written.
        domain::CaseEventPayload opened;
        opened.channel = c_.channel;
        opened.title = c_.title;
        opened.holder_id = c_.holder_id;
        events_.push_back(
            {std::move(actor), "create", std::move(opened), std::nullopt, c_.state, c_.created_at});
    }

    /// Takes actions until the case reaches `ending` (a terminal state) or its next step
    /// would lie in the future. `master` is the earlier case a repeat request is merged into,
    /// if there is one.
    void Walk(CaseState ending, std::optional<MasterCandidate> master) {
        ending_ = ending;
        master_ = master;
        escalates_ = random_.Chance(kEscalationShare);
        switch (c_.state) {
            case CaseState::kRegistered:
                FromRegistered();
                break;
            case CaseState::kDispatched:
                FromDispatched();
                break;
            case CaseState::kAnswered:
                FromAnswered();
                break;
            default:
                break;
        }
    }

  private:
    const OrgUnit& Node(OrgUnitId id) const {
        const OrgUnit* unit = world_.orgs.Find(id);
        if (unit == nullptr) {
            throw std::logic_error("casegen: unknown org unit " + std::to_string(id));
        }
        return *unit;
    }

    service::EventActor ActorAs(Role role, const OrgUnit& unit) const {
        return casegen::ActorAs(world_, role, unit);
    }

    service::EventActor Office(OrgUnitId id) const {
        const OrgUnit& office = Node(id);
        return ActorAs(OfficeRoleOf(office), office);
    }

    // A member unit's handler, or the office of a community or street handling it itself.
    service::EventActor UnitActor(OrgUnitId id, Role role = Role::kUnitHandler) const {
        const OrgUnit& unit = Node(id);
        return unit.kind == OrgKind::kDivision ? ActorAs(OfficeRoleOf(unit), unit)
                                               : ActorAs(role, unit);
    }

    OrgUnitId Reviewer() const { return c_.dispatcher_id.value_or(c_.holder_id); }

    bool EndsAs(CaseState state) const { return ending_ == state; }

    // ---- time

    // Critical cases are worked around the clock; everyone else in office hours on the city's
    // working calendar (weekends, holidays and make-up days included).
    bool AroundTheClock() const { return c_.urgency == Urgency::kCritical; }

    // Minutes from `from` to `to` in the time the case is worked in.
    double MinutesBetween(Instant from, Instant to) const {
        if (AroundTheClock()) {
            return static_cast<double>((to - from).count()) / 60'000.0;
        }
        return static_cast<double>(world_.time_rules.calendar->WorkingMinutesBetween(from, to));
    }

    // `amount` minutes of that time after `from`, at some second of the minute it ends in.
    Instant After(Instant from, double amount) {
        const double whole = std::max(amount, 1.0);
        const auto seconds = milliseconds(random_.Between(0, 59'999));
        if (AroundTheClock()) {
            return from + milliseconds(static_cast<std::int64_t>(whole * 60'000)) + seconds;
        }
        return world_.time_rules.calendar->AddWorkingMinutes(from,
                                                             static_cast<std::int64_t>(whole)) +
               seconds;
    }

    // Steps that finish the step the case waits on, and so run against its deadline; the
    // others (assisting units' notes, 督办, attachments, a withdrawal, later contacts) happen
    // on the way.
    bool EndsStep(CaseAction action) const {
        switch (action) {
            case CaseAction::kAssist:
            case CaseAction::kSupervise:
            case CaseAction::kAttach:
            case CaseAction::kWithdraw:
                return false;
            case CaseAction::kContactReporter:
                return c_.deadline_step == domain::DeadlineStep::kContact ||
                       c_.deadline_step == domain::DeadlineStep::kProgressNote;
            default:
                return true;
        }
    }

    // The deadline the unit's work runs against: while handling, the answer's (a first contact
    // and the notes on the way come out of the same days); otherwise the current step's.
    std::optional<Instant> Horizon(CaseAction action) const {
        const bool contact_step = action == CaseAction::kContactReporter &&
                                  c_.deadline_step == domain::DeadlineStep::kContact;
        if (c_.state == CaseState::kHandling && c_.answer_deadline && !contact_step) {
            return c_.answer_deadline;
        }
        return c_.deadline;
    }

    // When the next step happens, whether or not that lies before `now`.
    Instant When(CaseAction action) {
        const std::optional<Instant> due = Horizon(action);
        const double left = due ? MinutesBetween(cursor_, *due) : 0.0;
        if (!EndsStep(action)) {
            // On the way: a small part of the time left, or soon when there is no deadline.
            return left > 0 ? After(cursor_, left * (0.02 + 0.2 * random_.Unit()))
                            : After(cursor_, random_.LogUniform(30, 480));
        }
        if (left <= 0) {
            // Already late (a detour ate the time): done as soon as someone gets to it.
            return After(cursor_, random_.LogUniform(10, 240));
        }
        const double draw = random_.Unit();
        if (draw < kActsLate) {
            const double limit = std::max(left, 60.0);
            const double overrun =
                std::min(limit * random_.LogUniform(0.05, 1.0), kMaxLateWorkingMinutes);
            return After(*due, overrun);
        }
        const double share = draw < kActsLate + kActsEarly ? 0.03 + 0.72 * random_.Unit()
                                                           : 0.75 + 0.25 * random_.Unit();
        return After(cursor_, left * share);
    }

    // The time of the next step, or nullopt when it would not have happened yet.
    std::optional<Instant> Next(CaseAction action) {
        const Instant at = When(action);
        if (at >= now_) {
            return std::nullopt;
        }
        return at;
    }

    // Applies one action at `at` as the service does: the rules decide, the service's
    // bookkeeping (version, holder path, last action, stake paths) follows, and the event waits
    // until the case has an id.
    void Apply(CaseAction action, Relation relation, service::EventActor actor,
               domain::ActionInput input, Instant at) {
        input.holder = Node(c_.holder_id);
        if (action == CaseAction::kRequestExtension && c_.deadline && at > *c_.deadline) {
            at = *c_.deadline;  // a unit that asks for more time asks in time
        }
        auto after =
            domain::ApplyAction(c_, action, domain::MakeRelations({relation}), input, at, limits_);
        if (!after) {
            throw std::logic_error(
                "casegen: " + std::string(domain::CaseActionName(action)) + " refused in state " +
                std::string(domain::CaseStateName(c_.state)) + ": " + after.error().reason);
        }
        after->version = c_.version + 1;
        after->updated_at = at;
        domain::PlanDeadlines({*world_.time_rules.limits, *world_.time_rules.calendar}, c_, action,
                              &input, *after, at);
        if (after->holder_id != c_.holder_id) {
            after->holder_path = Node(after->holder_id).path;
            after->last_action = std::string(domain::CaseActionName(action));
        }
        const CaseState from = c_.state;
        domain::CaseEventPayload payload = service::ActionPayload(input, c_, *after);
        c_ = std::move(*after);
        cursor_ = at;
        Collect();
        events_.push_back({std::move(actor), std::string(domain::CaseActionName(action)),
                           std::move(payload), from, c_.state, at});
    }

    // Next() then Apply(); false when the step lies in the future.
    bool Do(CaseAction action, Relation relation, service::EventActor actor,
            domain::ActionInput input = {}) {
        const auto at = Next(action);
        if (!at) {
            return false;
        }
        Apply(action, relation, std::move(actor), std::move(input), *at);
        return true;
    }

    // The org nodes with a stake now, as the services record them after every step.
    void Collect() {
        for (std::string& path :
             service::StakePaths(service::LoadParties(world_.tree, repositories_, c_))) {
            stake_paths_.insert(std::move(path));
        }
    }

    domain::ActionInput Words(CaseAction action, std::string_view unit = "") {
        const ActionWords words = WordsFor(domain::CaseActionName(action), unit, random_);
        domain::ActionInput input;
        input.note = words.note;
        input.reason = words.reason;
        input.legal_basis = words.legal_basis;
        return input;
    }

    std::string UnitName(OrgUnitId id) const {
        const OrgUnit& unit = Node(id);
        return unit.short_name.empty() ? unit.name : unit.short_name;
    }

    // ---- registered and routing

    bool Terminate() {
        const bool public_channel =
            c_.channel == Channel::kMailbox || c_.channel == Channel::kMessageBoard;
        if (EndsAs(CaseState::kWithdrawn)) {
            // A public reporter withdraws with number and query code; others phone the office.
            const bool by_reporter = public_channel && random_.Chance(0.6);
            Do(CaseAction::kWithdraw,
               by_reporter ? Relation::kReporter : Relation::kReceivingOffice,
               by_reporter ? service::EventActor{} : Office(c_.receiving_office_id),
               Words(CaseAction::kWithdraw));
            return true;
        }
        if (EndsAs(CaseState::kMerged)) {
            const auto at = Next(CaseAction::kMerge);
            if (!at) {
                return true;
            }
            if (master_ && master_->OpenAt(*at)) {
                auto input = Words(CaseAction::kMerge);
                input.master_case_id = master_->id;
                Apply(CaseAction::kMerge, Relation::kHolderOffice, Office(c_.holder_id),
                      std::move(input), *at);
                return true;
            }
            // The first report was finished meanwhile: the office declines the repeat instead.
            Apply(CaseAction::kDecline, Relation::kHolderOffice, Office(c_.holder_id),
                  Words(CaseAction::kDecline), *at);
            return true;
        }
        if (EndsAs(CaseState::kDeclined)) {
            Do(CaseAction::kDecline, Relation::kHolderOffice, Office(c_.holder_id),
               Words(CaseAction::kDecline));
            return true;
        }
        return false;
    }

    void FromRegistered() {
        const bool ends_early = EndsAs(CaseState::kDeclined) || EndsAs(CaseState::kMerged) ||
                                EndsAs(CaseState::kWithdrawn);
        if (ends_early && random_.Chance(0.5)) {
            Terminate();
            return;
        }
        if (!Do(CaseAction::kAccept, Relation::kHolderOffice, Office(c_.holder_id))) {
            return;
        }
        Route();
    }

    // The escalation target ResolveTargets picks: the leader of the district where the matter
    // arose, or of the city.
    const OrgUnit& LeaderNode() const {
        const OrgUnit* district =
            world_.orgs.DivisionAbove(Node(c_.origin_id), OrgLevel::kDistrict);
        return district != nullptr ? *district : *world_.orgs.city();
    }

    // Leaders in charge take collective, cross-department and hard cases, then instruct.
    bool Escalate(Relation relation, service::EventActor actor) {
        const OrgUnit& leader = LeaderNode();
        domain::ActionInput input;
        input.target = leader;
        escalates_ = false;
        if (!Do(CaseAction::kEscalate, relation, std::move(actor), std::move(input))) {
            return false;
        }
        return Do(CaseAction::kInstruct, Relation::kEscalatedLeader, ActorAs(Role::kLeader, leader),
                  Words(CaseAction::kInstruct, UnitName(c_.holder_id)));
    }

    std::vector<OrgUnit> Assisting(const OrgUnit& lead) {
        const bool joint = random_.Chance(
            c_.scope == domain::CaseScope::kCollective || c_.urgency == Urgency::kComplex ? 0.3
                                                                                          : 0.08);
        if (!joint) {
            return {};
        }
        const OrgUnit& office = Node(c_.holder_id);
        std::vector<OrgUnit> suggested;
        if (const auto* rule = RuleFor(world_, c_.category_code, office)) {
            for (const std::string& pattern : rule->assisting_units) {
                const OrgUnit* unit = CatalogueUnit(world_, pattern, office);
                if (unit != nullptr && unit->id != lead.id) {
                    suggested.push_back(*unit);
                }
            }
        }
        if (!suggested.empty()) {
            return suggested;
        }
        // Departments that most often share a case: housing, city management, police,
        // environment, market regulation, emergency management.
        static constexpr std::array<int, 6> kCityPartners = {13, 14, 6, 12, 24, 22};
        static constexpr std::array<int, 5> kDistrictPartners = {2, 3, 9, 4, 8};
        const OrgUnit* parent = lead.parent_id ? world_.orgs.Find(*lead.parent_id) : nullptr;
        std::vector<OrgUnit> assisting;
        for (int attempt = 0; attempt < 3 && assisting.size() < 2 && parent != nullptr; ++attempt) {
            const OrgUnit* partner =
                parent->level == OrgLevel::kCity
                    ? world_.orgs.CityUnit(random_.Pick(kCityPartners))
                    : world_.orgs.DistrictUnit(*parent, random_.Pick(kDistrictPartners));
            const bool fresh = partner != nullptr && partner->id != lead.id &&
                               std::none_of(assisting.begin(), assisting.end(),
                                            [&](const OrgUnit& u) { return u.id == partner->id; });
            if (fresh) {
                assisting.push_back(*partner);
            }
        }
        return assisting;
    }

    bool DispatchTo(const OrgUnit& target) {
        domain::ActionInput input = Words(CaseAction::kDispatch);
        input.target = target;
        input.method = random_.Chance(0.85)  ? domain::DispatchMethod::kNetwork
                       : random_.Chance(0.7) ? domain::DispatchMethod::kPhone
                                             : domain::DispatchMethod::kWriting;
        if (target.kind != OrgKind::kDivision) {
            input.assisting = Assisting(target);
        }
        return Do(CaseAction::kDispatch, Relation::kHolderOffice, Office(c_.holder_id),
                  std::move(input));
    }

    const OrgUnit* CompetentUnit(const OrgUnit& office) const {
        return LeadUnit(world_, topic_, office);
    }

    // Routing (分转) by competence, from whichever office holds the case.
    void Route() {
        for (int step = 0; step < kMaxRoutingSteps; ++step) {
            if (c_.state != CaseState::kRouting) {
                break;
            }
            if (Terminate()) {
                return;
            }
            const OrgUnit& holder = Node(c_.holder_id);
            const bool high_office =
                holder.level == OrgLevel::kCity || holder.level == OrgLevel::kDistrict;
            if (high_office && escalates_ && random_.Chance(0.3)) {
                // Back in routing after the instruction, with a fresh accept limit.
                if (!Escalate(Relation::kHolderOffice, Office(holder.id))) {
                    return;
                }
                continue;
            }
            const bool moved = RouteOnce(holder);
            if (!moved) {
                return;
            }
        }
        switch (c_.state) {
            case CaseState::kDispatched:
                FromDispatched();
                break;
            case CaseState::kHandling:
                FromHandling();
                break;
            default:
                break;
        }
    }

    bool RouteOnce(const OrgUnit& holder) {
        const OrgUnit* origin_district =
            world_.orgs.DivisionAbove(Node(c_.origin_id), OrgLevel::kDistrict);
        switch (holder.level) {
            case OrgLevel::kCity: {
                const bool individual = c_.scope == domain::CaseScope::kIndividual;
                if (c_.channel != Channel::kHotline && individual && random_.Chance(0.04)) {
                    domain::ActionInput input = Words(CaseAction::kHandover);
                    input.target = *world_.orgs.CityUnit(kHotlineUnit);
                    input.method = domain::DispatchMethod::kNetwork;
                    return Do(CaseAction::kHandover, Relation::kHolderOffice, Office(holder.id),
                              std::move(input));
                }
                const OrgUnit* district_unit =
                    origin_district != nullptr ? CompetentUnit(*origin_district) : nullptr;
                if (district_unit != nullptr && random_.Chance(0.55)) {
                    return DispatchTo(random_.Chance(0.6) ? *origin_district : *district_unit);
                }
                const OrgUnit* city_unit = CompetentUnit(holder);
                return DispatchTo(city_unit != nullptr ? *city_unit
                                                       : *world_.orgs.CityUnit(kCivilAffairsUnit));
            }
            case OrgLevel::kDistrict: {
                if (const OrgUnit* unit = CompetentUnit(holder)) {
                    return DispatchTo(*unit);
                }
                return Forward();
            }
            case OrgLevel::kStreet:
            case OrgLevel::kCommunity: {
                const double local = holder.level == OrgLevel::kCommunity ? 0.55 : 0.3;
                if (topic_.local && random_.Chance(local)) {
                    return Do(CaseAction::kHandleLocally, Relation::kHolderOffice,
                              Office(holder.id));
                }
                return Forward();
            }
            case OrgLevel::kGrid:
                break;
        }
        return false;
    }

    bool Forward() {
        domain::ActionInput input;
        input.target = Node(*Node(c_.holder_id).parent_id);
        return Do(CaseAction::kForward, Relation::kHolderOffice, Office(c_.holder_id),
                  std::move(input));
    }

    // ---- dispatched

    void FromDispatched() {
        if (EndsAs(CaseState::kWithdrawn)) {
            Terminate();
            return;
        }
        const OrgUnitId unit = c_.holder_id;
        if (random_.Chance(kReturnShare)) {
            if (!Do(CaseAction::kRequestReturn, Relation::kHolderUnit, UnitActor(unit),
                    Words(CaseAction::kRequestReturn))) {
                return;
            }
            const OrgUnitId dispatcher = c_.dispatcher_id.value_or(c_.receiving_office_id);
            if (random_.Chance(0.7)) {
                if (!Do(CaseAction::kApproveReturn, Relation::kDispatcher, Office(dispatcher))) {
                    return;
                }
                Route();
                return;
            }
            if (!Do(CaseAction::kRefuseReturn, Relation::kDispatcher, Office(dispatcher),
                    Words(CaseAction::kRefuseReturn))) {
                return;
            }
        } else if (random_.Chance(kRecallShare) && c_.dispatcher_id) {
            // The office recalls a dispatch it got wrong, and routes it again.
            if (!Do(CaseAction::kRecall, Relation::kDispatcher, Office(*c_.dispatcher_id))) {
                return;
            }
            Route();
            return;
        }
        if (!Do(CaseAction::kSign, Relation::kHolderUnit, UnitActor(c_.holder_id))) {
            return;
        }
        FromHandling();
    }

    // ---- handling

    bool Notes() {
        // The first contact is a step with its own limit, always taken; a case handled again
        // (reopened, reworked) is often talked over with the reporter once more.
        const bool contact_due = c_.deadline_step == domain::DeadlineStep::kContact;
        if ((contact_due || random_.Chance(0.5)) &&
            !Do(CaseAction::kContactReporter, Relation::kHolderUnit, UnitActor(c_.holder_id),
                Words(CaseAction::kContactReporter))) {
            return false;
        }
        // A copy: each step replaces the case, and with it this list.
        const std::vector<OrgUnitId> assisting_units = c_.assisting_unit_ids;
        for (const OrgUnitId assisting : assisting_units) {
            if (!Do(CaseAction::kAssist, Relation::kAssistingUnit, UnitActor(assisting),
                    Words(CaseAction::kAssist, UnitName(assisting)))) {
                return false;
            }
        }
        if (random_.Chance(0.1)) {
            const OrgUnit& city = *world_.orgs.city();
            const Role role = random_.Chance(0.3) ? Role::kInspector : Role::kCityOffice;
            if (!Do(CaseAction::kSupervise, Relation::kSupervisor, ActorAs(role, city),
                    Words(CaseAction::kSupervise))) {
                return false;
            }
        }
        return true;
    }

    void FromHandling() {
        if (!Notes()) {
            return;
        }
        const OrgUnitId holder = c_.holder_id;
        const bool asks_more_time = random_.Chance(kExtensionShare);
        const bool in_time = !c_.deadline || cursor_ < *c_.deadline;
        if (asks_more_time && in_time && c_.extension_count < limits_.max_extensions) {
            domain::ActionInput input = Words(CaseAction::kRequestExtension);
            input.extension_days = random_.Between(3, limits_.max_extension_days);
            if (!Do(CaseAction::kRequestExtension, Relation::kHolderUnit, UnitActor(holder),
                    std::move(input))) {
                return;
            }
            const OrgUnitId dispatcher = Reviewer();
            const bool approved = random_.Chance(0.8);
            const CaseAction decision =
                approved ? CaseAction::kApproveExtension : CaseAction::kRefuseExtension;
            if (!Do(decision, Relation::kDispatcher, Office(dispatcher), Words(decision))) {
                return;
            }
        }
        if (escalates_) {
            if (!Escalate(Relation::kHolderUnit, UnitActor(holder))) {
                return;
            }
        }
        if (random_.Chance(kLongTermShare)) {
            const auto at = Next(CaseAction::kCommitLongTerm);
            if (!at) {
                return;
            }
            domain::ActionInput input = Words(CaseAction::kCommitLongTerm);
            input.committed_date = *at + days(random_.Between(30, 180));
            Apply(CaseAction::kCommitLongTerm, Relation::kLeadUnit,
                  UnitActor(holder, Role::kUnitLeader), std::move(input), *at);
            if (!KeepCommitment()) {
                return;
            }
            FromAnswered();
            return;
        }
        if (!Answer()) {
            return;
        }
        FromAnswered();
    }

    // A long-term commitment: a progress note to the reporter inside each progress-note limit
    // while it runs, then the answer around the committed date.
    bool KeepCommitment() {
        const Instant committed = *c_.committed_date;
        for (;;) {
            const Instant note = When(CaseAction::kContactReporter);
            if (note >= committed) {
                break;
            }
            if (note >= now_) {
                return false;
            }
            Apply(CaseAction::kContactReporter, Relation::kHolderUnit, UnitActor(c_.holder_id),
                  Words(CaseAction::kContactReporter), note);
        }
        const Instant answered = After(std::max(cursor_, committed - days(random_.Between(0, 10))),
                                       random_.LogUniform(10, 240));
        return answered < now_ && Answer(answered);
    }

    // The lead unit answers, at `at` or when its answer is due.
    bool Answer(std::optional<Instant> at = std::nullopt) {
        const OrgUnitId lead = c_.lead_unit_id.value_or(c_.holder_id);
        static constexpr double kResults[] = {75, 12, 10, 3};
        const auto result = static_cast<AnswerResult>(random_.Weighted(kResults));
        domain::ActionInput input;
        input.result = result;
        input.answer_text = AnswerText(topic_, scene_, result, UnitName(lead), random_);
        if (result == AnswerResult::kCannotBeDone) {
            input.legal_basis = "依据现行政策规定及相关法律法规。";
        }
        if (at) {
            Apply(CaseAction::kAnswer, Relation::kLeadUnit, UnitActor(lead), std::move(input), *at);
            return true;
        }
        return Do(CaseAction::kAnswer, Relation::kLeadUnit, UnitActor(lead), std::move(input));
    }

    // ---- answered, follow-up, closed

    void FromAnswered() {
        const OrgUnitId reviewer = Reviewer();
        if (random_.Chance(0.05) && c_.lead_unit_id) {
            if (!Do(CaseAction::kReturnForRework, Relation::kReviewer, Office(reviewer),
                    Words(CaseAction::kReturnForRework))) {
                return;
            }
            if (!Answer()) {
                return;
            }
        }
        if (!Do(CaseAction::kApproveAnswer, Relation::kReviewer, Office(reviewer))) {
            return;
        }
        FollowUp(reviewer);
    }

    bool FollowUpOnce(OrgUnitId reviewer, std::optional<domain::Satisfaction> satisfaction,
                      int attempt) {
        domain::ActionInput input;
        input.contacted = satisfaction.has_value();
        if (satisfaction) {
            input.satisfaction = satisfaction;
            input.solved = c_.result == AnswerResult::kSolved;
        } else {
            input.unreachable = true;
            input.follow_up_attempts = attempt;
        }
        return Do(CaseAction::kFollowUp, Relation::kReviewer, Office(reviewer), std::move(input));
    }

    domain::Satisfaction Satisfied() {
        static constexpr double kShares[] = {48, 37, 15};
        return static_cast<domain::Satisfaction>(random_.Weighted(kShares));
    }

    domain::Satisfaction Dissatisfied() {
        return random_.Chance(0.75) ? domain::Satisfaction::kDissatisfied
                                    : domain::Satisfaction::kVeryDissatisfied;
    }

    void FollowUp(OrgUnitId reviewer) {
        const double path = random_.Unit();
        if (path < 0.8) {
            FollowUpOnce(reviewer, Satisfied(), 0);
        } else if (path < 0.88) {
            for (int attempt = 1; attempt <= limits_.max_follow_up_attempts; ++attempt) {
                if (!FollowUpOnce(reviewer, std::nullopt, attempt)) {
                    return;
                }
            }
        } else if (path < 0.95 && c_.lead_unit_id) {
            // Not satisfied, and the demand is reasonable: handled again from the start.
            if (!FollowUpOnce(reviewer, Dissatisfied(), 0) ||
                !Do(CaseAction::kReopen, Relation::kReviewer, Office(reviewer),
                    Words(CaseAction::kReopen))) {
                return;
            }
            if (!Notes() || !Answer() ||
                !Do(CaseAction::kApproveAnswer, Relation::kReviewer, Office(reviewer))) {
                return;
            }
            FollowUpOnce(reviewer, Satisfied(), 0);
        } else {
            if (!FollowUpOnce(reviewer, Dissatisfied(), 0)) {
                return;
            }
            Do(CaseAction::kClose, Relation::kReviewer, Office(reviewer));
        }
    }

    World& world_;
    WalkRepositories& repositories_;
    const Topic& topic_;
    const Scene& scene_;
    Random& random_;
    const Instant now_;
    const domain::WorkflowLimits limits_{};
    Case c_;
    Instant cursor_{};
    CaseState ending_ = CaseState::kClosed;
    // Asks a leader in charge for an instruction on the way (once).
    bool escalates_ = false;
    std::optional<MasterCandidate> master_;
    std::vector<PendingEvent> events_;
    std::set<std::string> stake_paths_;
};

// ---------------------------------------------------------------------------------------------
// Drafting: channel, category, place, people, words; then placement as intake does it.

constexpr Channel kChannels[] = {Channel::kGrid,      Channel::kHotline,      Channel::kWalkIn,
                                 Channel::kMailbox,   Channel::kMessageBoard, Channel::kCadreReport,
                                 Channel::kDirectCard};
// Grid collection and the hotline bring most matters in.
constexpr double kChannelShares[] = {34, 22, 13, 9, 8, 6, 5};

struct Draft {
    Case c;
    service::EventActor actor;
    std::string summary;
    std::string suggestion;
};

class Drafter {
  public:
    Drafter(World& world, Random& random) : world_(world), random_(random) {}

    std::size_t DrawTopic(Instant created) {
        return random_.Weighted(world_.topic_weights[MonthInChina(created)]);
    }

    Channel DrawChannel(CaseState ending) {
        std::array<double, std::size(kChannelShares)> weights{};
        std::copy(std::begin(kChannelShares), std::end(kChannelShares), weights.begin());
        // A direct card arrives at the unit already dispatched: it never waits for acceptance.
        const bool before_routing = ending == CaseState::kDeclined || ending == CaseState::kMerged;
        if (before_routing || world_.cards.empty()) {
            weights.back() = 0;
        }
        return kChannels[random_.Weighted(weights)];
    }

    const Place& DrawPlace(bool demo, bool rural) {
        const auto& orgs = world_.orgs;
        if (demo) {
            if (!rural && random_.Chance(0.2)) {
                // The demo accounts' street and community see a lively share of the city.
                if (const Place* yongqian = Focus("220204001001");
                    random_.Chance(0.5) && yongqian) {
                    return *yongqian;
                }
                const OrgUnit* desheng = orgs.FindCode("220204001000");
                for (int attempt = 0; attempt < 20 && desheng != nullptr; ++attempt) {
                    const Place& place = random_.Pick(orgs.demo_urban());
                    if (place.street->id == desheng->id) {
                        return place;
                    }
                }
            }
            return PickFrom({rural ? &orgs.demo_rural() : &orgs.demo_urban(), &orgs.demo_urban()});
        }
        if (random_.Chance(0.8)) {
            return PickFrom({rural ? &orgs.other_rural() : &orgs.other_urban(), &orgs.other_urban(),
                             &orgs.demo_urban()});
        }
        return PickFrom({&orgs.county_places(), &orgs.demo_urban()});
    }

    const OrgUnit* GridOf(const Place& place) {
        return place.grids.empty() ? nullptr : random_.Pick(place.grids);
    }

    /// A new case created at `created`, meant to end in `ending`; a repeat of `duplicate`'s
    /// matter and place when given.
    Draft Make(Instant created, CaseState ending, const MasterCandidate* duplicate) {
        topic_index_ = duplicate != nullptr ? duplicate->topic : DrawTopic(created);
        const Topic& topic = Topics()[topic_index_];
        const Channel channel = DrawChannel(ending);
        const bool rural = topic.category_code.starts_with("12");
        const OrgUnit& city = *world_.orgs.city();
        Draft draft;
        Case& c = draft.c;
        c.channel = channel;
        c.category_code = std::string(topic.category_code);
        c.created_at = created;
        c.updated_at = created;
        c.receiving_office_id = city.id;

        const Place* place = nullptr;
        const OrgUnit* grid = nullptr;
        std::optional<OrgUnitId> card_holder;
        const bool demo = random_.Chance(0.75);
        switch (channel) {
            case Channel::kGrid:
                place = &DrawPlace(true, rural);
                grid = GridOf(*place);
                break;
            case Channel::kDirectCard: {
                const auto& [community, director] = random_.Pick(world_.cards);
                place = world_.orgs.PlaceOf(community);
                card_holder = director;
                if (random_.Chance(0.7)) {
                    grid = GridOf(*place);
                }
                break;
            }
            default:
                place = &DrawPlace(demo, rural);
                if (random_.Chance(0.6)) {
                    grid = GridOf(*place);
                }
                break;
        }
        if (duplicate != nullptr && channel != Channel::kDirectCard) {
            const Place* same = world_.orgs.PlaceOf(duplicate->community);
            // Grid collection needs a grid; elsewhere the repeat comes from the same community.
            if (same != nullptr && (channel != Channel::kGrid || !same->grids.empty())) {
                place = same;
                grid = GridOf(*place);
            }
        }
        const Place& where = *place;
        const auto category = world_.categories.find(topic.category_code);
        const Scene scene = DrawScene(
            {where.district->name, where.street->name, where.community->name, where.village},
            category->second.keywords, random_);

        // Kind, scope, urgency and people, leaning on the topic.
        c.kind = topic.kind;
        if (topic.kind != domain::CaseKind::kPraise && random_.Chance(0.15)) {
            static constexpr std::array<domain::CaseKind, 4> kOthers = {
                domain::CaseKind::kComplaint, domain::CaseKind::kHelp, domain::CaseKind::kQuestion,
                domain::CaseKind::kSuggestion};
            c.kind = random_.Pick(kOthers);
        }
        const double collective = channel == Channel::kCadreReport
                                      ? std::min(0.9, topic.collective * 2 + 0.2)
                                      : topic.collective;
        c.scope = random_.Chance(collective) ? domain::CaseScope::kCollective
                                             : domain::CaseScope::kIndividual;
        const double urgency = random_.Unit();
        if (urgency < topic.critical) {
            c.urgency = Urgency::kCritical;
        } else if (urgency < topic.critical + topic.urgent) {
            c.urgency = Urgency::kUrgent;
        } else if (urgency < topic.critical + topic.urgent +
                                 (c.scope == domain::CaseScope::kCollective ? 0.08 : 0.02)) {
            c.urgency = Urgency::kComplex;
        }
        c.people_involved = c.scope == domain::CaseScope::kCollective
                                ? static_cast<int>(random_.LogUniform(5, 300))
                                : (random_.Chance(0.8) ? 1 : random_.Between(2, 3));

        // Reporter: some anonymous (nothing stored), some asking units not to learn who.
        c.reporter = DrawReporter(random_);
        if (random_.Chance(0.08)) {
            c.reporter = {"", "", true, false};
        } else if (random_.Chance(0.1)) {
            c.reporter.confidential = true;
        }

        // The recorder and the channel's form, then placement by the rules intake places
        // every recorded case by (domain/case_placement.hpp).
        domain::Principal recorder;
        domain::PlacementRequest request;
        request.channel = channel;
        request.urgency = c.urgency;
        request.grid_id = grid != nullptr ? std::optional(grid->id) : std::nullopt;
        auto& fields = request.fields;
        std::string office_name;
        const auto record_as = [&](Role role, const OrgUnit& unit) {
            recorder = PrincipalAs(role, unit);
            draft.actor = ActorAs(role, unit);
            c.created_by = UserAs(role, unit);
        };
        switch (channel) {
            case Channel::kGrid: {
                record_as(Role::kGridWorker, *grid);
                fields.grid.solved_on_spot =
                    topic.local && ending == CaseState::kClosed && random_.Chance(0.3);
                if (fields.grid.solved_on_spot) {
                    fields.grid.evidence = "网格员现场协调：" + Fill(topic.fix, scene) + "。";
                    c.result = AnswerResult::kSolved;
                    c.answer_text = fields.grid.evidence;
                }
                break;
            }
            case Channel::kCadreReport: {
                const OrgUnit* cadre_unit =
                    world_.cadre_unit ? world_.orgs.Find(*world_.cadre_unit) : nullptr;
                if (cadre_unit == nullptr) {
                    cadre_unit = world_.orgs.CityUnit(kCivilAffairsUnit);
                }
                record_as(Role::kCadre, *cadre_unit);
                draft.actor.user_id = world_.cadre;
                c.created_by = world_.cadre.value_or(0);
                office_name = cadre_unit->name;
                fields.cadre.cadre_unit = office_name;
                fields.cadre.community_id = where.community->id;
                fields.cadre.households = c.people_involved;
                fields.cadre.universal = c.scope == domain::CaseScope::kCollective;
                break;
            }
            case Channel::kDirectCard: {
                const OrgUnit* unit =
                    random_.Chance(0.6) ? LeadUnit(world_, topic, *where.district) : nullptr;
                if (unit == nullptr) {
                    unit = LeadUnit(world_, topic, city);
                }
                if (unit == nullptr) {
                    unit = world_.orgs.CityUnit(kCivilAffairsUnit);
                }
                record_as(Role::kDirector, *where.community);
                c.created_by = card_holder.value_or(0);
                fields.direct_card.unit_id = unit->id;
                request.holds_active_card = true;
                break;
            }
            case Channel::kHotline: {
                record_as(Role::kUnitHandler, *world_.orgs.CityUnit(kHotlineUnit));
                recorder.via_api_token = true;
                const auto local = std::chrono::floor<days>(created + kChinaOffset);
                const std::chrono::year_month_day date(local);
                fields.hotline.external_ref =
                    "12345-" + std::to_string(static_cast<int>(date.year())) +
                    std::to_string(100 + static_cast<unsigned>(date.month())).substr(1) +
                    std::to_string(100 + static_cast<unsigned>(date.day())).substr(1) +
                    std::to_string(random_.Between(10000, 99999));
                c.external_ref = fields.hotline.external_ref;
                break;
            }
            case Channel::kMailbox:
            case Channel::kMessageBoard: {
                // Public submissions follow the case by number and a code only the reporter
                // ever saw; the generator keeps no code, so only its digest exists.
                std::string code;
                static constexpr std::string_view kAlphabet =
                    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
                for (int i = 0; i < 8; ++i) {
                    code += kAlphabet[static_cast<std::size_t>(random_.Below(kAlphabet.size()))];
                }
                c.query_code_digest = service::Sha256Hex(code);
                c.publish = channel == Channel::kMessageBoard && random_.Chance(0.4);
                break;
            }
            case Channel::kWalkIn: {
                static constexpr double kOfficeShares[] = {45, 30, 20, 5};
                static constexpr OrgLevel kOfficeLevels[] = {
                    OrgLevel::kCommunity, OrgLevel::kStreet, OrgLevel::kDistrict, OrgLevel::kCity};
                const OrgLevel level = kOfficeLevels[random_.Weighted(kOfficeShares)];
                const OrgUnit* office = level == OrgLevel::kCity       ? &city
                                        : level == OrgLevel::kDistrict ? where.district
                                        : level == OrgLevel::kStreet   ? where.street
                                                                       : where.community;
                record_as(OfficeRoleOf(*office), *office);
                office_name = level == OrgLevel::kCity ? "市社情民意绿色通道办公室"
                              : level == OrgLevel::kDistrict ? office->name + "绿色通道办公室"
                              : level == OrgLevel::kStreet   ? office->name + "办事处"
                                                             : office->name + "居委会";
                break;
            }
        }
        const CaseText text = ComposeCase(topic, scene, channel, office_name, random_);
        c.title = text.title;
        c.content = text.content;
        c.location.address = text.address;
        fields.cadre.summary = text.summary;
        fields.cadre.suggestion = text.suggestion;
        const bool is_public = channel == Channel::kMailbox || channel == Channel::kMessageBoard;
        std::vector<FieldError> errors;
        const auto placed =
            domain::PlaceCase(world_.tree, is_public ? nullptr : &recorder, request, errors);
        if (!placed || !errors.empty() || !placed->parties.holder || !placed->parties.origin) {
            throw std::logic_error("casegen: intake would refuse a generated " +
                                   std::string(domain::ChannelName(channel)) + " case: " +
                                   (placed ? errors.front().field + " " + errors.front().reason
                                           : placed.error().message));
        }
        domain::PlaceInto(*placed, c);
        c.channel_fields = fields;
        if (grid != nullptr && channel == Channel::kGrid && random_.Chance(0.85)) {
            PointIn(*grid, c.location);
        }
        draft.summary = text.summary;
        draft.suggestion = text.suggestion;
        topic_ = &topic;
        scene_ = scene;
        community_ = where.community->id;
        return draft;
    }

    const Topic& topic() const { return *topic_; }
    std::size_t topic_index() const { return topic_index_; }
    OrgUnitId community() const { return community_; }
    const Scene& scene() const { return scene_; }

  private:
    const Place* Focus(std::string_view code) const {
        const OrgUnit* community = world_.orgs.FindCode(code);
        return community == nullptr ? nullptr : world_.orgs.PlaceOf(community->id);
    }

    const Place& PickFrom(std::initializer_list<const std::vector<Place>*> lists) {
        for (const auto* list : lists) {
            if (!list->empty()) {
                return random_.Pick(*list);
            }
        }
        throw std::logic_error("casegen: no community to place a case in");
    }

    service::EventActor ActorAs(Role role, const OrgUnit& unit) const {
        return casegen::ActorAs(world_, role, unit);
    }

    // The recorder as placement sees them: one role on one node.
    domain::Principal PrincipalAs(Role role, const OrgUnit& unit) const {
        domain::Principal principal;
        principal.user_id = UserAs(role, unit);
        domain::RoleAssignment held;
        held.role = role;
        held.org_unit_id = unit.id;
        held.org_unit_path = unit.path;
        held.org_unit_kind = unit.kind;
        held.org_unit_level = unit.level;
        principal.roles.push_back(std::move(held));
        return principal;
    }

    domain::UserId UserAs(Role role, const OrgUnit& unit) const {
        const auto user = world_.users.find({role, unit.id});
        return user == world_.users.end() ? 0 : user->second;
    }

    // A point inside the grid's (illustrative) boundary polygon, for cases recorded on site.
    void PointIn(const OrgUnit& grid, domain::CaseLocation& location) {
        if (!grid.boundary) {
            return;
        }
        double min_lng = 180, max_lng = -180, min_lat = 90, max_lat = -90;
        for (const domain::Polygon& polygon : grid.boundary->polygons) {
            for (const domain::Ring& ring : polygon) {
                for (const domain::GeoPosition& position : ring) {
                    min_lng = std::min(min_lng, position.lng);
                    max_lng = std::max(max_lng, position.lng);
                    min_lat = std::min(min_lat, position.lat);
                    max_lat = std::max(max_lat, position.lat);
                }
            }
        }
        for (int attempt = 0; attempt < 20; ++attempt) {
            const double lng = min_lng + random_.Unit() * (max_lng - min_lng);
            const double lat = min_lat + random_.Unit() * (max_lat - min_lat);
            if (domain::Contains(*grid.boundary, {lng, lat})) {
                // Six decimals, as a phone's GPS reports them: about 0.1 m.
                location.lng = static_cast<double>(static_cast<std::int64_t>(lng * 1e6)) / 1e6;
                location.lat = static_cast<double>(static_cast<std::int64_t>(lat * 1e6)) / 1e6;
                return;
            }
        }
    }

    World& world_;
    Random& random_;
    const Topic* topic_ = nullptr;
    std::size_t topic_index_ = 0;
    OrgUnitId community_ = 0;
    Scene scene_;
};

Status CheckOptions(const GeneratorOptions& options) {
    std::vector<FieldError> problems;
    if (options.count < 0) {
        problems.push_back({"count", "out_of_range", "At least 0."});
    }
    if (options.days < 1) {
        problems.push_back({"days", "out_of_range", "At least 1."});
    }
    if (options.batch_size < 1) {
        problems.push_back({"batchSize", "out_of_range", "At least 1."});
    }
    if (!problems.empty()) {
        return Fail(Validation(std::move(problems)));
    }
    return Ok();
}

// ---------------------------------------------------------------------------------------------
// The stream of cases: case i is drawn from its own random stream (seed, i), so the cases are
// the same however they are batched or threaded. Walking needs no database; writing gives each
// case its number, id and chained history.

// A case drafted and walked, waiting to be written.
struct PreparedCase {
    std::int64_t index = 0;
    Case c;
    std::string tokens;
    std::vector<PendingEvent> events;
    std::vector<std::string> stake_paths;
    // A repeat request merged into an earlier case: walked when written, once the case it
    // repeats has an id. The walk goes on from this state of the case's stream.
    struct Repeat {
        Draft draft;
        Random random;
        std::size_t topic = 0;
        Scene scene;
        MasterCandidate master;
    };
    std::optional<Repeat> repeat;
};

class CaseStream {
  public:
    CaseStream(World& world, const GeneratorOptions& options)
        : world_(world),
          options_(options),
          clock_(options.now, options.days, *world.time_rules.calendar, world.month_volume) {}

    /// Cases [first, last), in order; called for consecutive ranges, one at a time.
    std::vector<PreparedCase> Prepare(WalkRepositories& repositories, std::int64_t first,
                                      std::int64_t last) {
        std::vector<PreparedCase> prepared;
        prepared.reserve(static_cast<std::size_t>(last - first));
        for (std::int64_t i = first; i < last; ++i) {
            prepared.push_back(PrepareOne(repositories, i));
        }
        return prepared;
    }

  private:
    PreparedCase PrepareOne(WalkRepositories& repositories, std::int64_t index) {
        Random random(options_.seed, static_cast<std::uint64_t>(index));
        // The first draw places the case in time, so creation times follow the stream's order.
        const double quantile =
            (static_cast<double>(index) + random.Unit()) / static_cast<double>(options_.count);
        const Instant created = clock_.At(quantile);
        const CaseState ending = DrawEnding(random);
        // A repeat request (to be merged) repeats the latest matter still open.
        std::optional<MasterCandidate> master;
        if (ending == CaseState::kMerged) {
            const auto open = std::find_if(
                recent_.rbegin(), recent_.rend(),
                [&](const MasterCandidate& candidate) { return candidate.OpenAt(created); });
            if (open != recent_.rend()) {
                master = *open;
            }
        }
        Drafter drafter(world_, random);
        Draft draft = drafter.Make(created, ending, master ? &*master : nullptr);
        PreparedCase out;
        out.index = index;
        out.tokens = text::IndexTokens(draft.c.title + "\n" + draft.c.content);
        if (master) {
            // Repeats are not repeated in turn: the first report stays the one others join.
            out.repeat = PreparedCase::Repeat{std::move(draft), random, drafter.topic_index(),
                                              drafter.scene(), *master};
            return out;
        }
        CaseWalk walk(world_, repositories, drafter.topic(), drafter.scene(), random, options_.now);
        walk.Start(std::move(draft.c), std::move(draft.actor));
        walk.Walk(ending, std::nullopt);
        repositories.Begin(nullptr);
        out.c = std::move(walk.current());
        out.events = std::move(walk.events());
        out.stake_paths.assign(walk.stake_paths().begin(), walk.stake_paths().end());
        recent_.push_back(
            {index, 0, out.c.created_at,
             domain::IsTerminal(out.c.state) ? std::optional(out.c.updated_at) : std::nullopt,
             drafter.topic_index(), drafter.community()});
        if (recent_.size() > kRecentCases) {
            recent_.pop_front();
        }
        return out;
    }

    World& world_;
    const GeneratorOptions& options_;
    const CreationClock clock_;
    std::deque<MasterCandidate> recent_;
};

// How many written cases are remembered for the repeats that join them: repeats join one of
// the last kRecentCases first reports, and fewer than that many repeats lie in between.
constexpr std::size_t kWrittenRemembered = 4 * kRecentCases;

domain::CaseId IdOf(const std::deque<std::pair<std::int64_t, domain::CaseId>>& written,
                    std::int64_t index) {
    const auto found = std::lower_bound(written.begin(), written.end(), index,
                                        [](const std::pair<std::int64_t, domain::CaseId>& w,
                                           std::int64_t i) { return w.first < i; });
    if (found == written.end() || found->first != index) {
        throw std::logic_error("casegen: repeat of a case not written " + std::to_string(index));
    }
    return found->second;
}

// Writes a prepared batch as intake and the workflow would have left it: the batch's numbers
// first, then each case, its assisting units, every node that ever had a stake, and the
// chained history. Leaves `prepared` as it was, so a unit of work run again writes the same.
void WriteBatch(World& world, const GeneratorOptions& options, WalkRepositories& repositories,
                const std::vector<PreparedCase>& prepared,
                std::deque<std::pair<std::int64_t, domain::CaseId>>& written,
                GeneratorSummary& batch) {
    // Taking a number is an upsert, and a write statement that may roll back makes SQLite's
    // full-text index flush its pending rows: taken before the batch's first case is inserted.
    std::vector<std::string> numbers;
    numbers.reserve(prepared.size());
    for (const PreparedCase& p : prepared) {
        const Instant created = p.repeat ? p.repeat->draft.c.created_at : p.c.created_at;
        numbers.push_back(repositories.Cases().NextNumber(YearInChina(created)));
    }
    for (std::size_t k = 0; k < prepared.size(); ++k) {
        const PreparedCase& p = prepared[k];
        Case c;
        std::vector<PendingEvent> events;
        std::vector<std::string> stake_paths;
        if (p.repeat) {
            PreparedCase::Repeat repeat = *p.repeat;
            repeat.master.id = IdOf(written, repeat.master.index);
            CaseWalk walk(world, repositories, Topics()[repeat.topic], repeat.scene, repeat.random,
                          options.now);
            walk.Start(std::move(repeat.draft.c), std::move(repeat.draft.actor));
            walk.Walk(CaseState::kMerged, repeat.master);
            c = std::move(walk.current());
            events = std::move(walk.events());
            stake_paths.assign(walk.stake_paths().begin(), walk.stake_paths().end());
        } else {
            c = p.c;
            events = p.events;
            stake_paths = p.stake_paths;
        }
        c.number = numbers[k];
        events.front().payload.number = c.number;
        c = repositories.Cases().Insert(std::move(c), p.tokens);
        repositories.Begin(&c);
        if (!c.assisting_unit_ids.empty()) {
            repositories.Cases().SetAssisting(c.id, c.assisting_unit_ids);
        }
        repositories.Cases().AddAccess(c.id, stake_paths);
        for (PendingEvent& event : events) {
            service::AppendCaseEvent(repositories, c.id, event.actor, event.action,
                                     std::move(event.payload), event.from, event.to, event.at);
        }
        repositories.Begin(nullptr);
        written.emplace_back(p.index, c.id);
        if (written.size() > kWrittenRemembered) {
            written.pop_front();
        }
        ++batch.cases;
        batch.events += static_cast<std::int64_t>(events.size());
        ++batch.states[static_cast<std::size_t>(c.state)];
    }
}

}  // namespace

Result<GeneratorSummary> GenerateCases(domain::Store& store, const GeneratorOptions& options) {
    if (auto checked = CheckOptions(options); !checked) {
        return Fail(std::move(checked.error()));
    }
    auto loaded = LoadWorld(store);
    if (!loaded) {
        return Fail(std::move(loaded.error()));
    }
    World& world = **loaded;
    CaseStream stream(world, options);
    GeneratorSummary summary;
    std::deque<std::pair<std::int64_t, domain::CaseId>> written;
    // Two threads: the next batch is drafted, walked and segmented on a read snapshot while the
    // database writer stores this one, so the writer does nothing but write.
    const auto prepare = [&](std::int64_t first) {
        return domain::Query(store, [&](domain::Repositories& inner) {
            WalkRepositories repositories(inner, world.orgs);
            return stream.Prepare(repositories, first,
                                  std::min(options.count, first + options.batch_size));
        });
    };
    std::future<std::vector<PreparedCase>> next;
    if (options.count > 0) {
        next = std::async(std::launch::async, prepare, 0);
    }
    for (std::int64_t first = 0; first < options.count; first += options.batch_size) {
        const std::vector<PreparedCase> prepared = next.get();
        if (first + options.batch_size < options.count) {
            next = std::async(std::launch::async, prepare, first + options.batch_size);
        }
        GeneratorSummary batch;
        std::deque<std::pair<std::int64_t, domain::CaseId>> batch_written;
        // Written so that a unit of work run again starts from the same state.
        store.Write([&](domain::Repositories& inner) {
            batch = {};
            batch_written = written;
            WalkRepositories repositories(inner, world.orgs);
            WriteBatch(world, options, repositories, prepared, batch_written, batch);
            return true;
        });
        written = std::move(batch_written);
        summary.cases += batch.cases;
        summary.events += batch.events;
        for (int s = 0; s < kStateCount; ++s) {
            summary.states[static_cast<std::size_t>(s)] +=
                batch.states[static_cast<std::size_t>(s)];
        }
        if (options.progress) {
            options.progress(summary.cases);
        }
    }
    return summary;
}

}  // namespace minqing::casegen

namespace minqing::casegen {

Result<std::int64_t> GenerateDemoCases(domain::Store& store, Instant now, std::int64_t count) {
    // A living city rather than an empty table: the benchmarks' generator at the demo size.
    GeneratorOptions options;
    options.now = now;
    options.count = count;
    auto generated = GenerateCases(store, options);
    if (!generated) {
        return Fail(std::move(generated.error()));
    }
    return generated->cases;
}

}  // namespace minqing::casegen
