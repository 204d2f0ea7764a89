// Contract: AssessmentRepository on every backend — scheme versions, period records, frozen
// snapshots read back exactly, appeals decided once, the log, and the cases a period may count.
#include "domain/assessment_repository.hpp"

#include "storage/contract/case_fixture.hpp"

namespace minqing::storage::contract {
namespace {

using domain::AppealState;
using domain::AssessmentMeasure;
using domain::Repositories;

template <typename Backend>
class AssessmentContract : public CaseContract<Backend> {
  protected:
    template <typename Work>
    auto Assessments(Work&& work) {
        return this->template ReadFrom<&Repositories::Assessments>(work);
    }
    template <typename Work>
    void Write(Work&& work) {
        this->Commit([&](Repositories& repositories) { work(repositories.Assessments()); });
    }
};

TYPED_TEST_SUITE(AssessmentContract, Backends, BackendNames);

TYPED_TEST(AssessmentContract, SchemeVersionsAreKeptAndTheNewestIsCurrent) {
    domain::StoredAssessmentScheme first{domain::DefaultScheme(), std::nullopt, kNow, "seed"};
    auto second = first;
    second.scheme.version = 2;
    second.scheme.weights = {{AssessmentMeasure::kOnTimeAnswer, 0.5},
                             {AssessmentMeasure::kSatisfaction, 0.5}};
    second.scheme.ranked_groups = {domain::PeerGroup::kStreets};
    second.scheme.appeal_days = 10;
    second.created_by = this->officer_.id;
    second.note = "按期办结率纳入";
    bool inserted_again = true;
    this->Write([&](domain::AssessmentRepository& repository) {
        EXPECT_TRUE(repository.InsertScheme(first));
        EXPECT_TRUE(repository.InsertScheme(second));
        inserted_again = repository.InsertScheme(second);
    });
    EXPECT_FALSE(inserted_again);
    const auto schemes = this->Assessments([](auto& r) { return r.Schemes(); });
    ASSERT_EQ(schemes.size(), 2u);
    EXPECT_EQ(schemes[0].note, "seed");
    EXPECT_FALSE(schemes[0].created_by);
    const auto current = this->Assessments([](auto& r) { return r.CurrentScheme(); });
    ASSERT_TRUE(current);
    EXPECT_EQ(current->scheme.version, 2);
    EXPECT_EQ(current->scheme.weights.size(), 2u);
    EXPECT_EQ(current->scheme.weights[0].measure, AssessmentMeasure::kOnTimeAnswer);
    EXPECT_EQ(current->scheme.ranked_groups, second.scheme.ranked_groups);
    EXPECT_EQ(current->scheme.appeal_days, 10);
    EXPECT_EQ(current->created_by, this->officer_.id);
    EXPECT_EQ(current->created_at, kNow);
    const auto one = this->Assessments([](auto& r) { return r.Scheme(1); });
    ASSERT_TRUE(one);
    EXPECT_EQ(one->scheme.weights.size(), 3u);
    EXPECT_EQ(one->scheme.min_cases, domain::DefaultScheme().min_cases);
}

TYPED_TEST(AssessmentContract, APeriodIsSavedAndReplacedAndItsSnapshotReadsBackExactly) {
    this->Write([&](domain::AssessmentRepository& repository) {
        repository.InsertScheme({domain::DefaultScheme(), std::nullopt, kNow, ""});
    });
    domain::AssessmentPeriodRecord period;
    period.label = "2026-Q4";
    period.kind = domain::AssessmentPeriodKind::kQuarter;
    period.state = domain::AssessmentPeriodState::kPreliminary;
    period.published_at = kNow;
    period.appeal_until = kNow + std::chrono::hours(24 * 7);
    this->Write([&](auto& repository) { repository.SavePeriod(period); });
    period.state = domain::AssessmentPeriodState::kClosed;
    period.scheme_version = 1;
    period.closed_at = kNow + std::chrono::hours(1);
    period.closed_by = this->officer_.id;

    domain::UnitAssessment unit;
    unit.unit = domain::OrgUnitAssessed(this->street_.id);
    unit.group = domain::PeerGroup::kStreets;
    unit.group_scope = 0;
    unit.measures[AssessmentMeasure::kSatisfaction] = {3, 4, {7, 8, 9, 10}, {10}, {{11, "appeal"}}};
    unit.case_count = 4;
    unit.measure_score = 75.5;
    unit.adjustments = {{"red_card", 8, -1}};
    unit.composite = 74.5;
    unit.rank = 1;
    domain::UnitAssessment worker;
    worker.unit = domain::UserAssessed(this->officer_.id);
    worker.below_minimum = true;
    this->Write([&](auto& repository) {
        repository.SavePeriod(period);
        repository.SaveSnapshot(period.label, {unit, worker});
    });

    const auto found = this->Assessments([](auto& r) { return r.FindPeriod("2026-Q4"); });
    ASSERT_TRUE(found);
    EXPECT_EQ(found->state, domain::AssessmentPeriodState::kClosed);
    EXPECT_EQ(found->kind, domain::AssessmentPeriodKind::kQuarter);
    EXPECT_EQ(found->scheme_version, 1);
    EXPECT_EQ(found->appeal_until, period.appeal_until);
    EXPECT_EQ(found->closed_by, this->officer_.id);
    EXPECT_EQ(this->Assessments([](auto& r) { return r.Periods(); }).size(), 1u);
    EXPECT_FALSE(this->Assessments([](auto& r) { return r.FindPeriod("2026-11"); }));
    const auto snapshot = this->Assessments([](auto& r) { return r.Snapshot("2026-Q4"); });
    ASSERT_EQ(snapshot.size(), 2u);
    EXPECT_EQ(snapshot[0].unit, unit.unit);
    EXPECT_EQ(snapshot[0].group, unit.group);
    EXPECT_EQ(snapshot[0].measures, unit.measures);
    EXPECT_EQ(snapshot[0].adjustments, unit.adjustments);
    EXPECT_EQ(snapshot[0].composite, unit.composite);
    EXPECT_EQ(snapshot[0].measure_score, unit.measure_score);
    EXPECT_EQ(snapshot[0].rank, 1);
    EXPECT_EQ(snapshot[1].unit, worker.unit);
    EXPECT_TRUE(snapshot[1].below_minimum);
    EXPECT_FALSE(snapshot[1].rank);

    this->Write([&](auto& repository) { repository.DeleteSnapshot("2026-Q4"); });
    EXPECT_TRUE(this->Assessments([](auto& r) { return r.Snapshot("2026-Q4"); }).empty());
}

TYPED_TEST(AssessmentContract, AnAppealIsDecidedOnceAndTheLogKeepsItsOrder) {
    const auto c = this->Insert(this->NewCase("2026-0000001"));
    domain::AssessmentAppeal appeal;
    appeal.period = "2026-11";
    appeal.unit = domain::OrgUnitAssessed(this->street_.id);
    appeal.measure = AssessmentMeasure::kOnTimeAnswer;
    appeal.case_id = c.id;
    appeal.reason = "诉求人无法联系";
    appeal.attachment_ids = {3, 4};
    appeal.filed_by = this->officer_.id;
    appeal.filed_at = kNow;
    domain::AssessmentAppeal stored;
    bool decided = false;
    bool decided_again = true;
    this->Write([&](auto& repository) { stored = repository.InsertAppeal(appeal); });
    EXPECT_GT(stored.id, 0);
    EXPECT_EQ(stored.case_number, "2026-0000001");
    this->Write([&](auto& repository) {
        decided = repository.DecideAppeal(stored.id, AppealState::kAccepted, this->officer_.id,
                                          kNow, "情况属实");
        decided_again =
            repository.DecideAppeal(stored.id, AppealState::kRejected, this->officer_.id, kNow, "");
        repository.AppendLog({0, "2026-11", "appeal_filed", this->officer_.id, kNow, "", "1"});
        repository.AppendLog({0, "2026-11", "appeal_accepted", this->officer_.id, kNow, "x", ""});
        repository.AppendLog({0, std::nullopt, "scheme_changed", this->officer_.id, kNow, "", ""});
    });
    EXPECT_TRUE(decided);
    EXPECT_FALSE(decided_again);
    const auto found = this->Assessments([&](auto& r) { return r.FindAppeal(stored.id); });
    ASSERT_TRUE(found);
    EXPECT_EQ(found->state, AppealState::kAccepted);
    EXPECT_EQ(found->attachment_ids, (std::vector<std::int64_t>{3, 4}));
    EXPECT_EQ(found->decision_reason, "情况属实");
    EXPECT_EQ(found->decided_at, kNow);
    EXPECT_EQ(found->unit, appeal.unit);
    domain::AppealQuery query;
    query.period = "2026-11";
    query.state = AppealState::kAccepted;
    EXPECT_EQ(this->Assessments([&](auto& r) { return r.Appeals(query); }).size(), 1u);
    query.state = AppealState::kFiled;
    EXPECT_TRUE(this->Assessments([&](auto& r) { return r.Appeals(query); }).empty());
    const auto log = this->Assessments([](auto& r) { return r.Log("2026-11"); });
    ASSERT_EQ(log.size(), 2u);
    EXPECT_EQ(log[0].action, "appeal_filed");
    EXPECT_EQ(log[1].reason, "x");
}

TYPED_TEST(AssessmentContract, APeriodCountsOpenCasesAndCasesChangedSinceItsStart) {
    const auto day = std::chrono::hours(24);
    auto open = this->NewCase("2026-0000001");
    open.created_at = kNow - 100 * day;
    open.updated_at = kNow - 100 * day;
    auto closed_long_ago = this->NewCase("2026-0000002");
    closed_long_ago.state = domain::CaseState::kClosed;
    closed_long_ago.created_at = kNow - 100 * day;
    closed_long_ago.updated_at = kNow - 90 * day;
    auto closed_lately = closed_long_ago;
    closed_lately.number = "2026-0000003";
    closed_lately.updated_at = kNow - day;
    auto too_new = this->NewCase("2026-0000004");
    too_new.created_at = kNow + 10 * day;
    too_new.updated_at = too_new.created_at;
    const auto a = this->Insert(open);
    this->Insert(closed_long_ago);
    const auto c = this->Insert(closed_lately);
    this->Insert(too_new);
    const auto ids =
        this->Assessments([&](auto& r) { return r.CasesActiveIn(kNow - 30 * day, kNow + day); });
    EXPECT_EQ(ids, (std::vector<domain::CaseId>{a.id, c.id}));
}

}  // namespace
}  // namespace minqing::storage::contract
