// The org network as the generator needs it: loaded once, indexed by id and code, with the
// places cases arise in (the demo districts' grids and communities, communities elsewhere)
// and the member units that handle them. Doubles as a read-only OrgRepository, so the shared
// service steps (LoadParties) resolve nodes without a query per lookup. Not thread-safe.
#pragma once

#include <array>
#include <optional>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "domain/org_repository.hpp"

namespace minqing::casegen {

/// A community or village with the divisions above it and its grids.
struct Place {
    const domain::OrgUnit* community = nullptr;
    const domain::OrgUnit* street = nullptr;
    const domain::OrgUnit* district = nullptr;
    std::vector<const domain::OrgUnit*> grids;
    bool village = false;
};

class OrgSnapshot final : public domain::OrgRepository {
  public:
    /// Copies every active unit; builds the indices and place lists.
    explicit OrgSnapshot(std::vector<domain::OrgUnit> units);

    const domain::OrgUnit* Find(domain::OrgUnitId id) const;
    const domain::OrgUnit* FindCode(std::string_view code) const;
    /// The division of `level` at or above `unit`, or nullptr.
    const domain::OrgUnit* DivisionAbove(const domain::OrgUnit& unit, domain::OrgLevel level) const;

    const domain::OrgUnit* city() const { return city_; }
    /// The city's member unit U220200-NN, or nullptr.
    const domain::OrgUnit* CityUnit(int number) const;
    /// The district's member unit U<district>-NN, or nullptr (counties have none).
    const domain::OrgUnit* DistrictUnit(const domain::OrgUnit& district, int number) const;

    /// Communities of the demo districts (船营区, 昌邑区), all with grids; urban ones end in 社区.
    const std::vector<Place>& demo_urban() const { return demo_urban_; }
    const std::vector<Place>& demo_rural() const { return demo_rural_; }
    /// Communities of the other urban districts and zones, and of the counties.
    const std::vector<Place>& other_urban() const { return other_urban_; }
    const std::vector<Place>& other_rural() const { return other_rural_; }
    const std::vector<Place>& county_places() const { return county_places_; }
    /// The place of a community by id, or nullptr.
    const Place* PlaceOf(domain::OrgUnitId community) const;

    // domain::OrgRepository, read-only: Insert and Update throw std::logic_error.
    std::vector<domain::OrgUnit> List(const domain::OrgQuery& query) override;
    std::optional<domain::OrgUnit> FindById(domain::OrgUnitId id) override;
    std::optional<domain::OrgUnit> FindByCode(std::string_view code) override;
    Result<domain::OrgUnit> Insert(domain::OrgUnit unit) override;
    void Update(const domain::OrgUnit& unit) override;
    std::int64_t CountActiveChildren(domain::OrgUnitId id) override;
    /// The snapshot keeps no name index: nothing to add.
    std::int64_t IndexMissingNames() override { return 0; }
    std::int64_t Count() override;

  private:
    std::vector<domain::OrgUnit> units_;
    std::unordered_map<domain::OrgUnitId, std::size_t> by_id_;
    std::unordered_map<std::string_view, std::size_t> by_code_;
    const domain::OrgUnit* city_ = nullptr;
    std::vector<Place> demo_urban_, demo_rural_, other_urban_, other_rural_, county_places_;
    std::unordered_map<domain::OrgUnitId, const Place*> places_;
};

}  // namespace minqing::casegen
