// SQLite behind the Database interface: one writer connection on its own thread that
// commits queued write units in groups (many requests, one fsync), a pool of read connections
// that WAL lets run beside it, and a checkpointer thread. Read and Write are safe from any
// thread.
#pragma once

#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "storage/database.hpp"
#include "storage/sqlite/sqlite_session.hpp"

namespace minqing::storage::sqlite {

class SqliteDatabase final : public Database {
  public:
    /// Opens `path` (the schema must already be migrated) and starts the writer thread.
    /// The checkpointer copies the log into the database continually without waiting for
    /// anyone, and empties and truncates it whenever it has grown past
    /// `options.wal_limit_bytes` (and at the end).
    SqliteDatabase(std::string path, const DatabaseOptions& options);
    /// Finishes every queued write, then stops the writer and closes the connections.
    ~SqliteDatabase() override;

    Dialect dialect() const override { return Dialect::kSqlite; }
    void Read(const std::function<void(SqlSession&)>& work) override;
    void Write(const std::function<bool(SqlSession&)>& work) override;
    bool Ping() override;

  private:
    struct WriteUnit;

    void WriterLoop();
    void CommitGroup(std::vector<WriteUnit*>& group);
    void CheckpointLoop();

    const std::string path_;
    const std::size_t max_group_size_;
    const std::int64_t wal_limit_bytes_;

    std::unique_ptr<SqliteSession> writer_session_;
    std::mutex queue_mutex_;
    std::condition_variable queue_ready_;
    std::deque<WriteUnit*> queue_;
    bool stopping_ = false;
    std::thread writer_;

    // Copies committed WAL pages into the database file on a connection of its own, so that
    // the writer never pays for a checkpoint (its writes and fsync) inside a commit.
    std::unique_ptr<SqliteSession> checkpoint_session_;
    std::mutex checkpoint_mutex_;
    std::condition_variable checkpoint_due_;
    bool wal_grew_ = false;
    bool checkpointer_stopping_ = false;
    std::thread checkpointer_;

    std::mutex readers_mutex_;
    std::condition_variable reader_free_;
    std::vector<std::unique_ptr<SqliteSession>> idle_readers_;
};

}  // namespace minqing::storage::sqlite
