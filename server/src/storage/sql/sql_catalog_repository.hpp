// CatalogRepository over a SqlSession; the same SQL serves SQLite and PostgreSQL.
#pragma once

#include "domain/catalog_repository.hpp"
#include "storage/sql.hpp"

namespace minqing::storage {

class SqlCatalogRepository final : public domain::CatalogRepository {
  public:
    explicit SqlCatalogRepository(SqlSession& session) : session_(session) {}

    std::vector<domain::Category> Categories() override;
    std::optional<domain::Category> FindCategory(std::string_view code) override;
    void SaveCategory(const domain::Category& category) override;
    std::optional<domain::DispatchRule> FindDispatchRule(std::string_view category_code,
                                                         domain::OrgLevel level) override;
    void SaveDispatchRule(const domain::DispatchRule& rule) override;
    std::vector<domain::DispatchRule> DispatchRules() override;
    bool DeleteDispatchRule(std::string_view category_code, domain::OrgLevel level) override;
    Result<domain::DirectCard> InsertCard(domain::DirectCard card) override;
    std::optional<domain::DirectCard> ActiveCard(domain::UserId holder,
                                                 domain::OrgUnitId community) override;
    std::vector<domain::DirectCard> CardsOf(domain::UserId holder) override;
    std::optional<domain::DirectCard> FindCard(std::int64_t id) override;
    std::optional<domain::DirectCard> ActiveCardOf(domain::OrgUnitId community) override;
    std::size_t CountCardsOf(domain::OrgUnitId community) override;
    std::vector<domain::DirectCard> Cards(const domain::DirectCardQuery& query) override;
    bool RevokeCard(std::int64_t id, Instant at) override;

  private:
    SqlSession& session_;
};

}  // namespace minqing::storage
