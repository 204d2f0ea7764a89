// Contract: BulletinRepository on every backend — a bulletin round-trips whole, updates only
// from the version it read, lists by office, recipient and text, numbers without gaps per
// office, series and year, and keeps its history and receipts.
#include "domain/bulletin_repository.hpp"

#include "storage/contract/store_fixture.hpp"

namespace minqing::storage::contract {
namespace {

using domain::Bulletin;
using domain::BulletinSeries;
using domain::BulletinState;
using domain::Repositories;

template <typename Backend>
class BulletinContract : public RepositoryContract<Backend, &Repositories::Bulletins> {
  protected:
    void SetUp() override {
        city_ = this->AddUnit("220200", "吉林市");
        district_ = this->AddUnit("220204", "船营区", city_.id, domain::OrgLevel::kDistrict);
        author_ = this->AddAccount("office");
        reader_ = this->AddAccount("leader");
    }

    Bulletin Draft(domain::OrgUnitId issuer, std::string title) {
        Bulletin b;
        b.issuer_id = issuer;
        b.kind = domain::BulletinKind::kMonthly;
        b.period_from = 20758;
        b.period_to = 20788;
        b.year = 2026;
        b.title = std::move(title);
        b.created_by = author_.id;
        b.created_at = kNow;
        b.updated_at = kNow;
        domain::BulletinSection section;
        section.key = "overview";
        section.title = "总体情况";
        section.text = "全市共受理群众诉求1286件。";
        section.figures = {{"total.current", "受理总量", 1286, "件"}};
        domain::BulletinChart chart;
        chart.title = "按渠道分";
        chart.labels = {"网格采集", "网上信箱"};
        chart.values = {700, 586};
        chart.comparison = {650, 600};
        section.charts = {chart};
        section.cases = {{7, "2026-0000007", "楼道堆物", "已清理。"}};
        b.sections = {section};
        b.typical_case_ids = {7, 9};
        b.distribution.report_to = {{reader_.id, std::nullopt, "市领导"}};
        b.distribution.send_to = {{std::nullopt, district_.id, "船营区"}};
        Bulletin stored;
        this->Commit([&](Repositories& r) { stored = r.Bulletins().Insert(b); });
        return stored;
    }

    // Issues `b` with the next number of its office, series and year.
    Bulletin Issue(Bulletin b) {
        this->Commit([&](Repositories& r) {
            b.number = r.Bulletins().NextNumber(b.issuer_id, b.series, b.year);
            b.state = BulletinState::kIssued;
            const auto expected = b.version++;
            ASSERT_TRUE(r.Bulletins().Update(b, expected));
        });
        return b;
    }

    domain::OrgUnit city_;
    domain::OrgUnit district_;
    domain::User author_;
    domain::User reader_;
};

TYPED_TEST_SUITE(BulletinContract, Backends, BackendNames);

TYPED_TEST(BulletinContract, ABulletinRoundTripsWhole) {
    const Bulletin stored = this->Draft(this->city_.id, "2026年11月社情民意综合分析");
    EXPECT_GT(stored.id, 0);
    const auto found = this->Read([&](auto& bulletins) { return bulletins.FindById(stored.id); });
    ASSERT_TRUE(found);
    EXPECT_EQ(found->title, stored.title);
    EXPECT_EQ(found->sections, stored.sections);
    EXPECT_EQ(found->typical_case_ids, stored.typical_case_ids);
    EXPECT_EQ(found->distribution, stored.distribution);
    EXPECT_EQ(found->period_from, 20758);
    EXPECT_EQ(found->period_to, 20788);
    EXPECT_EQ(found->state, BulletinState::kDraft);
    EXPECT_FALSE(found->number);
    EXPECT_EQ(found->created_at, kNow);
}

TYPED_TEST(BulletinContract, AnUpdateFromAStaleVersionChangesNothing) {
    Bulletin b = this->Draft(this->city_.id, "旧标题");
    b.title = "新标题";
    b.version = 2;
    bool stale = true;
    this->Commit([&](Repositories& r) { stale = r.Bulletins().Update(b, 7); });
    EXPECT_FALSE(stale);
    bool saved = false;
    this->Commit([&](Repositories& r) { saved = r.Bulletins().Update(b, 1); });
    EXPECT_TRUE(saved);
    const auto found = this->Read([&](auto& bulletins) { return bulletins.FindById(b.id); });
    EXPECT_EQ(found->title, "新标题");
    EXPECT_EQ(found->version, 2);
}

TYPED_TEST(BulletinContract, NumbersRunPerOfficeSeriesAndYearWithoutGaps) {
    EXPECT_EQ(this->Issue(this->Draft(this->city_.id, "一")).number, 1);
    EXPECT_EQ(this->Issue(this->Draft(this->city_.id, "二")).number, 2);
    EXPECT_EQ(this->Issue(this->Draft(this->district_.id, "区一")).number, 1);
    const int special = this->Read([&](auto& bulletins) {
        return bulletins.NextNumber(this->city_.id, BulletinSeries::kSpecial, 2026);
    });
    EXPECT_EQ(special, 1);
    const int next_year = this->Read([&](auto& bulletins) {
        return bulletins.NextNumber(this->city_.id, BulletinSeries::kPeriodic, 2027);
    });
    EXPECT_EQ(next_year, 1);
}

TYPED_TEST(BulletinContract, ListsShowAnOfficesOwnAndTheIssuedOnesSentToAReader) {
    const Bulletin draft = this->Draft(this->city_.id, "城市草稿");
    const Bulletin issued = this->Issue(this->Draft(this->city_.id, "供热专题"));
    const Bulletin district = this->Draft(this->district_.id, "区草稿");
    this->Commit(
        [&](Repositories& r) { r.Bulletins().AddReceipt(issued.id, this->reader_.id, kNow); });
    const auto ids = [&](const domain::BulletinQuery& query) {
        std::vector<domain::BulletinId> found;
        for (const auto& b : this->Read([&](auto& bulletins) { return bulletins.List(query); })) {
            found.push_back(b.id);
        }
        return found;
    };
    domain::BulletinQuery office;
    office.issuer_ids = {this->city_.id};
    EXPECT_EQ(ids(office), (std::vector{issued.id, draft.id}));
    domain::BulletinQuery reader;
    reader.recipient = this->reader_.id;
    EXPECT_EQ(ids(reader), (std::vector{issued.id}));
    domain::BulletinQuery everything;
    everything.all_issued = true;
    everything.issuer_ids = {this->district_.id};
    EXPECT_EQ(ids(everything), (std::vector{district.id, issued.id}));
    office.text = "供热";
    EXPECT_EQ(ids(office), (std::vector{issued.id}));
    office.text = "1286件";  // in a section's text
    EXPECT_EQ(ids(office).size(), 2u);
    office.text.clear();
    office.state = BulletinState::kDraft;
    EXPECT_EQ(ids(office), (std::vector{draft.id}));
}

TYPED_TEST(BulletinContract, ReceiptsAreReadOnceAndNamed) {
    const Bulletin issued = this->Issue(this->Draft(this->city_.id, "专报"));
    this->Commit([&](Repositories& r) {
        r.Bulletins().AddReceipt(issued.id, this->reader_.id, kNow);
        r.Bulletins().AddReceipt(issued.id, this->reader_.id, kNow);  // changes nothing
        r.Bulletins().AddReceipt(issued.id, this->author_.id, kNow);
    });
    bool read = false;
    bool stranger = true;
    const auto later = kNow + std::chrono::hours(1);
    this->Commit([&](Repositories& r) {
        read = r.Bulletins().MarkRead(issued.id, this->reader_.id, later);
        r.Bulletins().MarkRead(issued.id, this->reader_.id, later + std::chrono::hours(1));
        stranger = r.Bulletins().MarkRead(issued.id, 999999, later);
    });
    EXPECT_TRUE(read);
    EXPECT_FALSE(stranger);
    const auto receipts =
        this->Read([&](auto& bulletins) { return bulletins.Receipts(issued.id); });
    ASSERT_EQ(receipts.size(), 2u);
    EXPECT_EQ(receipts[0].user_name, "leader");
    EXPECT_EQ(receipts[0].read_at, later);  // the first reading stays
    EXPECT_EQ(receipts[1].user_name, "office");
    EXPECT_FALSE(receipts[1].read_at);
}

TYPED_TEST(BulletinContract, TheHistoryIsKeptInOrder) {
    const Bulletin b = this->Draft(this->city_.id, "历史");
    this->Commit([&](Repositories& r) {
        for (const char* action : {"create", "submit", "return"}) {
            domain::BulletinLogEntry entry;
            entry.bulletin_id = b.id;
            entry.action = action;
            entry.by = this->author_.id;
            entry.at = kNow;
            entry.note = action == std::string_view("return") ? "请补充数据" : "";
            r.Bulletins().AppendLog(entry);
        }
    });
    const auto log = this->Read([&](auto& bulletins) { return bulletins.Log(b.id); });
    ASSERT_EQ(log.size(), 3u);
    EXPECT_EQ(log[0].action, "create");
    EXPECT_EQ(log[2].action, "return");
    EXPECT_EQ(log[2].note, "请补充数据");
    EXPECT_EQ(log[2].by, this->author_.id);
}

}  // namespace
}  // namespace minqing::storage::contract
