// For the domain's tests: a case's event log written tersely, one workflow step a call, with
// the holder and states the service would record (service/case_records.cpp).
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "domain/case.hpp"
#include "domain/case_event.hpp"

namespace minqing::domain::testing {

class CaseHistory {
  public:
    /// A case registered at `office` by `by` through `channel` at `at`.
    CaseHistory(CaseId id, OrgUnitId office, Instant at, Channel channel = Channel::kWalkIn,
                UserId by = 1, CaseState first = CaseState::kRegistered) {
        c_.id = id;
        c_.channel = channel;
        c_.receiving_office_id = office;
        c_.holder_id = office;
        c_.created_by = by;
        c_.created_at = at;
        c_.reporter.phone = "13900000000";
        CaseEventPayload p;
        p.channel = channel;
        p.holder_id = office;
        Append("create", at, first, std::move(p), office);
    }

    /// Recorded already solved on the spot (a grid worker's registered → answered).
    static CaseHistory SolvedOnTheSpot(CaseId id, OrgUnitId office, Instant at, UserId by) {
        return CaseHistory(id, office, at, Channel::kGrid, by, CaseState::kAnswered);
    }

    CaseHistory& Kind(CaseKind kind) {
        c_.kind = kind;
        return *this;
    }
    CaseHistory& Anonymous() {
        c_.reporter.anonymous = true;
        c_.reporter.phone.clear();
        return *this;
    }

    CaseHistory& Accept(Instant at) { return Step("accept", at, CaseState::kRouting, {}); }
    CaseHistory& Decline(Instant at) { return Step("decline", at, CaseState::kDeclined, {}); }
    CaseHistory& Merge(Instant at, CaseId master) {
        CaseEventPayload p;
        p.master_case_id = master;
        return Step("merge", at, CaseState::kMerged, std::move(p));
    }
    /// The holding office dispatches to a member unit, whose answer is due by `due`.
    CaseHistory& Dispatch(Instant at, OrgUnitId unit, Instant due) {
        CaseEventPayload p;
        p.target_id = unit;
        p.answer_deadline = due;
        office_ = c_.holder_id;
        return Step("dispatch", at, CaseState::kDispatched, std::move(p), unit, office_);
    }
    CaseHistory& HandleLocally(Instant at, Instant due) {
        CaseEventPayload p;
        p.answer_deadline = due;
        office_ = c_.holder_id;
        return Step("handle_locally", at, CaseState::kHandling, std::move(p));
    }
    CaseHistory& Sign(Instant at, UserId by = 7) {
        signer_ = by;
        return Step("sign", at, CaseState::kHandling, {});
    }
    CaseHistory& RequestReturn(Instant at) {
        return Step("request_return", at, CaseState::kReturnRequested, {});
    }
    CaseHistory& RefuseReturn(Instant at) {
        return Step("refuse_return", at, CaseState::kDispatched, {}, c_.holder_id, office_);
    }
    CaseHistory& ApproveReturn(Instant at) {
        return Step("approve_return", at, CaseState::kRouting, {}, office_, office_);
    }
    CaseHistory& Recall(Instant at) {
        return Step("recall", at, CaseState::kRouting, {}, office_, office_);
    }
    CaseHistory& Contact(Instant at) { return Step("contact_reporter", at, state_, {}); }
    CaseHistory& ApproveExtension(Instant at, int days, Instant new_due) {
        CaseEventPayload p;
        p.granted_days = days;
        p.answer_deadline = new_due;
        return Step("approve_extension", at, CaseState::kHandling, std::move(p), c_.holder_id,
                    office_);
    }
    CaseHistory& CommitLongTerm(Instant at, Instant committed) {
        CaseEventPayload p;
        p.committed_date = committed;
        return Step("commit_long_term", at, CaseState::kLongTerm, std::move(p));
    }
    CaseHistory& Answer(Instant at, AnswerResult result = AnswerResult::kSolved) {
        CaseEventPayload p;
        p.result = result;
        return Step("answer", at, CaseState::kAnswered, std::move(p));
    }
    CaseHistory& ApproveAnswer(Instant at) {
        return Step("approve_answer", at, CaseState::kFollowUp, {}, c_.holder_id, office_);
    }
    /// The office's follow-up that closes the case with the reporter's rating.
    CaseHistory& FollowUp(Instant at, Satisfaction satisfaction, bool solved) {
        CaseEventPayload p;
        p.contacted = true;
        p.satisfaction = satisfaction;
        p.solved = solved;
        return Step("follow_up", at, CaseState::kClosed, std::move(p), c_.holder_id, office_);
    }
    CaseHistory& Unreachable(Instant at) {
        CaseEventPayload p;
        p.unreachable = true;
        return Step("follow_up", at, CaseState::kClosed, std::move(p), c_.holder_id, office_);
    }
    CaseHistory& Reopen(Instant at, OrgUnitId unit, Instant due) {
        CaseEventPayload p;
        p.answer_deadline = due;
        return Step("reopen", at, CaseState::kHandling, std::move(p), unit, office_);
    }
    /// What the deadline sweep records: a 催办 (with the red card), 督办 or 通报 on `step`.
    CaseHistory& Swept(Instant at, SupervisionLevel level, DeadlineStep step, Instant deadline) {
        CaseEventPayload p;
        p.level = level;
        p.automatic = true;
        p.step = step;
        p.step_deadline = deadline;
        const char* action = level == SupervisionLevel::kReminder  ? "auto_remind"
                             : level == SupervisionLevel::kWritten ? "auto_supervise"
                                                                   : "auto_bulletin";
        return Step(action, at, state_, std::move(p));
    }

    const Case& c() const { return c_; }
    const std::vector<CaseEvent>& events() const { return events_; }

  private:
    CaseHistory& Step(std::string action, Instant at, CaseState to, CaseEventPayload p) {
        return Step(std::move(action), at, to, std::move(p), c_.holder_id, c_.holder_id);
    }
    CaseHistory& Step(std::string action, Instant at, CaseState to, CaseEventPayload p,
                      OrgUnitId holder_after, OrgUnitId actor_unit) {
        c_.holder_id = holder_after;
        p.holder_id = holder_after;
        Append(std::move(action), at, to, std::move(p), actor_unit);
        return *this;
    }
    void Append(std::string action, Instant at, CaseState to, CaseEventPayload p,
                OrgUnitId actor_unit) {
        CaseEvent event;
        event.case_id = c_.id;
        event.seq = static_cast<std::int64_t>(events_.size()) + 1;
        event.at = at;
        event.actor_id = action == "sign" ? signer_ : c_.created_by;
        event.actor_unit_id = actor_unit;
        event.action = std::move(action);
        event.payload = std::move(p);
        event.from_state = events_.empty() ? std::nullopt : std::optional(state_);
        event.to_state = to;
        events_.push_back(std::move(event));
        state_ = to;
        c_.state = to;
    }

    Case c_;
    std::vector<CaseEvent> events_;
    CaseState state_ = CaseState::kRegistered;
    OrgUnitId office_ = 0;
    UserId signer_ = 0;
};

}  // namespace minqing::domain::testing
