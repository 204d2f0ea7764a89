#include "service/case_view.hpp"

#include "service/case_records.hpp"

namespace minqing::service {

CaseView ViewOf(const domain::OrgTree& tree, domain::Repositories& repositories,
                const domain::Principal& caller, domain::Case c, Instant now) {
    auto parties = LoadParties(tree, repositories, c);
    return ViewOfLoaded(repositories, caller, std::move(c), std::move(parties), now);
}

CaseView ViewOfLoaded(domain::Repositories& repositories, const domain::Principal& caller,
                      domain::Case c, domain::CaseParties parties, Instant now) {
    CaseView view = ViewOfRecorded(caller, std::move(c), std::move(parties), now);
    view.attachments = repositories.Attachments().ForCase(view.c.id);
    view.names.AddCases(repositories, {view.c});
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
