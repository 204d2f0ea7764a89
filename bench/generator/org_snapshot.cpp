#include "org_snapshot.hpp"

#include <span>
#include <stdexcept>
#include <string>

namespace minqing::casegen {
namespace {

using domain::OrgKind;
using domain::OrgLevel;
using domain::OrgUnit;

// The two districts whose communities have grids in data/seed (船营区, 昌邑区), and the other
// urban districts and development zones; every other district-level node is a county.
constexpr std::string_view kDemoDistricts[] = {"220204", "220202"};
constexpr std::string_view kUrbanDistricts[] = {"220203", "220211", "220271", "220272"};

bool Contains(std::span<const std::string_view> codes, std::string_view code) {
    for (const auto candidate : codes) {
        if (candidate == code) {
            return true;
        }
    }
    return false;
}

bool EndsWith(std::string_view text, std::string_view suffix) {
    return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

std::string UnitCode(std::string_view division_code, int number) {
    // Appended piece by piece: GCC 12 warns falsely (-Wrestrict) about "U" + std::string.
    std::string code = "U";
    code.append(division_code);
    code.append(number < 10 ? "-0" : "-");
    code.append(std::to_string(number));
    return code;
}

}  // namespace

OrgSnapshot::OrgSnapshot(std::vector<OrgUnit> units) : units_(std::move(units)) {
    for (std::size_t i = 0; i < units_.size(); ++i) {
        by_id_.emplace(units_[i].id, i);
        by_code_.emplace(units_[i].code, i);
        if (units_[i].kind == OrgKind::kDivision && units_[i].level == OrgLevel::kCity &&
            !units_[i].parent_id) {
            city_ = &units_[i];
        }
    }
    std::unordered_map<domain::OrgUnitId, std::vector<const OrgUnit*>> grids;
    for (const OrgUnit& unit : units_) {
        if (unit.kind == OrgKind::kDivision && unit.level == OrgLevel::kGrid && unit.parent_id) {
            grids[*unit.parent_id].push_back(&unit);
        }
    }
    for (const OrgUnit& unit : units_) {
        // Statistical units (虚拟社区, 虚拟生活区) have nobody living in them.
        if (unit.kind != OrgKind::kDivision || unit.level != OrgLevel::kCommunity ||
            unit.name.find("虚拟") != std::string::npos) {
            continue;
        }
        Place place;
        place.community = &unit;
        place.street = DivisionAbove(unit, OrgLevel::kStreet);
        place.district = DivisionAbove(unit, OrgLevel::kDistrict);
        if (place.street == nullptr || place.district == nullptr) {
            continue;
        }
        if (const auto found = grids.find(unit.id); found != grids.end()) {
            place.grids = found->second;
        }
        place.village = !EndsWith(unit.name, "社区");
        const std::string_view district = place.district->code;
        if (Contains(kDemoDistricts, district)) {
            if (place.grids.empty()) {
                continue;
            }
            (place.village ? demo_rural_ : demo_urban_).push_back(std::move(place));
        } else if (Contains(kUrbanDistricts, district)) {
            (place.village ? other_rural_ : other_urban_).push_back(std::move(place));
        } else {
            county_places_.push_back(std::move(place));
        }
    }
    for (const auto* list :
         {&demo_urban_, &demo_rural_, &other_urban_, &other_rural_, &county_places_}) {
        for (const Place& place : *list) {
            places_.emplace(place.community->id, &place);
        }
    }
}

const OrgUnit* OrgSnapshot::Find(domain::OrgUnitId id) const {
    const auto found = by_id_.find(id);
    return found == by_id_.end() ? nullptr : &units_[found->second];
}

const OrgUnit* OrgSnapshot::FindCode(std::string_view code) const {
    const auto found = by_code_.find(code);
    return found == by_code_.end() ? nullptr : &units_[found->second];
}

const OrgUnit* OrgSnapshot::DivisionAbove(const OrgUnit& unit, OrgLevel level) const {
    const OrgUnit* node = &unit;
    while (node != nullptr && (node->kind != OrgKind::kDivision || node->level != level)) {
        node = node->parent_id ? Find(*node->parent_id) : nullptr;
    }
    return node;
}

const OrgUnit* OrgSnapshot::CityUnit(int number) const {
    return city_ == nullptr ? nullptr : FindCode(UnitCode(city_->code, number));
}

const OrgUnit* OrgSnapshot::DistrictUnit(const OrgUnit& district, int number) const {
    return number <= 0 ? nullptr : FindCode(UnitCode(district.code, number));
}

const Place* OrgSnapshot::PlaceOf(domain::OrgUnitId community) const {
    const auto found = places_.find(community);
    return found == places_.end() ? nullptr : found->second;
}

std::vector<OrgUnit> OrgSnapshot::List(const domain::OrgQuery& query) {
    std::vector<OrgUnit> matching;
    for (const OrgUnit& unit : units_) {
        const bool fits =
            (!query.level || unit.level == *query.level) &&
            (!query.kind || unit.kind == *query.kind) &&
            (!query.parent_id || unit.parent_id == query.parent_id) &&
            (!query.within_path || domain::IsWithinPath(*query.within_path, unit.path));
        if (fits) {
            matching.push_back(unit);
        }
    }
    return matching;
}

std::optional<OrgUnit> OrgSnapshot::FindById(domain::OrgUnitId id) {
    const OrgUnit* unit = Find(id);
    return unit == nullptr ? std::nullopt : std::optional(*unit);
}

std::optional<OrgUnit> OrgSnapshot::FindByCode(std::string_view code) {
    const OrgUnit* unit = FindCode(code);
    return unit == nullptr ? std::nullopt : std::optional(*unit);
}

Result<OrgUnit> OrgSnapshot::Insert(OrgUnit /*unit*/) {
    throw std::logic_error("casegen: the org snapshot is read-only");
}

void OrgSnapshot::Update(const OrgUnit& /*unit*/) {
    throw std::logic_error("casegen: the org snapshot is read-only");
}

std::int64_t OrgSnapshot::CountActiveChildren(domain::OrgUnitId id) {
    std::int64_t count = 0;
    for (const OrgUnit& unit : units_) {
        count += unit.parent_id == id && unit.active ? 1 : 0;
    }
    return count;
}

std::int64_t OrgSnapshot::Count() {
    return static_cast<std::int64_t>(units_.size());
}

}  // namespace minqing::casegen
