// Runs the deadline sweep every interval on a thread of its own until stopped. A failed round
// (the database away) is logged and the next one tries again.
#pragma once

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

#include "service/deadline_sweep.hpp"

namespace minqing::jobs {

class SweepScheduler {
  public:
    SweepScheduler(service::DeadlineSweep& sweep, std::chrono::seconds interval)
        : sweep_(sweep), interval_(interval) {}
    ~SweepScheduler() { Stop(); }
    SweepScheduler(const SweepScheduler&) = delete;
    SweepScheduler& operator=(const SweepScheduler&) = delete;

    void Start();
    /// Waits for a running round to finish.
    void Stop();

  private:
    void Loop();

    service::DeadlineSweep& sweep_;
    const std::chrono::seconds interval_;
    std::mutex mutex_;
    std::condition_variable wake_;
    bool stopping_ = false;
    std::thread thread_;
};

}  // namespace minqing::jobs
