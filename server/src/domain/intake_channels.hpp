// Which roles record a case on which staff intake channel (DOMAIN.md, channels): the one
// statement of it. Placement asks it who may record on a channel; the session tells the
// web which channels its user may record on, so the intake menu never restates it.
#pragma once

#include <span>
#include <vector>

#include "domain/case.hpp"
#include "domain/role.hpp"
#include "domain/user.hpp"

namespace minqing::domain {

struct IntakeChannelRoles {
    Channel channel;
    /// The roles that record on it, in the order placement looks for them.
    std::span<const Role> roles;
};

/// The staff intake channels, in menu order, with the roles that record on each. The
/// hotline is not among them: its hand-overs come from the hotline's own system with its
/// unit's API token, whatever the role; mailbox and message board are public.
std::span<const IntakeChannelRoles> StaffIntakeChannels();

/// The roles that record on `channel`; empty for the hotline and the public channels.
std::span<const Role> RolesRecordingOn(Channel channel);

/// The staff channels someone holding `roles` records on, in menu order, each once.
std::vector<Channel> IntakeChannelsOf(std::span<const RoleAssignment> roles);

}  // namespace minqing::domain
