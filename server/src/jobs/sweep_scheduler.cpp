#include "jobs/sweep_scheduler.hpp"

#include <spdlog/spdlog.h>

namespace minqing::jobs {

SweepScheduler::SweepScheduler(service::DeadlineSweep& sweep, std::chrono::seconds interval)
    : task_("deadline sweep", interval, [&sweep] {
          const auto report = sweep.Run();
          if (report.yellow + report.red + report.reminders + report.written + report.bulletins +
                  report.late_replies >
              0) {
              spdlog::info(
                  "deadline sweep: {} yellow, {} red, {} 催办, {} 督办, {} 通报, {} late replies",
                  report.yellow, report.red, report.reminders, report.written, report.bulletins,
                  report.late_replies);
          }
          return false;
      }) {}

}  // namespace minqing::jobs
