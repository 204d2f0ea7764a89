#include <string>

#include "common/csv.hpp"
#include "storage/sql/enum_text.hpp"
#include "storage/sql/sql_fragments.hpp"
#include "storage/sql/sql_repositories.hpp"

namespace minqing::storage {
namespace {

using domain::Category;
using domain::DirectCard;

std::string JoinKeywords(const std::vector<std::string>& keywords) {
    std::string text;
    for (const auto& keyword : keywords) {
        text += text.empty() ? "" : "|";
        text += keyword;
    }
    return text;
}

const ColumnTable<Category> kCategories("categories",
                                        {Field<&Category::code>("code", kWrittenOnce | kKey),
                                         Field<&Category::name>("name"),
                                         Field<&Category::parent_code>("parent_code"),
                                         {"keywords", SqlType::kText, kWritten,
                                          [](const Category& category) {
                                              return SqlValue(JoinKeywords(category.keywords));
                                          },
                                          [](Category& category, const SqlRow& row, std::size_t i) {
                                              category.keywords = SplitBarList(row.Text(i));
                                          }},
                                         Field<&Category::active>("active")});

const ColumnTable<domain::DispatchRule> kRules(
    "dispatch_catalogue",
    {Field<&domain::DispatchRule::category_code>("category_code", kWrittenOnce | kKey),
     Field<&domain::DispatchRule::level>("level", kWrittenOnce | kKey),
     Field<&domain::DispatchRule::lead_unit>("lead_unit"),
     {"assisting_units", SqlType::kText, kWritten,
      [](const domain::DispatchRule& rule) { return SqlValue(JoinKeywords(rule.assisting_units)); },
      [](domain::DispatchRule& rule, const SqlRow& row, std::size_t i) {
          rule.assisting_units = SplitBarList(row.Text(i));
      }}});

const ColumnTable<DirectCard> kCards("direct_cards",
                                     {Field<&DirectCard::id>("id", kGeneratedKey),
                                      Field<&DirectCard::number>("number", kWrittenOnce),
                                      Field<&DirectCard::community_id>("community_id",
                                                                       kWrittenOnce),
                                      Field<&DirectCard::holder_id>("holder_id", kWrittenOnce),
                                      Field<&DirectCard::active>("active", kWrittenOnce),
                                      Field<&DirectCard::issued_at>("issued_at", kWrittenOnce),
                                      Field<&DirectCard::revoked_at>("revoked_at", kWrittenOnce)});

}  // namespace

std::vector<Category> SqlCatalogRepository::Categories() {
    return kCategories.ReadAll(session_.Query(kCategories.SelectFrom() + "ORDER BY code"));
}

std::optional<Category> SqlCatalogRepository::FindCategory(std::string_view code) {
    return kCategories.ReadOne(
        session_.QueryOne(kCategories.SelectFrom() + "WHERE code = ?", {std::string(code)}));
}

void SqlCatalogRepository::SaveCategory(const Category& category) {
    session_.Execute(kCategories.UpsertSql(), kCategories.InsertValues(category));
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
                                SplitBarList(row->Text(1))};
}

void SqlCatalogRepository::SaveDispatchRule(const domain::DispatchRule& rule) {
    session_.Execute(kRules.UpsertSql(), kRules.InsertValues(rule));
}

std::vector<domain::DispatchRule> SqlCatalogRepository::DispatchRules() {
    std::vector<domain::DispatchRule> rules;
    for (const SqlRow& row :
         session_.Query(kRules.SelectFrom() + "ORDER BY category_code, level")) {
        if (domain::ParseOrgLevel(row.Text(1))) {  // the table's CHECK allows city and district
            rules.push_back(kRules.Read(row));
        }
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
        card.id =
            session_.QueryOne(kCards.InsertSql() + " RETURNING id", kCards.InsertValues(card))
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
    return kCards.ReadOne(session_.QueryOne(
        kCards.SelectFrom() + "WHERE holder_id = ? AND community_id = ? AND active = 1",
        {holder, community}));
}

std::vector<DirectCard> SqlCatalogRepository::CardsOf(domain::UserId holder) {
    return kCards.ReadAll(
        session_.Query(kCards.SelectFrom() + "WHERE holder_id = ? ORDER BY id DESC", {holder}));
}

std::optional<DirectCard> SqlCatalogRepository::FindCard(std::int64_t id) {
    return kCards.ReadOne(session_.QueryOne(kCards.SelectFrom() + "WHERE id = ?", {id}));
}

std::optional<DirectCard> SqlCatalogRepository::ActiveCardOf(domain::OrgUnitId community) {
    return kCards.ReadOne(session_.QueryOne(
        kCards.SelectFrom() + "WHERE community_id = ? AND active = 1", {community}));
}

std::size_t SqlCatalogRepository::CountCardsOf(domain::OrgUnitId community) {
    return static_cast<std::size_t>(
        session_.QueryOne("SELECT COUNT(*) FROM direct_cards WHERE community_id = ?", {community})
            ->Int(0));
}

std::vector<DirectCard> SqlCatalogRepository::Cards(const domain::DirectCardQuery& query) {
    std::string sql = "SELECT " + kCards.List("c.") +
                      " FROM direct_cards c JOIN org_units o ON o.id = c.community_id WHERE 1 = 1";
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
    return kCards.ReadAll(session_.Query(sql, params));
}

bool SqlCatalogRepository::RevokeCard(std::int64_t id, Instant at) {
    return session_.Execute(
               "UPDATE direct_cards SET active = 0, revoked_at = ? WHERE id = ? AND active = 1",
               {ToEpochMs(at), id}) > 0;
}

}  // namespace minqing::storage
