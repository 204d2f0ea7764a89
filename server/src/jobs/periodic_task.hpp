// Runs a piece of upkeep every interval on a thread of its own until stopped (the orphan-file
// sweep, for one). A round that throws is logged under the task's name and the next round
// tries again. Start and Stop are for the owning thread.
#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <string>
#include <thread>

namespace minqing::jobs {

class PeriodicTask {
  public:
    /// `round` runs first right after Start, then every `interval`.
    PeriodicTask(std::string name, std::chrono::milliseconds interval, std::function<void()> round)
        : name_(std::move(name)), interval_(interval), round_(std::move(round)) {}
    ~PeriodicTask() { Stop(); }
    PeriodicTask(const PeriodicTask&) = delete;
    PeriodicTask& operator=(const PeriodicTask&) = delete;

    void Start();
    /// Waits for a running round to finish.
    void Stop();

  private:
    void Loop();

    const std::string name_;
    const std::chrono::milliseconds interval_;
    const std::function<void()> round_;
    std::mutex mutex_;
    std::condition_variable wake_;
    bool stopping_ = false;
    std::thread thread_;
};

}  // namespace minqing::jobs
