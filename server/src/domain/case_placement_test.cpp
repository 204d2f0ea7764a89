#include "domain/case_placement.hpp"

#include <gtest/gtest.h>

namespace minqing::domain {
namespace {

OrgUnit Node(OrgUnitId id, std::optional<OrgUnitId> parent, OrgKind kind, OrgLevel level,
             std::string path) {
    OrgUnit unit;
    unit.id = id;
    unit.code = "C" + std::to_string(id);
    unit.name = "N" + std::to_string(id);
    unit.parent_id = parent;
    unit.kind = kind;
    unit.level = level;
    unit.path = std::move(path);
    return unit;
}

// City 1 (member unit 7) > district 2 (member unit 6) > street 3 > community 4 > grids 5, 8;
// district 9 > street 10 > community 11.
OrgTree City() {
    using enum OrgKind;
    return OrgTree({Node(1, std::nullopt, kDivision, OrgLevel::kCity, "/1/"),
                    Node(2, 1, kDivision, OrgLevel::kDistrict, "/1/2/"),
                    Node(3, 2, kDivision, OrgLevel::kStreet, "/1/2/3/"),
                    Node(4, 3, kDivision, OrgLevel::kCommunity, "/1/2/3/4/"),
                    Node(5, 4, kDivision, OrgLevel::kGrid, "/1/2/3/4/5/"),
                    Node(8, 4, kDivision, OrgLevel::kGrid, "/1/2/3/4/8/"),
                    Node(6, 2, kUnit, OrgLevel::kDistrict, "/1/2/6/"),
                    Node(7, 1, kUnit, OrgLevel::kCity, "/1/7/"),
                    Node(9, 1, kDivision, OrgLevel::kDistrict, "/1/9/"),
                    Node(10, 9, kDivision, OrgLevel::kStreet, "/1/9/10/"),
                    Node(11, 10, kDivision, OrgLevel::kCommunity, "/1/9/10/11/")},
                   1);
}

Principal With(Role role, OrgUnitId unit) {
    Principal caller;
    caller.user_id = 42;
    domain::RoleAssignment held;
    held.role = role;
    held.org_unit_id = unit;
    caller.roles.push_back(held);
    return caller;
}

TEST(CasePlacementTest, APublicSubmissionGoesToTheCityAndArisesInItsGrid) {
    std::vector<FieldError> errors;
    PlacementRequest request;
    request.channel = Channel::kMailbox;
    request.grid_id = 5;
    const auto placed = PlaceCase(City(), nullptr, request, errors);
    ASSERT_TRUE(placed);
    EXPECT_TRUE(errors.empty());
    EXPECT_EQ(placed->parties.holder->id, 1);
    EXPECT_EQ(placed->parties.receiving_office->id, 1);
    EXPECT_EQ(placed->parties.origin->id, 5);
    request.channel = Channel::kWalkIn;
    const auto staff_only = PlaceCase(City(), nullptr, request, errors);
    ASSERT_FALSE(staff_only);
    EXPECT_EQ(staff_only.error().fields.at(0).reason, "staff_only");
}

TEST(CasePlacementTest, ACriticalCaseRecordedAtACommunityGoesStraightToTheCity) {
    std::vector<FieldError> errors;
    PlacementRequest request;
    request.channel = Channel::kWalkIn;
    const Principal staff = With(Role::kCommunityStaff, 4);
    EXPECT_EQ(PlaceCase(City(), &staff, request, errors)->parties.holder->id, 4);
    request.urgency = Urgency::kCritical;
    EXPECT_EQ(PlaceCase(City(), &staff, request, errors)->parties.holder->id, 1);
    EXPECT_TRUE(errors.empty());
}

TEST(CasePlacementTest, TheChosenOfficeMustLieOnTheRecordersChain) {
    std::vector<FieldError> errors;
    PlacementRequest request;
    request.channel = Channel::kWalkIn;
    request.office_id = 2;
    const Principal staff = With(Role::kCommunityStaff, 4);
    EXPECT_EQ(PlaceCase(City(), &staff, request, errors)->parties.holder->id, 2);
    request.office_id = 9;
    EXPECT_EQ(PlaceCase(City(), &staff, request, errors)->parties.holder->id, 4);
    ASSERT_EQ(errors.size(), 1u);
    EXPECT_EQ(errors[0].reason, "not_on_chain");
}

TEST(CasePlacementTest, AGridCaseSolvedOnTheSpotStaysAnsweredWithTheCommunity) {
    std::vector<FieldError> errors;
    PlacementRequest request;
    request.channel = Channel::kGrid;
    request.fields.grid.solved_on_spot = true;
    request.fields.grid.evidence = "已处理";
    request.grid_id = 8;
    const Principal worker = With(Role::kGridWorker, 5);
    const auto placed = PlaceCase(City(), &worker, request, errors);
    ASSERT_TRUE(placed);
    EXPECT_EQ(placed->state, CaseState::kAnswered);
    EXPECT_EQ(placed->parties.holder->id, 4);
    EXPECT_EQ(placed->parties.lead_unit->id, 4);
    // Grid 8 is a sibling of the worker's grid 5, not inside it.
    ASSERT_EQ(errors.size(), 1u);
    EXPECT_EQ(errors[0].reason, "outside_your_grid");
    EXPECT_EQ(placed->parties.origin->id, 5);
}

TEST(CasePlacementTest, ACadreReportGoesToTheDistrictAboveTheCommunity) {
    std::vector<FieldError> errors;
    PlacementRequest request;
    request.channel = Channel::kCadreReport;
    request.fields.cadre = {"市民政局", 11, 3, "情况", false, "", std::nullopt};
    const Principal cadre = With(Role::kCadre, 7);
    const auto placed = PlaceCase(City(), &cadre, request, errors);
    ASSERT_TRUE(placed);
    EXPECT_TRUE(errors.empty());
    EXPECT_EQ(placed->parties.holder->id, 9);
    EXPECT_EQ(placed->parties.origin->id, 11);
}

TEST(CasePlacementTest, ADirectCardGoesToAUnitOfTheCityOrTheCommunitysDistrict) {
    std::vector<FieldError> errors;
    PlacementRequest request;
    request.channel = Channel::kDirectCard;
    request.holds_active_card = true;
    const Principal director = With(Role::kDirector, 4);
    EXPECT_EQ(DirectorCommunity(director), 4);
    for (const OrgUnitId unit : {6, 7}) {
        request.fields.direct_card.unit_id = unit;
        const auto placed = PlaceCase(City(), &director, request, errors);
        ASSERT_TRUE(placed);
        EXPECT_EQ(placed->parties.holder->id, unit);
        EXPECT_EQ(placed->parties.dispatcher->id, 1);
        EXPECT_EQ(placed->state, CaseState::kDispatched);
    }
    EXPECT_TRUE(errors.empty());
    request.fields.direct_card.unit_id = 2;  // a division, not a member unit
    request.holds_active_card = false;
    (void)PlaceCase(City(), &director, request, errors);
    ASSERT_EQ(errors.size(), 2u);
    EXPECT_EQ(errors[0].field, "directCard");
    EXPECT_EQ(errors[1].field, "directCard.unitId");
}

TEST(CasePlacementTest, OnlyTheRolesOfAChannelMayUseIt) {
    std::vector<FieldError> errors;
    PlacementRequest request;
    const Principal cadre = With(Role::kCadre, 7);
    for (const Channel channel :
         {Channel::kGrid, Channel::kDirectCard, Channel::kHotline, Channel::kWalkIn}) {
        request.channel = channel;
        const auto refused = PlaceCase(City(), &cadre, request, errors);
        ASSERT_FALSE(refused);
        EXPECT_EQ(refused.error().reason, "case.channel_forbidden");
    }
}

TEST(CasePlacementTest, StaffRecordedReportersWhoHearBySmsGetAQueryCode) {
    const Reporter named{"张三", "13800000000", false, false};
    EXPECT_TRUE(GetsQueryCode(Channel::kGrid, named));
    EXPECT_TRUE(GetsQueryCode(Channel::kWalkIn, named));
    EXPECT_FALSE(GetsQueryCode(Channel::kHotline, named));
    EXPECT_FALSE(GetsQueryCode(Channel::kWalkIn, Reporter{"张三", "", false, false}));
}

}  // namespace
}  // namespace minqing::domain
