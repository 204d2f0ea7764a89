#include "jobs/periodic_task.hpp"

#include <exception>

#include <spdlog/spdlog.h>

namespace minqing::jobs {

void PeriodicTask::Start() {
    const std::lock_guard lock(mutex_);
    if (!thread_.joinable()) {
        stopping_ = false;
        thread_ = std::thread([this] { Loop(); });
    }
}

void PeriodicTask::Stop() {
    {
        const std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_all();
    if (thread_.joinable()) {
        thread_.join();
    }
}

void PeriodicTask::Loop() {
    std::unique_lock lock(mutex_);
    while (!stopping_) {
        lock.unlock();
        try {
            round_();
        } catch (const std::exception& failure) {
            spdlog::warn("{} failed, will retry: {}", name_, failure.what());
        }
        lock.lock();
        wake_.wait_for(lock, interval_, [this] { return stopping_; });
    }
}

}  // namespace minqing::jobs
