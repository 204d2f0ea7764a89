#include "service/supervision_service.hpp"

#include <algorithm>
#include <charconv>

#include "domain/case_access.hpp"
#include "service/case_records.hpp"
#include "service/notifications.hpp"
#include "text/text_checks.hpp"

namespace minqing::service {
namespace {

using domain::Repositories;
using domain::Role;
using domain::Supervision;

constexpr int kMaxReplyDays = 10;
constexpr std::size_t kMaxText = 2000;

bool IssuesSupervision(const domain::Principal& caller) {
    return std::ranges::any_of(caller.roles, [](const domain::RoleAssignment& held) {
        return held.role == Role::kCityOffice || held.role == Role::kDistrictOffice ||
               held.role == Role::kStreetOffice || held.role == Role::kInspector;
    });
}

// The caller's role on `unit` or above it, if any (its staff, or an office over it).
const domain::RoleAssignment* RoleAt(const domain::Principal& caller, const domain::OrgUnit& unit) {
    for (const auto& held : caller.roles) {
        if (held.org_unit_id == unit.id) {
            return &held;
        }
    }
    return nullptr;
}

void CheckText(std::string_view field, const std::string& value, std::vector<FieldError>& errors) {
    if (auto reason = text::CheckText(value, kMaxText, true, false)) {
        errors.push_back({std::string(field), *reason, "Required, at most 2000 characters."});
    }
}

}  // namespace

Result<Supervision> SupervisionService::Issue(const domain::Principal& caller, domain::CaseId id,
                                              const SupervisionOrder& order) {
    if (!IssuesSupervision(caller)) {
        return Fail(
            Forbidden("supervision.forbidden", "Only office staff and inspectors issue a 督办单."));
    }
    std::vector<FieldError> errors;
    CheckText("note", order.note, errors);
    if (order.reply_days < 1 || order.reply_days > kMaxReplyDays) {
        errors.push_back({"replyDays", "out_of_range", "1 to 10 working days."});
    }
    if (!errors.empty()) {
        return Fail(Validation(std::move(errors)));
    }
    const Instant now = clock_.Now();
    const TimeRules rules = time_rules_.Current();
    return domain::Transact(store_, [&](Repositories& repositories) -> Result<Supervision> {
        const auto c = repositories.Cases().FindById(id);
        if (!c || !repositories.Cases().IsVisible(id, domain::VisibilityOf(caller))) {
            return Fail(CaseNotFound());
        }
        if (domain::IsTerminal(c->state)) {
            return Fail(Conflict("case.terminal", "The case is finished."));
        }
        const auto parties = LoadParties(*org_tree_.Current(), repositories, *c);
        const EventActor actor = ActorFor(caller, parties);
        Supervision supervision;
        supervision.case_id = id;
        supervision.level = domain::SupervisionLevel::kWritten;
        supervision.manual = true;
        supervision.step = c->deadline_step;
        supervision.step_deadline = c->deadline;
        supervision.unit_id = c->holder_id;
        supervision.note = order.note;
        supervision.issued_by = caller.user_id;
        supervision.issued_by_unit = actor.unit_id;
        supervision.issued_at = now;
        supervision.reply_due = rules.calendar->AddWorkingDays(now, order.reply_days);
        supervision = repositories.Supervisions().Insert(std::move(supervision));
        domain::CaseEventPayload payload;
        payload.supervision_id = supervision.id;
        payload.note = supervision.note;
        payload.reply_due = supervision.reply_due;
        payload.holder_id = c->holder_id;
        AppendCaseEvent(repositories, id, actor, "supervise", std::move(payload), c->state,
                        c->state, now);
        NotifyNode(repositories, c->holder_id, "supervision_notice", *c,
                   "supervision:" + std::to_string(supervision.id), now,
                   {{"action", "督办单"}, {"deadline", ShortTime(*supervision.reply_due)}},
                   Audience::kStaff, {"supervision_order"});
        return supervision;
    });
}

Result<Supervision> SupervisionService::Reply(const domain::Principal& caller, domain::CaseId id,
                                              std::int64_t supervision_id,
                                              const std::string& reply) {
    std::vector<FieldError> errors;
    CheckText("reply", reply, errors);
    if (!errors.empty()) {
        return Fail(Validation(std::move(errors)));
    }
    const Instant now = clock_.Now();
    return domain::Transact(store_, [&](Repositories& repositories) -> Result<Supervision> {
        auto supervision = repositories.Supervisions().FindById(supervision_id);
        if (!supervision || supervision->case_id != id || !supervision->reply_due ||
            !repositories.Cases().IsVisible(id, domain::VisibilityOf(caller))) {
            return Fail(NotFound("supervision.not_found", "No such 督办单 on this case."));
        }
        const auto unit = repositories.Orgs().FindById(supervision->unit_id);
        const auto* held = unit ? RoleAt(caller, *unit) : nullptr;
        if (held == nullptr) {
            return Fail(
                Forbidden("supervision.not_addressee", "Only the unit it was issued to replies."));
        }
        if (!repositories.Supervisions().Reply(supervision_id, caller.user_id, reply, now)) {
            return Fail(Conflict("supervision.already_replied", "It has been replied to."));
        }
        const auto c = repositories.Cases().FindById(id);
        EventActor actor;
        actor.user_id = caller.user_id;
        actor.role = std::string(domain::RoleName(held->role));
        actor.unit_id = held->org_unit_id;
        domain::CaseEventPayload payload;
        payload.supervision_id = supervision_id;
        payload.reply = reply;
        payload.holder_id = c->holder_id;
        AppendCaseEvent(repositories, id, actor, "supervision_reply", std::move(payload), c->state,
                        c->state, now);
        return *repositories.Supervisions().FindById(supervision_id);
    });
}

Result<std::vector<Supervision>> SupervisionService::OfCase(const domain::Principal& caller,
                                                            domain::CaseId id) {
    return domain::Query(
        store_, [&](Repositories& repositories) -> Result<std::vector<Supervision>> {
            if (!repositories.Cases().IsVisible(id, domain::VisibilityOf(caller)) ||
                !repositories.Cases().FindById(id)) {
                return Fail(CaseNotFound());
            }
            domain::SupervisionQuery query;
            query.case_id = id;
            return repositories.Supervisions().List(query);
        });
}

Result<SupervisionPage> SupervisionService::List(const domain::Principal& caller,
                                                 const SupervisionFilter& filter,
                                                 std::string_view cursor) {
    domain::SupervisionQuery query;
    if (!cursor.empty()) {
        // The cursor is the id of the last record served: ids only grow, newest first.
        std::int64_t after = 0;
        const auto* end = cursor.data() + cursor.size();
        const auto parsed = std::from_chars(cursor.data(), end, after);
        if (parsed.ec != std::errc() || parsed.ptr != end || after <= 0) {
            return Fail(Validation({{"cursor", "invalid", "Use the nextCursor of a page."}}));
        }
        query.before_id = after;
    }
    query.open_only = filter.open_only;
    query.manual_only = filter.manual_only;
    query.limit = std::clamp(filter.limit, 1, 500);
    if (filter.overdue_only) {
        query.reply_overdue_at = clock_.Now();
    }
    const auto visibility = domain::VisibilityOf(caller);
    if (!visibility.everything) {
        query.unit_paths = visibility.paths;
        if (query.unit_paths.empty()) {
            return SupervisionPage{};
        }
    }
    query.only_unit = filter.unit_id;
    return domain::Query(store_, [&](Repositories& repositories) {
        SupervisionPage page;
        page.items = repositories.Supervisions().List(query);
        page.totals = repositories.Supervisions().Count(query);
        if (static_cast<int>(page.items.size()) == query.limit) {
            page.next_cursor = std::to_string(page.items.back().id);
        }
        return page;
    });
}

}  // namespace minqing::service
