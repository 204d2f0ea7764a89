#include "storage/sqlite/sqlite_database.hpp"

#include <chrono>
#include <exception>
#include <filesystem>
#include <future>

namespace minqing::storage::sqlite {
namespace {

// How often the checkpointer looks for new WAL pages while writes come in.
constexpr auto kCheckpointInterval = std::chrono::milliseconds(200);
// How long a truncating checkpoint waits for readers to finish with the log before it gives
// up until the next round. It holds the write lock while it waits, so this stays short.
constexpr int kTruncateWaitMs = 100;
// After a truncation that readers prevented, the next try waits this long, so writes are
// held up for at most a tenth of the time while the log stays over its limit.
constexpr auto kTruncateRetry = std::chrono::seconds(1);

}  // namespace

struct SqliteDatabase::WriteUnit {
    const std::function<bool(SqlSession&)>* work;
    std::promise<void> done;
    std::exception_ptr failure;
};

SqliteDatabase::SqliteDatabase(std::string path, const DatabaseOptions& options)
    : path_(std::move(path)),
      max_group_size_(static_cast<std::size_t>(options.max_group_size)),
      wal_limit_bytes_(options.wal_limit_bytes) {
    writer_session_ = std::make_unique<SqliteSession>(path_, options.busy_timeout_ms, false);
    writer_session_->ExecuteScript("PRAGMA wal_autocheckpoint = 0;");
    checkpoint_session_ = std::make_unique<SqliteSession>(path_, kTruncateWaitMs, false);
    for (int i = 0; i < options.pool_size; ++i) {
        idle_readers_.push_back(
            std::make_unique<SqliteSession>(path_, options.busy_timeout_ms, true));
    }
    writer_ = std::thread([this] { WriterLoop(); });
    checkpointer_ = std::thread([this] { CheckpointLoop(); });
}

SqliteDatabase::~SqliteDatabase() {
    {
        const std::lock_guard lock(queue_mutex_);
        stopping_ = true;
    }
    queue_ready_.notify_all();
    writer_.join();
    {
        const std::lock_guard lock(checkpoint_mutex_);
        checkpointer_stopping_ = true;
    }
    checkpoint_due_.notify_all();
    checkpointer_.join();
}

void SqliteDatabase::Read(const std::function<void(SqlSession&)>& work) {
    std::unique_ptr<SqliteSession> session;
    {
        std::unique_lock lock(readers_mutex_);
        reader_free_.wait(lock, [this] { return !idle_readers_.empty(); });
        session = std::move(idle_readers_.back());
        idle_readers_.pop_back();
    }
    struct GiveBack {
        SqliteDatabase* database;
        std::unique_ptr<SqliteSession>& session;
        ~GiveBack() {
            {
                const std::lock_guard lock(database->readers_mutex_);
                database->idle_readers_.push_back(std::move(session));
            }
            database->reader_free_.notify_one();
        }
    } give_back{this, session};
    // A read that spans several statements sees one snapshot.
    session->ExecuteScript("BEGIN");
    try {
        work(*session);
    } catch (...) {
        session->ExecuteScript("ROLLBACK");
        throw;
    }
    session->ExecuteScript("COMMIT");
}

void SqliteDatabase::Write(const std::function<bool(SqlSession&)>& work) {
    WriteUnit unit{&work, {}, nullptr};
    auto done = unit.done.get_future();
    {
        const std::lock_guard lock(queue_mutex_);
        if (stopping_) {
            throw SqlError("sqlite: database is closing");
        }
        queue_.push_back(&unit);
    }
    queue_ready_.notify_one();
    done.get();
}

bool SqliteDatabase::Ping() {
    try {
        bool answered = false;
        Read([&](SqlSession& session) { answered = session.QueryOne("SELECT 1").has_value(); });
        return answered;
    } catch (const std::exception&) {
        return false;
    }
}

void SqliteDatabase::WriterLoop() {
    std::vector<WriteUnit*> group;
    while (true) {
        {
            std::unique_lock lock(queue_mutex_);
            queue_ready_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
            if (queue_.empty()) {
                return;  // stopping, and every queued unit has been committed
            }
            while (!queue_.empty() && group.size() < max_group_size_) {
                group.push_back(queue_.front());
                queue_.pop_front();
            }
        }
        CommitGroup(group);
        group.clear();
    }
}

void SqliteDatabase::CommitGroup(std::vector<WriteUnit*>& group) {
    SqliteSession& session = *writer_session_;
    try {
        session.ExecuteScript("BEGIN IMMEDIATE");
        for (WriteUnit* unit : group) {
            // A savepoint per unit: one caller's failure discards only its own changes.
            session.ExecuteScript("SAVEPOINT unit");
            bool keep = false;
            try {
                keep = (*unit->work)(session);
            } catch (...) {
                unit->failure = std::current_exception();
            }
            if (!keep) {
                session.ExecuteScript("ROLLBACK TO unit");
            }
            session.ExecuteScript("RELEASE unit");
        }
        session.ExecuteScript("COMMIT");
    } catch (...) {
        // The group as a whole could not commit (disk full, I/O error): nobody is acknowledged.
        const auto failure = std::current_exception();
        try {
            session.ExecuteScript("ROLLBACK");
        } catch (const SqlError&) {
            // Already rolled back by SQLite itself.
        }
        for (WriteUnit* unit : group) {
            unit->done.set_exception(failure);
        }
        return;
    }
    {
        const std::lock_guard lock(checkpoint_mutex_);
        wal_grew_ = true;
    }
    for (WriteUnit* unit : group) {
        if (unit->failure) {
            unit->done.set_exception(unit->failure);
        } else {
            unit->done.set_value();
        }
    }
}

void SqliteDatabase::CheckpointLoop() {
    std::chrono::steady_clock::time_point next_truncate{};
    std::unique_lock lock(checkpoint_mutex_);
    while (true) {
        checkpoint_due_.wait_for(lock, kCheckpointInterval,
                                 [this] { return checkpointer_stopping_; });
        const bool stopping = checkpointer_stopping_;
        if (!wal_grew_ && !stopping) {
            continue;
        }
        wal_grew_ = false;
        lock.unlock();
        try {
            // PASSIVE never waits for readers or the writer; pages still needed by a reader's
            // snapshot are copied on a later round. But the log only starts over when no
            // reader is using it, which steady reads may never allow: past the limit,
            // TRUNCATE waits a moment for them and leaves an empty log. On the way out it
            // does so anyway (the writer has stopped by then).
            const auto now = std::chrono::steady_clock::now();
            const bool over_limit = SqliteWalBytes(path_) > wal_limit_bytes_;
            const bool truncate = stopping || (over_limit && now >= next_truncate);
            checkpoint_session_->ExecuteScript(truncate ? "PRAGMA wal_checkpoint(TRUNCATE);"
                                                        : "PRAGMA wal_checkpoint(PASSIVE);");
            if (over_limit && !stopping && SqliteWalBytes(path_) > wal_limit_bytes_) {
                // Still over: look again on later rounds even without new writes.
                if (truncate) {
                    next_truncate = now + kTruncateRetry;
                }
                const std::lock_guard relock(checkpoint_mutex_);
                wal_grew_ = true;
            }
        } catch (const std::exception&) {
            // A busy or failed checkpoint (a full disk included) loses nothing: the pages stay in
            // the WAL for the next round, and readers find them there.
        }
        lock.lock();
        if (stopping) {
            return;
        }
    }
}

}  // namespace minqing::storage::sqlite

namespace minqing::storage {

std::int64_t SqliteWalBytes(const std::string& path) {
    std::error_code missing;
    const auto size = std::filesystem::file_size(path + "-wal", missing);
    return missing ? 0 : static_cast<std::int64_t>(size);
}

}  // namespace minqing::storage
