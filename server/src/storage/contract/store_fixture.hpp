// The typed fixture of the storage contract: every test runs once on SQLite and once on a
// real PostgreSQL, each on a fresh database.
#pragma once

#include <memory>

#include <gtest/gtest.h>

#include "domain/store.hpp"
#include "storage/database.hpp"
#include "storage/sql_store.hpp"
#include "storage/testing/scratch_database.hpp"

namespace minqing::storage::contract {

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
    const testing::ScratchDatabase& scratch() const { return scratch_; }

  private:
    testing::ScratchDatabase scratch_;
    std::unique_ptr<SqlStore> store_;
};

}  // namespace minqing::storage::contract
