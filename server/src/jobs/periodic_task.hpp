// Runs a piece of upkeep every interval on a thread of its own until stopped (the orphan-file
// sweep, the deadline sweep, the outbox). A round that throws is logged under the task's name
// and the next round tries again. Start and Stop are for the owning thread; Wake for any.
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
    /// `round` runs first right after Start, then every `interval`, or at once when it returns
    /// true (it left work for the next round: a full batch) or when Wake is called.
    PeriodicTask(std::string name, std::chrono::milliseconds interval, std::function<bool()> round)
        : name_(std::move(name)), interval_(interval), round_(std::move(round)) {}
    ~PeriodicTask() { Stop(); }
    PeriodicTask(const PeriodicTask&) = delete;
    PeriodicTask& operator=(const PeriodicTask&) = delete;

    void Start();
    /// Waits for a running round to finish. Idempotent.
    void Stop();
    /// Asks for a round now instead of after the interval.
    void Wake();

  private:
    void Loop();

    const std::string name_;
    const std::chrono::milliseconds interval_;
    const std::function<bool()> round_;
    std::mutex mutex_;
    std::condition_variable wake_;
    bool stopping_ = false;
    bool woken_ = false;
    std::thread thread_;
};

}  // namespace minqing::jobs
