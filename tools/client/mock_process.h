// Runs ocp-mock as a child process on a free port, for as long as this object lives.
//
//   MockProcess mock(binary, {"--fixtures", dir});   // waits for "listening on http://..."
//   HttpClient client(mock.base_url(), ...);
#pragma once

#include <sys/types.h>

#include <memory>
#include <string>
#include <vector>

namespace contract {

class MockProcess {
 public:
  struct Options {
    std::string log_level = "warn";  // empty: no --log-level (a server that has none)
    std::string stderr_path;         // where the child's log goes; empty = inherit
    // A child that is not ocp-mock (a validation proxy): no --port 0, its name in messages, and
    // the start of its ready line, after which the line is its base URL ("": the first line is
    // the URL).
    bool port_zero = true;
    std::string name = "ocp-mock";
    std::string ready_prefix = "listening on ";
    int ready_seconds = 30;
  };

  // Starts `binary --port 0 [--log-level L] <args>` and waits (at most ready_seconds, on the
  // child's stdout, never by sleeping) for its ready line. Throws std::runtime_error if the child
  // exits or stays silent.
  MockProcess(const std::string& binary, const std::vector<std::string>& args,
              const Options& options);
  MockProcess(const std::string& binary, const std::vector<std::string>& args)
      : MockProcess(binary, args, Options()) {}
  ~MockProcess();
  MockProcess(const MockProcess&) = delete;
  MockProcess& operator=(const MockProcess&) = delete;

  const std::string& base_url() const { return base_url_; }

  // Sends `signal` and returns the exit status (as from waitpid), waiting at most 10 s before
  // SIGKILL.
  int Stop(int signal = 15);

  pid_t pid() const { return pid_; }

 private:
  pid_t pid_ = -1;
  int stdout_fd_ = -1;
  std::string base_url_;
};

}  // namespace contract
