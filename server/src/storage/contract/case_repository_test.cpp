// Contract: CaseRepository on every backend — every column round trips, numbers count per
// year, updates are guarded by the version, visibility, the list filters, the three sort
// orders with their keyset pages, merged cases, assisting units and reads.
#include "domain/case_repository.hpp"

#include "storage/contract/case_fixture.hpp"

// The queries below name only the members they set (designated initializers); the rest keep
// their defaults on purpose, which GCC would otherwise report for every query.
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"

namespace minqing::storage::contract {
namespace {

using domain::Case;
using domain::CaseListQuery;
using domain::CaseRepository;
using domain::CaseSort;
using domain::CaseState;
using domain::CaseVisibility;
using domain::Repositories;
using std::chrono::hours;

std::vector<std::string> Numbers(const std::vector<Case>& cases) {
    std::vector<std::string> numbers;
    for (const Case& c : cases) {
        numbers.push_back(c.number);
    }
    return numbers;
}

// Every member the cases table keeps (assisting units have a table and a method of their own).
void ExpectSameCase(const Case& stored, const Case& written) {
    EXPECT_EQ(stored.id, written.id);
    EXPECT_EQ(stored.number, written.number);
    EXPECT_EQ(stored.channel, written.channel);
    EXPECT_EQ(stored.kind, written.kind);
    EXPECT_EQ(stored.scope, written.scope);
    EXPECT_EQ(stored.urgency, written.urgency);
    EXPECT_EQ(stored.category_code, written.category_code);
    EXPECT_EQ(stored.title, written.title);
    EXPECT_EQ(stored.content, written.content);
    EXPECT_EQ(stored.location.address, written.location.address);
    EXPECT_EQ(stored.location.grid_id, written.location.grid_id);
    EXPECT_EQ(stored.location.lat, written.location.lat);
    EXPECT_EQ(stored.location.lng, written.location.lng);
    EXPECT_EQ(stored.people_involved, written.people_involved);
    EXPECT_EQ(stored.reporter.name, written.reporter.name);
    EXPECT_EQ(stored.reporter.phone, written.reporter.phone);
    EXPECT_EQ(stored.reporter.anonymous, written.reporter.anonymous);
    EXPECT_EQ(stored.reporter.confidential, written.reporter.confidential);
    EXPECT_EQ(stored.state, written.state);
    EXPECT_EQ(stored.holder_id, written.holder_id);
    EXPECT_EQ(stored.holder_path, written.holder_path);
    EXPECT_EQ(stored.origin_id, written.origin_id);
    EXPECT_EQ(stored.origin_path, written.origin_path);
    EXPECT_EQ(stored.receiving_office_id, written.receiving_office_id);
    EXPECT_EQ(stored.dispatcher_id, written.dispatcher_id);
    EXPECT_EQ(stored.lead_unit_id, written.lead_unit_id);
    EXPECT_EQ(stored.escalated_to_id, written.escalated_to_id);
    EXPECT_EQ(stored.created_by, written.created_by);
    EXPECT_EQ(stored.created_at, written.created_at);
    EXPECT_EQ(stored.updated_at, written.updated_at);
    EXPECT_EQ(stored.version, written.version);
    EXPECT_EQ(stored.channel_fields, written.channel_fields);
    EXPECT_EQ(stored.master_case_id, written.master_case_id);
    EXPECT_EQ(stored.external_ref, written.external_ref);
    EXPECT_EQ(stored.publish, written.publish);
    EXPECT_EQ(stored.query_code_digest, written.query_code_digest);
    EXPECT_EQ(stored.result, written.result);
    EXPECT_EQ(stored.answer_text, written.answer_text);
    EXPECT_EQ(stored.answer_legal_basis, written.answer_legal_basis);
    EXPECT_EQ(stored.unit_review_pending, written.unit_review_pending);
    EXPECT_EQ(stored.assignee_unit_id, written.assignee_unit_id);
    EXPECT_EQ(stored.assignee_user_id, written.assignee_user_id);
    EXPECT_EQ(stored.satisfaction, written.satisfaction);
    EXPECT_EQ(stored.extension_count, written.extension_count);
    EXPECT_EQ(stored.reopen_count, written.reopen_count);
    EXPECT_EQ(stored.follow_up_attempts, written.follow_up_attempts);
    EXPECT_EQ(stored.escalated_from, written.escalated_from);
    EXPECT_EQ(stored.first_contact_at, written.first_contact_at);
    EXPECT_EQ(stored.committed_date, written.committed_date);
    EXPECT_EQ(stored.deadline, written.deadline);
    EXPECT_EQ(stored.deadline_step, written.deadline_step);
    EXPECT_EQ(stored.step_started_at, written.step_started_at);
    EXPECT_EQ(stored.yellow_from, written.yellow_from);
    EXPECT_EQ(stored.deadline_provisional, written.deadline_provisional);
    EXPECT_EQ(stored.answer_deadline, written.answer_deadline);
    EXPECT_EQ(stored.contact_deadline, written.contact_deadline);
    EXPECT_EQ(stored.requested_extension_days, written.requested_extension_days);
    EXPECT_EQ(stored.warning_level, written.warning_level);
    EXPECT_EQ(stored.supervision_level, written.supervision_level);
    EXPECT_EQ(stored.closed_at, written.closed_at);
    EXPECT_EQ(stored.last_action, written.last_action);
}

template <typename Backend>
class CaseRepositoryContract : public CaseContract<Backend> {
  protected:
    /// A case with every optional member set and no field at its default.
    Case FullCase(domain::CaseId master) {
        Case c = this->NewCase("2026-0000042", "暖气不热 “急” ☃");
        c.channel = domain::Channel::kDirectCard;
        c.kind = domain::CaseKind::kComplaint;
        c.scope = domain::CaseScope::kCollective;
        c.urgency = domain::Urgency::kUrgent;
        c.content = "永前小区3号楼\n暖气不热，室温12℃。";
        c.location = {"吉林市船营区德胜街道永前小区3号楼", this->street_.id, 43.8372, 126.5496};
        c.people_involved = 12;
        c.reporter = {"张三", "13904321234", true, true};
        c.state = CaseState::kEscalated;
        c.holder_id = this->district_.id;
        c.holder_path = this->district_.path;
        c.dispatcher_id = this->city_.id;
        c.lead_unit_id = this->district_.id;
        c.escalated_to_id = this->other_district_.id;
        c.escalated_from = CaseState::kHandling;
        c.updated_at = kNow + hours(1);
        c.version = 3;
        c.channel_fields.direct_card.unit_id = this->district_.id;
        c.master_case_id = master;
        c.external_ref = "RX-2026-汉";
        c.publish = true;
        c.query_code_digest = "9f86d081884c7d65";
        c.result = domain::AnswerResult::kPartlySolved;
        c.answer_text = "已协调供热公司检修";
        c.answer_legal_basis = "《吉林市城市供热条例》第十二条";
        c.unit_review_pending = true;
        c.assignee_unit_id = this->district_.id;
        c.assignee_user_id = this->officer_.id;
        c.satisfaction = domain::Satisfaction::kBasicallySatisfied;
        c.extension_count = 2;
        c.reopen_count = 1;
        c.follow_up_attempts = 3;
        c.first_contact_at = kNow + hours(2);
        c.committed_date = kNow + hours(240);
        c.deadline = kNow + hours(72);
        c.deadline_step = domain::DeadlineStep::kInstruction;
        c.step_started_at = kNow + hours(3);
        c.yellow_from = kNow + hours(48);
        c.deadline_provisional = true;
        c.answer_deadline = kNow + hours(96);
        c.contact_deadline = kNow + hours(24);
        c.requested_extension_days = 5;
        c.warning_level = 1;
        c.supervision_level = 2;
        c.closed_at = kNow + hours(100);
        c.last_action = "escalate";
        return c;
    }

    std::vector<std::string> List(const CaseListQuery& query) {
        return Numbers(this->Cases([&](CaseRepository& cases) { return cases.List(query); }));
    }
    std::int64_t Count(const CaseListQuery& query) {
        return this->Cases([&](CaseRepository& cases) { return cases.Count(query); });
    }
    bool Visible(domain::CaseId id, const CaseVisibility& visibility) {
        return this->Cases([&](CaseRepository& cases) { return cases.IsVisible(id, visibility); });
    }
    /// Lists with `query` and checks that Count agrees with the unpaged list.
    std::vector<std::string> Matching(const CaseListQuery& query) {
        auto numbers = List(query);
        EXPECT_EQ(Count(query), static_cast<std::int64_t>(numbers.size()));
        return numbers;
    }
};

TYPED_TEST_SUITE(CaseRepositoryContract, Backends, BackendNames);

TYPED_TEST(CaseRepositoryContract, NumbersCountEachYearFromOne) {
    std::vector<std::string> numbers;
    this->Commit([&](Repositories& repositories) {
        numbers = {repositories.Cases().NextNumber(2026), repositories.Cases().NextNumber(2026),
                   repositories.Cases().NextNumber(2027)};
    });
    this->Reopen();
    this->Commit([&](Repositories& repositories) {
        numbers.push_back(repositories.Cases().NextNumber(2026));
    });
    EXPECT_EQ(numbers, (std::vector<std::string>{"2026-0000001", "2026-0000002", "2027-0000001",
                                                 "2026-0000003"}));
}

TYPED_TEST(CaseRepositoryContract, EveryColumnRoundTrips) {
    const Case master = this->Insert(this->NewCase("2026-0000001"));
    const Case written = this->FullCase(master.id);
    const Case inserted = this->Insert(written);
    ASSERT_GT(inserted.id, master.id);
    this->Reopen();
    Case expected = written;
    expected.id = inserted.id;
    const auto by_id =
        this->Cases([&](CaseRepository& cases) { return cases.FindById(expected.id); });
    ASSERT_TRUE(by_id);
    ExpectSameCase(*by_id, expected);
    const auto by_number =
        this->Cases([](CaseRepository& cases) { return cases.FindByNumber("2026-0000042"); });
    ASSERT_TRUE(by_number);
    ExpectSameCase(*by_number, expected);
}

TYPED_TEST(CaseRepositoryContract, UnsetMembersReadBackUnset) {
    Case written = this->NewCase("2026-0000001");
    written.created_by = 0;  // loaded from elsewhere: no account, stored as NULL
    written.id = this->Insert(written).id;
    const auto stored =
        this->Cases([&](CaseRepository& cases) { return cases.FindById(written.id); });
    ASSERT_TRUE(stored);
    ExpectSameCase(*stored, written);
    EXPECT_FALSE(stored->location.lat);
    EXPECT_FALSE(stored->deadline);
    EXPECT_FALSE(stored->result);
    EXPECT_EQ(stored->created_by, 0);
    EXPECT_EQ(stored->last_action, "create");
}

TYPED_TEST(CaseRepositoryContract, MissingCasesAreNotFound) {
    const Case c = this->Insert(this->NewCase("2026-0000001"));
    this->Cases([&](CaseRepository& cases) {
        EXPECT_FALSE(cases.FindById(c.id + 1000));
        EXPECT_FALSE(cases.FindByNumber("2026-0000002"));
        EXPECT_FALSE(cases.FindByNumber(""));
        EXPECT_FALSE(cases.IsVisible(c.id + 1000, {.everything = true}));
        EXPECT_TRUE(cases.MergedInto(c.id).empty());
        EXPECT_TRUE(cases.Assisting(c.id).empty());
        return 0;
    });
}

TYPED_TEST(CaseRepositoryContract, ADuplicateNumberIsRefusedAndStoresNothing) {
    this->Insert(this->NewCase("2026-0000001"));
    EXPECT_ANY_THROW(this->Insert(this->NewCase("2026-0000001", "另一件")));
    EXPECT_EQ(this->Count({.visibility = {.everything = true}}), 1);
}

TYPED_TEST(CaseRepositoryContract, UpdatesAreGuardedByTheVersion) {
    Case c = this->Insert(this->FullCase(this->Insert(this->NewCase("2026-0000001")).id));
    Case changed = this->NewCase(c.number, "标题已改");
    changed.id = c.id;
    changed.version = c.version + 1;
    changed.state = CaseState::kClosed;
    changed.last_action = "close";
    Case late = changed;
    late.title = "后来者";
    late.version = c.version + 2;
    std::vector<bool> saved;
    this->Commit([&](Repositories& repositories) {
        saved = {repositories.Cases().Update(changed, c.version),
                 repositories.Cases().Update(late, c.version),
                 repositories.Cases().Update(late, changed.version - 5)};
        Case missing = changed;
        missing.id = c.id + 1000;
        saved.push_back(repositories.Cases().Update(missing, changed.version));
    });
    EXPECT_EQ(saved, (std::vector<bool>{true, false, false, false}));
    this->Reopen();
    const auto stored = this->Cases([&](CaseRepository& cases) { return cases.FindById(c.id); });
    ASSERT_TRUE(stored);
    ExpectSameCase(*stored, changed);  // every optional the full case had is cleared again
}

TYPED_TEST(CaseRepositoryContract, VisibilityFollowsStakesCreatorAndEscalation) {
    const Case held = this->Insert(this->NewCase("2026-0000001"));
    Case escalated = this->NewCase("2026-0000002");
    escalated.escalated_to_id = this->other_district_.id;
    escalated.created_by = this->AddAccount("clerk").id;
    escalated = this->Insert(escalated);
    const auto everywhere = CaseVisibility{.everything = true};
    const auto district = CaseVisibility{.paths = {this->district_.path}};
    const auto other = CaseVisibility{.paths = {this->other_district_.path}};
    EXPECT_TRUE(this->Visible(held.id, everywhere));
    EXPECT_TRUE(this->Visible(held.id, district));
    EXPECT_FALSE(this->Visible(held.id, other));
    EXPECT_FALSE(this->Visible(held.id, {}));
    EXPECT_TRUE(this->Visible(held.id, {.creator = this->officer_.id}));
    EXPECT_FALSE(this->Visible(escalated.id, {.creator = this->officer_.id}));
    EXPECT_EQ(this->Matching({.visibility = other}), (std::vector<std::string>{}));
    EXPECT_EQ(this->Matching({.visibility = district}),
              (std::vector<std::string>{"2026-0000002", "2026-0000001"}));

    this->Commit([&](Repositories& repositories) {  // twice: a stake is recorded once
        repositories.Cases().AddAccess(held.id, {this->other_district_.path, this->city_.path});
        repositories.Cases().AddAccess(held.id, {this->other_district_.path});
    });
    EXPECT_TRUE(this->Visible(held.id, other));
    EXPECT_EQ(this->Matching({.visibility = other}), (std::vector<std::string>{"2026-0000001"}));
}

TYPED_TEST(CaseRepositoryContract, FiltersNarrowTheListAndTheCount) {
    Case a = this->NewCase("2026-0000001", "路灯不亮");
    a.channel = domain::Channel::kHotline;
    a.kind = domain::CaseKind::kComplaint;
    a.urgency = domain::Urgency::kUrgent;
    a.state = CaseState::kHandling;
    a.holder_id = this->district_.id;
    a.holder_path = this->district_.path;
    a.dispatcher_id = this->city_.id;
    a.last_action = "dispatch";
    a.created_at = kNow - hours(48);
    Case b = this->NewCase("2026-0000002", "低保申请");
    b.category_code = "04";
    b.escalated_to_id = this->city_.id;
    b.created_by = this->AddAccount("clerk").id;
    Case c = this->NewCase("2026-0000003", "物业收费");
    c.category_code = "03";
    c.holder_id = this->other_district_.id;
    c.holder_path = this->other_district_.path;
    c.created_at = kNow + hours(1);
    for (const Case& each : {a, b, c}) {
        this->Insert(each);
    }
    const CaseVisibility all{.everything = true};
    using Want = std::vector<std::string>;
    EXPECT_EQ(this->Matching({.visibility = all}),
              (Want{"2026-0000003", "2026-0000002", "2026-0000001"}));
    EXPECT_EQ(
        this->Matching({.visibility = all, .states = {CaseState::kHandling, CaseState::kClosed}}),
        (Want{"2026-0000001"}));
    EXPECT_EQ(this->Matching({.visibility = all, .holder_path = this->district_.path}),
              (Want{"2026-0000002", "2026-0000001"}));
    EXPECT_EQ(this->Matching({.visibility = all,
                              .holder_paths = {this->street_.path, this->other_district_.path}}),
              (Want{"2026-0000003", "2026-0000002"}));
    EXPECT_EQ(this->Matching({.visibility = all, .holder_ids = {this->district_.id}}),
              (Want{"2026-0000001"}));
    EXPECT_EQ(this->Matching({.visibility = all, .dispatcher_ids = {this->city_.id}}),
              (Want{"2026-0000001"}));
    EXPECT_EQ(this->Matching({.visibility = all, .escalated_ids = {this->city_.id}}),
              (Want{"2026-0000002"}));
    EXPECT_EQ(this->Matching({.visibility = all, .last_actions = {"dispatch", "return"}}),
              (Want{"2026-0000001"}));
    EXPECT_EQ(this->Matching({.visibility = all, .within_path = this->other_district_.path}),
              (Want{"2026-0000003"}));
    EXPECT_EQ(this->Matching({.visibility = all, .created_by = b.created_by}),
              (Want{"2026-0000002"}));
    EXPECT_EQ(this->Matching({.visibility = all, .channel = domain::Channel::kHotline}),
              (Want{"2026-0000001"}));
    EXPECT_EQ(this->Matching({.visibility = all, .kind = domain::CaseKind::kComplaint}),
              (Want{"2026-0000001"}));
    EXPECT_EQ(this->Matching({.visibility = all, .urgency = domain::Urgency::kNormal}),
              (Want{"2026-0000003", "2026-0000002"}));
    EXPECT_EQ(this->Matching({.visibility = all, .category_prefix = "03"}),
              (Want{"2026-0000003", "2026-0000001"}));
    EXPECT_EQ(this->Matching({.visibility = all, .category_prefix = "0301"}),
              (Want{"2026-0000001"}));
    EXPECT_EQ(
        this->Matching({.visibility = all, .created_from = kNow, .created_to = kNow + hours(1)}),
        (Want{"2026-0000002"}));
    EXPECT_EQ(this->Matching({.visibility = all,
                              .states = {CaseState::kRegistered},
                              .channel = domain::Channel::kHotline}),
              (Want{}));
}

TYPED_TEST(CaseRepositoryContract, DeadlineFiltersSeeOnlyOpenCasesAndTheirCards) {
    Case red = this->NewCase("2026-0000001");
    red.deadline = kNow - hours(1);
    red.yellow_from = kNow - hours(10);
    Case yellow = this->NewCase("2026-0000002");
    yellow.deadline = kNow + hours(5);
    yellow.yellow_from = kNow - hours(1);
    Case normal = this->NewCase("2026-0000003");
    normal.deadline = kNow + hours(50);
    normal.yellow_from = kNow + hours(20);
    Case closed = this->NewCase("2026-0000004");
    closed.deadline = kNow - hours(5);
    closed.state = CaseState::kClosed;
    Case none = this->NewCase("2026-0000005");
    for (const Case& each : {red, yellow, normal, closed, none}) {
        this->Insert(each);
    }
    const CaseVisibility all{.everything = true};
    using Want = std::vector<std::string>;
    EXPECT_EQ(this->Matching({.visibility = all, .overdue_at = kNow}), (Want{"2026-0000001"}));
    EXPECT_EQ(this->Matching({.visibility = all, .overdue_at = kNow + hours(6)}),
              (Want{"2026-0000002", "2026-0000001"}));
    for (const auto& [card, want] : {std::pair(domain::Warning::kRed, Want{"2026-0000001"}),
                                     std::pair(domain::Warning::kYellow, Want{"2026-0000002"}),
                                     std::pair(domain::Warning::kNormal, Want{"2026-0000003"})}) {
        // The card filter leaves the state to the caller, who asks for open states: a
        // terminal case keeps no deadline.
        EXPECT_EQ(this->Matching({.visibility = all,
                                  .states = {CaseState::kRegistered},
                                  .warning = card,
                                  .warning_at = kNow}),
                  want);
    }
}

TYPED_TEST(CaseRepositoryContract, KeywordsMustAllMatchTitleOrContent) {
    this->Insert(this->NewCase("2026-0000001", "暖气不热"));
    this->Insert(this->NewCase("2026-0000002", "路灯不亮"));
    Case other = this->NewCase("2026-0000003", "噪音扰民");
    other.content = "楼下饭店夜间噪音，暖气管道也在响";
    this->Insert(other);
    using Want = std::vector<std::string>;
    for (const CaseSort sort : {CaseSort::kNewest, CaseSort::kRecorded, CaseSort::kDeadline}) {
        const CaseVisibility all{.everything = true};
        EXPECT_EQ(
            this->Matching({.visibility = all, .terms = text::QueryTerms("暖气"), .sort = sort})
                .size(),
            2u);
        EXPECT_EQ(this->Matching(
                      {.visibility = all, .terms = text::QueryTerms("暖气 噪音"), .sort = sort}),
                  (Want{"2026-0000003"}));
        EXPECT_EQ(
            this->Matching({.visibility = all, .terms = text::QueryTerms("楼道灯"), .sort = sort})
                .size(),
            2u);  // the third case's content was replaced
        EXPECT_EQ(this->Matching({.visibility = all,
                                  .holder_ids = {this->district_.id},
                                  .terms = text::QueryTerms("暖气"),
                                  .sort = sort}),
                  (Want{}));
        EXPECT_EQ(
            this->Matching({.visibility = all, .terms = text::QueryTerms("地铁"), .sort = sort}),
            (Want{}));
    }
}

TYPED_TEST(CaseRepositoryContract, EachSortPagesByItsKeyset) {
    // created_at: 1 oldest … 4 newest, 5 shares 4's instant. Deadlines: 3 first, 1 next, none
    // for 2, 4 and 5 (last, by id).
    const std::vector<int> offsets{0, 1, 2, 3, 3};
    std::vector<Case> cases;
    for (std::size_t i = 0; i < offsets.size(); ++i) {
        Case c = this->NewCase("2026-000000" + std::to_string(i + 1));
        c.created_at = kNow + hours(offsets[i]);
        cases.push_back(c);
    }
    cases[2].deadline = kNow + hours(5);
    cases[0].deadline = kNow + hours(9);
    for (Case& c : cases) {
        c = this->Insert(c);
    }
    using Want = std::vector<std::string>;
    auto pages = [&](CaseSort sort, auto key) {
        std::vector<Want> seen;
        CaseListQuery query{.visibility = {.everything = true}, .sort = sort, .limit = 2};
        for (;;) {
            const auto page =
                this->Cases([&](CaseRepository& repository) { return repository.List(query); });
            if (page.empty()) {
                return seen;
            }
            seen.push_back(Numbers(page));
            query.after_key = key(page.back());
            query.after_id = page.back().id;
        }
    };
    EXPECT_EQ(
        pages(CaseSort::kNewest, [](const Case& c) { return ToEpochMs(c.created_at); }),
        (std::vector<Want>{
            {"2026-0000005", "2026-0000004"}, {"2026-0000003", "2026-0000002"}, {"2026-0000001"}}));
    EXPECT_EQ(
        pages(CaseSort::kDeadline,
              [](const Case& c) {
                  return c.deadline ? ToEpochMs(*c.deadline)
                                    : std::numeric_limits<std::int64_t>::max();
              }),
        (std::vector<Want>{
            {"2026-0000003", "2026-0000001"}, {"2026-0000002", "2026-0000004"}, {"2026-0000005"}}));
    EXPECT_EQ(
        pages(CaseSort::kRecorded, [](const Case&) { return std::int64_t{0}; }),
        (std::vector<Want>{
            {"2026-0000005", "2026-0000004"}, {"2026-0000003", "2026-0000002"}, {"2026-0000001"}}));
    EXPECT_EQ(this->Count({.visibility = {.everything = true}, .limit = 2}), 5);
}

TYPED_TEST(CaseRepositoryContract, MergedIntoListsOnlyCasesMergedIntoThatMasterOldestFirst) {
    const Case master = this->Insert(this->NewCase("2026-0000001"));
    const Case other_master = this->Insert(this->NewCase("2026-0000002"));
    auto merged = [&](std::string number, domain::CaseId into, CaseState state) {
        Case c = this->NewCase(std::move(number));
        c.master_case_id = into;
        c.state = state;
        return this->Insert(c);
    };
    merged("2026-0000003", master.id, CaseState::kMerged);
    merged("2026-0000004", other_master.id, CaseState::kMerged);
    merged("2026-0000005", master.id, CaseState::kHandling);  // linked, not merged
    merged("2026-0000006", master.id, CaseState::kMerged);
    const auto into =
        this->Cases([&](CaseRepository& cases) { return cases.MergedInto(master.id); });
    EXPECT_EQ(Numbers(into), (std::vector<std::string>{"2026-0000003", "2026-0000006"}));
    ASSERT_EQ(into.size(), 2u);
    EXPECT_EQ(into[0].master_case_id, master.id);
}

TYPED_TEST(CaseRepositoryContract, AssistingUnitsAreReplacedAsAWholeAndSorted) {
    const Case c = this->Insert(this->NewCase("2026-0000001"));
    const Case other = this->Insert(this->NewCase("2026-0000002"));
    this->Commit([&](Repositories& repositories) {
        repositories.Cases().SetAssisting(c.id, {this->street_.id, this->district_.id});
        repositories.Cases().SetAssisting(other.id, {this->city_.id});
    });
    using Ids = std::vector<domain::OrgUnitId>;
    EXPECT_EQ(this->Cases([&](CaseRepository& cases) { return cases.Assisting(c.id); }),
              (Ids{std::min(this->street_.id, this->district_.id),
                   std::max(this->street_.id, this->district_.id)}));
    this->Commit([&](Repositories& repositories) {
        repositories.Cases().SetAssisting(c.id, {this->other_district_.id});
    });
    EXPECT_EQ(this->Cases([&](CaseRepository& cases) { return cases.Assisting(c.id); }),
              (Ids{this->other_district_.id}));
    this->Commit([&](Repositories& repositories) { repositories.Cases().SetAssisting(c.id, {}); });
    EXPECT_TRUE(this->Cases([&](CaseRepository& cases) { return cases.Assisting(c.id); }).empty());
    EXPECT_EQ(this->Cases([&](CaseRepository& cases) { return cases.Assisting(other.id); }),
              (Ids{this->city_.id}));
}

TYPED_TEST(CaseRepositoryContract, ReadsAreKeptPerUserAndTheLatestWins) {
    const Case first = this->Insert(this->NewCase("2026-0000001"));
    const Case second = this->Insert(this->NewCase("2026-0000002"));
    const Case unread = this->Insert(this->NewCase("2026-0000003"));
    const auto clerk = this->AddAccount("clerk");
    this->Commit([&](Repositories& repositories) {
        repositories.Cases().MarkRead(first.id, this->officer_.id, kNow);
        repositories.Cases().MarkRead(first.id, this->officer_.id, kNow + hours(2));
        repositories.Cases().MarkRead(second.id, this->officer_.id, kNow + hours(1));
        repositories.Cases().MarkRead(unread.id, clerk.id, kNow);
    });
    const auto read = this->Cases([&](CaseRepository& cases) {
        return cases.ReadAt(this->officer_.id, {first.id, second.id, unread.id});
    });
    EXPECT_EQ(read, (std::map<domain::CaseId, Instant>{{first.id, kNow + hours(2)},
                                                       {second.id, kNow + hours(1)}}));
    EXPECT_EQ(this->Cases([&](CaseRepository& cases) {
        return cases.ReadAt(this->officer_.id, {second.id});
    }),
              (std::map<domain::CaseId, Instant>{{second.id, kNow + hours(1)}}));
    EXPECT_TRUE(
        this->Cases([&](CaseRepository& cases) { return cases.ReadAt(this->officer_.id, {}); })
            .empty());
    EXPECT_TRUE(
        this->Cases([&](CaseRepository& cases) { return cases.ReadAt(clerk.id, {first.id}); })
            .empty());
}

}  // namespace
}  // namespace minqing::storage::contract
