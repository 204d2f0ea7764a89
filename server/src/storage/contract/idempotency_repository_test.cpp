// Contract: IdempotencyRepository on every backend — a key is recorded once per scope, the
// first record wins, and a retry finds what the first try made.
#include "domain/idempotency_repository.hpp"

#include "storage/contract/case_fixture.hpp"

namespace minqing::storage::contract {
namespace {

using domain::IdempotencyRecord;
using domain::Repositories;

template <typename Backend>
class IdempotencyContract : public CaseContract<Backend> {
  protected:
    IdempotencyContract() {
        first_ = this->Insert(this->NewCase("2026-0000001")).id;
        second_ = this->Insert(this->NewCase("2026-0000002")).id;
    }

    bool Save(std::string_view scope, std::string_view key, const IdempotencyRecord& record) {
        bool saved = false;
        this->Commit([&](Repositories& repositories) {
            saved = repositories.Idempotency().Save(scope, key, record, kNow);
        });
        return saved;
    }

    std::optional<IdempotencyRecord> Find(std::string_view scope, std::string_view key) {
        return domain::Query(this->store(), [&](Repositories& repositories) {
            return repositories.Idempotency().Find(scope, key);
        });
    }

    domain::CaseId first_ = 0, second_ = 0;
};

TYPED_TEST_SUITE(IdempotencyContract, Backends, BackendNames);

TYPED_TEST(IdempotencyContract, AnUnknownKeyIsNotFound) {
    EXPECT_FALSE(this->Find("cases.create:7", "k-1"));
    EXPECT_FALSE(this->Find("", ""));
}

TYPED_TEST(IdempotencyContract, ARetryFindsTheFirstRecord) {
    const std::string key = "请求-7f3c-🙂";  // clients choose keys: any text
    ASSERT_TRUE(this->Save("cases.create:7", key, {"hash-of-body", this->first_}));
    this->Reopen();
    const auto found = this->Find("cases.create:7", key);
    ASSERT_TRUE(found);
    EXPECT_EQ(found->request_hash, "hash-of-body");
    EXPECT_EQ(found->case_id, this->first_);
}

TYPED_TEST(IdempotencyContract, TheFirstWriterOfAKeyWins) {
    ASSERT_TRUE(this->Save("cases.create:7", "k-1", {"first-body", this->first_}));
    EXPECT_FALSE(this->Save("cases.create:7", "k-1", {"other-body", this->second_}));
    const auto found = this->Find("cases.create:7", "k-1");
    ASSERT_TRUE(found);
    EXPECT_EQ(found->request_hash, "first-body");
    EXPECT_EQ(found->case_id, this->first_);
}

TYPED_TEST(IdempotencyContract, KeysAreSeparatePerScope) {
    // The same key in another scope, and a key differing only in case, are other keys.
    const std::vector<std::tuple<std::string, std::string, std::string>> saved{
        {"cases.create:7", "k-1", "a"},
        {"cases.create:8", "k-1", "b"},
        {"cases.create:7", "K-1", "c"}};
    for (const auto& [scope, key, hash] : saved) {
        EXPECT_TRUE(this->Save(scope, key, {hash, this->first_})) << scope << " " << key;
    }
    for (const auto& [scope, key, hash] : saved) {
        const auto found = this->Find(scope, key);
        ASSERT_TRUE(found) << scope << " " << key;
        EXPECT_EQ(found->request_hash, hash);
    }
    EXPECT_FALSE(this->Find("cases.create:9", "k-1"));
}

}  // namespace
}  // namespace minqing::storage::contract
