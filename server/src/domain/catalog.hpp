// Reference data cases are classified and routed with: the two-level subject categories and
// the communities' direct cards (直通卡). Plain data; no I/O.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
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

}  // namespace minqing::domain
