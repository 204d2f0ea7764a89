// Runs a program (the real minqing binary) as a child process with its stdout and stderr
// captured, for CLI tests. Time limits guard against hangs only; tests never assert on them.
// Not thread-safe: one instance per thread.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <sys/types.h>

namespace minqing::tests {

class ChildProcess {
  public:
    /// Starts `argv[0]` with `argv`. The child's environment is ours without any MINQING_*
    /// variable (so a developer's settings cannot leak in) plus `environment` ("NAME=value").
    /// Throws std::system_error when the program cannot be started.
    explicit ChildProcess(const std::vector<std::string>& argv,
                          const std::vector<std::string>& environment = {});
    /// Kills the child (SIGKILL) if it still runs, and reaps it.
    ~ChildProcess();
    ChildProcess(const ChildProcess&) = delete;
    ChildProcess& operator=(const ChildProcess&) = delete;

    /// Collects output until stderr contains `text`; false when the child closed its output
    /// or `limit` passed first.
    bool WaitForStderr(std::string_view text, std::chrono::seconds limit);
    void Signal(int signal_number);
    /// Collects output until the child exits; its exit code, 128 + the signal that killed
    /// it, or nullopt when `limit` passed first (the child is then killed).
    std::optional<int> Wait(std::chrono::seconds limit);

    const std::string& stdout_text() const { return stdout_; }
    const std::string& stderr_text() const { return stderr_; }

  private:
    // Reads whatever is available within `timeout`; false once both pipes are closed.
    bool Pump(std::chrono::milliseconds timeout);
    void Reap(int options);

    pid_t pid_ = -1;
    int stdout_fd_ = -1;
    int stderr_fd_ = -1;
    std::string stdout_;
    std::string stderr_;
    std::optional<int> exit_code_;
};

struct RunResult {
    /// Exit code (or 128 + signal); nullopt when the program did not finish in time.
    std::optional<int> exit_code;
    std::string stdout_text;
    std::string stderr_text;
};

/// Runs a program to completion (see ChildProcess for the environment).
RunResult RunProgram(const std::vector<std::string>& argv,
                     const std::vector<std::string>& environment = {},
                     std::chrono::seconds limit = std::chrono::seconds(120));

}  // namespace minqing::tests
