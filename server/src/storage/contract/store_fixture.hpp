// The typed fixture of the storage contract: every test runs once on SQLite and once on a
// real PostgreSQL, each on a fresh database.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <utility>

#include <gtest/gtest.h>

#include "domain/store.hpp"
#include "storage/database.hpp"
#include "storage/sql_store.hpp"
#include "storage/testing/scratch_database.hpp"

namespace minqing::storage::contract {

/// "Now" for every contract test: a fixed instant, so stored times can be compared exactly.
inline const Instant kNow = FromEpochMs(1'764'300'000'000);

struct OnSqlite {
    static constexpr testing::Backend kBackend = testing::Backend::kSqlite;
};
struct OnPostgres {
    static constexpr testing::Backend kBackend = testing::Backend::kPostgres;
};

class BackendNames {
  public:
    template <typename T>
    static std::string GetName(int) {
        return T::kBackend == testing::Backend::kSqlite ? "Sqlite" : "Postgres";
    }
};

using Backends = ::testing::Types<OnSqlite, OnPostgres>;

template <typename Backend>
class StoreContract : public ::testing::Test {
  protected:
    StoreContract() : scratch_(Backend::kBackend) { Reopen(); }

    /// Closes and opens the database again, as a restarted server would.
    void Reopen() {
        store_.reset();
        DatabaseOptions options;
        options.url = scratch_.url();
        options.pool_size = 4;
        store_ = std::make_unique<SqlStore>(OpenDatabase(options));
    }

    domain::Store& store() { return *store_; }

    /// A unit under `parent` (or a root), written in a unit of work of its own.
    domain::OrgUnit AddUnit(std::string code, std::string name,
                            std::optional<domain::OrgUnitId> parent = std::nullopt,
                            domain::OrgLevel level = domain::OrgLevel::kCity) {
        domain::OrgUnit unit;
        unit.code = std::move(code);
        unit.name = std::move(name);
        unit.parent_id = parent;
        unit.level = level;
        return *domain::Transact(store(), [&](domain::Repositories& repositories) {
            return repositories.Orgs().Insert(unit);
        });
    }

    /// An account without roles, written in a unit of work of its own.
    domain::User AddAccount(std::string username) {
        domain::User user;
        user.username = std::move(username);
        user.display_name = user.username;
        user.password_hash = "$argon2id$placeholder";
        return *domain::Transact(store(), [&](domain::Repositories& repositories) {
            return repositories.Users().Insert(user);
        });
    }

    /// Runs `work` on one repository of a read snapshot, the one `Pick` names
    /// (&Repositories::Cases …), and returns what `work` returns.
    template <auto Pick, typename Work>
    auto ReadFrom(Work&& work) {
        return domain::Query(store(), [&](domain::Repositories& repositories) {
            return work((repositories.*Pick)());
        });
    }

    /// Runs `work` in a unit of work that commits.
    template <typename Work>
    void Commit(Work&& work) {
        store().Write([&](domain::Repositories& repositories) {
            work(repositories);
            return true;
        });
    }
    const testing::ScratchDatabase& scratch() const { return scratch_; }

  private:
    testing::ScratchDatabase scratch_;
    std::unique_ptr<SqlStore> store_;
};

/// The contract of one repository, which `Read` runs work on in a read snapshot.
template <typename Backend, auto Pick>
class RepositoryContract : public StoreContract<Backend> {
  protected:
    template <typename Work>
    auto Read(Work&& work) {
        return this->template ReadFrom<Pick>(std::forward<Work>(work));
    }
};

}  // namespace minqing::storage::contract
