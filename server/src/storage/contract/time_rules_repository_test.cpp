// Contract: TimeRulesRepository on every backend — calendar days and official years saved over
// themselves, time-limit rules unique per (urgency, type, channel, step).
#include "domain/time_rules_repository.hpp"

#include "storage/contract/store_fixture.hpp"

namespace minqing::storage::contract {
namespace {

using domain::DeadlineStep;
using domain::Repositories;
using domain::TimeLimit;
using domain::TimeLimitRule;
using std::chrono::days;

const domain::LocalDay kNationalDay{std::chrono::year(2026) / 10 / 1};

template <typename Backend>
class TimeRulesContract : public RepositoryContract<Backend, &Repositories::TimeRules> {
  protected:
    Result<TimeLimitRule> Save(const TimeLimitRule& rule) {
        return domain::Transact(this->store(), [&](Repositories& repositories) {
            return repositories.TimeRules().SaveRule(rule);
        });
    }
};

TYPED_TEST_SUITE(TimeRulesContract, Backends, BackendNames);

TYPED_TEST(TimeRulesContract, CalendarDaysAreOrderedAndReplacedByDay) {
    const auto admin = this->AddAccount("admin");
    this->Commit([&](Repositories& repositories) {
        auto& rules = repositories.TimeRules();
        rules.SaveCalendarDay({{kNationalDay + days(9), true, "国庆节调休"}, "国办发", kNow, {}});
        rules.SaveCalendarDay({{kNationalDay, false, "国庆节"}, "国办发", kNow, {}});
        rules.SaveCalendarDay({{kNationalDay + days(9), false, ""}, "admin", kNow, admin.id});
    });
    const auto calendar = this->Read([](auto& time_rules) { return time_rules.CalendarDays(); });
    ASSERT_EQ(calendar.size(), 2u);
    EXPECT_EQ(calendar[0].day.day, kNationalDay);
    EXPECT_FALSE(calendar[0].day.working);
    EXPECT_EQ(calendar[0].day.name, "国庆节");
    EXPECT_EQ(calendar[0].updated_at, kNow);
    EXPECT_FALSE(calendar[0].updated_by);
    EXPECT_EQ(calendar[1].source, "admin");
    EXPECT_FALSE(calendar[1].day.working);
    EXPECT_EQ(calendar[1].updated_by, admin.id);

    bool deleted = false;
    bool deleted_again = true;
    this->Commit([&](Repositories& repositories) {
        deleted = repositories.TimeRules().DeleteCalendarDay(kNationalDay);
        deleted_again = repositories.TimeRules().DeleteCalendarDay(kNationalDay);
    });
    EXPECT_TRUE(deleted);
    EXPECT_FALSE(deleted_again);
    EXPECT_EQ(this->Read([](auto& time_rules) { return time_rules.CalendarDays(); }).size(), 1u);
}

TYPED_TEST(TimeRulesContract, AnOfficialYearIsRecordedOnce) {
    this->Commit([&](Repositories& repositories) {
        repositories.TimeRules().SaveOfficialYear({2027, "draft", kNow});
        repositories.TimeRules().SaveOfficialYear({2026, "国办发明电〔2025〕7号", kNow});
        repositories.TimeRules().SaveOfficialYear({2027, "国办发明电〔2026〕5号", kNow + days(1)});
    });
    const auto years = this->Read([](auto& time_rules) { return time_rules.OfficialYears(); });
    ASSERT_EQ(years.size(), 2u);
    EXPECT_EQ(years[0].year, 2026);
    EXPECT_EQ(years[1].source, "国办发明电〔2026〕5号");
    EXPECT_EQ(years[1].loaded_at, kNow + days(1));
}

TYPED_TEST(TimeRulesContract, RulesRoundTripWithAnyAsAbsent) {
    TimeLimitRule any;
    any.step = DeadlineStep::kAnswer;
    any.limit = {15, TimeLimit::Unit::kWorkingDays};
    const auto saved = this->Save(any);
    ASSERT_TRUE(saved) << saved.error().message;
    EXPECT_GT(saved->id, 0);

    TimeLimitRule urgent;
    urgent.urgency = domain::Urgency::kUrgent;
    urgent.channel = domain::Channel::kHotline;
    urgent.step = DeadlineStep::kSign;
    urgent.limit = {30, TimeLimit::Unit::kClockMinutes};
    ASSERT_TRUE(this->Save(urgent));

    const auto rules = this->Read([](auto& time_rules) { return time_rules.Rules(); });
    ASSERT_EQ(rules.size(), 2u);
    EXPECT_EQ(rules[0].id, saved->id);  // in the order they were made
    EXPECT_FALSE(rules[0].urgency);
    EXPECT_FALSE(rules[0].kind);
    EXPECT_FALSE(rules[0].channel);
    EXPECT_EQ(rules[0].limit, any.limit);
    EXPECT_EQ(rules[1].urgency, domain::Urgency::kUrgent);
    EXPECT_EQ(rules[1].channel, domain::Channel::kHotline);
    EXPECT_FALSE(rules[1].kind);
    EXPECT_EQ(rules[1].step, DeadlineStep::kSign);
    EXPECT_EQ(rules[1].limit, urgent.limit);
}

TYPED_TEST(TimeRulesContract, ASecondRuleForTheSameCaseIsAConflictAndAnUpdateIsNot) {
    TimeLimitRule rule;
    rule.kind = domain::CaseKind::kComplaint;
    rule.step = DeadlineStep::kAnswer;
    rule.limit = {10, TimeLimit::Unit::kWorkingDays};
    const auto first = this->Save(rule);
    ASSERT_TRUE(first);
    const auto twin = this->Save(rule);
    ASSERT_FALSE(twin);
    EXPECT_EQ(twin.error().reason, "time_limit.duplicate");

    TimeLimitRule changed = *first;
    changed.limit = {5, TimeLimit::Unit::kWorkingDays};
    ASSERT_TRUE(this->Save(changed));
    const auto rules = this->Read([](auto& time_rules) { return time_rules.Rules(); });
    ASSERT_EQ(rules.size(), 1u);
    EXPECT_EQ(rules[0].limit, changed.limit);

    TimeLimitRule missing = changed;
    missing.id = first->id + 100;
    missing.step = DeadlineStep::kContact;
    const auto not_found = this->Save(missing);
    ASSERT_FALSE(not_found);
    EXPECT_EQ(not_found.error().reason, "time_limit.not_found");

    bool deleted = false;
    bool deleted_again = true;
    this->Commit([&](Repositories& repositories) {
        deleted = repositories.TimeRules().DeleteRule(first->id);
        deleted_again = repositories.TimeRules().DeleteRule(first->id);
    });
    EXPECT_TRUE(deleted);
    EXPECT_FALSE(deleted_again);
    EXPECT_TRUE(this->Read([](auto& time_rules) { return time_rules.Rules(); }).empty());
}

}  // namespace
}  // namespace minqing::storage::contract
