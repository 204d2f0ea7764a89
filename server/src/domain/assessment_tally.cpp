#include "domain/assessment_tally.hpp"

#include <utility>

namespace minqing::domain {
namespace {

using M = AssessmentMeasure;

std::string_view TakenAwayReason(TakenAway taken) {
    return taken == TakenAway::kReturned ? "returned" : "recalled";
}

// Each signed-for dispatch, in the period of its sign deadline when the caller supplied it,
// else of the dispatch: the sweep names the deadline of late dispatches only, and placing by
// it would move just those across a period's end. The sign limit is hours, so the two seldom
// fall in different periods.
void CountSigning(AssessmentTally& tally, const CaseFacts& facts, const DispatchFacts& d) {
    if (!tally.InPeriod(d.sign_deadline_supplied ? *d.sign_deadline : d.at)) {
        return;
    }
    const AssessedUnit unit = OrgUnitAssessed(d.unit_id);
    if (!d.signed_at && (d.return_approved || d.recalled)) {
        // Asking to return instead of signing is the unit's right; the return rate measures it.
        tally.Exclude(unit, M::kOnTimeSigning, facts.case_id,
                      d.return_approved ? "returned" : "recalled");
        return;
    }
    const bool late =
        d.sign_overdue || (d.signed_at && d.sign_deadline && *d.signed_at > *d.sign_deadline);
    if (!d.signed_at && !late) {
        tally.Exclude(unit, M::kOnTimeSigning, facts.case_id, "pending");
        return;
    }
    tally.Count(unit, M::kOnTimeSigning, facts.case_id, !late);
}

// Returns, extensions and the dispatching office's accuracy, in the period of the dispatch.
void CountDispatch(AssessmentTally& tally, const CaseFacts& facts, const DispatchFacts& d) {
    if (!tally.InPeriod(d.at)) {
        return;
    }
    const AssessedUnit unit = OrgUnitAssessed(d.unit_id);
    if (d.must_sign) {
        tally.Count(unit, M::kReturnRate, facts.case_id, d.return_requested);
        tally.Count(unit, M::kExtension, facts.case_id, d.extensions_approved > 0);
        if (d.return_requested && !d.return_refused && !d.return_approved) {
            tally.Exclude(unit, M::kRefusedReturns, facts.case_id, "pending");
        } else if (d.return_requested) {
            tally.Count(unit, M::kRefusedReturns, facts.case_id, d.return_refused);
        }
    }
    if (d.dispatcher_id) {
        tally.Count(OrgUnitAssessed(*d.dispatcher_id), M::kCorrectDispatch, facts.case_id,
                    !d.return_approved && !d.recalled);
    }
}

// Each answer clock whose (extended) deadline fell in the period; an unanswered one is late.
void CountAnswerClock(AssessmentTally& tally, const CaseFacts& facts, const AnswerClock& clock) {
    const AssessedUnit unit = OrgUnitAssessed(clock.unit_id);
    if (clock.answered_at && tally.InPeriod(*clock.answered_at)) {
        if (clock.handling_centidays) {
            tally.Count(unit, M::kAverageHandlingDays, facts.case_id, true,
                        *clock.handling_centidays);
        } else {
            tally.Exclude(unit, M::kAverageHandlingDays, facts.case_id, "no_calendar");
        }
    }
    if (!clock.deadline) {
        if (tally.InPeriod(clock.started_at)) {
            tally.Exclude(unit, M::kOnTimeAnswer, facts.case_id, "no_deadline");
        }
        return;
    }
    if (!tally.InPeriod(*clock.deadline)) {
        return;
    }
    if (!clock.answered_at && clock.taken_away != TakenAway::kNo) {
        tally.Exclude(unit, M::kOnTimeAnswer, facts.case_id,
                      std::string(TakenAwayReason(clock.taken_away)));
        return;
    }
    tally.Count(unit, M::kOnTimeAnswer, facts.case_id,
                clock.answered_at && *clock.answered_at <= *clock.deadline);
    // Completion's "open past deadline": the last clock, unanswered and not closed since.
    const bool last = &clock == &facts.clocks.back();
    const bool closed_in_time = facts.close && !tally.EndedBefore(facts.close->at);
    if (last && !clock.answered_at && !closed_in_time) {
        tally.Count(unit, M::kCompletion, facts.case_id, false);
    }
}

// The unit whose clock first contact was owed on: the clock running when contact came (or the
// last one still with the unit when it never came).
const AnswerClock* ContactClock(const CaseFacts& facts) {
    const AnswerClock* owed = nullptr;
    for (const AnswerClock& clock : facts.clocks) {
        if (facts.contact.first_at && clock.started_at > *facts.contact.first_at) {
            break;
        }
        if (clock.start == ClockStart::kDispatch || clock.start == ClockStart::kHandledLocally) {
            owed = &clock;
        }
    }
    return owed;
}

void CountResponse(AssessmentTally& tally, const CaseFacts& facts) {
    const AnswerClock* clock = ContactClock(facts);
    if (clock == nullptr) {
        return;
    }
    const ContactFacts& contact = facts.contact;
    if (!tally.InPeriod(contact.deadline.value_or(clock->started_at))) {
        return;
    }
    const AssessedUnit unit = OrgUnitAssessed(clock->unit_id);
    if (!contact.reachable) {
        tally.Exclude(unit, M::kResponse, facts.case_id, "unreachable");
        return;
    }
    if (!contact.first_at && clock->taken_away != TakenAway::kNo) {
        tally.Exclude(unit, M::kResponse, facts.case_id,
                      std::string(TakenAwayReason(clock->taken_away)));
        return;
    }
    const bool answered = clock->answered_at.has_value();
    if (!contact.first_at && !contact.overdue && !answered) {
        tally.Exclude(unit, M::kResponse, facts.case_id, "pending");
        return;
    }
    const bool in_time = contact.first_at && !contact.overdue &&
                         (!contact.deadline || *contact.first_at <= *contact.deadline);
    tally.Count(unit, M::kResponse, facts.case_id, in_time);
}

// Results, in the period the case closed in, for the lead unit.
void CountClose(AssessmentTally& tally, const CaseFacts& facts) {
    if (!facts.close || !tally.InPeriod(facts.close->at)) {
        return;
    }
    const CloseFacts& close = *facts.close;
    const AssessedUnit unit = OrgUnitAssessed(close.lead_unit_id);
    const CaseId id = facts.case_id;
    tally.Count(unit, M::kCompletion, id, true);
    tally.Count(unit, M::kReopen, id, !facts.reopens.empty());
    const char* unrated = close.unreachable ? "unreachable" : "not_rated";
    if (close.solved && !close.unreachable) {
        tally.Count(unit, M::kResolution, id, *close.solved);
    } else {
        tally.Exclude(unit, M::kResolution, id, unrated);
    }
    if (close.satisfaction && !close.unreachable) {
        const Satisfaction s = *close.satisfaction;
        const bool strict = s == Satisfaction::kVerySatisfied || s == Satisfaction::kSatisfied;
        tally.Count(unit, M::kSatisfaction, id, strict || s == Satisfaction::kBasicallySatisfied);
        tally.Count(unit, M::kSatisfactionStrict, id, strict);
    } else {
        tally.Exclude(unit, M::kSatisfaction, id, unrated);
        tally.Exclude(unit, M::kSatisfactionStrict, id, unrated);
    }
    if (facts.intake.kind == CaseKind::kPraise) {
        tally.Adjust(unit, "praise", id, tally.scheme().points_per_praise);
    }
    const IntakeFacts& intake = facts.intake;
    if (intake.decision == IntakeDecision::kAccepted) {
        const OrgUnitId office = intake.decided_by.value_or(intake.receiving_office_id);
        tally.Count(OrgUnitAssessed(office), M::kDirectResolution, id, close.direct_by == office);
    }
}

// The report itself, in the period the receiving office decided on it.
void CountIntake(AssessmentTally& tally, const CaseFacts& facts) {
    const IntakeFacts& intake = facts.intake;
    const CaseId id = facts.case_id;
    const AssessedUnit worker = UserAssessed(intake.created_by);
    const bool grid = intake.channel == Channel::kGrid && intake.created_by != 0;
    if (!intake.decided_at) {
        if (grid && tally.InPeriod(intake.created_at)) {
            tally.Exclude(worker, M::kValidReports, id, "pending");
        }
        return;
    }
    if (!tally.InPeriod(*intake.decided_at)) {
        return;
    }
    const bool accepted = intake.decision == IntakeDecision::kAccepted;
    const bool merged = intake.decision == IntakeDecision::kMerged;
    if (grid && intake.decision == IntakeDecision::kWithdrawn) {
        tally.Exclude(worker, M::kValidReports, id, "withdrawn");
    } else if (grid) {
        // A merged report names a real matter already known: valid, and a repeat.
        tally.Count(worker, M::kValidReports, id, accepted || merged);
    }
    if (accepted || merged) {
        const OrgUnitId office = intake.decided_by.value_or(intake.receiving_office_id);
        tally.Count(OrgUnitAssessed(office), M::kRepeatRequests, id, merged);
    }
}

void CountAdjustments(AssessmentTally& tally, const CaseFacts& facts) {
    const AssessmentScheme& scheme = tally.scheme();
    for (const SupervisionFacts& s : facts.supervisions) {
        if (!tally.InPeriod(s.at)) {
            continue;
        }
        // The sweep raises its 催办 when the red card shows: one per overdue deadline.
        if (s.automatic && s.level == SupervisionLevel::kReminder) {
            tally.Adjust(OrgUnitAssessed(s.unit_id), "red_card", facts.case_id,
                         -scheme.points_per_red_card);
        }
        if (s.level == SupervisionLevel::kBulletin) {
            tally.Adjust(OrgUnitAssessed(s.unit_id), "bulletin", facts.case_id,
                         -scheme.points_per_bulletin);
        }
    }
    for (const ReopenFacts& reopen : facts.reopens) {
        if (tally.InPeriod(reopen.at)) {
            tally.Adjust(OrgUnitAssessed(reopen.unit_id), "reopen", facts.case_id,
                         -scheme.points_per_reopen);
        }
    }
}

}  // namespace

void AssessmentTally::Add(const CaseFacts& facts) {
    for (const DispatchFacts& dispatch : facts.dispatches) {
        if (dispatch.must_sign) {
            CountSigning(*this, facts, dispatch);
        }
        CountDispatch(*this, facts, dispatch);
    }
    for (const AnswerClock& clock : facts.clocks) {
        CountAnswerClock(*this, facts, clock);
    }
    CountResponse(*this, facts);
    CountClose(*this, facts);
    CountIntake(*this, facts);
    CountAdjustments(*this, facts);
}

bool AssessmentTally::EndedBefore(Instant at) const {
    return DayNumberOf(at) >= period_.to;
}

void AssessmentTally::Count(AssessedUnit unit, AssessmentMeasure measure, CaseId id, bool hit,
                            std::int64_t amount) {
    if (appeals_.contains(AppealExclusion{unit, measure, id})) {
        Exclude(unit, measure, id, "appeal");
        return;
    }
    MeasureResult& result = units_[unit].measures[measure];
    result.numerator += hit ? amount : 0;
    result.denominator += 1;
    result.counted.push_back(id);
    if (!IsAverage(measure) && hit != HigherIsBetter(measure)) {
        result.against.push_back(id);
    }
}

void AssessmentTally::Exclude(AssessedUnit unit, AssessmentMeasure measure, CaseId id,
                              std::string reason) {
    units_[unit].measures[measure].excluded.push_back({id, std::move(reason)});
}

void AssessmentTally::Adjust(AssessedUnit unit, std::string kind, CaseId id, double points) {
    units_[unit].adjustments.push_back({std::move(kind), id, points});
}

}  // namespace minqing::domain
