#include "support/child_process.hpp"

#include <array>
#include <cerrno>
#include <system_error>
#include <thread>

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace minqing::tests {
namespace {

constexpr std::string_view kSettingPrefix = "MINQING_";
constexpr int kSignalExitBase = 128;
constexpr std::size_t kReadChunk = 4096;
constexpr auto kPollSlice = std::chrono::milliseconds(50);

void ThrowErrno(int code, const std::string& what) {
    throw std::system_error(code, std::generic_category(), what);
}

std::vector<std::string> ChildEnvironment(const std::vector<std::string>& extra) {
    std::vector<std::string> all;
    for (char** entry = environ; entry != nullptr && *entry != nullptr; ++entry) {
        const std::string_view variable(*entry);
        if (!variable.starts_with(kSettingPrefix)) {
            all.emplace_back(variable);
        }
    }
    all.insert(all.end(), extra.begin(), extra.end());
    return all;
}

std::vector<char*> Pointers(std::vector<std::string>& strings) {
    std::vector<char*> pointers;
    pointers.reserve(strings.size() + 1);
    for (std::string& text : strings) {
        pointers.push_back(text.data());
    }
    pointers.push_back(nullptr);
    return pointers;
}

}  // namespace

ChildProcess::ChildProcess(const std::vector<std::string>& argv,
                           const std::vector<std::string>& environment) {
    std::array<int, 2> out{};
    std::array<int, 2> err{};
    if (::pipe2(out.data(), O_CLOEXEC) != 0) {
        ThrowErrno(errno, "pipe");
    }
    if (::pipe2(err.data(), O_CLOEXEC) != 0) {
        const int code = errno;
        ::close(out[0]);
        ::close(out[1]);
        ThrowErrno(code, "pipe");
    }
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_adddup2(&actions, out[1], STDOUT_FILENO);
    posix_spawn_file_actions_adddup2(&actions, err[1], STDERR_FILENO);

    std::vector<std::string> arguments = argv;
    std::vector<std::string> variables = ChildEnvironment(environment);
    auto argument_pointers = Pointers(arguments);
    auto variable_pointers = Pointers(variables);
    const int spawned = ::posix_spawn(&pid_, arguments.front().c_str(), &actions, nullptr,
                                      argument_pointers.data(), variable_pointers.data());
    posix_spawn_file_actions_destroy(&actions);
    ::close(out[1]);
    ::close(err[1]);
    stdout_fd_ = out[0];
    stderr_fd_ = err[0];
    if (spawned != 0) {
        ::close(stdout_fd_);
        ::close(stderr_fd_);
        ThrowErrno(spawned, "spawn " + arguments.front());
    }
}

ChildProcess::~ChildProcess() {
    if (!exit_code_ && pid_ > 0) {
        ::kill(pid_, SIGKILL);
        Reap(0);
    }
    for (const int fd : {stdout_fd_, stderr_fd_}) {
        if (fd >= 0) {
            ::close(fd);
        }
    }
}

bool ChildProcess::Pump(std::chrono::milliseconds timeout) {
    std::array<pollfd, 2> fds{};
    fds[0] = {stdout_fd_, POLLIN, 0};
    fds[1] = {stderr_fd_, POLLIN, 0};
    if (stdout_fd_ < 0 && stderr_fd_ < 0) {
        return false;
    }
    const int ready = ::poll(fds.data(), fds.size(), static_cast<int>(timeout.count()));
    if (ready < 0 && errno != EINTR) {
        ThrowErrno(errno, "poll");
    }
    if (ready <= 0) {
        return true;
    }
    const std::array<std::pair<int*, std::string*>, 2> streams{
        {{&stdout_fd_, &stdout_}, {&stderr_fd_, &stderr_}}};
    for (std::size_t i = 0; i < fds.size(); ++i) {
        if (fds[i].fd < 0 || (fds[i].revents & (POLLIN | POLLHUP | POLLERR)) == 0) {
            continue;
        }
        std::array<char, kReadChunk> chunk{};
        const ssize_t got = ::read(fds[i].fd, chunk.data(), chunk.size());
        if (got > 0) {
            streams[i].second->append(chunk.data(), static_cast<std::size_t>(got));
        } else if (got == 0 || errno != EINTR) {
            ::close(*streams[i].first);
            *streams[i].first = -1;
        }
    }
    return stdout_fd_ >= 0 || stderr_fd_ >= 0;
}

void ChildProcess::Reap(int options) {
    int status = 0;
    pid_t reaped = 0;
    do {
        reaped = ::waitpid(pid_, &status, options);
    } while (reaped < 0 && errno == EINTR);
    if (reaped != pid_) {
        return;
    }
    if (WIFEXITED(status)) {
        exit_code_ = WEXITSTATUS(status);
    } else if (WIFSIGNALED(status)) {
        exit_code_ = kSignalExitBase + WTERMSIG(status);
    }
}

bool ChildProcess::WaitForStderr(std::string_view text, std::chrono::seconds limit) {
    const auto deadline = std::chrono::steady_clock::now() + limit;
    while (stderr_.find(text) == std::string::npos) {
        if (std::chrono::steady_clock::now() >= deadline || !Pump(kPollSlice)) {
            return stderr_.find(text) != std::string::npos;
        }
    }
    return true;
}

void ChildProcess::Signal(int signal_number) {
    if (!exit_code_ && pid_ > 0) {
        ::kill(pid_, signal_number);
    }
}

std::optional<int> ChildProcess::Wait(std::chrono::seconds limit) {
    const auto deadline = std::chrono::steady_clock::now() + limit;
    while (!exit_code_) {
        if (std::chrono::steady_clock::now() >= deadline) {
            ::kill(pid_, SIGKILL);
            Reap(0);
            return std::nullopt;
        }
        // Keep draining, so a chatty child never blocks on a full pipe.
        if (!Pump(kPollSlice)) {
            std::this_thread::sleep_for(kPollSlice);
        }
        Reap(WNOHANG);
    }
    while (Pump(kPollSlice)) {
    }
    return exit_code_;
}

RunResult RunProgram(const std::vector<std::string>& argv,
                     const std::vector<std::string>& environment, std::chrono::seconds limit) {
    ChildProcess child(argv, environment);
    RunResult result;
    result.exit_code = child.Wait(limit);
    result.stdout_text = child.stdout_text();
    result.stderr_text = child.stderr_text();
    return result;
}

}  // namespace minqing::tests
