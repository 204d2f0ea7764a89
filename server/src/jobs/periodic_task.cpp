#include "jobs/periodic_task.hpp"

#include <exception>

#include <spdlog/spdlog.h>

namespace minqing::jobs {

void PeriodicTask::Start() {
    const std::lock_guard lock(mutex_);
    if (!thread_.joinable()) {
        stopping_ = false;
        thread_ = std::thread([this] { Loop(); });
        spdlog::info("{} started", name_);
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
        spdlog::info("{} stopped", name_);
    }
}

void PeriodicTask::Wake() {
    {
        const std::lock_guard lock(mutex_);
        woken_ = true;
    }
    wake_.notify_all();
}

void PeriodicTask::Loop() {
    std::unique_lock lock(mutex_);
    while (!stopping_) {
        lock.unlock();
        bool more = false;
        try {
            more = round_();
        } catch (const std::exception& failure) {
            spdlog::warn("{} failed, will retry: {}", name_, failure.what());
        }
        lock.lock();
        if (!more) {
            wake_.wait_for(lock, interval_, [this] { return stopping_ || woken_; });
        }
        woken_ = false;
    }
}

}  // namespace minqing::jobs
