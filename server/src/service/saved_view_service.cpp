#include "service/saved_view_service.hpp"

#include "text/text_checks.hpp"

namespace minqing::service {
namespace {

using domain::Repositories;

std::vector<FieldError> CheckView(const std::string& name, const domain::SavedViewQuery& query) {
    std::vector<FieldError> errors;
    const auto characters = text::CountCharacters(name);
    if (!characters) {
        errors.push_back({"name", "invalid_utf8", "Not valid UTF-8."});
    } else if (*characters == 0 || *characters > domain::kMaxSavedViewName) {
        errors.push_back({"name", "length", "1 to 40 characters."});
    } else if (text::HasControlCharacters(name, true)) {
        errors.push_back({"name", "control_characters", "One line without control characters."});
    }
    for (const auto& [filter, value] : query) {
        const std::string field = "query." + filter;
        if (!domain::IsSavedViewFilter(filter)) {
            errors.push_back({field, "unknown_field", "Not a filter of the case list."});
        } else if (text::CheckText(value, domain::kMaxSavedViewValue, false, true)) {
            errors.push_back({field, "invalid", "At most 200 characters on one line."});
        }
    }
    return errors;
}

}  // namespace

std::vector<domain::SavedView> SavedViewService::List(const domain::Principal& caller) {
    return domain::Query(store_, [&](Repositories& repositories) {
        return repositories.SavedViews().ViewsOf(caller.user_id);
    });
}

Result<domain::SavedView> SavedViewService::Create(const domain::Principal& caller,
                                                   std::string name, domain::SavedViewQuery query) {
    name = text::Trim(name);
    if (auto errors = CheckView(name, query); !errors.empty()) {
        return Fail(Validation(std::move(errors)));
    }
    domain::SavedView view{0, caller.user_id, std::move(name), std::move(query), clock_.Now()};
    return domain::Transact(store_, [&](Repositories& repositories) -> Result<domain::SavedView> {
        // Checked in the unit that inserts; the unique (user, name) key backs the name check
        // should two tabs save at once.
        if (repositories.SavedViews().NameTaken(view.user_id, view.name)) {
            return Fail(Conflict("saved_view.name_taken", "You have a view of that name."));
        }
        if (repositories.SavedViews().ViewsOf(view.user_id).size() >= domain::kMaxSavedViews) {
            return Fail(
                Conflict("saved_view.too_many", "At most 50 views; delete one you no longer use."));
        }
        return repositories.SavedViews().Insert(view);
    });
}

Status SavedViewService::Delete(const domain::Principal& caller, domain::SavedViewId id) {
    return domain::Transact(store_, [&](Repositories& repositories) -> Status {
        if (!repositories.SavedViews().Delete(caller.user_id, id)) {
            return Fail(NotFound("saved_view.not_found", "No such view of yours."));
        }
        return Ok();
    });
}

}  // namespace minqing::service
