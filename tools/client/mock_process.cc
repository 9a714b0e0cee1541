#include "tools/client/mock_process.h"

#include <fstream>

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <stdexcept>

namespace contract {
namespace {

// Reads the child's stdout until a complete ready line, with an overall deadline.
std::string AwaitReadyLine(int fd, const MockProcess::Options& options) {
  const auto deadline =
      std::chrono::steady_clock::now() + std::chrono::seconds(options.ready_seconds);
  const std::string& ready = options.ready_prefix;
  std::string seen;
  while (true) {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) {
      throw std::runtime_error(options.name + " printed no ready line within " +
                               std::to_string(options.ready_seconds) + " s: " + seen);
    }
    pollfd p{fd, POLLIN, 0};
    if (poll(&p, 1, static_cast<int>(left.count())) <= 0) continue;
    char buf[256];
    ssize_t n = read(fd, buf, sizeof buf);
    if (n <= 0) throw std::runtime_error(options.name + " exited before it was ready: " + seen);
    seen.append(buf, static_cast<size_t>(n));
    size_t at = seen.find(ready);
    size_t eol = at == std::string::npos ? at : seen.find('\n', at);
    if (eol != std::string::npos) return seen.substr(at + ready.size(), eol - at - ready.size());
  }
}

}  // namespace

MockProcess::MockProcess(const std::string& binary, const std::vector<std::string>& args,
                         const Options& options) {
  std::vector<std::string> argv_s = {binary};
  if (options.port_zero) argv_s.insert(argv_s.end(), {"--port", "0"});
  if (!options.log_level.empty()) {
    argv_s.insert(argv_s.end(), {"--log-level", options.log_level});
  }
  argv_s.insert(argv_s.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (std::string& a : argv_s) argv.push_back(a.data());
  argv.push_back(nullptr);

  int pipe_fds[2];
  if (pipe2(pipe_fds, O_CLOEXEC) != 0) throw std::runtime_error("pipe failed");
  int err_fd = -1;
  if (!options.stderr_path.empty()) {
    err_fd = open(options.stderr_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (err_fd < 0) throw std::runtime_error("cannot open " + options.stderr_path);
  }
  const pid_t parent = getpid();
  pid_ = fork();
  if (pid_ < 0) throw std::runtime_error("fork failed");
  if (pid_ == 0) {
    // Only async-signal-safe calls here. The child dies with the suite, even if the suite is
    // killed, so no mock outlives a test run.
    prctl(PR_SET_PDEATHSIG, SIGTERM);
    if (getppid() != parent) _exit(127);
    dup2(pipe_fds[1], STDOUT_FILENO);
    if (err_fd >= 0) dup2(err_fd, STDERR_FILENO);
    close(pipe_fds[0]);
    close(pipe_fds[1]);
    execv(binary.c_str(), argv.data());
    _exit(127);
  }
  close(pipe_fds[1]);
  if (err_fd >= 0) close(err_fd);
  stdout_fd_ = pipe_fds[0];
  try {
    base_url_ = AwaitReadyLine(stdout_fd_, options);
  } catch (...) {
    Stop();
    throw;
  }
}

MockProcess::~MockProcess() { Stop(); }

int MockProcess::Stop(int signal) {
  if (pid_ <= 0) return -1;
  kill(pid_, signal);
  int status = -1;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  while (waitpid(pid_, &status, WNOHANG) == 0) {
    if (std::chrono::steady_clock::now() > deadline) {
      kill(pid_, SIGKILL);
      waitpid(pid_, &status, 0);
      break;
    }
    // Wait for the child's exit: poll() on its stdout wakes when the child closes it; after
    // that, a short bounded poll until waitpid reaps it.
    pollfd p{stdout_fd_, POLLIN, 0};
    char sink[256];
    if (stdout_fd_ >= 0 && poll(&p, 1, 50) > 0 && read(stdout_fd_, sink, sizeof sink) <= 0) {
      close(stdout_fd_);
      stdout_fd_ = -1;
    }
    if (stdout_fd_ < 0) poll(nullptr, 0, 5);
  }
  pid_ = -1;
  if (stdout_fd_ >= 0) close(stdout_fd_);
  stdout_fd_ = -1;
  return status;
}

}  // namespace contract
