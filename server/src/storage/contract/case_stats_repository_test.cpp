// Contract: CaseStatsRepository on every backend — the case repository's writes keep the
// rollups (inserts, stakes, updates), the rollups of a scope count what the case list counts
// with the same filters, and a recount of the rollups agrees with them.
#include "domain/case_stats_repository.hpp"

#include "storage/contract/case_fixture.hpp"

namespace minqing::storage::contract {
namespace {

using domain::Case;
using domain::CaseState;
using domain::StatsCell;
using domain::StatsDimension;
using domain::StatsGrouping;

template <typename Backend>
class CaseStatsContract : public CaseContract<Backend> {
  protected:
    domain::StatsQuery Everything(std::vector<StatsGrouping> groupings = {}) {
        domain::StatsQuery query;
        query.filters.visibility.everything = true;
        query.filters.warning_at = kNow;
        query.from = domain::DayNumberOf(kNow);
        query.to = query.from + 1;
        query.groupings = std::move(groupings);
        return query;
    }
    std::vector<StatsCell> FromRollups(const domain::StatsQuery& query, const std::string& scope) {
        return this->template ReadFrom<&domain::Repositories::CaseStats>(
            [&](domain::CaseStatsRepository& stats) {
                return stats.CountFromRollups(query, scope);
            });
    }
    std::vector<StatsCell> FromCases(const domain::StatsQuery& query) {
        return this->template ReadFrom<&domain::Repositories::CaseStats>(
            [&](domain::CaseStatsRepository& stats) { return stats.CountCases(query); });
    }
    std::int64_t Total(const std::string& scope) {
        const auto cells = FromRollups(Everything(), scope);
        return cells.empty() ? 0 : cells.front().count;
    }
    domain::RollupCheck Check(bool repair = false) {
        domain::RollupCheck check;
        this->Commit([&](domain::Repositories& repositories) {
            // The month of today, so that the monthly rollups are checked too.
            const auto month =
                domain::PeriodStart(domain::DayNumberOf(kNow), domain::StatsPeriod::kMonth);
            check =
                repositories.CaseStats().CheckRollups(month, domain::AddMonths(month, 1), repair);
        });
        return check;
    }
};

TYPED_TEST_SUITE(CaseStatsContract, Backends, BackendNames);

TYPED_TEST(CaseStatsContract, WritesKeepTheRollupsOfEveryScope) {
    EXPECT_EQ(this->Total(""), 0);
    const Case stored = this->Insert(this->NewCase("2026-0000001"));
    EXPECT_EQ(this->Total(""), 1);
    EXPECT_EQ(this->Total(this->city_.path), 1);
    EXPECT_EQ(this->Total(this->district_.path), 1);
    EXPECT_EQ(this->Total(this->street_.path), 1);
    EXPECT_EQ(this->Total(this->other_district_.path), 0);

    // Routed to the other district: its state and holder change, and it gains a stake there.
    Case routed = stored;
    routed.state = CaseState::kRouting;
    routed.holder_id = this->other_district_.id;
    routed.holder_path = this->other_district_.path;
    routed.version = stored.version + 1;
    this->Commit([&](domain::Repositories& repositories) {
        ASSERT_TRUE(repositories.Cases().Update(routed, stored.version));
        repositories.Cases().AddAccess(routed.id, {this->other_district_.path});
    });
    EXPECT_EQ(this->Total(this->other_district_.path), 1);
    EXPECT_EQ(this->Total(""), 1);
    const StatsGrouping by_state{.dimension = StatsDimension::kState};
    const StatsGrouping by_holder{.dimension = StatsDimension::kUnit};
    EXPECT_EQ(
        this->FromRollups(this->Everything({by_state, by_holder}), this->street_.path),
        (std::vector<StatsCell>{{{"in_progress", std::to_string(this->other_district_.id)}, 1}}));

    // A stale version writes nothing, and the rollups stay as they are.
    Case late = routed;
    late.state = CaseState::kClosed;
    late.version = routed.version + 1;
    this->Commit([&](domain::Repositories& repositories) {
        EXPECT_FALSE(repositories.Cases().Update(late, stored.version));
    });
    EXPECT_EQ(this->FromRollups(this->Everything({by_state}), ""),
              (std::vector<StatsCell>{{{"in_progress"}, 1}}));

    const auto check = this->Check();
    EXPECT_EQ(check.cases, 1);
    // "", the city, both districts and the street.
    EXPECT_EQ(check.rows, 5);
    EXPECT_EQ(check.differing_rows, 0);
}

TYPED_TEST(CaseStatsContract, TheRollupsCountWhatTheCasesCount) {
    int n = 0;
    for (const auto channel : {domain::Channel::kHotline, domain::Channel::kGrid}) {
        for (const char* category : {"0301", "0301", "04"}) {
            Case c = this->NewCase("2026-000010" + std::to_string(n++));
            c.channel = channel;
            c.category_code = category;
            c.state = n % 2 == 0 ? CaseState::kClosed : CaseState::kRegistered;
            this->Insert(c);
        }
    }
    const StatsGrouping by_category{.dimension = StatsDimension::kCategory};
    const StatsGrouping by_channel{.dimension = StatsDimension::kChannel};
    const StatsGrouping by_area{.dimension = StatsDimension::kArea,
                                .area_level = domain::OrgLevel::kStreet};
    for (const auto& groupings : std::vector<std::vector<StatsGrouping>>{
             {}, {by_category}, {by_channel, by_category}, {by_area}}) {
        auto query = this->Everything(groupings);
        EXPECT_EQ(this->FromRollups(query, ""), this->FromCases(query));
        query.filters.channel = domain::Channel::kGrid;
        query.filters.states = {CaseState::kClosed};
        EXPECT_EQ(this->FromRollups(query, ""), this->FromCases(query));
        query.filters.origin_within = this->district_.path;
        EXPECT_EQ(this->FromRollups(query, ""), this->FromCases(query));
    }
    EXPECT_EQ(this->FromRollups(this->Everything({by_channel, by_category}), ""),
              (std::vector<StatsCell>{{{"grid", "03"}, 2},
                                      {{"grid", "04"}, 1},
                                      {{"hotline", "03"}, 2},
                                      {{"hotline", "04"}, 1}}));
    EXPECT_EQ(this->Check().differing_rows, 0);
}

}  // namespace
}  // namespace minqing::storage::contract
