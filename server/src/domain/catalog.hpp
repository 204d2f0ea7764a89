// Reference data cases are classified and routed with: the two-level subject categories and
// the communities' direct cards (直通卡). Plain data; no I/O.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/clock.hpp"
#include "domain/org_unit.hpp"
#include "domain/user.hpp"

namespace minqing::domain {

/// A subject category: "03" 公用事业 (top level) or "0301" 供暖供热 (second level).
struct Category {
    std::string code;
    std::string name;
    std::optional<std::string> parent_code;
    std::vector<std::string> keywords;
    bool active = true;
};

/// The community's direct card, held by its committee director.
struct DirectCard {
    std::int64_t id = 0;
    std::string number;
    OrgUnitId community_id = 0;
    UserId holder_id = 0;
    bool active = true;
    Instant issued_at{};
    std::optional<Instant> revoked_at;
};

/// The number of a community's card: the first is "ZTK-<community code>" (the form the city
/// has printed), a reissue "ZTK-<community code>-<n>" where n counts every card the community
/// was issued, this one included. `issued_before` is how many it had.
std::string DirectCardNumber(std::string_view community_code, std::size_t issued_before);

/// One row of the dispatch catalogue (派单目录): for a category routed by an office of a
/// level, the suggested lead and assisting units. Unit codes may hold "{district}", which
/// stands for the routing district's code.
struct DispatchRule {
    std::string category_code;
    OrgLevel level = OrgLevel::kCity;
    std::string lead_unit;
    std::vector<std::string> assisting_units;
};

/// The unit code a catalogue pattern names for a routing district ("U{district}-02" with
/// "220204" → "U220204-02"); patterns without the placeholder are returned as they are.
std::string ResolveUnitCode(std::string_view pattern, std::string_view district_code);

}  // namespace minqing::domain
