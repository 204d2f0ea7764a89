#include "domain/intake_channels.hpp"

#include <algorithm>

namespace minqing::domain {
namespace {

constexpr Role kGridRoles[] = {Role::kGridWorker};
constexpr Role kCadreReportRoles[] = {Role::kCadre};
constexpr Role kDirectCardRoles[] = {Role::kDirector};
// 来访/来电登记 at any office, community to city.
constexpr Role kWalkInRoles[] = {Role::kCityOffice, Role::kDistrictOffice, Role::kStreetOffice,
                                 Role::kCommunityStaff};

constexpr IntakeChannelRoles kStaffChannels[] = {
    {Channel::kGrid, kGridRoles},
    {Channel::kCadreReport, kCadreReportRoles},
    {Channel::kDirectCard, kDirectCardRoles},
    {Channel::kWalkIn, kWalkInRoles},
};

}  // namespace

std::span<const IntakeChannelRoles> StaffIntakeChannels() {
    return kStaffChannels;
}

std::span<const Role> RolesRecordingOn(Channel channel) {
    for (const auto& row : kStaffChannels) {
        if (row.channel == channel) {
            return row.roles;
        }
    }
    return {};
}

std::vector<Channel> IntakeChannelsOf(std::span<const RoleAssignment> roles) {
    std::vector<Channel> channels;
    for (const auto& row : kStaffChannels) {
        const bool holds = std::ranges::any_of(roles, [&row](const RoleAssignment& held) {
            return std::ranges::find(row.roles, held.role) != row.roles.end();
        });
        if (holds) {
            channels.push_back(row.channel);
        }
    }
    return channels;
}

}  // namespace minqing::domain
