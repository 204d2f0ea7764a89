// Contract: CaseEventRepository on every backend — events round trip exactly (so the hash
// chain still verifies after a read), history is in sequence order, a sequence number is
// taken once per case, and the latest instant of an action per case.
#include "domain/case_event_repository.hpp"

#include <functional>

#include "storage/contract/case_fixture.hpp"

namespace minqing::storage::contract {
namespace {

using domain::CaseEvent;
using domain::CaseEventRepository;
using domain::CaseState;
using domain::Repositories;
using std::chrono::hours;

void ExpectSameEvent(const CaseEvent& stored, const CaseEvent& written) {
    EXPECT_GT(stored.id, 0);
    EXPECT_EQ(stored.case_id, written.case_id);
    EXPECT_EQ(stored.seq, written.seq);
    EXPECT_EQ(stored.at, written.at);
    EXPECT_EQ(stored.actor_id, written.actor_id);
    EXPECT_EQ(stored.actor_role, written.actor_role);
    EXPECT_EQ(stored.actor_unit_id, written.actor_unit_id);
    EXPECT_EQ(stored.action, written.action);
    EXPECT_EQ(stored.payload, written.payload);
    EXPECT_EQ(stored.payload_json, written.payload_json);
    EXPECT_EQ(stored.from_state, written.from_state);
    EXPECT_EQ(stored.to_state, written.to_state);
    EXPECT_EQ(stored.prev_hash, written.prev_hash);
    EXPECT_EQ(stored.hash, written.hash);
    EXPECT_EQ(domain::EventHashInput(stored), domain::EventHashInput(written));
}

template <typename Backend>
class CaseEventContract : public CaseContract<Backend> {
  protected:
    CaseEventContract() { case_ = this->Insert(this->NewCase("2026-0000001")).id; }

    /// The next event of `chain` (a case's events so far), sealed onto the one before it.
    CaseEvent Next(const std::vector<CaseEvent>& chain, domain::CaseId case_id, std::string action,
                   Instant at) {
        CaseEvent event;
        event.case_id = case_id;
        event.seq = static_cast<std::int64_t>(chain.size()) + 1;
        event.at = at;
        event.action = std::move(action);
        event.from_state = chain.empty() ? std::nullopt : std::optional(chain.back().to_state);
        event.to_state = chain.empty() ? CaseState::kRegistered : CaseState::kHandling;
        event.prev_hash = chain.empty() ? "" : chain.back().hash;
        // Any digest will do here: the repository keeps hashes, it does not make them.
        event.hash = std::to_string(std::hash<std::string>{}(domain::EventHashInput(event)));
        return event;
    }

    void Append(const std::vector<CaseEvent>& events) {
        this->Commit([&](Repositories& repositories) {
            for (const CaseEvent& event : events) {
                repositories.CaseEvents().Append(event);
            }
        });
    }

    template <typename Work>
    auto Events(Work&& work) {
        return this->template ReadFrom<&Repositories::CaseEvents>(work);
    }

    std::vector<CaseEvent> History(domain::CaseId id) {
        return Events([&](CaseEventRepository& events) { return events.History(id); });
    }

    domain::CaseId case_ = 0;
};

TYPED_TEST_SUITE(CaseEventContract, Backends, BackendNames);

TYPED_TEST(CaseEventContract, EveryColumnRoundTripsAndTheChainStillVerifies) {
    std::vector<CaseEvent> chain;
    chain.push_back(this->Next(chain, this->case_, "create", kNow));  // no actor, no from_state
    CaseEvent dispatch = this->Next(chain, this->case_, "dispatch", kNow + hours(1));
    dispatch.actor_id = this->officer_.id;
    dispatch.actor_role = "city_office";
    dispatch.actor_unit_id = this->city_.id;
    dispatch.payload.note = "请船营区办理，“尽快”\n";
    dispatch.payload.method = domain::DispatchMethod::kPhone;
    dispatch.payload.assisting = {{this->city_.id, "吉林市"}};
    dispatch.payload.answer_deadline = kNow + hours(72);
    dispatch.payload_json = domain::PayloadJson(dispatch.payload);
    dispatch.to_state = CaseState::kDispatched;
    dispatch.hash = std::to_string(std::hash<std::string>{}(domain::EventHashInput(dispatch)));
    chain.push_back(dispatch);
    this->Append(chain);
    this->Reopen();
    const auto history = this->History(this->case_);
    ASSERT_EQ(history.size(), 2u);
    ExpectSameEvent(history[0], chain[0]);
    ExpectSameEvent(history[1], chain[1]);
    EXPECT_FALSE(history[0].actor_id);
    EXPECT_FALSE(history[0].from_state);
    EXPECT_EQ(history[0].prev_hash, "");
    EXPECT_EQ(history[1].prev_hash, history[0].hash);
    EXPECT_LT(history[0].id, history[1].id);
}

TYPED_TEST(CaseEventContract, APayloadTextOfAnotherFormIsKeptByteForByte) {
    std::vector<CaseEvent> chain;
    CaseEvent event = this->Next(chain, this->case_, "dispatch", kNow);
    // Spaces, another key order, a key no release knows: the hash covers these exact bytes.
    event.payload_json = R"({ "reason": "转办", "legacy": 1, "holderId": 5 })";
    event.hash = std::to_string(std::hash<std::string>{}(domain::EventHashInput(event)));
    this->Append({event});
    this->Reopen();
    const auto history = this->History(this->case_);
    ASSERT_EQ(history.size(), 1u);
    EXPECT_EQ(history[0].payload_json, event.payload_json);
    EXPECT_EQ(domain::EventHashInput(history[0]), domain::EventHashInput(event));
    EXPECT_EQ(history[0].payload.reason, "转办");
    EXPECT_EQ(history[0].payload.holder_id, 5);
}

TYPED_TEST(CaseEventContract, HistoryIsInSequenceOrderAndLastIsTheHighest) {
    const domain::CaseId other = this->Insert(this->NewCase("2026-0000002")).id;
    std::vector<CaseEvent> chain, other_chain;
    for (const char* action : {"create", "accept", "dispatch", "sign"}) {
        chain.push_back(
            this->Next(chain, this->case_, action, kNow + hours(static_cast<int>(chain.size()))));
    }
    other_chain.push_back(this->Next(other_chain, other, "create", kNow));
    // Written in two units and out of case order: the log orders by seq, not by arrival.
    this->Append({chain[0], other_chain[0], chain[1]});
    this->Append({chain[2], chain[3]});
    std::vector<std::string> actions;
    for (const CaseEvent& event : this->History(this->case_)) {
        actions.push_back(event.action);
    }
    EXPECT_EQ(actions, (std::vector<std::string>{"create", "accept", "dispatch", "sign"}));
    const auto last = this->Events([&](auto& events) { return events.Last(this->case_); });
    ASSERT_TRUE(last);
    ExpectSameEvent(*last, chain[3]);
    const auto other_last = this->Events([&](auto& events) { return events.Last(other); });
    ASSERT_TRUE(other_last);
    EXPECT_EQ(other_last->seq, 1);
}

TYPED_TEST(CaseEventContract, ACaseWithoutEventsHasNoHistoryAndNoLast) {
    EXPECT_TRUE(this->History(this->case_).empty());
    EXPECT_FALSE(this->Events([&](auto& events) { return events.Last(this->case_); }));
    EXPECT_FALSE(this->Events([&](auto& events) { return events.Last(this->case_ + 1000); }));
}

TYPED_TEST(CaseEventContract, ASequenceNumberIsTakenOncePerCase) {
    std::vector<CaseEvent> chain;
    chain.push_back(this->Next(chain, this->case_, "create", kNow));
    this->Append(chain);
    CaseEvent rival = this->Next({}, this->case_, "create", kNow + hours(1));  // seq 1 again
    rival.actor_role = "rival";
    // The unit of work fails as a whole: the event appended before the clash is gone too.
    CaseEvent second = this->Next(chain, this->case_, "accept", kNow + hours(1));
    EXPECT_ANY_THROW(this->Append({second, rival}));
    const auto history = this->History(this->case_);
    ASSERT_EQ(history.size(), 1u);
    ExpectSameEvent(history[0], chain[0]);
    const domain::CaseId other = this->Insert(this->NewCase("2026-0000002")).id;
    this->Append({this->Next({}, other, "create", kNow)});  // seq 1 of another case is free
    EXPECT_EQ(this->History(other).size(), 1u);
}

TYPED_TEST(CaseEventContract, LastAtGivesEachCasesLatestEventOfTheAction) {
    const domain::CaseId other = this->Insert(this->NewCase("2026-0000002")).id;
    const domain::CaseId quiet = this->Insert(this->NewCase("2026-0000003")).id;
    std::vector<CaseEvent> chain, other_chain, quiet_chain;
    chain.push_back(this->Next(chain, this->case_, "remind", kNow + hours(1)));
    chain.push_back(this->Next(chain, this->case_, "remind", kNow + hours(5)));
    chain.push_back(this->Next(chain, this->case_, "accept", kNow + hours(9)));
    other_chain.push_back(this->Next(other_chain, other, "remind", kNow + hours(2)));
    quiet_chain.push_back(this->Next(quiet_chain, quiet, "accept", kNow + hours(3)));
    this->Append(chain);
    this->Append(other_chain);
    this->Append(quiet_chain);
    using At = std::map<domain::CaseId, Instant>;
    EXPECT_EQ(this->Events([&](auto& events) {
        return events.LastAt({this->case_, other, quiet}, "remind");
    }),
              (At{{this->case_, kNow + hours(5)}, {other, kNow + hours(2)}}));
    EXPECT_EQ(this->Events([&](auto& events) { return events.LastAt({quiet}, "accept"); }),
              (At{{quiet, kNow + hours(3)}}));
    EXPECT_TRUE(this->Events([&](auto& events) { return events.LastAt({}, "remind"); }).empty());
    EXPECT_TRUE(
        this->Events([&](auto& events) { return events.LastAt({other}, "close"); }).empty());
}

}  // namespace
}  // namespace minqing::storage::contract
