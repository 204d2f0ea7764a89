#include "service/case_workflow_service.hpp"

#include <algorithm>

#include "domain/case_deadlines.hpp"
#include "service/case_records.hpp"
#include "service/notifications.hpp"

namespace minqing::service {
namespace {

using domain::Case;
using domain::CaseAction;
using domain::OrgKind;
using domain::OrgLevel;
using domain::OrgUnit;
using domain::Principal;
using domain::Repositories;

std::optional<OrgUnit> ActiveUnit(const domain::OrgTree& tree, domain::OrgUnitId id) {
    const OrgUnit* unit = tree.FindActive(id);
    return unit != nullptr ? std::optional(*unit) : std::nullopt;
}

// Whether `user` works for `unit` (a handler or unit leader on it or on one of its sections).
bool WorksFor(const domain::User& user, const OrgUnit& unit) {
    return user.active && std::ranges::any_of(user.roles, [&](const domain::RoleAssignment& held) {
               return domain::IsUnitRole(held.role) &&
                      domain::IsWithinPath(unit.path, held.org_unit_path);
           });
}

// Fills the org units, users and cases the action names; reports ids that name nothing.
void ResolveTargets(Repositories& repositories, const domain::OrgTree& tree,
                    const domain::CaseVisibility& visibility, const domain::CaseParties& parties,
                    ActionRequest& request, std::vector<FieldError>& errors) {
    auto& input = request.input;
    input.holder = parties.holder;
    if (request.target_id) {
        input.target = ActiveUnit(tree, *request.target_id);
        if (!input.target) {
            errors.push_back({"targetId", "unknown", "No such active org unit."});
        }
    } else if (request.action == CaseAction::kForward) {
        // 上报 goes to the next office up unless the office chose one further up its line.
        if (parties.holder && parties.holder->parent_id) {
            input.target = ActiveUnit(tree, *parties.holder->parent_id);
        }
    } else if (request.action == CaseAction::kEscalate && parties.origin) {
        // The leader in charge of the district the matter arose in, or of the city.
        const OrgUnit* leader_area = tree.DivisionAbove(*parties.origin, OrgLevel::kDistrict);
        if (leader_area == nullptr) {
            leader_area = tree.DivisionAbove(*parties.origin, OrgLevel::kCity);
        }
        if (leader_area != nullptr) {
            input.target = *leader_area;
        }
    }
    for (const auto id : request.assisting_ids) {
        auto unit = ActiveUnit(tree, id);
        if (!unit) {
            errors.push_back(
                {"assistingIds", "unknown", "No such active unit: " + std::to_string(id)});
            continue;
        }
        input.assisting.push_back(std::move(*unit));
    }
    if (input.master_case_id) {
        // A case the caller cannot see is no case to them.
        auto master = repositories.Cases().FindById(*input.master_case_id);
        if (!master || domain::IsTerminal(master->state) ||
            !repositories.Cases().IsVisible(master->id, visibility)) {
            errors.push_back({"masterCaseId", "unknown", "No such open case to merge into."});
        } else {
            input.master = std::move(*master);
        }
    }
    if (input.assignee_user_id) {
        const auto user = repositories.Users().FindById(*input.assignee_user_id);
        const auto& unit = input.target ? input.target : parties.lead_unit;
        if (!user || !unit || !WorksFor(*user, *unit)) {
            errors.push_back(
                {"assigneeId", "unknown", "No such 承办人 of the unit or of the chosen section."});
        }
    }
    // The unit's own setting decides whether its 分管领导 signs answers before they leave it;
    // a unit with no 分管领导 account answers directly, or its answers could never leave.
    if (request.action == CaseAction::kAnswer && parties.lead_unit &&
        parties.lead_unit->kind != OrgKind::kDivision && parties.lead_unit->answer_approval) {
        domain::RecipientQuery unit_leaders;
        unit_leaders.roles = {domain::Role::kUnitLeader};
        unit_leaders.at_nodes = {parties.lead_unit->id};
        input.unit_approval_required =
            !repositories.Notifications().Recipients(unit_leaders).empty();
    }
}

// The case the caller may act on, with its assisting units, at the version they loaded.
Result<Case> LoadForAction(Repositories& repositories, const domain::CaseVisibility& visibility,
                           domain::CaseId id, const ActionRequest& request) {
    auto before = repositories.Cases().FindById(id);
    if (!before || !repositories.Cases().IsVisible(id, visibility)) {
        return Fail(CaseNotFound());
    }
    before->assisting_unit_ids = repositories.Cases().Assisting(id);
    if (request.expected_version && *request.expected_version != before->version) {
        return Fail(Conflict("case.version_conflict",
                             "The case changed since you loaded it; reload and try again."));
    }
    return std::move(*before);
}

// The case after the action, its deadlines planned and its holder's path set.
Result<Case> Apply(const domain::OrgTree& tree, const Case& before, const ActionRequest& request,
                   const domain::Relations& relations, const domain::WorkflowLimits& limits,
                   const TimeRules& rules, Instant now) {
    auto after = domain::ApplyAction(before, request.action, relations, request.input, now, limits);
    if (!after) {
        return Fail(std::move(after.error()));
    }
    after->version = before.version + 1;
    after->updated_at = now;
    domain::PlanDeadlines({*rules.limits, *rules.calendar}, before, request.action, &request.input,
                          *after, now);
    if (after->holder_id != before.holder_id) {
        const OrgUnit* holder = tree.Find(after->holder_id);
        after->holder_path = holder != nullptr ? holder->path : "";
    }
    if (after->holder_id != before.holder_id || after->state != before.state) {
        after->last_action = std::string(domain::CaseActionName(request.action));
    }
    return after;
}

}  // namespace

Result<CaseView> CaseWorkflowService::Act(const Principal& caller, domain::CaseId id,
                                          ActionRequest request) {
    const Instant now = clock_.Now();
    const TimeRules rules = time_rules_.Current();
    const auto tree = org_tree_.Current();
    return domain::Transact(store_, [&](Repositories& repositories) -> Result<CaseView> {
        const auto visibility = domain::VisibilityOf(caller);
        auto before = LoadForAction(repositories, visibility, id, request);
        if (!before) {
            return Fail(std::move(before.error()));
        }
        // Who may act now, before what the body names: a refusal must not depend on it.
        const auto parties = domain::PartiesOf(*tree, *before, before->assisting_unit_ids);
        const auto relations = domain::RelationsOf(caller, *before, parties);
        domain::WorkflowLimits limits = limits_;
        limits.max_extension_days =
            domain::ExtensionCap(*rules.limits, *before, limits_.max_extension_days);
        if (parties.holder) {
            if (auto may = domain::CheckMayTake(*before, request.action, relations, *parties.holder,
                                                now, limits);
                !may) {
                return Fail(std::move(may.error()));
            }
        }
        std::vector<FieldError> errors;
        ResolveTargets(repositories, *tree, visibility, parties, request, errors);
        if (!errors.empty()) {
            return Fail(Validation(std::move(errors)));
        }
        auto after = Apply(*tree, *before, request, relations, limits, rules, now);
        if (!after) {
            return Fail(std::move(after.error()));
        }
        if (!repositories.Cases().Update(*after, before->version)) {
            return Fail(Conflict("case.version_conflict",
                                 "Someone else acted on this case first; reload it."));
        }
        // Only these actions store the assisting units; after any other the stored ones stand.
        const bool sets_assisting = request.action == CaseAction::kDispatch ||
                                    request.action == CaseAction::kRecall ||
                                    request.action == CaseAction::kApproveReturn;
        if (sets_assisting) {
            repositories.Cases().SetAssisting(id, after->assisting_unit_ids);
        }
        auto now_parties = domain::PartiesOf(
            *tree, *after, sets_assisting ? after->assisting_unit_ids : before->assisting_unit_ids);
        repositories.Cases().AddAccess(id, StakePaths(now_parties));
        const auto event = AppendCaseEvent(
            repositories, id, ActorFor(caller, parties), domain::CaseActionName(request.action),
            ActionPayload(request.input, *before, *after), before->state, after->state, now);
        NotifyCaseEvent(repositories, *after, event, now_parties);
        return ViewOfLoaded(repositories, caller, std::move(*after), std::move(now_parties), now);
    });
}

Result<CaseView> CaseWorkflowService::RevealReporter(const Principal& caller, domain::CaseId id) {
    const Instant now = clock_.Now();
    const auto tree = org_tree_.Current();
    return domain::Transact(store_, [&](Repositories& repositories) -> Result<CaseView> {
        auto c = repositories.Cases().FindById(id);
        if (!c || !repositories.Cases().IsVisible(id, domain::VisibilityOf(caller))) {
            return Fail(CaseNotFound());
        }
        auto parties = LoadParties(*tree, repositories, *c);
        if (c->reporter.anonymous) {
            // Nothing identifying was stored, so there is nothing to reveal or to log.
            return ViewOfLoaded(repositories, caller, std::move(*c), std::move(parties), now);
        }
        if (!domain::MaySeeReporter(caller, *c, parties)) {
            return Fail(
                Forbidden("case.reporter_hidden", "The reporter's identity is not shown to you."));
        }
        // Each look at a reporter's identity is on the record (anti-retaliation).
        AppendCaseEvent(repositories, id, ActorFor(caller, parties), "reveal_reporter", {},
                        c->state, c->state, now);
        auto view = ViewOfLoaded(repositories, caller, std::move(*c), std::move(parties), now);
        view.reporter_revealed = true;
        return view;
    });
}

std::span<const std::string_view> InputsChosenWhenOmitted(domain::CaseAction action) {
    static constexpr std::string_view kTarget[] = {"targetId"};
    // As ResolveTargets chooses them.
    if (action == CaseAction::kForward || action == CaseAction::kEscalate) {
        return kTarget;
    }
    return {};
}

}  // namespace minqing::service
