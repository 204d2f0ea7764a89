#include "domain/intake_channels.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace minqing::domain {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

RoleAssignment Holding(Role role) {
    RoleAssignment assignment;
    assignment.role = role;
    return assignment;
}

TEST(IntakeChannelsTest, EachStaffChannelNamesTheRolesThatRecordOnIt) {
    EXPECT_THAT(RolesRecordingOn(Channel::kGrid), ElementsAre(Role::kGridWorker));
    EXPECT_THAT(RolesRecordingOn(Channel::kCadreReport), ElementsAre(Role::kCadre));
    EXPECT_THAT(RolesRecordingOn(Channel::kDirectCard), ElementsAre(Role::kDirector));
    EXPECT_THAT(RolesRecordingOn(Channel::kWalkIn),
                ElementsAre(Role::kCityOffice, Role::kDistrictOffice, Role::kStreetOffice,
                            Role::kCommunityStaff));
}

// The hotline hands over by API token, the mailbox and message board are the public's.
TEST(IntakeChannelsTest, NoRoleRecordsOnTheHotlineOrThePublicChannels) {
    EXPECT_THAT(RolesRecordingOn(Channel::kHotline), IsEmpty());
    EXPECT_THAT(RolesRecordingOn(Channel::kMailbox), IsEmpty());
    EXPECT_THAT(RolesRecordingOn(Channel::kMessageBoard), IsEmpty());
    for (const auto& row : StaffIntakeChannels()) {
        EXPECT_NE(row.channel, Channel::kHotline);
        EXPECT_FALSE(row.roles.empty());
    }
}

TEST(IntakeChannelsTest, AUserRecordsOnTheChannelsOfEveryRoleInMenuOrder) {
    const std::vector<RoleAssignment> roles = {
        Holding(Role::kCommunityStaff), Holding(Role::kDirector), Holding(Role::kGridWorker)};

    EXPECT_THAT(IntakeChannelsOf(roles),
                ElementsAre(Channel::kGrid, Channel::kDirectCard, Channel::kWalkIn));
}

TEST(IntakeChannelsTest, AChannelIsListedOnceAndNotAtAllForOtherRoles) {
    const std::vector<RoleAssignment> offices = {Holding(Role::kCityOffice),
                                                 Holding(Role::kDistrictOffice)};
    const std::vector<RoleAssignment> others = {Holding(Role::kAdmin), Holding(Role::kLeader),
                                                Holding(Role::kUnitHandler),
                                                Holding(Role::kInspector)};

    EXPECT_THAT(IntakeChannelsOf(offices), ElementsAre(Channel::kWalkIn));
    EXPECT_THAT(IntakeChannelsOf(others), IsEmpty());
}

}  // namespace
}  // namespace minqing::domain
