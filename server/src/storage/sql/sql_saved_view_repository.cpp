#include <string>

#include <nlohmann/json.hpp>

#include "storage/sql/column_table.hpp"
#include "storage/sql/sql_repositories.hpp"

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

const ColumnTable<domain::SavedView> kViews(
    "saved_views", {Field<&domain::SavedView::id>("id", kGeneratedKey),
                    Field<&domain::SavedView::user_id>("user_id", kWrittenOnce),
                    Field<&domain::SavedView::name>("name", kWrittenOnce),
                    {"query", SqlType::kText, kWrittenOnce,
                     [](const domain::SavedView& view) { return SqlValue(QueryText(view.query)); },
                     [](domain::SavedView& view, const SqlRow& row, std::size_t i) {
                         view.query = QueryOf(row.Text(i));
                     }},
                    Field<&domain::SavedView::created_at>("created_at", kWrittenOnce)});

}  // namespace

std::vector<domain::SavedView> SqlSavedViewRepository::ViewsOf(domain::UserId user) {
    return kViews.ReadAll(
        session_.Query(kViews.SelectFrom() + "WHERE user_id = ? ORDER BY created_at, id", {user}));
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
            session_.QueryOne(kViews.InsertSql() + " RETURNING id", kViews.InsertValues(view))
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
