// What each intake channel records beside the common case fields. Kept with the case as typed
// data (Case::channel_fields; storage and the API each encode the channel's own part), and read
// by placement (case_placement.hpp).
#pragma once

#include <optional>
#include <string>

#include "domain/org_unit.hpp"

namespace minqing::domain {

/// 网格采集: the grid manager may record a matter already solved on the spot.
struct GridFields {
    bool solved_on_spot = false;
    std::string evidence;  // what was done, required when solved on the spot

    bool operator==(const GridFields&) const = default;
};

/// 《社情民意报告单》.
struct CadreReportFields {
    std::string cadre_unit;                 // the cadre's own unit, as written on the form
    std::optional<OrgUnitId> community_id;  // the community visited
    int households = 0;                     // households or people involved
    std::string summary;
    bool universal = false;  // universal / representative
    std::string suggestion;
    /// The office it goes to (a district or the city); the community's district by default.
    std::optional<OrgUnitId> office_id;

    bool operator==(const CadreReportFields&) const = default;
};

/// 直通卡: the unit it goes straight to.
struct DirectCardFields {
    std::optional<OrgUnitId> unit_id;

    bool operator==(const DirectCardFields&) const = default;
};

/// Hand-over from the mayor's hotline.
struct HotlineFields {
    std::string external_ref;

    bool operator==(const HotlineFields&) const = default;
};

/// The fields of the channel that recorded a case; the other channels' parts stay empty.
struct ChannelFields {
    GridFields grid;
    CadreReportFields cadre;
    DirectCardFields direct_card;
    HotlineFields hotline;

    bool operator==(const ChannelFields&) const = default;
};

}  // namespace minqing::domain
