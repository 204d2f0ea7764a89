#include "service/case_view.hpp"

#include "service/case_records.hpp"

namespace minqing::service {

CaseView ViewOf(domain::Repositories& repositories, const domain::Principal& caller, domain::Case c,
                Instant now) {
    auto parties = LoadParties(repositories, c);
    CaseView view = ViewOfRecorded(caller, std::move(c), std::move(parties), now);
    view.attachments = repositories.Attachments().ForCase(view.c.id);
    view.names.AddCases(repositories, {view.c});
    if (!view.parties.assisting.empty() && view.parties.lead_unit) {
        view.parts.push_back({view.parties.lead_unit->id, view.parties.lead_unit->name, true, {}});
        for (const auto& unit : view.parties.assisting) {
            view.parts.push_back({unit.id, unit.name, false, {}});
        }
        for (auto& event : repositories.CaseEvents().History(view.c.id)) {
            if (event.action != "assist" && event.action != "answer") {
                continue;
            }
            for (auto& part : view.parts) {
                // An assist note belongs to the unit its actor acted for; the answer to the
                // lead unit, the only one that may give it.
                if (event.actor_unit_id == part.unit_id ||
                    (part.lead && event.action == "answer")) {
                    view.names.AddEvents(repositories, {event});
                    part.contributions.push_back(event);
                    break;
                }
            }
        }
    }
    return view;
}

CaseView ViewOfRecorded(const domain::Principal& caller, domain::Case c,
                        domain::CaseParties parties, Instant now) {
    CaseView view;
    view.parties = std::move(parties);
    const auto relations = domain::RelationsOf(caller, c, view.parties);
    if (view.parties.holder) {
        view.actions = domain::AvailableActions(c, relations, *view.parties.holder, now,
                                                domain::WorkflowLimits{});
    }
    view.may_reveal_reporter = domain::MaySeeReporter(caller, c, view.parties);
    view.c = std::move(c);
    return view;
}

}  // namespace minqing::service
