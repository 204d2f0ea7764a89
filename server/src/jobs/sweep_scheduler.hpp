// Runs the deadline sweep every interval on a thread of its own until stopped. A failed round
// (the database away) is logged and the next one tries again.
#pragma once

#include <chrono>

#include "jobs/periodic_task.hpp"
#include "service/deadline_sweep.hpp"

namespace minqing::jobs {

class SweepScheduler {
  public:
    SweepScheduler(service::DeadlineSweep& sweep, std::chrono::seconds interval);

    void Start() { task_.Start(); }
    /// Waits for a running round to finish.
    void Stop() { task_.Stop(); }

  private:
    PeriodicTask task_;
};

}  // namespace minqing::jobs
