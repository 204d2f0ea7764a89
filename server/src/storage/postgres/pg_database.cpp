#include "storage/postgres/pg_database.hpp"

#include <chrono>
#include <random>
#include <stdexcept>
#include <thread>
#include <utility>

#include <fmt/format.h>

#include "common/unavailable_error.hpp"
#include "storage/postgres/pg_session.hpp"

namespace minqing::storage::postgres {
namespace {

constexpr int kMaxConflictRetries = 3;
// Colliding writers retry after a short, jittered pause so they do not collide again in step.
constexpr std::chrono::milliseconds kRetryBaseDelay{5};
constexpr int kRetryJitterMs = 10;

std::chrono::milliseconds RetryDelay(int retry) {
    thread_local std::minstd_rand random(std::random_device{}());
    std::uniform_int_distribution<int> jitter(0, kRetryJitterMs);
    return kRetryBaseDelay * (retry + 1) + std::chrono::milliseconds(jitter(random));
}

void RollBackQuietly(PgSession& session) noexcept {
    // Called while another outcome is already on its way (an exception, or work's own
    // decision to discard). If ROLLBACK fails the connection is broken or still in a
    // transaction; the server discards the work when it closes, and Release drops it.
    try {
        session.ExecuteUnprepared("ROLLBACK");
    } catch (const std::exception&) {
        return;
    }
}

void RunTransaction(PgSession& session, const std::function<bool(SqlSession&)>& work) {
    session.ExecuteUnprepared("BEGIN");
    bool keep = false;
    try {
        keep = work(session);
    } catch (...) {
        RollBackQuietly(session);
        throw;
    }
    if (!keep) {
        RollBackQuietly(session);
        return;
    }
    // PostgreSQL answers COMMIT of a transaction that an earlier error aborted with the tag
    // ROLLBACK and no error at all; reporting success would lose the unit silently.
    if (session.ExecuteUnprepared("COMMIT") != "COMMIT") {
        throw SqlError(
            "transaction rolled back instead of committed: a statement in it failed and the "
            "unit went on to commit (on PostgreSQL a failed statement aborts the transaction)");
    }
}

}  // namespace

class PgDatabase::Lease {
  public:
    Lease(PgDatabase& pool, std::unique_ptr<PgSession> session)
        : pool_(pool), session_(std::move(session)) {}
    ~Lease() { pool_.Release(std::move(session_)); }
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;

    PgSession& session() { return *session_; }

  private:
    PgDatabase& pool_;
    std::unique_ptr<PgSession> session_;
};

std::unique_ptr<PgDatabase> PgDatabase::Open(const DatabaseOptions& options) {
    auto database = std::make_unique<PgDatabase>(options);
    // The connection goes back to the pool for the first caller.
    { const Lease first = database->Acquire(); }
    return database;
}

PgDatabase::PgDatabase(DatabaseOptions options)
    : options_(std::move(options)),
      address_(PgServerAddress(options_.url)),
      free_slots_(options_.pool_size) {
    if (options_.pool_size < 1) {
        throw std::invalid_argument("PostgreSQL pool_size must be at least 1");
    }
    if (options_.acquire_timeout_ms < 0) {
        throw std::invalid_argument("PostgreSQL acquire_timeout_ms must not be negative");
    }
    idle_.reserve(static_cast<std::size_t>(options_.pool_size));
}

PgDatabase::~PgDatabase() = default;

void PgDatabase::Read(const std::function<void(SqlSession&)>& work) {
    Lease lease = Acquire();
    work(lease.session());
}

void PgDatabase::Write(const std::function<bool(SqlSession&)>& work) {
    for (int retry = 0;; ++retry) {
        try {
            Lease lease = Acquire();
            RunTransaction(lease.session(), work);
            return;
        } catch (const RetryableConflict&) {
            if (retry == kMaxConflictRetries) {
                throw;
            }
        }
        std::this_thread::sleep_for(RetryDelay(retry));
    }
}

bool PgDatabase::Ping() {
    try {
        Lease lease = Acquire();
        lease.session().ExecuteUnprepared("SELECT 1");
        return true;
    } catch (const std::exception&) {
        return false;
    }
}

PgDatabase::Lease PgDatabase::Acquire() {
    std::unique_ptr<PgSession> session;
    {
        std::unique_lock lock(mutex_);
        const bool got_slot =
            released_.wait_for(lock, std::chrono::milliseconds(options_.acquire_timeout_ms),
                               [this] { return free_slots_ > 0; });
        if (!got_slot) {
            throw UnavailableError(
                fmt::format("no PostgreSQL connection to {} came free within {} ms (pool of {})",
                            address_, options_.acquire_timeout_ms, options_.pool_size));
        }
        --free_slots_;
        if (!idle_.empty()) {
            session = std::move(idle_.back());
            idle_.pop_back();
        }
    }
    // Checked and (re)connected outside the lock: connecting can take seconds, and other
    // callers must meanwhile be able to take the remaining connections.
    if (session != nullptr && !session->IsReusable()) {
        session.reset();
    }
    if (session == nullptr) {
        try {
            session = PgSession::Connect(options_.url);
        } catch (...) {
            Release(nullptr);
            throw;
        }
    }
    return Lease(*this, std::move(session));
}

void PgDatabase::Release(std::unique_ptr<PgSession> session) noexcept {
    // A broken connection, or one left inside a transaction, is closed here and replaced by a
    // fresh one on next use, so no caller inherits another's state.
    if (session != nullptr && !session->IsReusable()) {
        session.reset();
    }
    {
        const std::lock_guard lock(mutex_);
        if (session != nullptr) {
            idle_.push_back(std::move(session));
        }
        ++free_slots_;
    }
    released_.notify_one();
}

}  // namespace minqing::storage::postgres
