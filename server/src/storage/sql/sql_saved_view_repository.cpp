#include "storage/sql/sql_saved_view_repository.hpp"

#include <string>

#include <nlohmann/json.hpp>

namespace minqing::storage {
namespace {

// The filters are stored as a JSON object of strings: readable in the database, and a column
// that needs no schema change when the case list gains a filter.
std::string QueryText(const domain::SavedViewQuery& query) {
    nlohmann::json object = nlohmann::json::object();
    for (const auto& [name, value] : query) {
        object[name] = value;
    }
    return object.dump();
}

domain::SavedViewQuery QueryOf(const std::string& text) {
    domain::SavedViewQuery query;
    const auto object = nlohmann::json::parse(text, nullptr, false);
    if (!object.is_object()) {
        return query;  // written by hand into the database; the service never does
    }
    for (const auto& [name, value] : object.items()) {
        if (value.is_string()) {
            query.emplace(name, value.get<std::string>());
        }
    }
    return query;
}

}  // namespace

std::vector<domain::SavedView> SqlSavedViewRepository::ViewsOf(domain::UserId user) {
    std::vector<domain::SavedView> views;
    for (const SqlRow& row :
         session_.Query("SELECT id, user_id, name, query, created_at FROM saved_views "
                        "WHERE user_id = ? ORDER BY created_at, id",
                        {user})) {
        views.push_back(
            {row.Int(0), row.Int(1), row.Text(2), QueryOf(row.Text(3)), FromEpochMs(row.Int(4))});
    }
    return views;
}

bool SqlSavedViewRepository::NameTaken(domain::UserId user, std::string_view name) {
    return session_
        .QueryOne("SELECT 1 FROM saved_views WHERE user_id = ? AND name = ?",
                  {user, std::string(name)})
        .has_value();
}

Result<domain::SavedView> SqlSavedViewRepository::Insert(domain::SavedView view) {
    try {
        view.id =
            session_
                .QueryOne(
                    "INSERT INTO saved_views (user_id, name, query, created_at) "
                    "VALUES (?, ?, ?, ?) RETURNING id",
                    {view.user_id, view.name, QueryText(view.query), ToEpochMs(view.created_at)})
                ->Int(0);
    } catch (const UniqueViolation&) {
        // The service checked the name first; this is a concurrent save of the same name.
        return Fail(Conflict("saved_view.name_taken", "You already have a view of that name."));
    }
    return view;
}

bool SqlSavedViewRepository::Delete(domain::UserId user, domain::SavedViewId id) {
    return session_.Execute("DELETE FROM saved_views WHERE id = ? AND user_id = ?", {id, user}) > 0;
}

}  // namespace minqing::storage
