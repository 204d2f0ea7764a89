// The Store port over a Database: each unit of work gets the SQL repositories bound to
// the connection it runs on. Thread-safe as the Database is.
#pragma once

#include <memory>

#include "domain/store.hpp"
#include "storage/database.hpp"

namespace minqing::storage {

class SqlStore final : public domain::Store {
  public:
    explicit SqlStore(std::unique_ptr<Database> database) : database_(std::move(database)) {}

    void Read(const std::function<void(domain::Repositories&)>& work) override;
    void Write(const std::function<bool(domain::Repositories&)>& work) override;
    bool Ping() override { return database_->Ping(); }
    bool SerialisesWrites() const override { return database_->dialect() == Dialect::kSqlite; }

    Database& database() { return *database_; }

  private:
    std::unique_ptr<Database> database_;
};

}  // namespace minqing::storage
