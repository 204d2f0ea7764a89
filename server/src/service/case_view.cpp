#include "service/case_view.hpp"

#include "service/case_records.hpp"

namespace minqing::service {

CaseView ViewOf(domain::Repositories& repositories, const domain::Principal& caller,
                domain::Case c) {
    CaseView view;
    view.parties = LoadParties(repositories, c);
    const auto relations = domain::RelationsOf(caller, c, view.parties);
    view.actions = domain::AvailableActions(c, relations);
    view.may_reveal_reporter = domain::MaySeeReporter(caller, c, view.parties);
    view.attachments = repositories.Cases().Attachments(c.id);
    view.c = std::move(c);
    return view;
}

}  // namespace minqing::service
