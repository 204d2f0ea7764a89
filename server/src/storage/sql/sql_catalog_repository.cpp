#include "storage/sql/sql_catalog_repository.hpp"

#include <string>

#include "storage/sql/sql_org_repository.hpp"

namespace minqing::storage {
namespace {

using domain::Category;
using domain::DirectCard;

constexpr std::string_view kCategorySelect =
    "SELECT code, name, parent_code, keywords, active FROM categories ";
constexpr std::string_view kCardSelect =
    "SELECT id, number, community_id, holder_id, active, issued_at, revoked_at "
    "FROM direct_cards ";

// Lists (keywords, unit codes) are stored '|'-separated, as in the seed files.
std::vector<std::string> SplitKeywords(const std::string& text) {
    std::vector<std::string> keywords;
    std::size_t start = 0;
    while (start < text.size()) {
        const auto bar = text.find('|', start);
        const auto end = bar == std::string::npos ? text.size() : bar;
        if (end > start) {
            keywords.push_back(text.substr(start, end - start));
        }
        start = end + 1;
    }
    return keywords;
}

std::string JoinKeywords(const std::vector<std::string>& keywords) {
    std::string text;
    for (const auto& keyword : keywords) {
        text += text.empty() ? "" : "|";
        text += keyword;
    }
    return text;
}

Category CategoryFromRow(const SqlRow& row) {
    return {row.Text(0), row.Text(1), row.OptionalText(2), SplitKeywords(row.Text(3)), row.Bool(4)};
}

DirectCard CardFromRow(const SqlRow& row) {
    return {row.Int(0),
            row.Text(1),
            row.Int(2),
            row.Int(3),
            row.Bool(4),
            FromEpochMs(row.Int(5)),
            row.OptionalInt(6).transform(FromEpochMs)};
}

}  // namespace

std::vector<Category> SqlCatalogRepository::Categories() {
    std::vector<Category> categories;
    for (const SqlRow& row : session_.Query(std::string(kCategorySelect) + "ORDER BY code")) {
        categories.push_back(CategoryFromRow(row));
    }
    return categories;
}

std::optional<Category> SqlCatalogRepository::FindCategory(std::string_view code) {
    const auto row =
        session_.QueryOne(std::string(kCategorySelect) + "WHERE code = ?", {std::string(code)});
    return row ? std::optional(CategoryFromRow(*row)) : std::nullopt;
}

void SqlCatalogRepository::SaveCategory(const Category& category) {
    session_.Execute(
        "INSERT INTO categories (code, name, parent_code, keywords, active) "
        "VALUES (?, ?, ?, ?, ?) ON CONFLICT (code) DO UPDATE SET name = excluded.name, "
        "parent_code = excluded.parent_code, keywords = excluded.keywords, "
        "active = excluded.active",
        {category.code, category.name, Nullable(category.parent_code),
         JoinKeywords(category.keywords), std::int64_t{category.active ? 1 : 0}});
}

std::optional<domain::DispatchRule> SqlCatalogRepository::FindDispatchRule(
    std::string_view category_code, domain::OrgLevel level) {
    const auto row = session_.QueryOne(
        "SELECT lead_unit, assisting_units FROM dispatch_catalogue "
        "WHERE category_code = ? AND level = ?",
        {std::string(category_code), std::string(domain::OrgLevelName(level))});
    if (!row) {
        return std::nullopt;
    }
    return domain::DispatchRule{std::string(category_code), level, row->Text(0),
                                SplitKeywords(row->Text(1))};
}

void SqlCatalogRepository::SaveDispatchRule(const domain::DispatchRule& rule) {
    session_.Execute(
        "INSERT INTO dispatch_catalogue (category_code, level, lead_unit, assisting_units) "
        "VALUES (?, ?, ?, ?) ON CONFLICT (category_code, level) DO UPDATE SET "
        "lead_unit = excluded.lead_unit, assisting_units = excluded.assisting_units",
        {rule.category_code, std::string(domain::OrgLevelName(rule.level)), rule.lead_unit,
         JoinKeywords(rule.assisting_units)});
}

std::vector<domain::DispatchRule> SqlCatalogRepository::DispatchRules() {
    std::vector<domain::DispatchRule> rules;
    for (const SqlRow& row :
         session_.Query("SELECT category_code, level, lead_unit, assisting_units "
                        "FROM dispatch_catalogue ORDER BY category_code, level")) {
        const auto level = domain::ParseOrgLevel(row.Text(1));
        if (!level) {
            continue;  // the table's CHECK allows city and district only
        }
        rules.push_back({row.Text(0), *level, row.Text(2), SplitKeywords(row.Text(3))});
    }
    return rules;
}

bool SqlCatalogRepository::DeleteDispatchRule(std::string_view category_code,
                                              domain::OrgLevel level) {
    return session_.Execute(
               "DELETE FROM dispatch_catalogue WHERE category_code = ? AND level = ?",
               {std::string(category_code), std::string(domain::OrgLevelName(level))}) > 0;
}

Result<DirectCard> SqlCatalogRepository::InsertCard(DirectCard card) {
    try {
        card.id = session_
                      .QueryOne(
                          "INSERT INTO direct_cards (number, community_id, holder_id, active, "
                          "issued_at, revoked_at) VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
                          {card.number, card.community_id, card.holder_id,
                           std::int64_t{card.active ? 1 : 0}, ToEpochMs(card.issued_at),
                           Nullable(card.revoked_at.transform(ToEpochMs))})
                      ->Int(0);
    } catch (const UniqueViolation&) {
        // One active card per community is a unique index: a concurrent issue got there first.
        return Fail(Conflict("direct_card.community_has_card",
                             "The community already holds an active card."));
    }
    return card;
}

std::optional<DirectCard> SqlCatalogRepository::ActiveCard(domain::UserId holder,
                                                           domain::OrgUnitId community) {
    const auto row = session_.QueryOne(
        std::string(kCardSelect) + "WHERE holder_id = ? AND community_id = ? AND active = 1",
        {holder, community});
    return row ? std::optional(CardFromRow(*row)) : std::nullopt;
}

std::vector<DirectCard> SqlCatalogRepository::CardsOf(domain::UserId holder) {
    std::vector<DirectCard> cards;
    for (const SqlRow& row : session_.Query(
             std::string(kCardSelect) + "WHERE holder_id = ? ORDER BY id DESC", {holder})) {
        cards.push_back(CardFromRow(row));
    }
    return cards;
}

std::optional<DirectCard> SqlCatalogRepository::FindCard(std::int64_t id) {
    const auto row = session_.QueryOne(std::string(kCardSelect) + "WHERE id = ?", {id});
    return row ? std::optional(CardFromRow(*row)) : std::nullopt;
}

std::optional<DirectCard> SqlCatalogRepository::ActiveCardOf(domain::OrgUnitId community) {
    const auto row = session_.QueryOne(
        std::string(kCardSelect) + "WHERE community_id = ? AND active = 1", {community});
    return row ? std::optional(CardFromRow(*row)) : std::nullopt;
}

std::size_t SqlCatalogRepository::CountCardsOf(domain::OrgUnitId community) {
    return static_cast<std::size_t>(
        session_.QueryOne("SELECT COUNT(*) FROM direct_cards WHERE community_id = ?", {community})
            ->Int(0));
}

std::vector<DirectCard> SqlCatalogRepository::Cards(const domain::DirectCardQuery& query) {
    std::string sql =
        "SELECT c.id, c.number, c.community_id, c.holder_id, c.active, c.issued_at, "
        "c.revoked_at FROM direct_cards c JOIN org_units o ON o.id = c.community_id WHERE 1 = 1";
    std::vector<SqlValue> params;
    if (query.community_id) {
        sql += " AND c.community_id = ?";
        params.emplace_back(*query.community_id);
    }
    if (query.active) {
        sql += " AND c.active = ?";
        params.emplace_back(std::int64_t{*query.active ? 1 : 0});
    }
    if (query.within_paths) {
        sql += " AND (" + WithinSubtrees("o.path", *query.within_paths, params) + ")";
    }
    sql += " ORDER BY o.code, c.id DESC";
    std::vector<DirectCard> cards;
    for (const SqlRow& row : session_.Query(sql, params)) {
        cards.push_back(CardFromRow(row));
    }
    return cards;
}

bool SqlCatalogRepository::RevokeCard(std::int64_t id, Instant at) {
    return session_.Execute(
               "UPDATE direct_cards SET active = 0, revoked_at = ? WHERE id = ? AND active = 1",
               {ToEpochMs(at), id}) > 0;
}

}  // namespace minqing::storage
