#include "jobs/sweep_scheduler.hpp"

#include <exception>

#include <spdlog/spdlog.h>

namespace minqing::jobs {

void SweepScheduler::Start() {
    const std::lock_guard lock(mutex_);
    if (!thread_.joinable()) {
        stopping_ = false;
        thread_ = std::thread([this] { Loop(); });
    }
}

void SweepScheduler::Stop() {
    {
        const std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_all();
    if (thread_.joinable()) {
        thread_.join();
    }
}

void SweepScheduler::Loop() {
    std::unique_lock lock(mutex_);
    while (!stopping_) {
        lock.unlock();
        try {
            const auto report = sweep_.Run();
            if (report.yellow + report.red + report.reminders + report.written + report.bulletins +
                    report.late_replies >
                0) {
                spdlog::info(
                    "deadline sweep: {} yellow, {} red, {} 催办, {} 督办, {} 通报, {} late replies",
                    report.yellow, report.red, report.reminders, report.written, report.bulletins,
                    report.late_replies);
            }
        } catch (const std::exception& failure) {
            spdlog::warn("deadline sweep failed, will retry: {}", failure.what());
        }
        lock.lock();
        wake_.wait_for(lock, interval_, [this] { return stopping_; });
    }
}

}  // namespace minqing::jobs
