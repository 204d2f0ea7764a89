// Contract: SupervisionRepository on every backend — records and their filters, replies,
// and the deadline sweep's yellow and red cards and automatic supervision, each once.
#include "domain/supervision_repository.hpp"

#include "storage/contract/case_fixture.hpp"

namespace minqing::storage::contract {
namespace {

using domain::Case;
using domain::Repositories;
using domain::Supervision;
using domain::SupervisionLevel;
using std::chrono::hours;

template <typename Backend>
class SupervisionContract : public CaseContract<Backend> {
  protected:
    /// A case held by the district, with a deadline and the instant its yellow card is due.
    Case AddCase(std::string number, std::optional<Instant> deadline,
                 std::optional<Instant> yellow_from) {
        Case c = this->NewCase(std::move(number), "路灯不亮");
        c.holder_id = this->district_.id;
        c.holder_path = this->district_.path;
        c.origin_id = this->district_.id;
        c.origin_path = this->district_.path;
        c.deadline = deadline;
        c.yellow_from = yellow_from;
        c.deadline_step = domain::DeadlineStep::kAnswer;
        return this->Insert(c);
    }

    Supervision Order(const Case& c, std::optional<Instant> reply_due) {
        Supervision order;
        order.case_id = c.id;
        order.level = SupervisionLevel::kWritten;
        order.manual = true;
        order.unit_id = this->district_.id;
        order.note = "请加快办理";
        order.issued_by = this->officer_.id;
        order.issued_by_unit = this->city_.id;
        order.issued_at = kNow;
        order.reply_due = reply_due;
        Supervision inserted;
        this->Commit([&](Repositories& repositories) {
            inserted = repositories.Supervisions().Insert(order);
        });
        return inserted;
    }

    template <typename Work>
    auto Sweep(Work&& work) {
        decltype(work(std::declval<domain::SupervisionRepository&>())) result;
        this->Commit(
            [&](Repositories& repositories) { result = work(repositories.Supervisions()); });
        return result;
    }

    std::vector<Supervision> List(const domain::SupervisionQuery& query) {
        return domain::Query(this->store(), [&](Repositories& repositories) {
            return repositories.Supervisions().List(query);
        });
    }
};

TYPED_TEST_SUITE(SupervisionContract, Backends, BackendNames);

TYPED_TEST(SupervisionContract, AnOrderRoundTripsWithItsCaseNumber) {
    const Case c = this->AddCase("2026-0000001", kNow + hours(48), kNow + hours(24));
    const Supervision order = this->Order(c, kNow + hours(24));
    ASSERT_GT(order.id, 0);
    EXPECT_EQ(order.case_number, "2026-0000001");
    const auto found = domain::Query(this->store(), [&](Repositories& repositories) {
        return repositories.Supervisions().FindById(order.id);
    });
    ASSERT_TRUE(found);
    EXPECT_EQ(found->case_id, c.id);
    EXPECT_EQ(found->case_number, "2026-0000001");
    EXPECT_EQ(found->level, SupervisionLevel::kWritten);
    EXPECT_TRUE(found->manual);
    EXPECT_FALSE(found->step);
    EXPECT_EQ(found->note, "请加快办理");
    EXPECT_EQ(found->issued_by, this->officer_.id);
    EXPECT_EQ(found->issued_by_unit, this->city_.id);
    EXPECT_EQ(found->issued_at, kNow);
    EXPECT_EQ(found->reply_due, kNow + hours(24));
    EXPECT_FALSE(found->replied_at);
    EXPECT_EQ(found->reply_warning_level, 0);
}

TYPED_TEST(SupervisionContract, AReplyIsRecordedOnceAndOnlyWhereOneIsOwed) {
    const Case c = this->AddCase("2026-0000001", kNow + hours(48), std::nullopt);
    const Supervision owed = this->Order(c, kNow + hours(24));
    const Supervision note = this->Order(c, std::nullopt);
    const auto replies = this->Sweep([&](auto& supervisions) {
        return std::vector<bool>{
            supervisions.Reply(owed.id, this->officer_.id, "已办理", kNow + hours(1)),
            supervisions.Reply(owed.id, this->officer_.id, "再次", kNow + hours(2)),
            supervisions.Reply(note.id, this->officer_.id, "无需", kNow)};
    });
    EXPECT_EQ(replies, (std::vector<bool>{true, false, false}));
    domain::SupervisionQuery open;
    open.open_only = true;
    EXPECT_TRUE(this->List(open).empty());
    const auto all = this->List({});
    ASSERT_EQ(all.size(), 2u);
    EXPECT_EQ(all[0].id, note.id);  // newest first
    EXPECT_EQ(all[1].reply, "已办理");
    EXPECT_EQ(all[1].replied_by, this->officer_.id);
    EXPECT_EQ(all[1].replied_at, kNow + hours(1));
}

TYPED_TEST(SupervisionContract, ListsAndCountsFollowTheFilters) {
    const Case first = this->AddCase("2026-0000001", kNow + hours(48), std::nullopt);
    const Case second = this->AddCase("2026-0000002", kNow + hours(48), std::nullopt);
    const Supervision a = this->Order(first, kNow - hours(1));
    const Supervision b = this->Order(second, kNow + hours(1));
    this->Order(second, std::nullopt);

    domain::SupervisionQuery by_case;
    by_case.case_id = second.id;
    EXPECT_EQ(this->List(by_case).size(), 2u);
    domain::SupervisionQuery overdue;
    overdue.reply_overdue_at = kNow;
    const auto late = this->List(overdue);
    ASSERT_EQ(late.size(), 1u);
    EXPECT_EQ(late[0].id, a.id);
    domain::SupervisionQuery in_subtree;
    in_subtree.unit_paths = {this->city_.path};
    in_subtree.before_id = b.id;
    const auto older = this->List(in_subtree);
    ASSERT_EQ(older.size(), 1u);
    EXPECT_EQ(older[0].id, a.id);
    domain::SupervisionQuery elsewhere;
    elsewhere.unit_ids = {this->city_.id};
    EXPECT_TRUE(this->List(elsewhere).empty());

    const auto totals = domain::Query(this->store(), [](Repositories& repositories) {
        return repositories.Supervisions().Count({});
    });
    EXPECT_EQ(totals.written, 3);
    EXPECT_EQ(totals.reminder, 0);
    EXPECT_EQ(totals.all(), 3);
}

TYPED_TEST(SupervisionContract, TheSweepMarksEachCaseOnce) {
    const Case yellow = this->AddCase("2026-0000001", kNow + hours(10), kNow - hours(1));
    const Case red = this->AddCase("2026-0000002", kNow - hours(1), kNow - hours(30));
    this->AddCase("2026-0000003", kNow + hours(50), kNow + hours(20));
    const auto turned_yellow = this->Sweep([](auto& s) { return s.MarkYellow(kNow); });
    ASSERT_EQ(turned_yellow.size(), 1u);
    EXPECT_EQ(turned_yellow[0].id, yellow.id);
    EXPECT_EQ(turned_yellow[0].number, "2026-0000001");
    EXPECT_EQ(turned_yellow[0].holder_id, this->district_.id);
    EXPECT_EQ(turned_yellow[0].step, domain::DeadlineStep::kAnswer);
    EXPECT_EQ(turned_yellow[0].deadline, kNow + hours(10));
    EXPECT_EQ(turned_yellow[0].origin_path, this->district_.path);
    const auto turned_red = this->Sweep([](auto& s) { return s.MarkRed(kNow); });
    ASSERT_EQ(turned_red.size(), 1u);
    EXPECT_EQ(turned_red[0].id, red.id);
    EXPECT_TRUE(this->Sweep([](auto& s) { return s.MarkYellow(kNow); }).empty());
    EXPECT_TRUE(this->Sweep([](auto& s) { return s.MarkRed(kNow); }).empty());
    EXPECT_TRUE(this->Sweep([](auto& s) { return s.TryLockSweep(); }));
}

TYPED_TEST(SupervisionContract, AnOverdueCaseIsSupervisedOncePerLevel) {
    const Case late = this->AddCase("2026-0000001", kNow - hours(1), std::nullopt);
    this->AddCase("2026-0000002", kNow + hours(1), std::nullopt);
    const auto raised = this->Sweep([](auto& s) {
        return s.RaiseSupervision(SupervisionLevel::kReminder, kNow, kNow, kNow + hours(24));
    });
    ASSERT_EQ(raised.size(), 1u);
    EXPECT_EQ(raised[0].id, late.id);
    EXPECT_GT(raised[0].supervision_id, 0);
    EXPECT_TRUE(this->Sweep([](auto& s) {
                        return s.RaiseSupervision(SupervisionLevel::kReminder, kNow, kNow,
                                                  std::nullopt);
                    })
                    .empty());

    const auto record = this->List({});
    ASSERT_EQ(record.size(), 1u);
    EXPECT_FALSE(record[0].manual);
    EXPECT_EQ(record[0].level, SupervisionLevel::kReminder);
    EXPECT_EQ(record[0].step, domain::DeadlineStep::kAnswer);
    EXPECT_EQ(record[0].step_deadline, kNow - hours(1));
    EXPECT_EQ(record[0].unit_id, this->district_.id);
    EXPECT_FALSE(record[0].issued_by);

    const auto was_late = domain::Query(this->store(), [&](Repositories& repositories) {
        return std::pair(repositories.Supervisions().WasLateBefore(late.id, kNow - hours(1)),
                         repositories.Supervisions().WasLateBefore(late.id, kNow + hours(5)));
    });
    EXPECT_FALSE(was_late.first);  // only for this very deadline
    EXPECT_TRUE(was_late.second);

    const auto flagged = this->Sweep([](auto& s) { return s.FlagLateReplies(kNow + hours(25)); });
    ASSERT_EQ(flagged.size(), 1u);
    EXPECT_EQ(flagged[0].case_number, "2026-0000001");
    EXPECT_EQ(flagged[0].reply_warning_level, 2);
    EXPECT_TRUE(this->Sweep([](auto& s) { return s.FlagLateReplies(kNow + hours(26)); }).empty());
}

}  // namespace
}  // namespace minqing::storage::contract
